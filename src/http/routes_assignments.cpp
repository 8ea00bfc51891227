// Team leads assigned to a household (see service/assignments.h and
// docs/access.md). The user name is in the path, so the requests carry no body.
#include "http/handler.h"
#include "service/assignments.h"

namespace regie::http {
namespace {

json assignment_json(const store::Assignment& a) {
  return {{"username", a.username},
          {"display_name", a.display_name},
          {"assigned_by", a.assigned_by},
          {"assigned_at", a.assigned_at}};
}

}  // namespace

void add_assignment_routes(Api& api) {
  auto service = std::make_shared<service::Assignments>(api.store, api.clock);
  Routes routes(api);
  const std::string leads = kHouseholdPath + "/team-leads";
  const std::string one = leads + "/" + kIdSegment;

  routes.get(leads, [service](const Call& c) {
    return list("team_leads", service->list(c.who, c.household()), assignment_json);
  });
  routes.put(one, [service](const Call& c) {
    return list("team_leads", service->assign(c.who, c.household(), c.part(2)), assignment_json);
  }, Body::none);
  routes.del(one, [service](const Call& c) -> Answer {
    if (auto st = service->unassign(c.who, c.household(), c.part(2)); !st) return st.error();
    return no_content();
  });
}

}  // namespace regie::http
