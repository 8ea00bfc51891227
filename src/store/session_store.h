// Signed-in sessions, kept by the hash of their token. On Store::read /
// Store::write (one transaction per call).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/account.h"
#include "store/store.h"

namespace regie::store {

struct SessionRecord {
  std::string username;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  // Filled by SessionStore::find, in the same statement: every request checks
  // both, and one statement instead of two is a tenth of a household view.
  std::optional<domain::Account> account;  // none when the account is gone
};

class SessionStore {
 public:
  explicit SessionStore(Store& store) : store_(store) {}

  Status create(const std::string& token_hash, const SessionRecord& s);
  std::optional<SessionRecord> find(const std::string& token_hash);  // with its account
  void touch(const std::string& token_hash, std::int64_t now);
  void remove(const std::string& token_hash);
  // Every session of one account.
  void remove_of(const std::string& username);

 private:
  Store& store_;
};

}  // namespace regie::store
