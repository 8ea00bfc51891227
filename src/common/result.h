// Result<T>: the value of an operation that can fail in an expected way
// (bad input, not found, no access). Exceptions are reserved for bugs and a
// broken environment and are caught once, at the top of a command or request.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace regie {

enum class ErrorCode {
  invalid_input,   // the caller sent something malformed; message says where and why
  not_found,
  unauthenticated,
  forbidden,
  conflict,
  throttled,
  unavailable,     // a capability that is not built yet, or a backend that is down
  internal,
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

inline Error invalid(std::string message) { return {ErrorCode::invalid_input, std::move(message)}; }
inline Error not_found(std::string message) { return {ErrorCode::not_found, std::move(message)}; }
inline Error forbidden(std::string message) { return {ErrorCode::forbidden, std::move(message)}; }

}  // namespace regie
