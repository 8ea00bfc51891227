// Sign-in, the current session and sign-out: /api/v1/session (docs/security.md).
#include "http/client_address.h"
#include "http/framing.h"
#include "http/handler.h"

namespace regie::http {
namespace {

json principal_json(const service::Principal& p) {
  return {{"user", {{"username", p.username}, {"display_name", p.display_name}, {"role", domain::to_string(p.role)}}},
          {"csrf_token", p.csrf_token}};
}

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  return "regie_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

}  // namespace

void add_session_routes(Api& api) {
  // Signing in is the one route without a principal: it makes one.
  api.http.Post("/api/v1/session", [&api](const httplib::Request& req, httplib::Response& res) {
    api.body_read(req);  // the password hash takes its time; the body is in
    // A form on another site may post text/plain without a preflight: signing
    // a victim's browser into the attacker's account (login CSRF) is refused
    // by asking for JSON and, when the browser names an origin, our own.
    if (!is_json_content_type(req.get_header_value("Content-Type")))
      return send_json(res, 415, {{"error", {{"code", "invalid_input"},
                                             {"message", "sign in with a JSON body (Content-Type: application/json)"}}}});
    if (!same_origin(req))
      return send_error(res, Error{ErrorCode::forbidden, "sign-in is only accepted from this site's own pages"});
    auto parsed = parse_object(req.body);
    json body = parsed ? std::move(*parsed) : json();
    if (!parsed || !body.contains("username") || !body["username"].is_string() || !body.contains("password") ||
        !body["password"].is_string() || (body.contains("code") && !body["code"].is_string()))
      return send_error(res, invalid("the body must be a JSON object with string fields username and password (and "
                                     "code, the 6-digit code of the second factor)"));
    std::string code = body.value("code", "");
    std::erase(code, ' ');  // apps show "123 456"
    service::SignInRefusal why = service::SignInRefusal::none;
    std::int64_t retry_after = 0;
    auto s = api.auth.sign_in(body["username"], body["password"], code, client_address(req), &why, &retry_after);
    if (!s) {
      if (retry_after > 0) res.set_header("Retry-After", std::to_string(retry_after));
      // The reason lets the UI ask for the code instead of reporting an error.
      return send_json(res, status_of(s.error().code),
                       {{"error", {{"code", to_string(s.error().code)},
                                   {"message", s.error().message},
                                   {"reason", service::to_string(why)}}}});
    }
    res.set_header("Set-Cookie", session_cookie(s->token, 12 * 3600, api.secure_cookies));
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, principal_json(s->principal));
  });

  Routes routes(api);
  routes.get("/api/v1/session", [](const Call& c) { return ok(principal_json(c.who)); });
  routes.del("/api/v1/session", [&api](const Call& c) {
    api.auth.sign_out(cookie_value(c.req, "regie_session"));
    c.res.set_header("Set-Cookie", session_cookie("", 0, api.secure_cookies));
    return no_content();
  });
}

}  // namespace regie::http
