// Which address a request comes from. Behind a reverse proxy every
// connection comes from the proxy; the client is named in X-Forwarded-For.
// That header is the client's own word unless a proxy the operator trusts
// wrote it, so it counts only on connections from a configured proxy, and
// only its entries that the trusted proxies added (read from the right).
#pragma once
#include <httplib.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace regie::http {

class AddressRanges {
 public:
  // Entries are addresses ("127.0.0.1", "::1") or networks ("10.0.0.0/8",
  // "fd00::/8"); a malformed entry is refused with its text.
  static Result<AddressRanges> parse(const std::vector<std::string>& entries);
  bool empty() const { return networks_.empty(); }
  bool contains(const std::string& address) const;
  // The client of `req`: the peer, or when the peer is a trusted proxy the
  // right-most X-Forwarded-For entry that is not itself a trusted proxy.
  std::string client_of(const httplib::Request& req) const;

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};
    int family = 0;
    int prefix = 0;
  };
  std::vector<Network> networks_;
};

// The client address the pre-routing step settled for this request (see
// Server), used for rate limits, sign-in throttling and the audit trail.
std::string client_address(const httplib::Request& req);
// Records it; any header of that name a client sent is dropped first.
void set_client_address(const httplib::Request& req, const std::string& address);

}  // namespace regie::http
