// The privacy rights of one household member: export (JSON and FHIR), erasure
// with its retention exceptions, and the retention rule for closed files, on
// every store backend.
#include "service/privacy.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>

#include "service/audit.h"
#include "service/measurements.h"
#include "store/assignment_store.h"
#include "store/audit_store.h"
#include "store/consent_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/funding.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using nlohmann::json;

Principal member_principal(const std::string& user, const std::string& member, const std::string& household) {
  Principal p{user, user, Role::member, ""};
  p.member_id = member;
  p.household_id = household;
  return p;
}

std::string url_of_patient(const json& bundle) {
  for (auto& e : bundle["entry"])
    if (e["resource"]["resourceType"] == "Patient") return e["fullUrl"];
  return "";
}

class PrivacyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto b = testing::small_bundle();
    // Els (H1-M1) has a provision of her own; Tim's (H1-P1) and the household's (H1-P2) are in the fixture.
    domain::Provision p = b.provisions[0];
    p.id = "H1-P3";
    p.member_id = "H1-M1";
    p.domain = domain::Domain::wmo;
    p.goal = "Els krijgt hulp bij de post";
    p.start = *parse_date("2018-03-01");
    p.end = *parse_date("2018-12-31");
    b.provisions.push_back(p);
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
    auto s = Sealer::from_key_file(keys.file("regie.key"), true);
    ASSERT_TRUE(s);
    sealer.emplace(*s);
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M1", sealer->seal("111222333")));

    store::ConsentStore consents(*store);
    domain::Consent c;
    c.household_id = "H1";
    c.member_id = "H1-M1";
    c.organisation_id = "O1";
    c.given_on = *parse_date("2018-06-01");
    c.recorded_by = "dir.a";
    ASSERT_TRUE(consents.add(c));
    c.member_id = "H1-M2";
    c.guardian_member_id = "H1-M1";
    ASSERT_TRUE(consents.add(c));

    store::MeasurementStore ms(*store);
    domain::Measurement m;
    m.household_id = "H1";
    m.member_id = "H1-M1";
    m.instrument = "positive_health";
    m.instrument_version = "1.0";
    m.moment = "T1";
    m.measured_on = *parse_date("2018-11-01");
    m.filled_by = "member";
    m.recorded_by = "dir.a";
    m.answers = {{"meaningfulness_1", 7}};
    auto els_measurement = ms.add(m);
    ASSERT_TRUE(els_measurement);
    els_measurement_id = *els_measurement;
    m.member_id = "H1-M2";
    m.answers = {{"meaningfulness_1", 3}};
    ASSERT_TRUE(ms.add(m));
    domain::Wish w{0, "H1", "H1-M1", "meaningfulness", "Els wil weer werken", "dir.a", "2018-11-01T10:00:00Z", 1};
    ASSERT_TRUE(ms.add_wish(w));

    store::PlanStore plans(*store);
    domain::HouseholdPlan plan;
    plan.household_id = "H1";
    plan.created_by = "dir.a";
    plan.created_at = "2018-11-02T10:00:00Z";
    domain::PlanGoal g;
    g.life_domain = "participation";
    g.member_ids = {"H1-M1"};
    g.household_words = "Els vindt werk";
    g.actions.push_back({"solliciteren", {"member", "H1-M1", ""}, std::nullopt, "open"});
    plan.goals.push_back(g);
    domain::PlanGoal other;
    other.life_domain = "school_work";
    other.member_ids = {"H1-M2"};
    other.household_words = "Tim gaat naar school";
    plan.goals.push_back(other);
    ASSERT_TRUE(plans.add_plan_version(plan, 0));
    domain::RoundTable rt;
    rt.household_id = "H1";
    rt.title = "Overleg met Els";
    rt.window_from = *parse_date("2019-01-10");
    rt.window_to = *parse_date("2019-01-20");
    rt.created_by = "dir.a";
    rt.created_at = "2018-12-01T10:00:00Z";
    domain::RoundTableParticipant part;
    part.party = {"member", "H1-M1", "Els Aarts"};
    rt.participants.push_back(part);
    ASSERT_TRUE(plans.add_round_table(rt));

    privacy.emplace(*store, clock, &*sealer, nullptr);
  }

  std::string member_name(const std::string& id) {
    for (auto& m : regie::store::HouseholdStore(*store).members(id.substr(0, 2)))
      if (m.id == id) return m.given_name;
    return "(none)";
  }
  std::size_t count(const std::string& table) {
    long long n = 0;
    store->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(n); });
    return static_cast<std::size_t>(n);
  }

  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir keys;
  ManualClock clock{1'546'300'800};  // 2019-01-01
  std::optional<Sealer> sealer;
  std::optional<Privacy> privacy;
  std::int64_t els_measurement_id = 0;
  Principal admin{"admin", "Administrator", Role::administrator, ""};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
  Principal prof{"prof", "Professional", Role::professional, ""};
  Principal els = member_principal("gezin.els", "H1-M1", "H1");
  Principal tim = member_principal("gezin.tim", "H1-M2", "H1");
  Principal bert = member_principal("gezin.bert", "H2-M1", "H2");
};

