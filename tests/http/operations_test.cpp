// What an operator relies on when Regie runs behind a reverse proxy and is
// watched: which address a request counts as, /metrics for the monitoring
// addresses only and without household ids, readiness beside liveness.
#include <gtest/gtest.h>

#include "http/client_address.h"
#include "http/metrics.h"
#include "http/server.h"
#include "store/audit_store.h"
#include "support/api_server.h"

namespace regie::testing {
namespace {

httplib::Request from(const std::string& peer, const std::vector<std::string>& forwarded = {}) {
  httplib::Request r;
  r.remote_addr = peer;
  for (const auto& f : forwarded) r.headers.emplace("X-Forwarded-For", f);
  return r;
}

TEST(AddressRangesTest, AddressesAndNetworksOfBothFamilies) {
  auto r = http::AddressRanges::parse({"127.0.0.1", "10.1.0.0/16", "fd00::/8", " ::1 "});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->contains("127.0.0.1"));
  EXPECT_FALSE(r->contains("127.0.0.2"));
  EXPECT_TRUE(r->contains("10.1.255.3"));
  EXPECT_FALSE(r->contains("10.2.0.1"));
  EXPECT_TRUE(r->contains("fd12::1"));
  EXPECT_TRUE(r->contains("::1"));
  EXPECT_FALSE(r->contains("not an address"));
  for (const char* bad : {"10.0.0.0/33", "proxy.example", "10.0.0.1/", "::1/129"}) {
    auto e = http::AddressRanges::parse({bad});
    ASSERT_FALSE(e) << bad;
    EXPECT_NE(e.error().message.find(bad), std::string::npos) << e.error().message;
  }
}

TEST(AddressRangesTest, OnlyATrustedProxysForwardedForNamesTheClient) {
  auto proxies = *http::AddressRanges::parse({"127.0.0.1", "10.0.0.0/8"});
  // A client talking to us directly cannot choose its address.
  EXPECT_EQ(proxies.client_of(from("192.0.2.1", {"203.0.113.9"})), "192.0.2.1");
  // Through the proxy: the address the proxy saw.
  EXPECT_EQ(proxies.client_of(from("127.0.0.1", {"203.0.113.9"})), "203.0.113.9");
  // A client's own header in front of the proxy's entry is not believed.
  EXPECT_EQ(proxies.client_of(from("127.0.0.1", {"198.51.100.1, 203.0.113.9"})), "203.0.113.9");
  // Two trusted proxies in a row, also across two header lines.
  EXPECT_EQ(proxies.client_of(from("127.0.0.1", {"203.0.113.9", "10.3.3.3"})), "203.0.113.9");
  // Garbage from the proxy's own hop: the proxy itself is the client.
  EXPECT_EQ(proxies.client_of(from("127.0.0.1", {"bogus"})), "127.0.0.1");
  EXPECT_EQ(proxies.client_of(from("127.0.0.1")), "127.0.0.1");
}

TEST(MetricsTest, RoutesAreTemplatesAndNeverCarryIds) {
  http::Metrics m(R"({"paths":{"/api/v1/households":{},"/api/v1/households/{id}":{},
    "/api/v1/households/{id}/plans":{},"/api/v1/households/duplicates":{}}})");
  EXPECT_EQ(m.route_of("/api/v1/households/BZHH01"), "/api/v1/households/{id}");
  EXPECT_EQ(m.route_of("/api/v1/households/duplicates"), "/api/v1/households/duplicates");
  EXPECT_EQ(m.route_of("/api/v1/households/BZHH01/plans"), "/api/v1/households/{id}/plans");
  EXPECT_EQ(m.route_of("/api/v1/nothing/here"), "unknown");
  EXPECT_EQ(m.route_of("/huishoudens/BZHH01"), "web");
  m.observe("GET", "/api/v1/households/BZHH01", 200, 0.003);
  m.observe("GET", "/api/v1/households/BZHH02", 403, 0.2);
  const auto text = m.render({4, 1, 0, 7, 9}, "sqlite3");
  EXPECT_EQ(text.find("BZHH0"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(regie_http_requests_total{route="/api/v1/households/{id}",method="GET",status="200"} 1)"),
            std::string::npos) << text;
  EXPECT_NE(text.find(R"(regie_http_requests_total{route="/api/v1/households/{id}",method="GET",status="403"} 1)"),
            std::string::npos);
  // Cumulative buckets: 3 ms is under 5 ms, 200 ms only from 250 ms on.
  EXPECT_NE(text.find(R"(regie_http_request_duration_seconds_bucket{route="/api/v1/households/{id}",method="GET",le="0.005"} 1)"),
            std::string::npos) << text;
  EXPECT_NE(text.find(R"(regie_http_request_duration_seconds_bucket{route="/api/v1/households/{id}",method="GET",le="0.25"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(regie_http_request_duration_seconds_count{route="/api/v1/households/{id}",method="GET"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(regie_db_pool_connections{backend="sqlite3"} 4)"), std::string::npos);
  EXPECT_NE(text.find("regie_audit_rows_total 9"), std::string::npos);
}

