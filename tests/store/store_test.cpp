// The store conformance suite: every test runs on SQLite and on PostgreSQL.
#include "store/store.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <functional>

#include "store/migrations.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "store/session_store.h"
#include "store/time_store.h"

namespace regie::store {
namespace {

using namespace regie::domain;
using testing::small_bundle;
using testing::TestDatabase;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db{GetParam()};
  std::unique_ptr<Store> store = db.open();
};

TEST_P(StoreTest, MigratesOnceAndKnowsItIsCurrent) {
  EXPECT_EQ(store->backend(), GetParam());
  EXPECT_TRUE(store->is_current());
  EXPECT_EQ(store->applied_migrations().size(), embedded_migrations().size());
  auto again = store->migrate();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->empty());
  // A second process on the same database sees the same schema.
  auto other = Store::open(db.url());
  ASSERT_TRUE(other);
  EXPECT_TRUE((*other)->is_current());
}

TEST_P(StoreTest, RoundTripsABundle) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  auto h = regie::store::HouseholdStore(*store).find("H1");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->family_name, "Aarts");
  EXPECT_EQ(h->director, "dir.a");
  ASSERT_TRUE(h->referral);
  EXPECT_EQ(h->referral->source, ReferralSource::gp);
  EXPECT_EQ(format_date(h->referral->date), "2018-09-01");
  EXPECT_FALSE(regie::store::HouseholdStore(*store).find("H2")->referral);
  auto members = regie::store::HouseholdStore(*store).members("H1");
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1].role, MemberRole::child);
  EXPECT_EQ(members[1].birth_year, 2010);
  auto provisions = regie::store::ProvisionStore(*store).of_household("H1");
  ASSERT_EQ(provisions.size(), 2u);
  EXPECT_EQ(provisions[0].annual_cost, 1234567);
  EXPECT_EQ(provisions[0].hours_per_week_centi, 250);
  EXPECT_EQ(provisions[0].member_id, "H1-M2");
  EXPECT_FALSE(provisions[0].end);
  EXPECT_FALSE(provisions[1].member_id);
  EXPECT_EQ(format_date(*provisions[1].end), "2019-06-30");
  EXPECT_EQ(provisions[1].basis, CostBasis::price_list);
  EXPECT_FALSE(provisions[1].indicated);
  EXPECT_EQ(regie::store::OrganisationStore(*store).find("O1")->name, "Jeugdhulp Test");
  EXPECT_EQ(regie::store::OrganisationStore(*store).professional("PR1")->organisation_id, "O1");
  EXPECT_EQ(regie::store::AccountStore(*store).find("dir.a")->role, Role::director);
}

TEST_P(StoreTest, WritesABundleWholeOrNotAtAll) {
  auto b = small_bundle();
  b.provisions.back().provider_id = "NO-SUCH-ORG";  // the very last record is bad
  auto st = regie::store::write_bundle(*store, b);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::conflict);
  for (auto table : {"organisation", "professional", "account", "household", "member", "provision"})
    EXPECT_EQ(store->count(table), 0u) << table;
  // And the same ids can be written once, not twice.
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  EXPECT_FALSE(regie::store::write_bundle(*store, small_bundle()));
  EXPECT_EQ(store->count("household"), 2u);
}

TEST_P(StoreTest, ListsHouseholdsPerDirectorWithActiveCounts) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  auto mine = regie::store::HouseholdStore(*store).list("dir.a", *parse_date("2019-01-01"));
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].household.id, "H1");
  EXPECT_EQ(mine[0].director_display_name, "Director A");
  EXPECT_EQ(mine[0].member_count, 2);
  EXPECT_EQ(mine[0].provision_count, 2);
  auto later = regie::store::HouseholdStore(*store).list("dir.a", *parse_date("2019-07-01"));
  EXPECT_EQ(later[0].provision_count, 1);
  EXPECT_EQ(regie::store::HouseholdStore(*store).list(std::nullopt, *parse_date("2019-01-01")).size(), 2u);
  EXPECT_TRUE(regie::store::HouseholdStore(*store).list("nobody", *parse_date("2019-01-01")).empty());
}

