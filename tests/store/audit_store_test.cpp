// The audit trail's hash chain on both backends: appends chain up, also from
// two stores at once, and verify names the first record that was changed,
// removed, inserted or reordered by someone with raw database access.
#include "store/audit_store.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "store/migrations.h"
#include "support/backends.h"
#include "domain/audit_event.h"

namespace regie::store {
namespace {

using domain::AuditEvent;
using testing::TestDatabase;

AuditEvent event(int i, const std::string& subject = "H1") {
  AuditEvent e{0, "2026-01-0" + std::to_string(1 + i % 9) + "T10:00:00Z", "dir.a", "household.read", subject,
               "allowed", ""};
  e.role = "director";
  e.client = "127.0.0.1";
  e.person = i % 2 ? "H1-M1" : "";
  return e;
}

class AuditChainTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (int i = 1; i <= 5; ++i) store->append_audit(event(i));
  }
  // What an attacker with database access does first.
  void drop_triggers() {
    store->write([&](soci::session& sql) {
      if (store->backend() == "sqlite3") {
        sql << "DROP TRIGGER audit_event_no_update";
        sql << "DROP TRIGGER audit_event_no_delete";
      } else {
        sql << "DROP TRIGGER audit_event_no_change ON audit_event";
      }
    });
  }
  void exec(const std::string& statement) {
    store->write([&](soci::session& sql) { sql << statement; });
  }
  AuditVerdict verify() { return AuditStore(*store).verify(); }

  TestDatabase db{GetParam()};
  std::unique_ptr<Store> store = db.open();
};

TEST_P(AuditChainTest, ChainsEveryAppendAndVerifiesIntact) {
  auto events = AuditStore(*store).query({});
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].seq, 1);
  EXPECT_EQ(events[0].prev_hash, kAuditGenesis);
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(events[i].prev_hash, events[i - 1].hash);
    EXPECT_EQ(events[i].hash, audit_hash(events[i]));
  }
  EXPECT_EQ(events[1].person, "");
  EXPECT_EQ(events[0].person, "H1-M1");
  EXPECT_EQ(events[0].client, "127.0.0.1");
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.why;
  EXPECT_EQ(v.records, 5);
  EXPECT_EQ(v.head_hash, events.back().hash);
}

TEST_P(AuditChainTest, ConcurrentAppendsFromTwoProcessesKeepOneChain) {
  auto other = Store::open(db.url());
  ASSERT_TRUE(other);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      Store& s = t % 2 ? **other : *store;
      for (int i = 0; i < 25; ++i) s.append_audit(event(i, "H" + std::to_string(t)));
    });
  for (auto& t : threads) t.join();
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.why;
  EXPECT_EQ(v.records, 105);
}

TEST_P(AuditChainTest, TheDatabaseRefusesChangesAndRemovals) {
  EXPECT_THROW(exec("UPDATE audit_event SET actor = 'someone.else' WHERE seq = 2"), store::Unavailable);
  EXPECT_THROW(exec("DELETE FROM audit_event WHERE seq = 2"), store::Unavailable);
  EXPECT_TRUE(verify().intact);
}

