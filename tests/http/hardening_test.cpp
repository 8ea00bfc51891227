// The request path under hostile input: every finding of the outsider's test
// of the server has a case here that failed before its fix.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "http/framing.h"
#include "support/api_server.h"
#include "support/raw_http.h"
#include "store/provision_store.h"

namespace regie::testing {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A server with small connection limits, so that timeouts show in a second.
// Framing and text checks happen before any store is asked: SQLite is enough.
class HardeningTest : public ApiServerTest {
 protected:
  void configure(http::ServerOptions& o) override {
    o.header_timeout_s = 1;
    o.min_body_bytes_per_s = 1 << 20;
    o.max_connections_per_client = 4;
  }
  void expect_alive() {
    auto h = client->Get("/healthz");
    ASSERT_TRUE(h) << "the server no longer answers";
    EXPECT_EQ(h->status, 200);
  }
  // The cookie and CSRF header of dir.a, for raw requests.
  std::string auth_headers() {
    auto r = client->Post("/api/v1/session",
                          json({{"username", "dir.a"}, {"password", "secret-dir.a"}, {"code", codes.next("dir.a", clock)}})
                              .dump(),
                          "application/json");
    if (!r || r->status != 200) {
      ADD_FAILURE() << "dir.a cannot sign in";
      return "";
    }
    auto cookie = r->get_header_value("Set-Cookie");
    return "Cookie: " + cookie.substr(0, cookie.find(';')) +
           "\r\nX-CSRF-Token: " + json::parse(r->body)["csrf_token"].get<std::string>() + "\r\n";
  }
};

const std::string kProvision =
    R"({"id":"NEW1","domain":"wmo","provider_id":"O1","start_date":"2019-01-01","annual_cost_cents":100})";

// A complete, signed-in request that adds a provision, to hide behind another.
std::string smuggled(const std::string& headers) {
  const std::string body =
      R"({"id":"H1-SMUGGLED","domain":"wmo","provider_id":"O1","start_date":"2019-01-01","annual_cost_cents":100})";
  return "POST /api/v1/households/H1/provisions HTTP/1.1\r\nHost: x\r\n" + headers +
         "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST_P(HardeningTest, APathThatIsNotUtf8Is400AndTheServerAnswersTheNextRequest) {
  for (std::string path : {"/%ff", "/api/v1/households/%C3%28", "/api/v1/households?q=%80", "/%0a", "/%C0%AF"}) {
    auto answer = raw_exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(RawConnection::status_of(answer), 400) << path << ": " << answer.substr(0, 200);
    expect_alive();
  }
}

TEST_P(HardeningTest, AChunkedBodyIsRefusedWith411AndNothingIsStored) {
  auto headers = auth_headers();
  RawConnection c(port);
  ASSERT_TRUE(c.send("POST /api/v1/households/H1/provisions HTTP/1.1\r\nHost: x\r\n" + headers +
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
  // Ten MiB in chunks: the server must not read (let alone store) them.
  std::string chunk(64 * 1024, ' ');
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  c.send(std::string(size) + kProvision.substr(0, 10));
  for (int i = 0; i < 160; ++i)
    if (!c.send(std::string(size) + chunk + "\r\n")) break;  // the server may close while we send
  auto answer = c.read_all();
  EXPECT_EQ(RawConnection::status_of(answer), 411) << answer.substr(0, 300);
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 2u);
  expect_alive();
}

TEST_P(HardeningTest, BrokenContentLengthFramingIs400AndClosesTheConnection) {
  auto headers = auth_headers();
  const std::string start = "POST /api/v1/households/H1/provisions HTTP/1.1\r\nHost: x\r\n" + headers +
                            "Content-Type: application/json\r\n";
  const std::string n = std::to_string(kProvision.size());
  for (std::string framing : std::vector<std::string>{"Content-Length: " + n + "\r\nContent-Length: 5\r\n", "Content-Length: -1\r\n",
                              "Content-Length: 1e3\r\n", "Content-Length: " + n + "\r\nTransfer-Encoding: chunked\r\n",
                              "Transfer-Encoding: gzip\r\n"}) {
    const auto t0 = steady_clock::now();
    // The body is followed by a whole, valid request: after broken framing the
    // rest of the bytes are not a request, and this one must not be run.
    auto answer = raw_exchange(port, start + framing + "\r\n" + kProvision + smuggled(headers));
    EXPECT_EQ(RawConnection::status_of(answer), 400) << framing << answer.substr(0, 300);
    EXPECT_EQ(answer.find("HTTP/1.1 201"), std::string::npos) << framing << ": the hidden request was run";
    EXPECT_LT(steady_clock::now() - t0, std::chrono::seconds(5)) << framing << " hangs";
  }
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 2u);
  expect_alive();
}

TEST_P(HardeningTest, TheBodyOfARequestRefusedBeforeItIsReadIsNotRunAsTheNextRequest) {
  auto headers = auth_headers();
  // A path that is not text is refused before its body is read; the body
  // holds a valid request that would otherwise be the connection's next.
  auto hidden = smuggled(headers);
  auto answer = raw_exchange(port, "POST /%ff HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Content-Length: " + std::to_string(hidden.size()) + "\r\n\r\n" + hidden);
  EXPECT_EQ(RawConnection::status_of(answer), 400) << answer.substr(0, 300);
  EXPECT_EQ(answer.find("HTTP/1.1 201"), std::string::npos) << "the request in the body was run";
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 2u);
  expect_alive();
}

