// Mail: the message as it leaves Regie (no header can be injected through a
// stored address or text), the queue (once per piece of work, also across a
// restart; back-off when the SMTP server is away), and delivery to a real
// SMTP server (the sink that scripts/test.sh starts: STARTTLS and
// authentication), read back from its Maildir.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/plan.h"
#include "service/auth.h"
#include "service/mail.h"
#include "service/mail_due.h"
#include "service/mail_worker.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "store/mail_store.h"
#include "store/moment_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"
#include "support/backends.h"
#include "support/fixtures.h"

namespace regie::service {
namespace {

namespace fs = std::filesystem;

TEST(MailMessage, AnAddressWithALineBreakCannotAddAHeader) {
  MailMessage m{"anna@example.org\r\nBcc: evil@example.org", "", "Uitnodiging", "tekst", "", ""};
  EXPECT_FALSE(render_message(m, "regie@gemeente.example", "Regie", 1'700'000'000, "m1"));
  m.to = "anna@example.org";
  m.reply_to = "dir@example.org\nBcc: evil@example.org";
  EXPECT_FALSE(render_message(m, "regie@gemeente.example", "Regie", 1'700'000'000, "m1"));
  // Texts (subject, sender name) are encoded words: their line breaks stay inside them.
  m.reply_to = "dir@example.org";
  m.subject = "Ronde tafel\r\nBcc: evil@example.org";
  auto text = render_message(m, "regie@gemeente.example", "Regie\r\nBcc: evil@example.org", 1'700'000'000, "m1");
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(text->find("evil@example.org"), std::string::npos) << *text;
  EXPECT_EQ(text->find("\nBcc:"), std::string::npos);
  EXPECT_NE(text->find("To: <anna@example.org>\r\n"), std::string::npos);
  EXPECT_NE(text->find("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"), std::string::npos) << *text;
}

class MailTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::write_bundle(*store, testing::small_bundle()));
    // Addresses of this test alone: the sink's Maildir is shared by the whole run.
    unsigned char r[6];
    randombytes_buf(r, sizeof r);
    char hex[13];
    sodium_bin2hex(hex, sizeof hex, r, sizeof r);
    tag = hex;
    director_email = "dir.a." + tag + "@gemeente.example";
    ASSERT_TRUE(store::AccountStore(*store).set_contact("dir.a", "", director_email));
  }
  // A member's T1 questionnaire, and the family's T1 on the earliest of them
  // (recorded as held: the reminders follow the family's own T2 date).
  void add_t1(const std::string& member, const char* on) {
    domain::Measurement m;
    m.household_id = member.substr(0, member.find('-'));
    auto& [t1, version] = family_t1[m.household_id];
    if (version == 0 || *parse_date(on) < t1) {
      auto v = store::MomentStore(*store).set(m.household_id, "T1", *parse_date(on), true, "dir.a",
                                               "2019-01-01T00:00:00Z", version);
      ASSERT_TRUE(v) << v.error().message;
      t1 = *parse_date(on);
      version = *v;
    }
    m.member_id = member;
    m.instrument = "positive_health_adult";
    m.instrument_version = "1.0";
    m.moment = "T1";
    m.measured_on = *parse_date(on);
    m.filled_by = "with_director";
    m.recorded_by = "dir.a";
    ASSERT_TRUE(store::MeasurementStore(*store).add(m));
  }
  std::int64_t add_round_table(const std::vector<std::string>& emails) {
    domain::RoundTable rt;
    rt.household_id = "H1";
    rt.title = "Ronde tafel gezin Aarts";
    rt.status = "scheduled";
    rt.duration_minutes = 90;
    rt.window_from = *parse_date("2019-02-01");
    rt.window_to = *parse_date("2019-02-28");
    rt.scheduled_at = "2019-02-05T13:00:00Z";
    rt.location = "Wijkcentrum";
    rt.agenda = "1. Opening";
    rt.sequence = 1;
    rt.created_by = "dir.a";
    rt.created_at = "2019-01-01T00:00:00Z";
    int n = 0;
    for (auto& e : emails) {
      domain::RoundTableParticipant p;
      p.party = {"other", "", "Deelnemer " + std::to_string(++n)};
      p.email = e;
      rt.participants.push_back(p);
    }
    auto id = store::PlanStore(*store).add_round_table(rt);
    EXPECT_TRUE(id) << (id ? "" : id.error().message);
    return id ? *id : 0;
  }
  MailOptions options() {
    MailOptions o;
    o.smtp_url = "smtp://127.0.0.1:1";  // nobody listens there
    o.from = "regie@gemeente.example";
    o.public_url = "https://regie.gemeente.example";
    return o;
  }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  ManualClock clock{1'546'300'800};  // 2019-01-01
  std::string tag, director_email;
  std::map<std::string, std::pair<Date, int>> family_t1;  // household: T1 set, its version
};

TEST_P(MailTest, DueWorkNamesEveryMemberWithoutT2OnceTheFamilysT2HasCome) {
  // The family's T1 is its first measurement; its T2 a year later (the
  // caseload's date), not a year after each member's own T1.
  add_t1("H1-M1", "2017-12-01");
  add_t1("H1-M2", "2018-06-01");
  auto due = due_reminders(*store, clock.today(), {});
  ASSERT_EQ(due.size(), 2u);
  for (auto& d : due) {
    EXPECT_EQ(d.kind, "t2");
    EXPECT_EQ(format_date(d.due), "2018-12-01");
  }
  EXPECT_EQ(due[0].member_id, "H1-M1");
  EXPECT_EQ(due[1].member_id, "H1-M2");
  // Before the family's T2 date nothing is due.
  add_t1("H2-M1", "2018-03-01");
  for (auto& d : due_reminders(*store, clock.today(), {})) EXPECT_NE(d.household_id, "H2");
}

TEST_P(MailTest, AReminderIsQueuedOnceAlsoAfterARestart) {
  add_t1("H1-M1", "2017-12-01");
  Mailer first(*store, clock, options(), "");
  EXPECT_EQ(first.queue_reminders(), 1);
  EXPECT_EQ(first.queue_reminders(), 0);
  Mailer after_restart(*store, clock, options(), "");
  EXPECT_EQ(after_restart.queue_reminders(), 0);
  auto mails = store::MailStore(*store).list("t2");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].recipient, director_email);
  EXPECT_NE(mails[0].body.find("tweede meting (T2) van Els"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("https://regie.gemeente.example/huishoudens/H1"), std::string::npos);
  // Switched off, it is not queued at all.
  add_t1("H2-M1", "2017-01-01");
  auto off = options();
  off.t2_reminders = false;
  EXPECT_EQ(Mailer(*store, clock, off, "").queue_reminders(), 0);
}

TEST_P(MailTest, AMailThatCannotBeSentIsTriedAgainLaterAndThenGivenUp) {
  add_t1("H1-M1", "2017-12-01");
  auto o = options();
  o.starttls = false;
  o.max_attempts = 3;
  Mailer mailer(*store, clock, o, "");
  mailer.queue_reminders();
  EXPECT_EQ(mailer.send_due(), 0);
  auto m = store::MailStore(*store).list("t2").at(0);
  EXPECT_EQ(m.status, "queued");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.next_attempt_at, clock.now_seconds() + 60);
  EXPECT_FALSE(m.last_error.empty());
  EXPECT_EQ(mailer.send_due(), 0);  // not yet due again
  EXPECT_EQ(store::MailStore(*store).list("t2").at(0).attempts, 1);
  clock.advance(61);
  mailer.send_due();
  m = store::MailStore(*store).list("t2").at(0);
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.next_attempt_at, clock.now_seconds() + 120);
  clock.advance(121);
  mailer.send_due();
  EXPECT_EQ(store::MailStore(*store).list("t2").at(0).status, "failed");
}

TEST_P(MailTest, AParticipantAddressWithALineBreakGetsNoInvitation) {
  // Stored before addresses were checked: straight into the store.
  add_round_table({"anna." + tag + "@example.org", "bob@example.org\r\nBcc: evil@example.org"});
  Mailer mailer(*store, clock, options(), "");
  EXPECT_EQ(mailer.queue_round_tables(), 1);
  auto mails = store::MailStore(*store).list("round_table");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].recipient, "anna." + tag + "@example.org");
  EXPECT_EQ(mails[0].attachment.find("evil@example.org"), std::string::npos);
  EXPECT_EQ(mailer.queue_round_tables(), 0);
}

