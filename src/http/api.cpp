// Shared translation between HTTP and the service layer's Results.
#include "http/api.h"

#include <fmt/format.h>

namespace regie::http {

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::throttled: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const Error& e) {
  send_json(res, status_of(e.code), {{"error", {{"code", to_string(e.code)}, {"message", e.message}}}});
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  auto header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    auto part = rest.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name + "=")) return std::string(part.substr(name.size() + 1));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
  }
  return {};
}

Result<json> object_body(const httplib::Request& req) { return parse_object(req.body); }

bool is_state_changing(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace regie::http
