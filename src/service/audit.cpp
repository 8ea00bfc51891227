#include "service/audit.h"
#include "store/account_store.h"
#include "store/organisation_store.h"
#include "domain/account.h"
#include "domain/audit_event.h"

#include <map>

namespace regie::service {

void record_access(store::Store& store, const Clock& clock, const Principal& who, const std::string& action,
                   const std::string& subject, bool allowed, const std::string& detail,
                   const AccessedRecord& record) {
  domain::AuditEvent e{0, clock.now_iso8601(), who.username, action, subject, allowed ? "allowed" : "denied", detail};
  e.role = std::string(domain::to_string(who.role));
  e.organisation = who.organisation_id;
  e.client = who.client;
  e.person = record.person;
  e.record_type = record.record_type.empty() ? action.substr(0, action.find('.')) : record.record_type;
  e.record_id = record.record_id.empty() && subject != "*" ? subject : record.record_id;
  store.append_audit(e);
}

FileViewPage who_looked(store::Store& store, const std::string& household_id, int limit,
                        std::optional<std::int64_t> before, const std::string& not_role) {
  store::AuditQuery q;
  q.subject = household_id;
  q.allowed_only = true;
  q.newest_first = true;
  q.limit = limit + 1;  // one more than shown tells whether an older page exists
  q.before_id = before;
  if (!not_role.empty()) q.not_role = not_role;
  auto events = store::AuditStore(store).query(q);
  FileViewPage page;
  if (static_cast<int>(events.size()) > limit) {
    events.resize(limit);
    page.next_before = events.back().id;
  }
  auto& out = page.views;
  // Names are looked up once per person and organisation, not once per look.
  std::map<std::string, std::optional<domain::Account>> accounts;
  std::map<std::string, std::string> organisations;
  auto organisation_name = [&](const std::string& id) {
    auto it = organisations.find(id);
    if (it == organisations.end()) {
      auto org = store::OrganisationStore(store).find(id);
      it = organisations.emplace(id, org ? org->name : std::string()).first;
    }
    return it->second;
  };
  for (const auto& e : events) {
    auto acc = accounts.find(e.actor);
    if (acc == accounts.end()) acc = accounts.emplace(e.actor, store::AccountStore(store).find(e.actor)).first;
    const auto& account = acc->second;
    FileView v;
    v.id = e.id;
    v.at = e.at;
    v.action = e.action;
    v.person = e.person;
    v.who = account ? account->display_name : e.actor;
    // The role and organisation at the time of the look; older records lack
    // them, and then the account's current ones stand in.
    v.role = !e.role.empty() ? e.role : account ? std::string(domain::to_string(account->role)) : "";
    std::string org_id = e.organisation;
    if (org_id.empty() && account && account->professional_id)
      if (auto pro = store::OrganisationStore(store).professional(*account->professional_id)) org_id = pro->organisation_id;
    if (!org_id.empty()) v.organisation = organisation_name(org_id);
    out.push_back(std::move(v));
  }
  return page;
}

bool may_read_audit(const Principal& who) { return who.role == domain::Role::administrator; }

Result<analytics::Table> audit_export(store::Store& store, const Clock& clock, const Principal& who,
                                      const store::AuditQuery& q) {
  const bool allowed = may_read_audit(who);
  const std::string subject = q.subject.value_or("*");
  std::string detail;
  if (q.person) detail += "person=" + *q.person + " ";
  if (q.subject) detail += "subject=" + *q.subject + " ";
  if (q.from) detail += "from=" + format_date(*q.from) + " ";
  if (q.to) detail += "to=" + format_date(*q.to) + " ";
  if (!detail.empty()) detail.pop_back();
  record_access(store, clock, who, "audit.read", subject, allowed, detail,
                AccessedRecord{"audit_event", "", q.person.value_or("")});
  if (!allowed) return forbidden("only an administrator may read the audit trail");
  analytics::Table t;
  t.columns = {"seq",     "at",          "actor",     "role",   "organisation", "action", "outcome", "subject",
               "person",  "record_type", "record_id", "client", "detail",       "hash"};
  t.numeric.assign(t.columns.size(), false);
  t.numeric[0] = true;
  for (auto& e : store::AuditStore(store).query(q))
    t.rows.push_back({e.seq ? std::to_string(e.seq) : "", e.at, e.actor, e.role, e.organisation, e.action,
                      e.outcome, e.subject, e.person, e.record_type, e.record_id, e.client, e.detail, e.hash});
  return t;
}

}  // namespace regie::service