TEST_P(StoreTest, KeepsSessionsAndAuditEvents) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  ASSERT_TRUE(regie::store::SessionStore(*store).create("hash1", SessionRecord{"dir.a", "csrf", 100, 100}));
  regie::store::SessionStore(*store).touch("hash1", 160);
  auto s = regie::store::SessionStore(*store).find("hash1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->last_seen_at, 160);
  regie::store::SessionStore(*store).remove_of("dir.a");
  EXPECT_FALSE(regie::store::SessionStore(*store).find("hash1"));

  store->append_audit(AuditEvent{0, "2026-01-01T00:00:00Z", "dir.a", "household.read", "H1", "allowed", ""});
  store->append_audit(AuditEvent{0, "2026-01-01T00:00:01Z", "dir.b", "household.read", "H1", "denied", ""});
  store->append_audit(AuditEvent{0, "2026-01-01T00:00:02Z", "dir.b", "household.read", "H2", "allowed", ""});
  auto events = regie::store::AuditStore(*store).recent(std::string("H1"), 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].actor, "dir.b");  // newest first
  EXPECT_EQ(events[0].outcome, "denied");
  EXPECT_EQ(regie::store::AuditStore(*store).recent(std::nullopt, 10).size(), 3u);
}

TEST_P(StoreTest, KeepsPriceListVersionsAndRefusesADuplicateVersion) {
  ASSERT_TRUE(regie::store::PriceStore(*store).add_price_item({"MW-01", "Maatschappelijk werk", PriceUnit::intervention, 9500,
                                     *parse_date("2018-01-01")}, "admin"));
  ASSERT_TRUE(regie::store::PriceStore(*store).add_price_item({"MW-01", "Maatschappelijk werk", PriceUnit::intervention, 9900,
                                     *parse_date("2019-07-01")}, "admin"));
  auto dup = regie::store::PriceStore(*store).add_price_item({"MW-01", "x", PriceUnit::hour, 1, *parse_date("2019-07-01")}, "admin");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::conflict);
  auto list = regie::store::PriceStore(*store).price_list();
  ASSERT_EQ(list.items().size(), 2u);
  EXPECT_EQ(list.on("MW-01", *parse_date("2019-08-01"))->amount, 9900);
}

TEST_P(StoreTest, StoresPricedProvisionsTimeAndVirtualSavings) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  auto p = small_bundle().provisions[1];
  p.id = "H1-P3";
  p.price_code = "MW-01";
  p.units_per_year_centi = 2400;
  ASSERT_TRUE(regie::store::ProvisionStore(*store).add(p));
  EXPECT_FALSE(regie::store::ProvisionStore(*store).add(p));  // same id again
  auto back = regie::store::ProvisionStore(*store).of_household("H1");
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[2].price_code, "MW-01");
  EXPECT_EQ(back[2].units_per_year_centi, 2400);
  EXPECT_FALSE(back[0].price_code);

  auto t = regie::store::TimeStore(*store).add({0, std::string("H1"), "dir.a", *parse_date("2019-02-01"), 90, TimeKind::direct});
  ASSERT_TRUE(t);
  EXPECT_GT(*t, 0);
  EXPECT_FALSE(regie::store::TimeStore(*store).add({0, std::string("H404"), "dir.a", *parse_date("2019-02-01"), 90, TimeKind::direct}));
  auto entries = regie::store::TimeStore(*store).entries(std::nullopt, std::string("H1"), *parse_date("2019-01-01"), *parse_date("2019-12-31"));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].minutes, 90);
  EXPECT_TRUE(regie::store::TimeStore(*store).entries(std::string("dir.b"), std::nullopt, Date{0}, kOpenEnd).empty());

  auto v = regie::store::PriceStore(*store).add_virtual_saving({0, "H1", VirtualSavingKind::crisis_admission, 250000, "note", "dir.a",
                                      *parse_date("2019-03-01")});
  ASSERT_TRUE(v);
  auto savings = regie::store::PriceStore(*store).virtual_savings("H1");
  ASSERT_EQ(savings.size(), 1u);
  EXPECT_EQ(savings[0].kind, VirtualSavingKind::crisis_admission);
  EXPECT_EQ(savings[0].amount, 250000);
}

