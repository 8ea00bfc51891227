// The parts of a request that cpp-httplib 0.11 accepts too readily, checked
// before its body is read: how the body is framed, the query string, the
// text of the path, and where a sign-in comes from.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie::http {

struct FramingProblem {
  int status;           // 400, 411 or 413
  std::string message;  // what is wrong, for the answer
};

// A body is framed by one Content-Length of digits, within `max_body`, and
// by nothing else: chunked bodies would be read without a size limit, and two
// framings (or two lengths) are how requests are smuggled past proxies.
// Sets `content_length` (0 when absent) when the framing is sound. A length
// over kDrainFactor times `max_body` is a problem (413) here; one between the
// two is left to the library, which reads the body away and answers 413.
inline constexpr std::size_t kDrainFactor = 8;
std::optional<FramingProblem> framing_problem(const httplib::Request& req, std::size_t max_body,
                                              std::uint64_t* content_length);

// The body limit of the request's route: `max_upload` for the message upload,
// `max_body` for every other request.
std::size_t body_limit(const httplib::Request& req, std::size_t max_body, std::size_t max_upload);
// Where a request whose declared body is over its route's limit is sent, so
// that the library reads the body away (or drains it, past its own limit)
// and the answer is a 413 the client can read.
inline constexpr const char* kTooLargePath = "/api/v1/.te-groot";

// The query of a request target: pairs split at the first '=' and
// percent-decoded ('+' is a space). The library splits at the last '=',
// which cuts a value such as "a=b" short.
httplib::Params parse_query(std::string_view target);

// True when the Content-Type is application/json (parameters aside).
bool is_json_content_type(const std::string& value);

// False when a browser names another site as the request's Origin; true
// without an Origin header (not a browser page, so no victim's cookies).
bool same_origin(const httplib::Request& req);

// The decoded path and every query key and value are UTF-8 text without
// control characters.
bool request_text_ok(const httplib::Request& req);

}  // namespace regie::http
