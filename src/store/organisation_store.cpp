// SQL of organisations and professionals; see organisation_store.h.
#include "store/organisation_store.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

namespace {
Organisation organisation_from(const soci::row& r) {
  return Organisation{str(r, "id"), str(r, "name"), str(r, "kind")};
}
Professional professional_from(const soci::row& r) {
  return Professional{str(r, "id"), str(r, "name"), str(r, "organisation_id"), str(r, "role"), str(r, "phone")};
}
}  // namespace

std::vector<Organisation> OrganisationStore::list() {
  std::vector<Organisation> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM organisation ORDER BY name, id");
    for (auto& r : rs) out.push_back(organisation_from(r));
  });
  return out;
}

std::optional<Organisation> OrganisationStore::find(const std::string& id) {
  std::optional<Organisation> out;
  // Kept prepared on the pooled connection (Store::query): one round trip.
  store_.query("SELECT * FROM organisation WHERE id = :i", {id}, [&](const soci::row& r) {
    if (!out) out = organisation_from(r);
  });
  return out;
}

std::vector<Professional> OrganisationStore::professionals() {
  std::vector<Professional> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM professional ORDER BY name, id");
    for (auto& r : rs) out.push_back(professional_from(r));
  });
  return out;
}

std::optional<Professional> OrganisationStore::professional(const std::string& id) {
  std::optional<Professional> out;
  // Kept prepared on the pooled connection (Store::query): one round trip.
  store_.query("SELECT * FROM professional WHERE id = :i", {id}, [&](const soci::row& r) {
    if (!out) out = professional_from(r);
  });
  return out;
}

Status OrganisationStore::add_professional(const Professional& p) {
  return write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO professional (id, name, organisation_id, role, phone) VALUES (:i, :n, :o, :r, :p)",
            soci::use(p.id), soci::use(p.name), soci::use(p.organisation_id), soci::use(p.role), soci::use(p.phone);
      },
      [](const soci::soci_error&) {
        return Error{ErrorCode::conflict,
                     "the professional could not be stored (unknown organisation or duplicate id)"};
      });
}

Status OrganisationStore::add(const Organisation& o) {
  return write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO organisation (id, name, kind) VALUES (:i, :n, :k)", soci::use(o.id), soci::use(o.name),
            soci::use(o.kind);
      },
      [](const soci::soci_error&) {
        return Error{ErrorCode::conflict, "the organisation could not be stored (duplicate id)"};
      });
}

std::vector<Organisation> OrganisationStore::of_household(const std::string& household_id) {
  std::vector<Organisation> out;
  store_.query(
      "SELECT o.id, o.name, o.kind FROM organisation o WHERE o.id IN "
      "(SELECT provider_id FROM provision WHERE household_id = :h)",
      {household_id}, [&](const soci::row& r) { out.push_back(organisation_from(r)); });
  return out;
}

std::vector<Professional> OrganisationStore::professionals_of_household(const std::string& household_id) {
  std::vector<Professional> out;
  store_.query(
      "SELECT p.id, p.name, p.organisation_id, p.role, p.phone FROM professional p WHERE p.id IN "
      "(SELECT professional_id FROM provision WHERE household_id = :h)",
      {household_id}, [&](const soci::row& r) { out.push_back(professional_from(r)); });
  return out;
}

}  // namespace regie::store
