#include "service/auth.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "support/totp.h"
#include "service/totp.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using testing::TestDatabase;

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    testing::enrol_test_second_factors(*store, key_file, clock.now_seconds());
  }
  // Signs in with a fresh code of the user's second factor.
  Result<SignIn> sign_in(const std::string& user, const std::string& password, const std::string& client) {
    return auth.sign_in(user, password, codes.next(user, clock), client);
  }
  std::string code_at(const std::string& user, std::int64_t t) {
    return totp_code(testing::test_totp_secret(user), t);
  }
  TestDatabase db{"sqlite3"};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir dir;
  std::string key_file = dir.file("secret.key");
  Sealer sealer = *Sealer::from_key_file(key_file, true);
  ManualClock clock{1'700'000'000};
  Auth auth{*store, clock, &sealer};
  testing::TestCodes codes;
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
  auto s = sign_in("dir.a", "secret-dir.a", "127.0.0.1");
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
  auto wrong = sign_in("dir.a", "nope", "c1");
  auto unknown = sign_in("nobody", "nope", "c2");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_FALSE(auth.authenticate("not-a-token"));
  EXPECT_FALSE(auth.authenticate(""));
}

TEST_F(AuthTest, LocksAUserOutAfterRepeatedFailuresForAWhile) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(sign_in("dir.a", "wrong", "c" + std::to_string(i)));
  auto locked = sign_in("dir.a", "secret-dir.a", "fresh-client");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::throttled);
  clock.advance(16 * 60);
  EXPECT_TRUE(sign_in("dir.a", "secret-dir.a", "fresh-client"));
}

TEST_F(AuthTest, EndsSessionsAfterIdleAndAbsoluteTimeouts) {
  auto s = sign_in("dir.a", "secret-dir.a", "c");
  ASSERT_TRUE(s);
  clock.advance(29 * 60);
  EXPECT_TRUE(auth.authenticate(s->token));
  clock.advance(31 * 60);
  EXPECT_FALSE(auth.authenticate(s->token));

  auto t = sign_in("dir.a", "secret-dir.a", "c");
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
  auto s = sign_in("dir.b", "secret-dir.b", "c");
  ASSERT_TRUE(s);
  ASSERT_TRUE(regie::store::AccountStore(*store).set_disabled("dir.b", true));
  EXPECT_FALSE(auth.authenticate(s->token));
  EXPECT_FALSE(sign_in("dir.b", "secret-dir.b", "c"));
  ASSERT_TRUE(regie::store::AccountStore(*store).set_disabled("dir.b", false));
  EXPECT_TRUE(sign_in("dir.b", "secret-dir.b", "c"));
  EXPECT_FALSE(regie::store::AccountStore(*store).set_disabled("nobody", true));
}

TEST(Totp, MatchesTheRfc6238TestVectorAndAllowsOneStepOfDrift) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(totp_code(secret, 59), "287082");          // RFC 6238 appendix B, last six digits
  EXPECT_EQ(totp_code(secret, 1111111109), "081804");
  EXPECT_EQ(totp_match(secret, "081804", 1111111109), 1111111109 / 30);
  EXPECT_EQ(totp_match(secret, "081804", 1111111109 + 30), 1111111109 / 30);   // one step late
  EXPECT_EQ(totp_match(secret, "081804", 1111111109 - 30), 1111111109 / 30);   // one step early
  EXPECT_FALSE(totp_match(secret, "081804", 1111111109 + 61));                  // two steps: too old
  EXPECT_FALSE(totp_match(secret, "81804", 1111111109));
  EXPECT_FALSE(totp_match(secret, "08180x", 1111111109));
  auto uri = otpauth_uri("dir.a", secret);
  EXPECT_EQ(uri, "otpauth://totp/Regie:dir.a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Regie&algorithm=SHA1"
                 "&digits=6&period=30");
}