// A server behind a proxy on loopback, watched from 10.9.9.9.
class BehindProxyTest : public ApiServerTest {
 protected:
  void configure(http::ServerOptions& o) override {
    o.trusted_proxies = {"127.0.0.1"};
    o.metrics_from = {"10.9.9.9"};
  }
};

TEST_P(BehindProxyTest, MetricsOnlyForTheMonitoringAddressAndTheForwardedClientInTheTrail) {
  auto direct = client->Get("/metrics");
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->status, 403);  // the proxy itself is not the monitor

  auto headers = signed_in("dir.a");
  headers.emplace("X-Forwarded-For", "192.0.2.7");
  auto read = client->Get("/api/v1/households/H1", headers);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  auto trail = store::AuditStore(*store).query({});
  ASSERT_FALSE(trail.empty());
  EXPECT_EQ(trail.back().action, "household.read");
  EXPECT_EQ(trail.back().client, "192.0.2.7");

  auto watched = client->Get("/metrics", {{"X-Forwarded-For", "10.9.9.9"}});
  ASSERT_TRUE(watched);
  EXPECT_EQ(watched->status, 200);
  EXPECT_NE(watched->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(watched->body.find(R"(regie_http_requests_total{route="/api/v1/households/{id}",method="GET",status="200"} 1)"),
            std::string::npos) << watched->body;
  EXPECT_NE(watched->body.find(R"(route="/metrics",method="GET",status="403")"), std::string::npos);
  EXPECT_NE(watched->body.find("regie_db_pool_in_use"), std::string::npos);
  EXPECT_EQ(watched->body.find("H1"), std::string::npos);
}

TEST_P(BehindProxyTest, ReadinessAsksTheDatabaseLivenessDoesNot) {
  auto live = client->Get("/healthz");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200);
  auto ready = client->Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_NE(ready->body.find("\"ok\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, BehindProxyTest, ::testing::ValuesIn(store_backends()),
                         [](const auto& info) { return info.param; });

// Brotli at the library's setting took 0.8 s for the web UI's main script;
// a browser asking for br and gzip gets gzip.
TEST_P(BehindProxyTest, ABrowserAcceptingBrotliGetsGzip) {
  // The web UI (text/html) and /metrics are compressed; JSON with a charset is not.
  auto r = client->Get("/metrics", {{"Accept-Encoding", "gzip, deflate, br, zstd"}, {"X-Forwarded-For", "10.9.9.9"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  auto only_br = client->Get("/metrics", {{"Accept-Encoding", "br"}, {"X-Forwarded-For", "10.9.9.9"}});
  ASSERT_TRUE(only_br);
  EXPECT_EQ(only_br->get_header_value("Content-Encoding"), "");
}

// Without a configured proxy nobody's X-Forwarded-For is believed.
class NoProxyTest : public ApiServerTest {
 protected:
  void configure(http::ServerOptions& o) override { o.metrics_from = {"10.9.9.9"}; }
};

TEST_P(NoProxyTest, AForwardedForFromAnyoneIsIgnored) {
  auto spoofed = client->Get("/metrics", {{"X-Forwarded-For", "10.9.9.9"}});
  ASSERT_TRUE(spoofed);
  EXPECT_EQ(spoofed->status, 403);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, NoProxyTest, ::testing::Values(std::string("sqlite3")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::testing
