#include "service/audit.h"
#include "store/account_store.h"
#include "store/organisation_store.h"
#include "domain/account.h"
#include "domain/audit_event.h"

#include <algorithm>
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
                        std::optional<std::int64_t> before, const std::string& not_role,
                        const std::function<bool(const std::string& member)>& shown) {
  // Names are looked up once per person and organisation, not once per look.
  std::map<std::string, std::optional<domain::Account>> accounts;
  std::map<std::string, std::string> organisations;
  auto account_of = [&](const std::string& username) -> const std::optional<domain::Account>& {
    auto it = accounts.find(username);
    if (it == accounts.end()) it = accounts.emplace(username, store::AccountStore(store).find(username)).first;
    return it->second;
  };
  auto organisation_name = [&](const std::string& id) {
    auto it = organisations.find(id);
    if (it == organisations.end()) {
      auto org = store::OrganisationStore(store).find(id);
      it = organisations.emplace(id, org ? org->name : std::string()).first;
    }
    return it->second;
  };

  // A director who saves twenty answers in one visit looked once: the looks
  // of one person from one organisation on one day are one line. A page holds
  // `limit` lines; a line's later looks (older in time) on the same page join
  // it, and the page ends where a new line would begin.
  struct Key {
    std::string day, actor, organisation;
    bool operator==(const Key&) const = default;
  };
  FileViewPage page;
  std::vector<Key> keys;
  constexpr int kBatch = 500;
  std::optional<std::int64_t> cursor = before;
  std::optional<std::int64_t> last_taken;
  for (bool more = true; more;) {
    store::AuditQuery q;
    q.subject = household_id;
    q.allowed_only = true;
    q.newest_first = true;
    q.limit = kBatch;
    q.before_id = cursor;
    if (!not_role.empty()) q.not_role = not_role;
    auto events = store::AuditStore(store).query(q);
    more = static_cast<int>(events.size()) == kBatch;
    for (const auto& e : events) {
      cursor = e.id;
      const auto& account = account_of(e.actor);
      const std::string role =
          !e.role.empty() ? e.role : account ? std::string(domain::to_string(account->role)) : "";
      // Records from before roles were stored fall back to the account's role.
      if ((!not_role.empty() && role == not_role) || (!e.person.empty() && shown && !shown(e.person))) continue;
      // The role and organisation at the time of the look; older records lack
      // them, and then the account's current ones stand in.
      std::string org_id = e.organisation;
      if (org_id.empty() && account && account->professional_id)
        if (auto pro = store::OrganisationStore(store).professional(*account->professional_id))
          org_id = pro->organisation_id;
      Key key{e.at.substr(0, 10), e.actor, org_id};
      auto found = std::find(keys.begin(), keys.end(), key);
      if (found == keys.end()) {
        if (static_cast<int>(keys.size()) == limit) {
          page.next_before = last_taken;
          return page;
        }
        keys.push_back(key);
        FileView v;
        v.id = e.id;
        v.at = e.at;
        v.action = e.action;
        v.person = e.person;
        v.who = account ? account->display_name : e.actor;
        v.role = role;
        if (!org_id.empty()) v.organisation = organisation_name(org_id);
        page.views.push_back(std::move(v));
        found = keys.end() - 1;
      }
      auto& v = page.views[static_cast<std::size_t>(found - keys.begin())];
      ++v.looks;
      if (std::find(v.actions.begin(), v.actions.end(), e.action) == v.actions.end()) v.actions.push_back(e.action);
      last_taken = e.id;
    }
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
