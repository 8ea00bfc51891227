#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace regie::http {
namespace {

// Not a header a browser or proxy would send; the server sets it itself.
constexpr const char* kClientHeader = "X-Regie-Client-Address";

bool to_bytes(const std::string& text, std::array<std::uint8_t, 16>& bytes, int& family) {
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
    family = AF_INET;
    return true;
  }
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) {
    family = AF_INET6;
    return true;
  }
  return false;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Result<AddressRanges> AddressRanges::parse(const std::vector<std::string>& entries) {
  AddressRanges out;
  for (const auto& raw : entries) {
    const std::string entry = trim(raw);
    if (entry.empty()) continue;
    Network n;
    const auto slash = entry.find('/');
    const std::string address = entry.substr(0, slash);
    if (!to_bytes(address, n.bytes, n.family))
      return invalid("trusted proxy \"" + entry + "\": not an IPv4 or IPv6 address or network");
    const int bits = n.family == AF_INET ? 32 : 128;
    n.prefix = bits;
    if (slash != std::string::npos) {
      const std::string p = entry.substr(slash + 1);
      auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), n.prefix);
      if (ec != std::errc{} || end != p.data() + p.size() || n.prefix < 0 || n.prefix > bits)
        return invalid("trusted proxy \"" + entry + "\": the prefix length must be 0 to " + std::to_string(bits));
    }
    out.networks_.push_back(n);
  }
  return out;
}

bool AddressRanges::contains(const std::string& address) const {
  std::array<std::uint8_t, 16> bytes{};
  int family = 0;
  if (!to_bytes(address, bytes, family)) return false;
  return std::any_of(networks_.begin(), networks_.end(), [&](const Network& n) {
    if (n.family != family) return false;
    const int whole = n.prefix / 8, rest = n.prefix % 8;
    if (!std::equal(bytes.begin(), bytes.begin() + whole, n.bytes.begin())) return false;
    if (rest == 0) return true;
    const std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (bytes[whole] & mask) == (n.bytes[whole] & mask);
  });
}

std::string AddressRanges::client_of(const httplib::Request& req) const {
  if (networks_.empty() || !contains(req.remote_addr)) return req.remote_addr;
  // Every X-Forwarded-For header, in order, as one list.
  std::vector<std::string> hops;
  const auto n = req.get_header_value_count("X-Forwarded-For");
  for (std::size_t i = 0; i < n; ++i) {
    const std::string value = req.get_header_value("X-Forwarded-For", i);
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = value.find(',', start);
      hops.push_back(trim(std::string_view(value).substr(start, comma == std::string::npos ? comma : comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  // From the right: each trusted hop vouches for the one before it.
  std::string client = req.remote_addr;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    std::array<std::uint8_t, 16> bytes{};
    int family = 0;
    if (!to_bytes(*it, bytes, family)) break;  // not an address: nothing to its left is vouched for
    client = *it;
    if (!contains(*it)) break;
  }
  return client;
}

std::string client_address(const httplib::Request& req) {
  auto v = req.get_header_value(kClientHeader);
  return v.empty() ? req.remote_addr : v;
}

void set_client_address(const httplib::Request& req, const std::string& address) {
  // The request is the library's, handed to us read-only; the pre-routing
  // step already rewrites its query pairs the same way.
  auto& headers = const_cast<httplib::Request&>(req).headers;
  headers.erase(kClientHeader);
  headers.emplace(kClientHeader, address);
}

}  // namespace regie::http