TEST_P(PrivacyTest, TheExportHoldsEveryCategoryAboutThePersonAndNothingOfAnotherMember) {
  // A director's look at Els's measurement is in the trail about her.
  auto instruments = interop::load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(instruments);
  Measurements measurements(*store, clock, std::make_shared<const interop::Instruments>(*instruments));
  ASSERT_TRUE(measurements.get(dir_a, "H1", els_measurement_id));

  auto doc = privacy->export_json(admin, "H1-M1");
  ASSERT_TRUE(doc) << doc.error().message;
  const auto& d = *doc;
  EXPECT_EQ(d["person"]["given_name"], "Els");
  EXPECT_EQ(d["person"]["bsn"], "111222333");  // their own data: opened for this export only
  EXPECT_EQ(d["household"]["id"], "H1");
  EXPECT_EQ(d["household"]["status"], "active");
  EXPECT_EQ(d["household"]["director"]["username"], "dir.a");
  std::set<std::string> provisions;
  for (auto& p : d["provisions"]) provisions.insert(p["id"]);
  EXPECT_EQ(provisions, (std::set<std::string>{"H1-P2", "H1-P3"}));  // hers and the household's, not Tim's
  ASSERT_EQ(d["consents"].size(), 2u);                               // her own, and the one she gave for Tim
  ASSERT_EQ(d["measurements"].size(), 1u);
  EXPECT_EQ(d["measurements"][0]["answers"]["meaningfulness_1"], 7);
  ASSERT_EQ(d["wishes"].size(), 1u);
  ASSERT_EQ(d["plan_goals"].size(), 1u);
  EXPECT_EQ(d["plan_goals"][0]["household_words"], "Els vindt werk");
  EXPECT_EQ(d["plan_goals"][0]["actions"][0]["responsible"], "me");
  ASSERT_EQ(d["appointments"].size(), 1u);
  EXPECT_EQ(d["appointments"][0]["title"], "Overleg met Els");
  bool director_read = false;
  for (auto& e : d["audit"])
    director_read |= e["who"] == "dir.a" && e["action"] == "measurements.read" && e["outcome"] == "allowed";
  EXPECT_TRUE(director_read) << d["audit"].dump();
  EXPECT_TRUE(d["erasures"].empty());

  const auto text = d.dump();
  // (The household-wide provision H1-P2 is hers too: its goal is in it.)
  for (auto word : {"Bert", "Bos", "H2", "Tim gaat naar school"}) EXPECT_EQ(text.find(word), std::string::npos) << word;
  // Tim's answers are not in it.
  EXPECT_EQ(text.find("\"meaningfulness_1\":3"), std::string::npos);
}

