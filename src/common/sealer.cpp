// secretbox with a random nonce per value; base64 so it fits a TEXT column.
#include "common/sealer.h"

#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cstring>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace regie {

Result<Sealer> Sealer::from_key_file(const std::string& path, bool create) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (create && !std::filesystem::exists(path)) {
    std::string key(crypto_secretbox_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    std::ofstream out(path, std::ios::binary);
    out << key;
    out.close();
    if (!out) {
      const bool full = errno == ENOSPC;
      std::error_code ec;
      std::filesystem::remove(path, ec);  // a short key file would be refused on every later start
      return invalid(fmt::format("{}: cannot write the key file{}", path, full ? ": the disk is full" : ""));
    }
    ::chmod(path.c_str(), 0600);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid(fmt::format("{}: cannot read the secret key file", path));
  Sealer s;
  s.key_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (s.key_.size() != crypto_secretbox_KEYBYTES)
    return invalid(fmt::format("{}: a secret key file holds exactly {} bytes", path, crypto_secretbox_KEYBYTES));
  return s;
}

std::string Sealer::seal(const std::string& plain) const {
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce, reinterpret_cast<const unsigned char*>(key_.data()));
  std::string b64(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return b64;
}

std::optional<std::string> Sealer::open(const std::string& sealed) const {
  std::string box(sealed.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(), sealed.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  if (len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, nonce,
                                 reinterpret_cast<const unsigned char*>(key_.data())) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace regie
