// Shared translation between HTTP and the service layer's Results.
#include "http/api.h"

#include "common/money.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

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
  // Replacing what is not UTF-8 keeps a stray byte from aborting the answer.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
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

Result<std::int64_t> record_id(const std::string& text) {
  auto v = parse_fixed(text, 0);
  if (!v) return not_found("no such record");
  return *v;
}

void send_table(const httplib::Request& req, httplib::Response& res, const analytics::Table& table,
                const std::string& name, std::vector<interop::Sheet> sheets) {
  res.set_header("Cache-Control", "no-store");
  auto format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format == "json") {
    res.set_content(analytics::to_json(table), "application/json; charset=utf-8");
  } else if (format == "csv") {
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    res.set_content(analytics::to_csv(table), "text/csv; charset=utf-8");
  } else if (format == "xlsx") {
    if (sheets.empty()) sheets.push_back({name, table, {}});
    // Through a temporary file: libxlsxwriter writes files, not buffers.
    char dir_template[] = "/tmp/regie-xlsx-XXXXXX";
    if (!mkdtemp(dir_template)) return send_error(res, Error{ErrorCode::internal, "no temporary folder"});
    std::string path = std::string(dir_template) + "/" + name + ".xlsx";
    auto st = interop::write_xlsx(path, sheets);
    std::string bytes;
    if (st) {
      std::ifstream in(path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::filesystem::remove_all(dir_template);
    if (!st) return send_error(res, st.error());
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
    res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  } else {
    send_error(res, invalid("format: json, csv or xlsx"));
  }
}

}  // namespace regie::http