TEST_F(AuthTest, AsksForTheCodeOnlyAfterTheRightPasswordAndRefusesAWrongOne) {
  SignInRefusal why = SignInRefusal::none;
  auto no_code = auth.sign_in("dir.a", "secret-dir.a", "", "c", &why);
  ASSERT_FALSE(no_code);
  EXPECT_EQ(no_code.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(why, SignInRefusal::code_required);
  // A wrong password says nothing about the code, with or without one.
  EXPECT_FALSE(auth.sign_in("dir.a", "wrong", "", "c", &why));
  EXPECT_EQ(why, SignInRefusal::bad_credentials);
  EXPECT_FALSE(auth.sign_in("dir.a", "wrong", code_at("dir.a", clock.now_seconds()), "c", &why));
  EXPECT_EQ(why, SignInRefusal::bad_credentials);
  auto wrong = code_at("dir.a", clock.now_seconds()) == "000000" ? "111111" : "000000";
  EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", wrong, "c", &why));
  EXPECT_EQ(why, SignInRefusal::code_invalid);
  EXPECT_TRUE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", clock.now_seconds()), "c", &why));
}

TEST_F(AuthTest, RefusesACodeUsedBeforeAndAnOlderOne) {
  auto now = clock.now_seconds();
  SignInRefusal why = SignInRefusal::none;
  ASSERT_TRUE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", now), "c"));
  EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", now), "c", &why));  // replay
  EXPECT_EQ(why, SignInRefusal::code_invalid);
  // The next step's code (drift) is accepted once; after it, the current one is too old.
  ASSERT_TRUE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", now + 30), "c"));
  EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", now - 30), "c"));
  // A code of another account does not fit.
  clock.advance(90);
  EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", code_at("dir.b", clock.now_seconds()), "c"));
}

TEST_F(AuthTest, WrongCodesCountTowardsTheLockout) {
  auto wrong = [&] { return code_at("dir.a", clock.now_seconds()) == "000000" ? "111111" : "000000"; };
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(auth.sign_in("dir.a", "secret-dir.a", wrong(), "c" + std::to_string(i)));
  SignInRefusal why = SignInRefusal::none;
  auto locked = auth.sign_in("dir.a", "secret-dir.a", code_at("dir.a", clock.now_seconds()), "fresh", &why);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::throttled);
  EXPECT_EQ(why, SignInRefusal::throttled);
}

TEST_F(AuthTest, AnAccountWithoutASecretOrAServerWithoutItsKeyCannotSignIn) {
  store->write([](soci::session& sql) { sql << "DELETE FROM account_totp WHERE username = 'lead'"; });
  SignInRefusal why = SignInRefusal::none;
  EXPECT_FALSE(auth.sign_in("lead", "secret-lead", "123456", "c", &why));
  EXPECT_EQ(why, SignInRefusal::totp_not_enrolled);
  Auth keyless(*store, clock, nullptr);
  EXPECT_FALSE(keyless.sign_in("dir.a", "secret-dir.a", code_at("dir.a", clock.now_seconds()), "c", &why));
  EXPECT_EQ(why, SignInRefusal::totp_not_enrolled);
  // Another key cannot open the secret either.
  testing::TempDir other;
  auto foreign = *Sealer::from_key_file(other.file("k"), true);
  Auth wrong_key(*store, clock, &foreign);
  EXPECT_FALSE(wrong_key.sign_in("dir.a", "secret-dir.a", code_at("dir.a", clock.now_seconds()), "c", &why));
  EXPECT_EQ(why, SignInRefusal::totp_not_enrolled);
}

TEST_F(AuthTest, AHouseholdMemberSignsInWithoutACode) {
  domain::Account m{"els", "Els", domain::Role::member, hash_password("secret-els"), false};
  m.member_id = "H1-M1";
  store::Bundle b;
  b.accounts = {m};
  ASSERT_TRUE(regie::store::write_bundle(*store, b));
  auto s = auth.sign_in("els", "secret-els", "", "c");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->principal.household_id, "H1");
}

}  // namespace
}  // namespace regie::service
