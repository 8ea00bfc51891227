// libcurl requests for the sign-in with an OpenID Connect provider.
#include "service/identity_http.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace regie::service {
namespace {

struct Sink {
  std::string* out;
  std::size_t max;
  bool too_big = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->out->size() + size * n > sink->max) {
    sink->too_big = true;
    return 0;  // ends the transfer
  }
  sink->out->append(data, size * n);
  return size * n;
}

std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  return url.substr(start, url.find('/', start) - start);
}

using Easy = std::unique_ptr<CURL, void (*)(CURL*)>;

Result<HttpReply> perform(CURL* c, const std::string& url, const HttpClientOptions& o) {
  HttpReply reply;
  Sink sink{&reply.body, o.max_bytes};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, o.timeout_s);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o.timeout_s);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!o.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  const CURLcode rc = curl_easy_perform(c);
  if (sink.too_big) return Error{ErrorCode::unavailable, "the answer of " + host_of(url) + " is too large"};
  if (rc != CURLE_OK)
    return Error{ErrorCode::unavailable,
                 "the identity provider " + host_of(url) + " could not be reached: " + curl_easy_strerror(rc)};
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

}  // namespace

void curl_global() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string form_encode(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Result<HttpReply> http_get(const std::string& url, const HttpClientOptions& options) {
  curl_global();
  Easy c(curl_easy_init(), curl_easy_cleanup);
  if (!c) return Error{ErrorCode::internal, "libcurl could not start a request"};
  curl_easy_setopt(c.get(), CURLOPT_HTTPGET, 1L);
  return perform(c.get(), url, options);
}

Result<HttpReply> http_post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& form,
                                 const std::string& user, const std::string& password,
                                 const HttpClientOptions& options) {
  curl_global();
  Easy c(curl_easy_init(), curl_easy_cleanup);
  if (!c) return Error{ErrorCode::internal, "libcurl could not start a request"};
  std::string body;
  for (auto& [k, v] : form) body += (body.empty() ? "" : "&") + form_encode(k) + "=" + form_encode(v);
  curl_easy_setopt(c.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(
      curl_slist_append(nullptr, "Accept: application/json"), curl_slist_free_all);
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  std::string u, p;
  if (!user.empty()) {
    u = form_encode(user);
    p = form_encode(password);
    curl_easy_setopt(c.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, u.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, p.c_str());
  }
  auto r = perform(c.get(), url, options);
  std::fill(body.begin(), body.end(), '\0');
  std::fill(p.begin(), p.end(), '\0');
  return r;
}

}  // namespace regie::service
