#include "http/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace regie::http {
namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool is_parameter(const std::string& part) { return part.size() > 2 && part.front() == '{' && part.back() == '}'; }

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out;
}

}  // namespace

Metrics::Metrics(const std::string& openapi) {
  auto doc = nlohmann::json::parse(openapi, nullptr, false);
  if (doc.is_object() && doc.contains("paths") && doc["paths"].is_object())
    for (const auto& [path, _] : doc["paths"].items()) templates_.push_back(split(path));
  // Literal paths before templated ones, so "/households/duplicates" is not
  // counted as "/households/{id}".
  std::stable_sort(templates_.begin(), templates_.end(), [](const auto& a, const auto& b) {
    return std::count_if(a.begin(), a.end(), is_parameter) < std::count_if(b.begin(), b.end(), is_parameter);
  });
}

std::string Metrics::route_of(const std::string& path) const {
  if (path == "/healthz" || path == "/readyz" || path == "/metrics") return path;
  if (!path.starts_with("/api/")) return "web";
  const auto parts = split(path);
  for (const auto& t : templates_) {
    if (t.size() != parts.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < t.size() && match; ++i) match = is_parameter(t[i]) ? !parts[i].empty() : t[i] == parts[i];
    if (match) return join(t);
  }
  return "unknown";
}

void Metrics::observe(const std::string& method, const std::string& path, int status, double seconds) {
  const auto route = route_of(path);
  std::lock_guard lock(mu_);
  auto& s = series_[{route, method}];
  ++s.by_status[status];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  ++s.count;
  s.sum += seconds;
}

std::string Metrics::render(const store::Store::Stats& store, const std::string& backend) const {
  std::string out;
  out += "# HELP regie_http_requests_total Requests answered, by route template, method and status.\n";
  out += "# TYPE regie_http_requests_total counter\n";
  std::string latency;
  latency += "# HELP regie_http_request_duration_seconds Time from the request's headers to its answer.\n";
  latency += "# TYPE regie_http_request_duration_seconds histogram\n";
  {
    std::lock_guard lock(mu_);
    for (const auto& [key, s] : series_) {
      const auto& [route, method] = key;
      for (const auto& [status, n] : s.by_status)
        out += fmt::format("regie_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", route,
                           method, status, n);
      for (std::size_t i = 0; i < kBuckets.size(); ++i)
        latency += fmt::format("regie_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"{}\"}} {}\n",
                               route, method, kBuckets[i], s.buckets[i]);
      latency += fmt::format("regie_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"+Inf\"}} {}\n",
                             route, method, s.count);
      latency += fmt::format("regie_http_request_duration_seconds_sum{{route=\"{}\",method=\"{}\"}} {}\n", route,
                             method, s.sum);
      latency += fmt::format("regie_http_request_duration_seconds_count{{route=\"{}\",method=\"{}\"}} {}\n", route,
                             method, s.count);
    }
  }
  out += latency;
  out += "# HELP regie_db_pool_connections Connections in the database pool.\n";
  out += "# TYPE regie_db_pool_connections gauge\n";
  out += fmt::format("regie_db_pool_connections{{backend=\"{}\"}} {}\n", backend, store.pool_size);
  out += "# HELP regie_db_pool_in_use Pooled connections leased at this moment.\n";
  out += "# TYPE regie_db_pool_in_use gauge\n";
  out += fmt::format("regie_db_pool_in_use{{backend=\"{}\"}} {}\n", backend, store.pool_in_use);
  out += "# HELP regie_audit_queue_rows Audit rows waiting for the next group commit.\n";
  out += "# TYPE regie_audit_queue_rows gauge\n";
  out += fmt::format("regie_audit_queue_rows {}\n", store.audit_waiting);
  out += "# HELP regie_audit_commits_total Group commits of the audit trail.\n";
  out += "# TYPE regie_audit_commits_total counter\n";
  out += fmt::format("regie_audit_commits_total {}\n", store.audit_commits);
  out += "# HELP regie_audit_rows_total Audit rows committed.\n";
  out += "# TYPE regie_audit_rows_total counter\n";
  out += fmt::format("regie_audit_rows_total {}\n", store.audit_rows);
  return out;
}

}  // namespace regie::http
