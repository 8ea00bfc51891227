#include "http/framing.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

namespace regie::http {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trimmed(std::string s) {
  auto blank = [](unsigned char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && blank(s[i])) ++i;
  return s.substr(i);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];  // a lone '%' stays as it is
    }
  }
  return out;
}

}  // namespace

std::optional<FramingProblem> framing_problem(const httplib::Request& req, std::size_t max_body,
                                              std::uint64_t* content_length) {
  *content_length = 0;
  const auto encodings = req.get_header_value_count("Transfer-Encoding");
  const auto lengths = req.get_header_value_count("Content-Length");
  if (encodings > 0) {
    if (lengths > 0) return FramingProblem{400, "a request may not carry both Transfer-Encoding and Content-Length"};
    if (encodings == 1 && lower(trimmed(req.get_header_value("Transfer-Encoding"))) == "chunked")
      return FramingProblem{411, "send the body with a Content-Length header; chunked request bodies are not accepted"};
    return FramingProblem{400, "unsupported Transfer-Encoding"};
  }
  if (lengths == 0) return std::nullopt;
  std::string first;
  for (std::size_t i = 0; i < lengths; ++i) {
    auto v = trimmed(req.get_header_value("Content-Length", i));
    if (v.empty() || v.size() > 19 || !std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); }))
      return FramingProblem{400, "Content-Length must be a whole number of bytes"};
    if (i == 0) first = v;
    else if (v != first) return FramingProblem{400, "conflicting Content-Length headers"};
  }
  auto n = std::stoull(first);
  // A body somewhat over the limit is still read (and dropped) by the library,
  // so that a client that sends before it reads gets its 413; a far larger one
  // is refused at once and the connection closed rather than read for minutes.
  if (n > max_body * kDrainFactor)
    return FramingProblem{413, "the request body is larger than the server accepts (" + std::to_string(max_body) +
                                   " bytes)"};
  *content_length = n;
  return std::nullopt;
}

std::size_t body_limit(const httplib::Request& req, std::size_t max_body, std::size_t max_upload) {
  return req.method == "POST" && req.path == "/api/v1/interop/messages" ? max_upload : max_body;
}

httplib::Params parse_query(std::string_view target) {
  httplib::Params out;
  auto q = target.find('?');
  if (q == std::string_view::npos) return out;
  auto rest = target.substr(q + 1);
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) out.emplace(decode(pair), "");
    else out.emplace(decode(pair.substr(0, eq)), decode(pair.substr(eq + 1)));
  }
  return out;
}

bool is_json_content_type(const std::string& value) {
  std::string type = value.substr(0, value.find(';'));
  std::erase_if(type, [](unsigned char c) { return std::isspace(c); });
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type == "application/json";
}

// Browsers send Origin on every cross-site POST; a request without one comes
// from a client that is not a browser page and cannot carry a victim's cookies.
bool same_origin(const httplib::Request& req) {
  if (!req.has_header("Origin")) return true;
  auto origin = req.get_header_value("Origin");
  auto host = req.get_header_value("Host");
  auto scheme_end = origin.find("://");
  return scheme_end != std::string::npos && !host.empty() && origin.substr(scheme_end + 3) == host;
}

bool request_text_ok(const httplib::Request& req) {
  auto ok = [](std::string_view t) { return is_valid_utf8(t) && !has_control_chars(t); };
  if (!ok(req.path)) return false;
  for (auto& [k, v] : req.params)
    if (!ok(k) || !ok(v)) return false;
  return true;
}

}  // namespace regie::http
