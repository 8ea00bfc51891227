// Sign-in through the organisation's identity provider or the DigiD broker
// (docs/identity.md): which providers there are, the way out to one, and
// the way back in. The provider sends the browser back to the web UI's
// /inloggen/terug, which posts the state and code here.
#include "http/client_address.h"
#include "http/framing.h"
#include "http/handler.h"
#include "service/identity.h"

namespace regie::http {
namespace {

constexpr const char* kBrowserCookie = "regie_oidc";

// Lax, not Strict: the browser comes back from the provider's site, and must
// bring the cookie that says the sign-in was started here.
std::string browser_cookie(const std::string& token, int max_age, bool secure) {
  return std::string(kBrowserCookie) + "=" + token + "; Path=/api/v1/oidc; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

}  // namespace

void add_identity_routes(Api& api, const service::IdentityOptions& options) {
  auto identity = std::make_shared<service::Identity>(api.store, api.clock, api.sealer, api.auth, options);

  // For the sign-in page, before anyone is signed in: which buttons to show.
  api.http.Get("/api/v1/oidc/providers", [identity](const httplib::Request&, httplib::Response& res) {
    json list = json::array();
    for (auto& p : identity->providers()) list.push_back({{"key", p.key}, {"name", p.name}});
    send_json(res, 200, {{"providers", list}, {"staff_passwords", identity->staff_passwords()}});
  });

  api.http.Get("/api/v1/oidc/(staff|citizen)/start", [&api, identity](const httplib::Request& req,
                                                                      httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    const std::string base = std::string(api.secure_cookies ? "https://" : "http://") + req.get_header_value("Host");
    auto started = identity->start(req.matches[1], base, cookie_value(req, kBrowserCookie));
    if (!started) {
      // A navigation, not a script: the sign-in page says it in Dutch.
      res.set_redirect("/inloggen?fout=aanbieder", 303);
      return;
    }
    res.set_header("Set-Cookie", browser_cookie(started->browser_token, 600, api.secure_cookies));
    res.set_redirect(started->location, 303);
  });

  api.http.Post("/api/v1/oidc/callback", [&api, identity](const httplib::Request& req, httplib::Response& res) {
    api.body_read(req);
    res.set_header("Cache-Control", "no-store");
    // As the password sign-in: JSON from our own pages only (no login CSRF).
    if (!is_json_content_type(req.get_header_value("Content-Type")))
      return send_json(res, 415, {{"error", {{"code", "invalid_input"},
                                             {"message", "send the state and code as JSON (Content-Type: application/json)"}}}});
    if (!same_origin(req))
      return send_error(res, Error{ErrorCode::forbidden, "sign-in is only accepted from this site's own pages"});
    auto parsed = parse_object(req.body);
    json body = parsed ? std::move(*parsed) : json();
    auto text = [&](const char* k) { return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : ""; };
    const std::string state = text("state"), code = text("code");
    if (state.empty() || code.empty() || state.size() > 512 || code.size() > 4096)
      return send_error(res, invalid("the body must be a JSON object with the string fields state and code that the "
                                     "provider sent back"));
    service::IdentityRefusal why = service::IdentityRefusal::none;
    auto s = identity->finish(state, code, cookie_value(req, kBrowserCookie), client_address(req), &why);
    // The browser cookie has done its work, whatever the outcome.
    res.set_header("Set-Cookie", browser_cookie("", 0, api.secure_cookies));
    if (!s)
      return send_json(res, status_of(s.error().code),
                       {{"error", {{"code", to_string(s.error().code)},
                                   {"message", s.error().message},
                                   {"reason", service::to_string(why)}}}});
    res.set_header("Set-Cookie", "regie_session=" + s->token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200" +
                                     std::string(api.secure_cookies ? "; Secure" : ""));
    const auto& p = s->principal;
    send_json(res, 200,
              {{"user", {{"username", p.username}, {"display_name", p.display_name}, {"role", domain::to_string(p.role)}}},
               {"csrf_token", p.csrf_token}});
  });
}

}  // namespace regie::http
