// The one shape of an API route: the registrar authenticates the caller
// (with the household gate and the CSRF check), checks the permission the
// route declares, parses the JSON body once, and turns the handler's Answer
// into the response. A route is then a few declarative lines: read the call,
// call the service, answer its Result.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/api.h"
#include "service/permissions.h"

namespace regie::http {

// One authenticated request as a route sees it.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  const service::Principal& who;
  const json& body;  // the parsed JSON object; empty for routes without a JSON body
  std::string part(std::size_t i) const { return req.matches[i]; }
  // The household id of a path under kHouseholdPath.
  std::string household() const { return part(1); }
  // A path part the route declared as a record id (checked before the handler).
  std::int64_t id(std::size_t i) const { return *record_id(part(i)); }
  bool has(const char* name) const { return req.has_param(name); }
  // A query parameter; "" when absent.
  std::string param(const char* name) const { return req.has_param(name) ? req.get_param_value(name) : ""; }
};

// What a route answers: JSON with a status, no content, an error, or a
// response the route filled itself (files, tables). Every answer is not cached.
struct Answer {
  int status = 200;
  std::optional<json> body;
  std::optional<Error> error;
  Answer(Error e) : error(std::move(e)) {}  // NOLINT: a route returns its Error as is
  Answer(int s, std::optional<json> b) : status(s), body(std::move(b)) {}
};
inline Answer ok(json body) { return {200, std::move(body)}; }
inline Answer created(json body) { return {201, std::move(body)}; }
inline Answer no_content() { return {204, std::nullopt}; }
// The route has set the response's content itself.
inline Answer written() { return {0, std::nullopt}; }

// The Result's value rendered, or its error.
template <class T, class Render>
Answer answer(const Result<T>& r, Render render, int status = 200) {
  if (!r) return r.error();
  return {status, json(render(*r))};
}
// {"<key>": [...]}: the shape of every list endpoint.
template <class T, class Render>
Answer list(const char* key, const Result<std::vector<T>>& r, Render render) {
  if (!r) return r.error();
  json out = json::array();
  for (auto& item : *r) out.push_back(render(item));
  return ok({{key, out}});
}

// Renders the new version of an edited record: {"id": id, "version": v}.
inline auto id_and_version(json id) {
  return [id = std::move(id)](int version) { return json{{"id", id}, {"version", version}}; };
}

enum class Body { none, json, raw };

// What a route needs before its handler runs.
struct Need {
  Need() = default;
  Need(service::Permission p, std::optional<Body> b = std::nullopt) : permission(p), body(b) {}  // NOLINT
  Need(Body b) : body(b) {}                                                                     // NOLINT
  // Path parts that must be record ids, checked before the body is read.
  static Need record_ids(std::vector<std::size_t> parts) {
    Need n;
    n.ids = std::move(parts);
    return n;
  }
  std::optional<service::Permission> permission;  // refused (403, audited) before the body is read
  std::vector<std::size_t> ids;                    // path parts that must be record ids (else 404)
  std::optional<Body> body;                        // default: JSON for POST, PUT and PATCH
};

using Handler = std::function<Answer(const Call&)>;

class Routes {
 public:
  explicit Routes(Api& api) : api_(api) {}
  void get(const std::string& path, Handler h, Need need = {});
  void post(const std::string& path, Handler h, Need need = {});
  void put(const std::string& path, Handler h, Need need = {});
  void patch(const std::string& path, Handler h, Need need = {});
  void del(const std::string& path, Handler h, Need need = {});
  Api& api() { return api_; }

 private:
  httplib::Server::Handler wrap(Handler h, Need need, Body default_body);
  Api& api_;
};

// Writes an Answer to the response.
void send_answer(httplib::Response& res, const Answer& a);

}  // namespace regie::http
