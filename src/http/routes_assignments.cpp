// Team leads assigned to a household (see service/assignments.h and
// docs/access.md). The user name is in the path, so the requests carry no body.
#include "http/api.h"
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
  auto auth = api.require_principal;
  const std::string leads = kHouseholdPath + "/team-leads";
  const std::string one = leads + "/" + kIdSegment;

  api.http.Get(leads, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->list(*p, req.matches[1]);
    if (!list) return send_error(res, list.error());
    send_list(res, "team_leads", *list, assignment_json);
  });
  api.http.Put(one, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->assign(*p, req.matches[1], req.matches[2]);
    if (!list) return send_error(res, list.error());
    send_list(res, "team_leads", *list, assignment_json);
  });
  api.http.Delete(one, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto st = service->unassign(*p, req.matches[1], req.matches[2]);
    if (!st) return send_error(res, st.error());
    res.status = 204;
  });
}

}  // namespace regie::http