TEST_P(StoreTest, PassesItsIntegrityCheck) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  EXPECT_TRUE(store->check_integrity());
}

// Writes past the database's own guards, as a bug, a manual fix or a broken
// restore could: foreign keys (and on PostgreSQL the audit trail's triggers)
// are off for the statements in `fn` only.
void unguarded(Store& store, const std::function<void(soci::session&)>& fn) {
  if (store.backend() == "postgresql") {
    store.write([&](soci::session& sql) {
      sql << "SET LOCAL session_replication_role = replica";
      fn(sql);
    });
  } else {
    store.read([&](soci::session& sql) {
      sql << "PRAGMA foreign_keys = OFF";
      fn(sql);
      sql << "PRAGMA foreign_keys = ON";
    });
  }
}

TEST_P(StoreTest, TheIntegrityCheckNamesARowWhoseForeignKeyPointsNowhere) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  ASSERT_TRUE(store->check_integrity());
  unguarded(*store, [](soci::session& sql) {
    sql << "INSERT INTO member (id, household_id, given_name, family_name, role, birth_year, consent_status) "
           "VALUES ('ORPHAN-M1', 'NO-SUCH-HOUSEHOLD', 'Wees', 'Kind', 'child', 2012, 'pending')";
  });
  auto st = store->check_integrity();
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("member"), std::string::npos) << st.error().message;
  EXPECT_NE(st.error().message.find("household"), std::string::npos) << st.error().message;
}

TEST_P(StoreTest, TheIntegrityCheckVerifiesTheAuditChain) {
  for (int i = 0; i < 3; ++i) store->append_audit({0, "2019-01-01T10:00:00Z", "dir.a", "household.read", "H1", "allowed", ""});
  ASSERT_TRUE(store->check_integrity());
  unguarded(*store, [&](soci::session& sql) {
    if (store->backend() == "sqlite3") sql << "DROP TRIGGER audit_event_no_update";
    sql << "UPDATE audit_event SET outcome = 'denied' WHERE seq = 2";
  });
  auto st = store->check_integrity();
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("audit trail"), std::string::npos) << st.error().message;
}

// amcheck is PostgreSQL's: the case exists where a PostgreSQL server does, as
// every PostgreSQL case does, instead of being reported skipped on SQLite.
class PostgresStoreTest : public StoreTest {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresStoreTest);

TEST_P(PostgresStoreTest, TheIntegrityCheckChecksEveryIndexWithAmcheck) {
  ASSERT_TRUE(regie::store::write_bundle(*store, small_bundle()));
  ASSERT_TRUE(store->check_integrity());
  long long installed = 0;
  store->read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM pg_extension WHERE extname = 'amcheck'", soci::into(installed);
  });
  EXPECT_EQ(installed, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, PostgresStoreTest, ::testing::ValuesIn([] {
                           std::vector<std::string> pg;
                           for (auto& b : testing::store_backends())
                             if (b != "sqlite3") pg.push_back(b);
                           return pg;
                         }()),
                         [](const auto& info) { return info.param; });

TEST(Migrations, SplitsStatementsAndAdaptsIdColumns) {
  auto sqlite = migration_statements("-- c\nCREATE TABLE a (id @ID@);\n\nCREATE TABLE b (x TEXT); -- t\n", "sqlite3");
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_NE(sqlite[0].find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  auto pg = migration_statements("CREATE TABLE a (id @ID@);", "postgresql");
  EXPECT_NE(pg[0].find("GENERATED BY DEFAULT AS IDENTITY"), std::string::npos);
}

TEST(StoreOpen, ExplainsAMissingFolder) {
  auto s = Store::open("/no/such/folder/regie.db");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("/no/such/folder"), std::string::npos);
}

}  // namespace
}  // namespace regie::store