TEST_P(PrivacyTest, WhoMayExportWhomAndEveryTryIsAuditedWithThePerson) {
  auto by_director = privacy->export_json(dir_a, "H1-M1");
  ASSERT_TRUE(by_director);
  EXPECT_TRUE((*by_director)["person"]["bsn_stored"].get<bool>());
  EXPECT_FALSE((*by_director)["person"].contains("bsn"));  // the director sees it masked, as in the file
  EXPECT_TRUE(privacy->export_json(els, "H1-M1"));         // her own data
  EXPECT_TRUE(privacy->export_json(els, "H1-M2"));         // a parent for her minor child
  EXPECT_FALSE(privacy->export_json(tim, "H1-M1"));        // a child does not export a parent
  auto other_household = privacy->export_json(bert, "H1-M1");
  ASSERT_FALSE(other_household);
  EXPECT_EQ(other_household.error().code, ErrorCode::forbidden);
  auto unknown = privacy->export_json(bert, "H9-M9");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, other_household.error().message);  // ids cannot be probed
  EXPECT_FALSE(privacy->export_json(dir_b, "H1-M1"));
  EXPECT_FALSE(privacy->export_fhir(prof, "H1-M1"));

  // Above the age rule, the child's data is no longer the parent's to export.
  regie::store::SettingsStore(*store).set("access.minor_below_age", "8");
  EXPECT_FALSE(privacy->export_json(els, "H1-M2"));

  store::AuditQuery q;
  q.person = "H1-M1";
  int allowed = 0, denied_bert = 0;
  for (auto& e : store::AuditStore(*store).query(q)) {
    if (e.action != "person.export") continue;
    allowed += e.outcome == "allowed";
    denied_bert += e.actor == "gezin.bert" && e.outcome == "denied";
  }
  EXPECT_EQ(allowed, 2);  // the director and Els herself
  EXPECT_EQ(denied_bert, 1);
}

TEST_P(PrivacyTest, AnAssignedTeamLeadExportsAsTheDirectorDoesWithTheBsnMasked) {
  Principal lead{"lead", "Team Lead", Role::team_lead, ""};
  EXPECT_FALSE(privacy->export_json(lead, "H1-M1"));  // caseloads only, until assigned
  ASSERT_TRUE(store::AssignmentStore(*store).assign({"H1", "lead", "", "lead", "2019-01-01T09:00:00Z"}));
  auto json_export = privacy->export_json(lead, "H1-M1");
  ASSERT_TRUE(json_export);
  EXPECT_TRUE((*json_export)["person"]["bsn_stored"].get<bool>());
  EXPECT_FALSE((*json_export)["person"].contains("bsn"));
  auto fhir = privacy->export_fhir(lead, "H1-M1");
  ASSERT_TRUE(fhir);
  EXPECT_EQ(fhir->dump().find("111222333"), std::string::npos);
  ASSERT_TRUE(store::AssignmentStore(*store).unassign("H1", "lead"));
  EXPECT_FALSE(privacy->export_json(lead, "H1-M1"));
}

TEST_P(PrivacyTest, ErasureTakesTheNameOutOfTheReferralThePlanAgreementAndAFamilyNameOfTheirOwn) {
  // Els has a family name of her own here; Tim keeps the household's.
  store->write([](soci::session& sql) {
    sql << "UPDATE member SET family_name = 'Bakker' WHERE id = 'H1-M1'";
    sql << "UPDATE household SET referral_reason = 'Els Bakker belde de wijkteamlijn' WHERE id = 'H1'";
    sql << "UPDATE provision SET goal = 'mw. Bakker krijgt hulp bij de post' WHERE id = 'H1-P3'";
    sql << "UPDATE household_plan SET agreed_by = '{\"name\":\"Els Bakker\"}' WHERE household_id = 'H1'";
  });
  ASSERT_TRUE(privacy->erase(admin, "H1-M1", "request of 2018-12-20"));
  std::string referral, goal, agreed;
  store->read([&](soci::session& sql) {
    sql << "SELECT referral_reason FROM household WHERE id = 'H1'", soci::into(referral);
    sql << "SELECT goal FROM provision WHERE id = 'H1-P3'", soci::into(goal);
    sql << "SELECT agreed_by FROM household_plan WHERE household_id = 'H1'", soci::into(agreed);
  });
  EXPECT_EQ(referral, "[erased] belde de wijkteamlijn");
  EXPECT_EQ(goal, "mw. [erased] krijgt hulp bij de post");
  EXPECT_EQ(json::parse(agreed)["name"], "[erased]");
  EXPECT_EQ(regie::store::HouseholdStore(*store).members("H1")[1].family_name, "Aarts");  // Tim's name is not hers
}

