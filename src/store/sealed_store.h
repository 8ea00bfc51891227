// Every value sealed with the server's key (store/…: member BSNs, the
// second-factor secrets of accounts), read and replaced together, for
// moving the database to a new key (service/key_rotation.h).
#pragma once
#include <string>
#include <vector>

#include "store/store.h"

namespace regie::store {

struct SealedValue {
  enum class Kind { member_bsn, account_totp } kind;
  std::string owner;   // the member id or the user name
  std::string sealed;  // base64 of nonce and ciphertext (common/sealer.h)
};

class SealedStore {
 public:
  explicit SealedStore(Store& store) : store_(store) {}
  std::vector<SealedValue> all();
  // Writes every value in one transaction: all of them change, or none.
  // A value whose owner no longer exists is skipped.
  void replace(const std::vector<SealedValue>& values);

 private:
  Store& store_;
};

}  // namespace regie::store
