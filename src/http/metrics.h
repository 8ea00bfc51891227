// What an operator's monitoring reads from GET /metrics, in the Prometheus
// text format: requests by route and status, their latency, the database
// pool and the audit trail's group commit. Routes are the API description's
// path templates ("/api/v1/households/{id}"), never the path itself: a path
// holds ids of people's households, and one series per id would also grow
// without bound.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace regie::http {

class Metrics {
 public:
  // `openapi` is the API description (docs/openapi.json) the templates come from.
  explicit Metrics(const std::string& openapi);
  void observe(const std::string& method, const std::string& path, int status, double seconds);
  std::string render(const store::Store::Stats& store, const std::string& backend) const;
  // The label a path is counted under.
  std::string route_of(const std::string& path) const;

  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

 private:
  struct Series {
    std::map<int, std::uint64_t> by_status;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // observations at or under each bound
    std::uint64_t count = 0;
    double sum = 0;
  };
  std::vector<std::vector<std::string>> templates_;  // split at '/'
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Series> series_;  // (route, method)
};

}  // namespace regie::http