TEST_P(PrivacyTest, TheFhirExportIsABundleOfThePersonWithConsentsFromTheConsentRecords) {
  auto b = privacy->export_fhir(els, "H1-M1");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ((*b)["resourceType"], "Bundle");
  std::map<std::string, int> types;
  std::set<std::string> urls;
  for (auto& e : (*b)["entry"]) {
    ++types[e["resource"]["resourceType"].get<std::string>()];
    urls.insert(e["fullUrl"]);
  }
  EXPECT_EQ(types["Patient"], 1);
  EXPECT_EQ(types["Consent"], 1);  // her own record; the one for Tim is his
  EXPECT_EQ(types["QuestionnaireResponse"], 1);
  EXPECT_GE(types["AuditEvent"], 1);  // at least this export's own record
  for (auto& e : (*b)["entry"]) {
    if (e["resource"]["resourceType"] == "AuditEvent") {
      EXPECT_EQ(e["resource"]["entity"][0]["what"]["reference"], url_of_patient(*b));
      EXPECT_TRUE(e["resource"].contains("recorded") && e["resource"].contains("agent") &&
                  e["resource"].contains("source") && e["resource"].contains("type"));
    }
  }
  for (auto& e : (*b)["entry"]) {
    auto& r = e["resource"];
    if (r["resourceType"] == "Patient") {
      EXPECT_EQ(r["name"][0]["given"][0], "Els");
      EXPECT_NE(r.dump().find("111222333"), std::string::npos);
    }
    if (r["resourceType"] == "Consent") {
      EXPECT_EQ(r["status"], "active");
      EXPECT_EQ(r["provision"]["period"]["start"], "2018-06-01");
      EXPECT_TRUE(urls.contains(r["provision"]["actor"][0]["reference"]["reference"]));
    }
  }
  const auto text = b->dump();
  EXPECT_EQ(text.find("\"Tim\""), std::string::npos);  // (not "dateTime")
  EXPECT_EQ(text.find("Bos"), std::string::npos);
}

TEST_P(PrivacyTest, ErasureRemovesNameBsnAndAnswersKeepsTheAuditChainAndRecordsEachException) {
  auto instruments = interop::load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(instruments);
  Measurements measurements(*store, clock, std::make_shared<const interop::Instruments>(*instruments));
  ASSERT_TRUE(measurements.get(dir_a, "H1", els_measurement_id));
  const auto audit_before = store::AuditStore(*store).verify().records;
  auto revision = [&] {
    long long rev = 0;
    store->read([&](soci::session& sql) { sql << "SELECT rev FROM view_revision WHERE scope = 'H1'", soci::into(rev); });
    return rev;
  };
  const auto revision_before = revision();

  auto rec = privacy->erase(admin, "H1-M1", "request of 2018-12-20");
  ASSERT_TRUE(rec) << rec.error().message;
  EXPECT_GT(rec->id, 0);
  std::map<std::string, store::RetentionException> kept;
  for (auto& x : rec->exceptions) kept[x.category] = x;
  ASSERT_TRUE(kept.contains("audit_trail"));
  EXPECT_FALSE(kept["audit_trail"].retain_until);  // never altered
  EXPECT_NE(kept["audit_trail"].legal_ground.find("NEN 7513"), std::string::npos);
  ASSERT_TRUE(kept.contains("financial"));
  EXPECT_EQ(kept["financial"].records, 1);                                // H1-P3
  EXPECT_EQ(format_date(*kept["financial"].retain_until), "2025-12-31");  // ended 2018-12-31, 7 years
  ASSERT_TRUE(kept.contains("consent"));
  EXPECT_FALSE(kept.contains("youth_care"));  // Tim's youth care is not hers
  auto erased = json::parse(rec->erased);
  EXPECT_EQ(erased["measurements"], 1);
  EXPECT_EQ(erased["wishes"], 1);
  EXPECT_EQ(erased["bsn"], 1);

  // Gone: her names, BSN, answers, wish, and her name in the household's texts.
  auto members = regie::store::HouseholdStore(*store).members("H1");
  for (auto& m : members) {
    if (m.id != "H1-M1") continue;
    EXPECT_EQ(m.given_name, "[erased]");
    EXPECT_EQ(m.family_name, "[erased]");
    EXPECT_FALSE(m.bsn_sealed);
  }
  EXPECT_EQ(member_name("H1-M2"), "Tim");  // the others stay
  int els_measurements = 0, tim_measurements = 0;
  for (auto& m : store::MeasurementStore(*store).of_household("H1")) {
    els_measurements += m.member_id == "H1-M1";
    tim_measurements += m.member_id == "H1-M2";
  }
  EXPECT_EQ(els_measurements, 0);
  EXPECT_EQ(tim_measurements, 1);
  auto plans = store::PlanStore(*store).plans("H1");
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].goals[0].household_words, "[erased] vindt werk");
  EXPECT_EQ(plans[0].goals[1].household_words, "Tim gaat naar school");
  EXPECT_EQ(store::PlanStore(*store).round_tables("H1")[0].title, "Overleg met [erased]");
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("H1-P3")->goal, "[erased] krijgt hulp bij de post");
  for (auto& c : store::ConsentStore(*store).of_household("H1")) {
    if (c.member_id == "H1-M1") {
      EXPECT_EQ(c.withdrawn_on, clock.today());
    }
  }

  // A cached household view is stale from now on (SQLite keeps view revisions).
  EXPECT_GT(revision(), revision_before);

  // The audit trail is untouched, still whole, and records the erasure.
  auto verdict = store::AuditStore(*store).verify();
  EXPECT_TRUE(verdict.intact) << verdict.why;
  EXPECT_GT(verdict.records, audit_before);

  // A second export shows the erased state and the erasure with its exceptions.
  auto doc = privacy->export_json(admin, "H1-M1");
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["person"]["given_name"], "[erased]");
  EXPECT_FALSE((*doc)["person"].contains("bsn"));
  EXPECT_TRUE((*doc)["measurements"].empty());
  ASSERT_EQ((*doc)["erasures"].size(), 1u);
  EXPECT_EQ((*doc)["erasures"][0]["reason"], "request of 2018-12-20");
  EXPECT_GE((*doc)["erasures"][0]["retained"].size(), 3u);
  EXPECT_EQ(doc->dump().find("Els"), std::string::npos);
  EXPECT_EQ(doc->dump().find("111222333"), std::string::npos);
}