TEST_P(AuditChainTest, DetectsAChangedField) {
  drop_triggers();
  exec("UPDATE audit_event SET outcome = 'denied' WHERE seq = 3");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 3);
  EXPECT_NE(v.bad_id, 0);
  EXPECT_NE(v.why.find("changed"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsAChangedFieldWhoseHashWasRecomputed) {
  drop_triggers();
  // The forger fixes this record's own hash; the next record still links to the old one.
  auto third = AuditStore(*store).query({})[2];
  third.client = "10.0.0.99";
  exec("UPDATE audit_event SET client = '10.0.0.99', hash = '" + audit_hash(third) + "' WHERE seq = 3");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 4);
  EXPECT_NE(v.why.find("does not link"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsADeletedMiddleRecord) {
  drop_triggers();
  exec("DELETE FROM audit_event WHERE seq = 3");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 3);
  EXPECT_NE(v.why.find("removed"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsDeletedLastRecords) {
  drop_triggers();
  exec("DELETE FROM audit_event WHERE seq >= 4");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 4);
  EXPECT_NE(v.why.find("last records were removed"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsTwoSwappedRecords) {
  drop_triggers();
  exec("UPDATE audit_event SET seq = -1 WHERE seq = 2");
  exec("UPDATE audit_event SET seq = 2 WHERE seq = 3");
  exec("UPDATE audit_event SET seq = 3 WHERE seq = -1");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 2);
  EXPECT_NE(v.why.find("does not link"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsInsertedRecords) {
  // No trigger needs dropping: inserting is how the trail grows.
  exec("INSERT INTO audit_event (at, actor, action, subject, outcome) "
       "VALUES ('2026-01-01T09:00:00Z', 'dir.b', 'household.read', 'H1', 'allowed')");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.bad_id, 0);
  EXPECT_NE(v.why.find("inserted"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, DetectsARecordInsertedIntoTheChain) {
  drop_triggers();
  auto events = AuditStore(*store).query({});
  // Make room at place 3 and insert a well-formed record there.
  exec("UPDATE audit_event SET seq = seq + 1000 WHERE seq >= 3");
  exec("UPDATE audit_event SET seq = seq - 999 WHERE seq >= 1000");
  AuditEvent forged = event(7);
  forged.seq = 3;
  forged.prev_hash = events[1].hash;
  forged.hash = audit_hash(forged);
  exec("INSERT INTO audit_event (at, actor, action, subject, outcome, role, client, person, seq, prev_hash, hash) "
       "VALUES ('" + forged.at + "', 'dir.a', 'household.read', 'H1', 'allowed', 'director', '127.0.0.1', 'H1-M1', 3, '" +
       forged.prev_hash + "', '" + forged.hash + "')");
  auto v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 4);
  EXPECT_NE(v.why.find("does not link"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, AnAnchorCatchesAChainRewrittenFromScratch) {
  auto events = AuditStore(*store).query({});
  AuditAnchor noted{2, events[1].hash};
  EXPECT_TRUE(AuditStore(*store).verify(noted).intact);
  drop_triggers();
  // Rewrite record 2 and every hash after it, and the head: the chain alone now looks intact.
  std::string prev = events[0].hash;
  for (std::size_t i = 1; i < events.size(); ++i) {
    auto e = events[i];
    if (i == 1) e.actor = "someone.else";
    e.prev_hash = prev;
    e.hash = audit_hash(e);
    exec("UPDATE audit_event SET actor = '" + e.actor + "', prev_hash = '" + e.prev_hash + "', hash = '" + e.hash +
         "' WHERE seq = " + std::to_string(e.seq));
    prev = e.hash;
  }
  exec("UPDATE audit_head SET hash = '" + prev + "' WHERE id = 1");
  EXPECT_TRUE(verify().intact);
  auto v = AuditStore(*store).verify(noted);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.bad_seq, 2);
}

TEST_P(AuditChainTest, RecordsFromBeforeTheChainAreCountedNotChained) {
  // As migration 0010 leaves a database that already had a trail.
  for (int i = 0; i < 2; ++i)
    exec("INSERT INTO audit_event (at, actor, action, subject, outcome) "
         "VALUES ('2018-12-01T09:00:00Z', 'dir.a', 'household.read', 'H1', 'allowed')");
  exec("UPDATE audit_head SET legacy = 2 WHERE id = 1");
  auto v = verify();
  EXPECT_TRUE(v.intact) << v.why;
  EXPECT_EQ(v.records, 5);
  EXPECT_EQ(v.legacy, 2);
  EXPECT_EQ(AuditStore(*store).query({})[0].seq, 0);  // legacy first in chain order
  drop_triggers();
  exec("DELETE FROM audit_event WHERE id = (SELECT MIN(id) FROM audit_event WHERE seq IS NULL)");
  v = verify();
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.why.find("from before the chain were removed"), std::string::npos) << v.why;
}

TEST_P(AuditChainTest, QueriesOnePersonAndADateRange) {
  AuditQuery q;
  q.person = "H1-M1";
  EXPECT_EQ(AuditStore(*store).query(q).size(), 3u);  // events 1, 3 and 5
  AuditQuery days;
  days.from = parse_date("2026-01-03");
  days.to = parse_date("2026-01-04");
  auto in_range = AuditStore(*store).query(days);
  ASSERT_EQ(in_range.size(), 2u);
  EXPECT_EQ(in_range[0].at, "2026-01-03T10:00:00Z");
  EXPECT_EQ(in_range[1].at, "2026-01-04T10:00:00Z");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChainTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

TEST(AuditEncoding, FieldBoundariesCannotBeShifted) {
  AuditEvent a{0, "2026-01-01T00:00:00Z", "ab", "c", "H1", "allowed", ""};
  AuditEvent b{0, "2026-01-01T00:00:00Z", "a", "bc", "H1", "allowed", ""};
  a.prev_hash = b.prev_hash = kAuditGenesis;
  EXPECT_NE(audit_encoding(a), audit_encoding(b));
  EXPECT_NE(audit_hash(a), audit_hash(b));
  EXPECT_EQ(audit_hash(a).size(), 64u);
  a.seq = 1;
  EXPECT_NE(audit_hash(a), audit_hash(b));
}

TEST(Migrations, KeepBackendLinesOnlyOnTheirBackend) {
  const std::string sql = "CREATE TABLE a (x TEXT);\n@sqlite3@ CREATE TRIGGER t BEGIN SELECT 1; END;\n"
                          "@postgresql@ CREATE FUNCTION f() AS $$ BEGIN NULL; END $$;\n";
  auto sqlite = migration_statements(sql, "sqlite3");
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[1], "CREATE TRIGGER t BEGIN SELECT 1; END");
  auto pg = migration_statements(sql, "postgresql");
  ASSERT_EQ(pg.size(), 2u);
  EXPECT_EQ(pg[1], "CREATE FUNCTION f() AS $$ BEGIN NULL; END $$");
}

}  // namespace
}  // namespace regie::store
