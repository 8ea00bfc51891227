// Encryption of the most sensitive fields (the BSN) at rest: libsodium's
// secretbox (XSalsa20-Poly1305) with a key that lives outside the database,
// in a file only the server can read. A stolen database alone does not reveal
// a BSN.
#pragma once
#include <optional>
#include <string>

#include "common/result.h"

namespace regie {

class Sealer {
 public:
  // Reads a 32-byte key file; creates one (mode 0600) when `create` and missing.
  static Result<Sealer> from_key_file(const std::string& path, bool create);
  // Base64 of nonce + ciphertext.
  std::string seal(const std::string& plain) const;
  // Nothing when the text was not sealed with this key or was altered.
  std::optional<std::string> open(const std::string& sealed) const;

 private:
  std::string key_;
};

}  // namespace regie
