// The request path under hostile input: every finding of the outsider's test
// of the server has a case here that failed before its fix.
#include <gtest/gtest.h>

#include "support/api_server.h"
#include "support/raw_http.h"

namespace regie::testing {
namespace {

class HardeningTest : public ApiServerTest {};

TEST_P(HardeningTest, APathThatIsNotUtf8Is400AndTheServerAnswersTheNextRequest) {
  for (std::string path : {"/%ff", "/api/v1/households/%C3%28", "/api/v1/households?q=%80", "/%0a"}) {
    auto answer = raw_exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(RawConnection::status_of(answer), 400) << path << ": " << answer.substr(0, 200);
    auto next = client->Get("/healthz");
    ASSERT_TRUE(next) << "the server no longer answers after " << path;
    EXPECT_EQ(next->status, 200);
  }
}

// Framing and text checks happen before any store is asked: one backend is enough.
INSTANTIATE_TEST_SUITE_P(Sqlite, HardeningTest, ::testing::Values(std::string("sqlite3")),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::testing