TEST_P(PrivacyTest, ErasureIsForAdministratorsWithAReasonAndChangesNothingOtherwise) {
  auto refused = privacy->erase(dir_a, "H1-M1", "asked");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  auto no_reason = privacy->erase(admin, "H1-M1", "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::invalid_input);
  auto unknown = privacy->erase(admin, "H1-M9", "request");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  EXPECT_EQ(member_name("H1-M1"), "Els");
  EXPECT_EQ(count("erasure"), 0u);
  EXPECT_EQ(count("measurement"), 2u);
}

TEST_P(PrivacyTest, ErasureIsAllOrNothingWhenTheDatabaseRefusesAStep) {
  // A failure late in the erasure (the member row itself) must undo the earlier steps.
  if (store->backend() == "sqlite3")
    store->write([](soci::session& sql) {
      sql << "CREATE TRIGGER refuse_member BEFORE UPDATE ON member BEGIN SELECT RAISE(ABORT, 'refused'); END";
    });
  else
    store->write([](soci::session& sql) {
      sql << "CREATE FUNCTION refuse_member() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION "
             "'refused'; END $$";
      sql << "CREATE TRIGGER refuse_member BEFORE UPDATE ON member FOR EACH ROW EXECUTE FUNCTION refuse_member()";
    });
  EXPECT_THROW((void)privacy->erase(admin, "H1-M1", "request"), store::Unavailable);
  EXPECT_EQ(count("measurement"), 2u);
  EXPECT_EQ(count("wish"), 1u);
  EXPECT_EQ(count("erasure"), 0u);
  EXPECT_EQ(store::PlanStore(*store).plans("H1")[0].goals[0].household_words, "Els vindt werk");
  for (auto& c : store::ConsentStore(*store).of_household("H1")) EXPECT_FALSE(c.withdrawn_on);
}

TEST_P(PrivacyTest, TheRetentionRuleErasesOldClosedFilesAndRemovesThemWhenNothingMustBeKept) {
  // H2 closed in 2010 with a youth-care provision that ended then: erased now, kept until 2029.
  domain::Provision p = *regie::store::ProvisionStore(*store).find("H1-P1");
  p.id = "H2-P1";
  p.household_id = "H2";
  p.member_id = "H2-M1";
  p.start = *parse_date("2009-01-01");
  p.end = *parse_date("2009-12-31");
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(p));
  store->write([](soci::session& sql) {
    sql << "UPDATE household SET status = 'closed' WHERE id = 'H2'";
    sql << "UPDATE household SET closed_on = '2010-01-15' WHERE id = 'H2'";
  });

  auto refused = privacy->retention(dir_a, true);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);

  auto dry = privacy->retention(admin, true);
  ASSERT_TRUE(dry) << dry.error().message;
  ASSERT_EQ(dry->items.size(), 1u);
  EXPECT_EQ(dry->items[0].household_id, "H2");
  EXPECT_EQ(dry->items[0].action, "erase");
  EXPECT_EQ(format_date(dry->cutoff), "2012-01-01");
  EXPECT_EQ(member_name("H2-M1"), "Bert");  // a dry run changes nothing
  EXPECT_EQ(count("erasure"), 0u);

  auto run = privacy->retention(admin, false);
  ASSERT_TRUE(run);
  ASSERT_EQ(run->items.size(), 1u);
  bool youth = false;
  for (auto& x : run->items[0].record.exceptions)
    if (x.category == "youth_care") {
      youth = true;
      EXPECT_EQ(format_date(*x.retain_until), "2029-12-31");
    }
  EXPECT_TRUE(youth);
  EXPECT_EQ(member_name("H2-M1"), "[erased]");
  EXPECT_EQ(regie::store::HouseholdStore(*store).find("H2")->family_name, "[erased]");
  EXPECT_EQ(member_name("H1-M1"), "Els");  // an active file is not touched
  EXPECT_EQ(count("erasure"), 1u);
  EXPECT_TRUE(privacy->retention(admin, false)->items.empty());  // not erased twice

  // After the youth-care period nothing has to be kept: the file is removed.
  clock.advance(1'893'456'000 - 1'546'300'800);  // to 2030-01-01
  auto later = privacy->retention(admin, false);
  ASSERT_TRUE(later);
  ASSERT_EQ(later->items.size(), 1u);
  EXPECT_EQ(later->items[0].action, "remove");
  ASSERT_EQ(later->items[0].record.exceptions.size(), 1u);
  EXPECT_EQ(later->items[0].record.exceptions[0].category, "audit_trail");  // the trail outlives the file
  EXPECT_FALSE(regie::store::HouseholdStore(*store).find("H2"));
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("H2-P1"));
  EXPECT_EQ(count("erasure"), 2u);  // the records of the erasure and the removal stay
  EXPECT_TRUE(regie::store::HouseholdStore(*store).find("H1"));
  auto verdict = store::AuditStore(*store).verify();
  EXPECT_TRUE(verdict.intact) << verdict.why;
}

