// The clock seam: services take a Clock so that tests can control time
// (session timeouts, audit timestamps) without sleeping.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "common/date.h"

namespace regie {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_seconds() const = 0;  // Unix time
  std::string now_iso8601() const;
  Date today() const { return Date{static_cast<std::int32_t>(now_seconds() / 86400)}; }
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_seconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t start) : now_(start) {}
  std::int64_t now_seconds() const override { return now_; }
  void advance(std::int64_t seconds) { now_ += seconds; }

 private:
  std::int64_t now_;
};

}  // namespace regie