// --- with the real SMTP server ------------------------------------------------

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every message in the sink's Maildir for `address`.
std::vector<std::string> delivered_to(const std::string& address) {
  std::vector<std::string> out;
  const fs::path box = env("REGIE_TEST_MAILDIR");
  for (const char* sub : {"new", "cur"}) {
    if (!fs::exists(box / sub)) continue;
    for (auto& f : fs::directory_iterator(box / sub)) {
      auto text = read_file(f.path());
      auto head = text.substr(0, text.find('\n'));
      if (head.find(address) != std::string::npos) out.push_back(text);
    }
  }
  return out;
}

// The base64 body of the MIME part whose headers hold `type`, decoded.
std::string part(const std::string& message, const std::string& type) {
  auto at = message.find("Content-Type: " + type);
  if (at == std::string::npos) return {};
  auto start = message.find("\r\n\r\n", at);
  if (start == std::string::npos) start = message.find("\n\n", at);
  auto end = message.find("--", start);
  std::string b64;
  for (char c : message.substr(start, end - start))
    if (c != '\r' && c != '\n' && c != ' ') b64 += c;
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.c_str(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return {};
  out.resize(len);
  return out;
}

class SmtpTest : public MailTest {
 protected:
  void SetUp() override {
    if (env("REGIE_TEST_SMTP_URL").empty() || env("REGIE_TEST_MAILDIR").empty())
      GTEST_SKIP() << "no SMTP sink (REGIE_TEST_SMTP_URL; scripts/test.sh starts one)";
    MailTest::SetUp();
  }
  MailOptions options() {
    auto o = MailTest::options();
    o.smtp_url = env("REGIE_TEST_SMTP_URL");
    o.smtp_user = env("REGIE_TEST_SMTP_USER");
    o.smtp_password_file = env("REGIE_TEST_SMTP_PASSWORD_FILE");
    o.ca_file = env("REGIE_TEST_SMTP_CA");
    return o;
  }
  std::string password() {
    auto p = check_mail_options(options());
    EXPECT_TRUE(p);
    return p ? *p : "";
  }
};

TEST_P(SmtpTest, ADueSecondMeasurementIsDeliveredOnceAlsoAfterARestart) {
  add_t1("H1-M1", "2017-12-01");
  Mailer(*store, clock, options(), password()).run_once(true);
  auto got = delivered_to(director_email);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(part(got[0], "text/plain").find("tweede meting (T2) van Els"), std::string::npos);
  Mailer(*store, clock, options(), password()).run_once(true);  // the server started again
  EXPECT_EQ(delivered_to(director_email).size(), 1u);
  auto sent = store::MailStore(*store).list("t2").at(0);
  EXPECT_EQ(sent.status, "sent");
  EXPECT_TRUE(sent.body.empty());  // the text does not stay in the queue
}

TEST_P(SmtpTest, ScheduledRoundTableSendsEachParticipantAValidInvitation) {
  const std::vector<std::string> emails{"anna." + tag + "@example.org", "bob." + tag + "@example.org"};
  add_round_table(emails);
  Mailer(*store, clock, options(), password()).run_once(false);
  for (auto& e : emails) {
    auto got = delivered_to(e);
    ASSERT_EQ(got.size(), 1u) << e;
    EXPECT_NE(got[0].find("Reply-To: <" + director_email + ">"), std::string::npos);
    auto ics = part(got[0], "text/calendar");
    icalcomponent* cal = icalparser_parse_string(ics.c_str());
    ASSERT_NE(cal, nullptr) << ics;
    EXPECT_EQ(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
    icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    ASSERT_NE(ev, nullptr);
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(ev)), 1'549'371'600);  // 2019-02-05 13:00 UTC
    EXPECT_EQ(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 2);
    icalcomponent_free(cal);
    EXPECT_NE(part(got[0], "text/plain").find("5 februari 2019 om 14:00"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, SmtpTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