TEST_P(HardeningTest, ADeclaredBodyOverTheLimitIs413BeforeItIsSent) {
  auto answer = raw_exchange(port, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 10000000000\r\n\r\n{");
  EXPECT_EQ(RawConnection::status_of(answer), 413) << answer.substr(0, 300);
  expect_alive();
}

// Waits until the server closes `c`; how long it took.
milliseconds time_until_closed(RawConnection& c, std::function<bool()> trickle) {
  const auto t0 = steady_clock::now();
  while (steady_clock::now() - t0 < std::chrono::seconds(8)) {
    if (!trickle()) break;
    std::this_thread::sleep_for(milliseconds(300));
  }
  return std::chrono::duration_cast<milliseconds>(steady_clock::now() - t0);
}

TEST_P(HardeningTest, SlowHeadersAreCutOffAfterTheHeaderTimeout) {
  RawConnection c(port);
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  int line = 0;
  // One header line every 300 ms: each read is quick, the whole never ends.
  auto took = time_until_closed(c, [&] { return c.send("X-Slow-" + std::to_string(line++) + ": a\r\n"); });
  EXPECT_LT(took, std::chrono::seconds(4)) << "a client sending a header line every 300 ms kept its connection";
  expect_alive();
}

TEST_P(HardeningTest, ASlowBodyIsCutOff) {
  auto headers = auth_headers();
  RawConnection c(port);
  ASSERT_TRUE(c.send("POST /api/v1/households/H1/provisions HTTP/1.1\r\nHost: x\r\n" + headers +
                     "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"));
  auto took = time_until_closed(c, [&] { return c.send("          "); });
  EXPECT_LT(took, std::chrono::seconds(4)) << "a body of ten bytes every 300 ms kept its connection";
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 2u);
  expect_alive();
}

TEST_P(HardeningTest, OneClientMayNotHoldEveryWorker) {
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 4; ++i) held.push_back(std::make_unique<RawConnection>(port, 3));
  std::this_thread::sleep_for(milliseconds(100));
  RawConnection extra(port, 3);
  auto answer = extra.read_all();
  EXPECT_EQ(RawConnection::status_of(answer), 429) << answer;
  EXPECT_NE(answer.find("Retry-After"), std::string::npos);
  held.clear();  // once the server has seen them go, the client is served again
  int status = 0;
  for (auto t0 = steady_clock::now(); status != 200 && steady_clock::now() - t0 < std::chrono::seconds(5);) {
    std::this_thread::sleep_for(milliseconds(50));
    auto h = client->Get("/healthz");
    status = h ? h->status : 0;
  }
  EXPECT_EQ(status, 200) << "the client is still refused after closing its connections";
}

TEST_P(HardeningTest, SignInWantsJsonFromThisSite) {
  const std::string body = json({{"username", "dir.a"}, {"password", "secret-dir.a"}}).dump();
  auto plain = client->Post("/api/v1/session", body, "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  EXPECT_TRUE(plain->get_header_value("Set-Cookie").empty());
  httplib::Headers foreign = {{"Origin", "https://elders.example"}};
  auto cross = client->Post("/api/v1/session", foreign, body, "application/json");
  ASSERT_TRUE(cross);
  EXPECT_EQ(cross->status, 403);
  httplib::Headers own = {{"Origin", "http://127.0.0.1:" + std::to_string(port)}};
  auto same = client->Post(
      "/api/v1/session", own,
      json({{"username", "dir.a"}, {"password", "secret-dir.a"}, {"code", codes.next("dir.a", clock)}}).dump(),
      "application/json");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 200) << same->body;
}

TEST_P(HardeningTest, ALockedAccountIsToldWhenToTryAgain) {
  const std::string wrong = json({{"username", "dir.a"}, {"password", "wrong"}}).dump();
  for (int i = 0; i < 5; ++i) client->Post("/api/v1/session", wrong, "application/json");
  auto r = client->Post("/api/v1/session", wrong, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  auto retry = r->get_header_value("Retry-After");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 0);
  EXPECT_LE(std::stoi(retry), 15 * 60);
}

TEST_P(HardeningTest, AConflictDoesNotShowTheStoresStatement) {
  auto headers = auth_headers();
  auto body = R"({"id":"H1-P1","domain":"wmo","provider_id":"O1","start_date":"2019-01-01","annual_cost_cents":100})";
  auto answer = raw_exchange(port, "POST /api/v1/households/H1/provisions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                                       headers + "Content-Type: application/json\r\nContent-Length: " +
                                       std::to_string(std::string(body).size()) + "\r\n\r\n" + body);
  EXPECT_EQ(RawConnection::status_of(answer), 409) << answer;
  for (const char* leak : {"INSERT", "insert", "sqlite", "constraint failed", "VALUES", "while executing"})
    EXPECT_EQ(answer.find(leak), std::string::npos) << leak << " in " << answer;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, HardeningTest, ::testing::Values(std::string("sqlite3")),
                         [](const auto& info) { return info.param; });

TEST(ParseQuery, KeepsEqualsSignsInsideValuesAndDecodes) {
  auto p = http::parse_query("/api/v1/x?a=b=c&d=%3D%3D&e&f=x+y&g=%zz#frag");
  EXPECT_EQ(p.find("a")->second, "b=c");
  EXPECT_EQ(p.find("d")->second, "==");
  EXPECT_EQ(p.find("e")->second, "");
  EXPECT_EQ(p.find("f")->second, "x y");
  EXPECT_EQ(p.find("g")->second, "%zz");
  EXPECT_TRUE(http::parse_query("/api/v1/x").empty());
}

}  // namespace
}  // namespace regie::testing
