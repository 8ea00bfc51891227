// Consent rules that need the store: members, organisations, guardians.
#include "service/consent.h"

#include <fmt/format.h>

#include "common/money.h"
#include "common/problems.h"
#include "service/households.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/settings_store.h"
#include "domain/household.h"

namespace regie::service {
namespace {

const domain::Member* find_member(const std::vector<domain::Member>& members, const std::string& id) {
  for (auto& m : members)
    if (m.id == id) return &m;
  return nullptr;
}

std::string name_of(const domain::Member& m) { return m.given_name + " " + m.family_name; }

}  // namespace

// Whether `c` (consent `id`, looked up by the caller) is this household's and
// the caller works on it; recorded as a look only when both hold.
Status Consents::owned(const Principal& who, const std::string& household_id, std::int64_t id,
                       const std::optional<domain::Consent>& c, const std::string& action) {
  const bool here = c && c->household_id == household_id;
  return may_work_on_record(store_, clock_, who, household_id, action,
                            {"consent", std::to_string(id), here ? c->member_id : ""}, here,
                            not_found("no such consent in this household"));
}

int guardian_below_age(store::Store& store) {
  if (auto v = store::SettingsStore(store).get("consent.guardian_below_age"))
    if (auto n = parse_fixed(*v, 0); n && *n > 0 && *n < 30) return static_cast<int>(*n);
  return 16;
}

Result<domain::ConsentScope> Consents::scope_of(const std::string& household_id, const domain::Consent& c) {
  auto members = store::HouseholdStore(store_).members(household_id);
  ProblemList problems;
  auto* member = find_member(members, c.member_id);
  if (!member) problems.add("member_id: not a member of this household");
  auto org = store::OrganisationStore(store_).find(c.organisation_id);
  if (!org) problems.add("organisation_id: unknown organisation");
  const domain::Member* guardian = nullptr;
  if (member) {
    int age = year_of(c.given_on) - member->birth_year;
    bool child = age < guardian_below_age(store_);
    if (child && !c.guardian_member_id)
      problems.add(fmt::format("guardian_member_id: {} is under {}; a parent or guardian gives consent",
                               member->given_name, guardian_below_age(store_)));
    if (c.guardian_member_id) {
      guardian = find_member(members, *c.guardian_member_id);
      if (!child)
        problems.add("guardian_member_id: only for a member under the guardian age");
      else if (!guardian || guardian->role != domain::MemberRole::parent)
        problems.add("guardian_member_id: a parent in this household");
    }
  }
  if (!problems.empty()) return problems.error();
  return domain::ConsentScope{name_of(*member), guardian ? name_of(*guardian) : "", org->name, c.purpose, c.expires_on};
}

Result<std::vector<domain::Consent>> Consents::list(const Principal& who, const std::string& household_id) {
  if (!is_assigned_director(store_, clock_, who, household_id, "consents.read")) return hidden_household();
  return consents_.of_household(household_id);
}

Result<domain::Consent> Consents::add(const Principal& who, const std::string& household_id, domain::Consent c) {
  const auto members = store::HouseholdStore(store_).members(household_id);
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "consents.add", {"consent", "", c.member_id},
                                   find_member(members, c.member_id) != nullptr,
                                   invalid("member_id: not a member of this household"));
      !st)
    return st.error();
  c.household_id = household_id;
  c.recorded_by = who.username;
  if (c.given_on.days == 0) c.given_on = clock_.today();
  ProblemList problems;
  if (c.given_on > clock_.today()) problems.add("given_on: consent cannot be given in the future");
  if (c.expires_on && *c.expires_on < c.given_on) problems.add("expires_on: before given_on");
  if (c.method == domain::ConsentMethod::verbal_witnessed && c.witness.empty())
    problems.add("witness: verbal consent needs the name of a witness");
  auto scope = scope_of(household_id, c);
  if (!scope) problems.add(scope.error().message);
  if (!problems.empty()) return problems.error();
  auto id = consents_.add(c);
  if (!id) return id.error();
  c.id = *id;
  return c;
}

Result<domain::Consent> Consents::withdraw(const Principal& who, const std::string& household_id, std::int64_t id,
                                           int version) {
  auto c = consents_.get(id);
  if (auto st = owned(who, household_id, id, c, "consents.withdraw"); !st) return st.error();
  if (c->withdrawn_on) return Error{ErrorCode::conflict, "this consent was already withdrawn"};
  auto v = consents_.withdraw(id, version, clock_.today());
  if (!v) return v.error();
  return *consents_.get(id);
}

Result<std::string> Consents::text(const Principal& who, const std::string& household_id, std::int64_t id) {
  auto c = consents_.get(id);
  if (auto st = owned(who, household_id, id, c, "consents.read"); !st) return st.error();
  auto scope = scope_of(household_id, *c);
  if (!scope) return scope.error();
  return domain::consent_text(*scope);
}

Result<std::string> Consents::preview(const Principal& who, const std::string& household_id,
                                      const domain::Consent& c) {
  if (!is_assigned_director(store_, clock_, who, household_id, "consents.preview"))
    return hidden_household();
  domain::Consent dated = c;
  if (dated.given_on.days == 0) dated.given_on = clock_.today();
  auto scope = scope_of(household_id, dated);
  if (!scope) return scope.error();
  return domain::consent_text(*scope);
}

}  // namespace regie::service
