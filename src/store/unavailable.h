// The store's one exception for callers above it: the database could not be
// reached, or broke under a statement (a full disk, an I/O error, a lost
// connection, a record that no longer parses). Expected failures (a duplicate
// id, a missing record) are Result errors instead. The front ends catch this
// once at the top of a request or command; no layer above the store knows the
// database driver's own exception types.
#pragma once
#include <stdexcept>
#include <string>

namespace regie::store {

class Unavailable : public std::runtime_error {
 public:
  Unavailable(const std::string& what, std::string message, bool environment)
      : std::runtime_error(what), message_(std::move(message)), environment_(environment) {}
  // The database's own words, without the statement.
  const std::string& message() const noexcept { return message_; }
  // True when the machine, not the records, is at fault (a full disk, an I/O
  // error, a read-only file): nothing was stored, and the operator can fix it.
  bool environment() const noexcept { return environment_; }

 private:
  std::string message_;
  bool environment_ = false;
};

}  // namespace regie::store
