// The registrar behind every API route (see handler.h).
#include "http/handler.h"

#include "service/access.h"

namespace regie::http {

void send_answer(httplib::Response& res, const Answer& a) {
  if (a.error) return send_error(res, *a.error);
  res.set_header("Cache-Control", "no-store");
  if (a.status == 0) return;  // written by the route
  if (a.body) return send_json(res, a.status, *a.body);
  res.status = a.status;
}

httplib::Server::Handler Routes::wrap(Handler h, Need need, Body default_body) {
  const Body body = need.body.value_or(default_body);
  return [&api = api_, h = std::move(h), need = std::move(need), body](const httplib::Request& req, httplib::Response& res) {
    service::RequestAccess decided_once;
    auto who = api.require_principal(req, res);
    if (!who) return;
    if (need.permission)
      if (auto st = service::permit(api.store, api.clock, *who, *need.permission); !st)
        return send_error(res, st.error());
    for (auto i : need.ids)
      if (auto id = record_id(req.matches[i]); !id) return send_error(res, id.error());
    json parsed = json::object();
    if (body == Body::json) {
      auto b = object_body(req);
      if (!b) return send_error(res, b.error());
      parsed = std::move(*b);
    }
    send_answer(res, h(Call{req, res, *who, parsed}));
  };
}

void Routes::get(const std::string& path, Handler h, Need need) { api_.http.Get(path, wrap(std::move(h), std::move(need), Body::none)); }
void Routes::post(const std::string& path, Handler h, Need need) { api_.http.Post(path, wrap(std::move(h), std::move(need), Body::json)); }
void Routes::put(const std::string& path, Handler h, Need need) { api_.http.Put(path, wrap(std::move(h), std::move(need), Body::json)); }
void Routes::patch(const std::string& path, Handler h, Need need) { api_.http.Patch(path, wrap(std::move(h), std::move(need), Body::json)); }
void Routes::del(const std::string& path, Handler h, Need need) { api_.http.Delete(path, wrap(std::move(h), std::move(need), Body::none)); }

}  // namespace regie::http
