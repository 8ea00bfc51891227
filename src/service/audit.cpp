#include "service/audit.h"

#include <map>

namespace regie::service {

void record_access(store::Store& store, const Clock& clock, const Principal& who, const std::string& action,
                   const std::string& subject, bool allowed, const std::string& detail) {
  store.append_audit(domain::AuditEvent{0, clock.now_iso8601(), who.username, action, subject,
                                        allowed ? "allowed" : "denied",
                                        detail.empty() ? std::string(domain::to_string(who.role)) : detail});
}

std::vector<FileView> who_looked(store::Store& store, const std::string& household_id, int limit) {
  std::vector<FileView> out;
  std::map<std::string, FileView> people;  // username -> name, role, organisation
  for (const auto& e : store.audit_events(household_id, limit)) {
    if (e.outcome != "allowed") continue;
    auto it = people.find(e.actor);
    if (it == people.end()) {
      FileView person;
      person.who = e.actor;
      if (auto a = store.account(e.actor)) {
        person.who = a->display_name;
        person.role = std::string(domain::to_string(a->role));
        if (a->professional_id)
          if (auto pro = store.professional(*a->professional_id))
            if (auto org = store.organisation(pro->organisation_id)) person.organisation = org->name;
      }
      it = people.emplace(e.actor, person).first;
    }
    FileView v = it->second;
    v.at = e.at;
    v.action = e.action;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace regie::service
