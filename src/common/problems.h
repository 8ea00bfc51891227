// Collects input problems up to a limit, then only counts them, so that one
// run reports every bad line a user has to fix without flooding the terminal.
#pragma once
#include <string>
#include <vector>

#include "common/result.h"

namespace regie {

class ProblemList {
 public:
  explicit ProblemList(std::size_t limit = 20) : limit_(limit) {}
  void add(std::string problem) {
    if (shown_.size() < limit_) shown_.push_back(std::move(problem));
    ++count_;
  }
  bool empty() const { return count_ == 0; }
  std::size_t count() const { return count_; }
  Error error() const {
    std::string msg;
    for (auto& p : shown_) msg += (msg.empty() ? "" : "\n") + p;
    if (count_ > shown_.size()) msg += "\n... and " + std::to_string(count_ - shown_.size()) + " more problem(s)";
    return invalid(msg);
  }

 private:
  std::size_t limit_;
  std::size_t count_ = 0;
  std::vector<std::string> shown_;
};

}  // namespace regie
