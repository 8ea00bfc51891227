// Moving a database to a new key: every BSN and second-factor secret opens
// with the new key afterwards, and a database that does not open with the
// given old key is left exactly as it was.
#include "service/key_rotation.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/sealed_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"

namespace regie::service {
namespace {

using domain::Role;

class KeyRotationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    ASSERT_TRUE(store::HouseholdStore(*store).set_member_bsn("H1-M1", old_key.seal("111222333")));
    domain::Account a{"key.test", "Key Test", Role::director, "x"};
    ASSERT_TRUE(store::AccountStore(*store).create(a, "2019-01-01T00:00:00Z"));
    ASSERT_TRUE(store::AccountStore(*store).set_totp("key.test", old_key.seal("JBSWY3DPEHPK3PXP"), 0));
  }
  std::vector<std::string> sealed_now() {
    std::vector<std::string> out;
    for (auto& v : store::SealedStore(*store).all()) out.push_back(v.sealed);
    return out;
  }
  Sealer key(const std::string& name) { return *Sealer::from_key_file(keys.file(name), true); }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir keys;
  ManualClock clock{1'546'300'800};
  Sealer old_key = key("old.key");
  Sealer new_key = key("new.key");
  Principal admin{"cli:root", "cli:root", Role::administrator, ""};
};

TEST_P(KeyRotationTest, EverySealedValueOpensWithTheNewKeyAndNoLongerWithTheOld) {
  auto done = rotate_key(*store, clock, admin, old_key, new_key);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->bsns, 1u);
  EXPECT_EQ(done->secrets, 1u);
  auto values = store::SealedStore(*store).all();
  ASSERT_EQ(values.size(), 2u);
  for (auto& v : values) {
    EXPECT_FALSE(old_key.open(v.sealed)) << v.owner;
    auto plain = new_key.open(v.sealed);
    ASSERT_TRUE(plain) << v.owner;
    EXPECT_EQ(*plain, v.kind == store::SealedValue::Kind::member_bsn ? "111222333" : "JBSWY3DPEHPK3PXP");
  }
  auto trail = store::AuditStore(*store).query({});
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "key.rotate");
  EXPECT_EQ(trail.back().outcome, "allowed");
}

TEST_P(KeyRotationTest, TheWrongOldKeyChangesNothing) {
  const auto before = sealed_now();
  auto wrong = key("other.key");
  auto done = rotate_key(*store, clock, admin, wrong, new_key);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::invalid_input);
  EXPECT_NE(done.error().message.find("nothing was changed"), std::string::npos);
  EXPECT_EQ(done.error().message.find("111222333"), std::string::npos);
  EXPECT_EQ(sealed_now(), before);
}

TEST_P(KeyRotationTest, OnlyAnAdministratorRotatesAndARefusalIsRecorded) {
  const auto before = sealed_now();
  Principal director{"dir.a", "Director A", Role::director, ""};
  auto done = rotate_key(*store, clock, director, old_key, new_key);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::forbidden);
  EXPECT_EQ(sealed_now(), before);
  auto trail = store::AuditStore(*store).query({});
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().outcome, "denied");
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyRotationTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
