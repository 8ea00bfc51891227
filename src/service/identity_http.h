// The few HTTP requests a sign-in makes to an OpenID Connect provider: its
// discovery document, its published keys (JWKS) and the token endpoint.
// libcurl, with certificate checks always on. Thread-safe.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace regie::service {

struct HttpReply {
  long status = 0;
  std::string body;
};

struct HttpClientOptions {
  std::string ca_file;  // extra trusted certificates (PEM); empty: the system's
  long timeout_s = 10;
  std::size_t max_bytes = 1 << 20;
};

// GET `url`; an error when it cannot be reached (the message names the host, never a secret).
Result<HttpReply> http_get(const std::string& url, const HttpClientOptions& options);
// POST an application/x-www-form-urlencoded body, with HTTP Basic
// authentication when `user` is not empty (RFC 6749 2.3.1: both form-encoded first).
Result<HttpReply> http_post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& form,
                                 const std::string& user, const std::string& password,
                                 const HttpClientOptions& options);
// application/x-www-form-urlencoded encoding of one value.
std::string form_encode(const std::string& value);

// Sets up libcurl once for the whole process (before any thread uses it).
void curl_global();

}  // namespace regie::service
