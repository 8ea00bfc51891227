// Keyed hashing of identifiers with libsodium's generichash.
#include "common/pseudonym.h"

#include <fmt/format.h>
#include <sodium.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace regie {

std::string pseudonymise(std::string_view id, std::string_view key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (key.size() < crypto_generichash_KEYBYTES_MIN) throw std::invalid_argument("pseudonym key too short");
  unsigned char out[8];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(key.data()),
                     std::min<std::size_t>(key.size(), crypto_generichash_KEYBYTES_MAX));
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return std::string("HH-") + hex;
}

Result<std::string> read_key_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return invalid(fmt::format("{}: cannot read the key file (create one with: head -c 32 /dev/urandom > FILE)", path));
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (key.size() < crypto_generichash_KEYBYTES_MIN)
    return invalid(fmt::format("{}: the key must be at least {} bytes", path, crypto_generichash_KEYBYTES_MIN));
  return key;
}

}  // namespace regie
