// Records of the interoperability area that are read and written outside an
// import: outcomes, warnings and provider links; see interop_store.h.
#include <fmt/format.h>

#include "store/interop_store.h"
#include "store/rows.h"

namespace regie::store {

void InteropStore::record_outcome(const Outcome& o) {
  store_.write([&](soci::session& sql) {
    sql << "INSERT INTO interop_import (standard, file_name, message, outcome, rule, detail, imported_by, imported_at) "
           "VALUES (:s, :f, :m, :o, :r, :d, :b, :a)",
        soci::use(o.standard), soci::use(o.file_name), soci::use(o.message), soci::use(o.outcome), soci::use(o.rule),
        soci::use(o.detail), soci::use(o.by), soci::use(o.at);
  });
}

std::vector<InteropStore::Outcome> InteropStore::outcomes(std::size_t limit) {
  std::vector<Outcome> out;
  long long n = static_cast<long long>(limit);
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM interop_import ORDER BY id DESC LIMIT :n", soci::use(n));
    for (auto& r : rs)
      out.push_back({i64(r, "id"), str(r, "standard"), str(r, "file_name"), str(r, "message"), str(r, "outcome"),
                     str(r, "rule"), str(r, "detail"), str(r, "imported_by"), str(r, "imported_at")});
  });
  return out;
}

std::vector<InteropStore::StoredWarning> InteropStore::warnings(const std::string& household_id) {
  std::vector<StoredWarning> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT member_id, message, text, created_at FROM interop_warning WHERE household_id = :h "
                        "ORDER BY id DESC",
         soci::use(household_id));
    for (auto& r : rs) out.push_back({str(r, "member_id"), str(r, "message"), str(r, "text"), str(r, "created_at")});
  });
  return out;
}

std::vector<InteropStore::ProviderLink> InteropStore::providers() {
  std::vector<ProviderLink> out;
  store_.read([&](soci::session& sql) {
    // Every AGB code allocations were made to, with the organisation it now stands for.
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT DISTINCT a.provider_agb, l.organisation_id, o.name AS linked_name, d.name AS own_name "
                        "FROM interop_allocation a LEFT JOIN interop_provider l ON l.agb = a.provider_agb "
                        "LEFT JOIN organisation o ON o.id = l.organisation_id "
                        "LEFT JOIN organisation d ON d.id = 'AGB' || a.provider_agb ORDER BY a.provider_agb");
    for (auto& r : rs) {
      ProviderLink p;
      p.agb = str(r, "provider_agb");
      p.linked = opt_str(r, "organisation_id").has_value();
      p.organisation_id = p.linked ? str(r, "organisation_id") : "AGB" + p.agb;
      p.organisation_name = p.linked ? opt_str(r, "linked_name").value_or("") : opt_str(r, "own_name").value_or("");
      out.push_back(std::move(p));
    }
  });
  return out;
}

Status InteropStore::link_provider(const std::string& agb, const std::string& organisation_id, const std::string& by,
                                   const std::string& at) {
  Status result = ok_status();
  store_.write([&](soci::session& sql) {
    long long known = 0, used = 0;
    sql << "SELECT COUNT(*) FROM organisation WHERE id = :i", soci::into(known), soci::use(organisation_id);
    sql << "SELECT COUNT(*) FROM interop_allocation WHERE provider_agb = :a", soci::into(used), soci::use(agb);
    if (!known) return void(result = invalid(fmt::format("organisatie '{}' bestaat niet", organisation_id)));
    if (!used) return void(result = invalid(fmt::format("er zijn geen toewijzingen aan AGB-code {} ingelezen", agb)));
    sql << "DELETE FROM interop_provider WHERE agb = :a", soci::use(agb);
    sql << "INSERT INTO interop_provider (agb, organisation_id, linked_by, linked_at) VALUES (:a, :o, :b, :t)",
        soci::use(agb), soci::use(organisation_id), soci::use(by), soci::use(at);
    sql << "UPDATE provision SET provider_id = :o, version = version + 1 WHERE id IN (SELECT provision_id FROM "
           "interop_allocation WHERE provider_agb = :a)",
        soci::use(organisation_id), soci::use(agb);
  });
  return result;
}

}  // namespace regie::store
