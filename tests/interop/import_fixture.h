// The store, key and service an iJw/iWmo import test needs, on each backend,
// and the shipped test messages (tests/interop/messages/).
#pragma once
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>

#include "interop/istandaard.h"
#include "service/interop.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/account.h"

namespace regie::service::testing_interop {

// The source tree, found from the demo data path the test build already knows.
inline std::filesystem::path source_root() {
  return std::filesystem::path(REGIE_DEMO_DATA).parent_path().parent_path().parent_path();
}
inline const std::string kMessages = (source_root() / "tests/interop/messages/").string();
// The official schemas, beside the project (../shared/istandaarden); operators download them.
inline const std::string kSchemas = (source_root().parent_path() / "shared/istandaarden").string();

inline std::string message(const std::string& name) { return testing::read_file(kMessages + name); }

class ImportFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    auto s = Sealer::from_key_file(keys.file("regie.key"), true);
    ASSERT_TRUE(s);
    sealer.emplace(*s);
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M2", sealer->seal("111222333")));  // Tim, the child
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M1", sealer->seal("123456782")));  // Els, the parent
    interop.emplace(*store, clock, &*sealer);
  }
  Result<ImportResult> import(const std::string& name, interop::Standard s = interop::Standard::ijw) {
    ImportOptions o;
    o.file_name = name;
    return interop->import_message(admin, message(name), s, o);
  }
  std::size_t rows(const std::string& table) {
    long long n = 0;
    store->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(n); });
    return static_cast<std::size_t>(n);
  }
  // Everything an accepted import may write, to prove a refusal stored nothing
  // (the kept outcome of each file, interop_import, is left out on purpose).
  std::vector<std::size_t> footprint() {
    std::vector<std::size_t> out;
    for (auto* t : {"interop_message", "interop_allocation", "interop_declared_line", "interop_declaration",
                    "interop_warning", "provision", "organisation", "care_map_change"})
      out.push_back(rows(t));
    return out;
  }
  // The declared cost and dates of every provision, to prove nothing moved.
  std::vector<std::string> provisions_state() {
    std::vector<std::string> out;
    for (auto& p : regie::store::ProvisionStore(*store).of_household("H1"))
      out.push_back(p.id + " " + std::to_string(p.annual_cost) + " " + format_date(p.start) + " " +
                    (p.end ? format_date(*p.end) : "-") + " " + std::string(domain::to_string(p.basis)));
    return out;
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir keys;
  ManualClock clock{1'559'347'200};  // 2019-06-01
  std::optional<Sealer> sealer;
  std::optional<Interop> interop;
  Principal admin{"admin", "Administrator", domain::Role::administrator, ""};
  Principal dir_a{"dir.a", "Director A", domain::Role::director, ""};
};

}  // namespace regie::service::testing_interop
