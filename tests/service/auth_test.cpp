#include "service/auth.h"

#include <gtest/gtest.h>

#include "support/backends.h"
#include "support/fixtures.h"

namespace regie::service {
namespace {

using testing::TestDatabase;

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store->write_bundle(testing::small_bundle())); }
  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'700'000'000};
  Auth auth{*store, clock};
};

TEST(Passwords, AreHashedWithArgon2idAndVerified) {
  auto h = hash_password("correct horse");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_EQ(h.find("correct horse"), std::string::npos);
  EXPECT_TRUE(verify_password(h, "correct horse"));
  EXPECT_FALSE(verify_password(h, "Correct horse"));
  EXPECT_FALSE(verify_password("", "x"));
}

TEST_F(AuthTest, SignsInAndAuthenticatesTheSession) {
  auto s = auth.sign_in("dir.a", "secret-dir.a", "127.0.0.1");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->token.size(), 64u);
  auto p = auth.authenticate(s->token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->username, "dir.a");
  EXPECT_EQ(p->role, domain::Role::director);
  EXPECT_EQ(p->csrf_token, s->principal.csrf_token);
  auth.sign_out(s->token);
  EXPECT_FALSE(auth.authenticate(s->token));
}

TEST_F(AuthTest, RefusesWrongPasswordsAndUnknownUsersAlike) {
  auto wrong = auth.sign_in("dir.a", "nope", "c1");
  auto unknown = auth.sign_in("nobody", "nope", "c2");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_FALSE(auth.authenticate("not-a-token"));
  EXPECT_FALSE(auth.authenticate(""));
}

TEST_F(AuthTest, LocksAUserOutAfterRepeatedFailuresForAWhile) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(auth.sign_in("dir.a", "wrong", "c" + std::to_string(i)));
  auto locked = auth.sign_in("dir.a", "secret-dir.a", "fresh-client");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::throttled);
  clock.advance(16 * 60);
  EXPECT_TRUE(auth.sign_in("dir.a", "secret-dir.a", "fresh-client"));
}

TEST_F(AuthTest, EndsSessionsAfterIdleAndAbsoluteTimeouts) {
  auto s = auth.sign_in("dir.a", "secret-dir.a", "c");
  ASSERT_TRUE(s);
  clock.advance(29 * 60);
  EXPECT_TRUE(auth.authenticate(s->token));
  clock.advance(31 * 60);
  EXPECT_FALSE(auth.authenticate(s->token));

  auto t = auth.sign_in("dir.a", "secret-dir.a", "c");
  ASSERT_TRUE(t);
  for (int i = 0; i < 25; ++i) {  // active all day, every 29 minutes
    clock.advance(29 * 60);
    if (i < 24) {
      ASSERT_TRUE(auth.authenticate(t->token)) << i;
    }
  }
  EXPECT_FALSE(auth.authenticate(t->token));  // past 12 hours
}

TEST_F(AuthTest, ADisabledAccountCannotSignInAndLosesItsSessionsAtOnce) {
  auto s = auth.sign_in("dir.b", "secret-dir.b", "c");
  ASSERT_TRUE(s);
  ASSERT_TRUE(store->set_account_disabled("dir.b", true));
  EXPECT_FALSE(auth.authenticate(s->token));
  EXPECT_FALSE(auth.sign_in("dir.b", "secret-dir.b", "c"));
  ASSERT_TRUE(store->set_account_disabled("dir.b", false));
  EXPECT_TRUE(auth.sign_in("dir.b", "secret-dir.b", "c"));
  EXPECT_FALSE(store->set_account_disabled("nobody", true));
}

}  // namespace
}  // namespace regie::service