TEST_P(PrivacyTest, TheDatabaseRecordsTheDayAFileIsClosedWhoeverClosesIt) {
  auto closed_on = [&] {
    std::string day;
    soci::indicator ind = soci::i_null;
    store->read(
        [&](soci::session& sql) { sql << "SELECT closed_on FROM household WHERE id = 'H2'", soci::into(day, ind); });
    return ind == soci::i_ok ? day : std::string("(none)");
  };
  EXPECT_EQ(closed_on(), "(none)");
  store->write([](soci::session& sql) { sql << "UPDATE household SET status = 'closed' WHERE id = 'H2'"; });
  EXPECT_EQ(closed_on(), format_date(today_utc()));  // the database's own day, not the caller's clock
  store->write([](soci::session& sql) { sql << "UPDATE household SET status = 'active' WHERE id = 'H2'"; });
  EXPECT_EQ(closed_on(), "(none)");
}

TEST_P(PrivacyTest, ADirectorsReadOfOneMembersMeasurementIsInTheAuditExportForThatPerson) {
  auto instruments = interop::load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(instruments);
  Measurements measurements(*store, clock, std::make_shared<const interop::Instruments>(*instruments));
  ASSERT_TRUE(measurements.get(dir_a, "H1", els_measurement_id));
  store::AuditQuery q;
  q.person = "H1-M1";
  auto t = audit_export(*store, clock, admin, q);
  ASSERT_TRUE(t);
  bool found = false;
  for (auto& row : t->rows) found |= row[2] == "dir.a" && row[5] == "measurements.read" && row[8] == "H1-M1";
  EXPECT_TRUE(found);
  q.person = "H1-M2";
  auto tims = audit_export(*store, clock, admin, q);
  ASSERT_TRUE(tims);
  for (auto& row : tims->rows) EXPECT_NE(row[5], "measurements.read");
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
