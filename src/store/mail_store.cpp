// SQL of the mail queue; see mail_store.h.
#include "store/mail_store.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {
namespace {

constexpr const char* kColumns =
    "id, dedup_key, kind, household_id, recipient, reply_to, subject, body, attachment_name, attachment, status, "
    "attempts, next_attempt_at, created_at, sent_at, last_error";

MailRecord from_row(const soci::row& r) {
  MailRecord m;
  m.id = i64(r, "id");
  m.dedup_key = str(r, "dedup_key");
  m.kind = str(r, "kind");
  m.household_id = str(r, "household_id");
  m.recipient = str(r, "recipient");
  m.reply_to = str(r, "reply_to");
  m.subject = str(r, "subject");
  m.body = str(r, "body");
  m.attachment_name = str(r, "attachment_name");
  m.attachment = str(r, "attachment");
  m.status = str(r, "status");
  m.attempts = static_cast<int>(i64(r, "attempts"));
  m.next_attempt_at = i64(r, "next_attempt_at");
  m.created_at = i64(r, "created_at");
  if (r.get_indicator("sent_at") == soci::i_ok) m.sent_at = i64(r, "sent_at");
  m.last_error = str(r, "last_error");
  return m;
}

}  // namespace

bool MailStore::enqueue(const MailRecord& m) {
  bool added = false;
  long long next = m.next_attempt_at, created = m.created_at;
  store_.write([&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << "INSERT INTO mail_queue (dedup_key, kind, household_id, recipient, reply_to, subject, body, "
                        "attachment_name, attachment, status, attempts, next_attempt_at, locked_until, created_at, "
                        "last_error) VALUES (:k, :t, :h, :r, :rt, :s, :b, :an, :a, 'queued', 0, :n, 0, :c, '') "
                        "ON CONFLICT (dedup_key) DO NOTHING",
         soci::use(m.dedup_key, "k"), soci::use(m.kind, "t"), soci::use(m.household_id, "h"),
         soci::use(m.recipient, "r"), soci::use(m.reply_to, "rt"), soci::use(m.subject, "s"), soci::use(m.body, "b"),
         soci::use(m.attachment_name, "an"), soci::use(m.attachment, "a"), soci::use(next, "n"),
         soci::use(created, "c"));
    st.execute(true);
    added = st.get_affected_rows() == 1;
  });
  return added;
}

bool MailStore::queued_before(const std::string& dedup_key) {
  int n = 0;
  store_.read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM mail_queue WHERE dedup_key = :k", soci::use(dedup_key), soci::into(n);
  });
  return n > 0;
}

std::vector<MailRecord> MailStore::lease_due(std::int64_t now, std::int64_t lease_s, int limit) {
  std::vector<MailRecord> out;
  long long at = now, until = now + lease_s;
  store_.write([&](soci::session& sql) {
    std::vector<long long> ids;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id FROM mail_queue WHERE status = 'queued' AND next_attempt_at <= :n AND "
                          "locked_until <= :n2 ORDER BY next_attempt_at, id LIMIT " + std::to_string(limit),
           soci::use(at, "n"), soci::use(at, "n2"));
      for (auto& r : rows) ids.push_back(i64(r, "id"));
    }
    for (long long id : ids) {
      // The conditional update is the lease: of two servers, one changes the row.
      soci::statement st = (sql.prepare << "UPDATE mail_queue SET locked_until = :u WHERE id = :i AND status = 'queued' "
                                           "AND locked_until <= :n",
                            soci::use(until, "u"), soci::use(id, "i"), soci::use(at, "n"));
      st.execute(true);
      if (st.get_affected_rows() != 1) continue;
      soci::rowset<soci::row> rows =
          (sql.prepare << std::string("SELECT ") + kColumns + " FROM mail_queue WHERE id = :i", soci::use(id));
      for (auto& r : rows) out.push_back(from_row(r));
    }
  });
  return out;
}

void MailStore::mark_sent(std::int64_t id, std::int64_t now) {
  long long i = id, at = now;
  store_.write([&](soci::session& sql) {
    sql << "UPDATE mail_queue SET status = 'sent', sent_at = :s, attempts = attempts + 1, locked_until = 0, "
           "subject = '', body = '', attachment = '', last_error = '' WHERE id = :i",
        soci::use(at, "s"), soci::use(i, "i");
  });
}

void MailStore::mark_attempt_failed(std::int64_t id, int attempts, std::int64_t next_attempt_at, bool give_up,
                                    const std::string& error) {
  long long i = id, next = next_attempt_at;
  std::string status = give_up ? "failed" : "queued";
  store_.write([&](soci::session& sql) {
    sql << "UPDATE mail_queue SET status = :st, attempts = :a, next_attempt_at = :n, locked_until = 0, "
           "last_error = :e WHERE id = :i",
        soci::use(status, "st"), soci::use(attempts, "a"), soci::use(next, "n"), soci::use(error, "e"),
        soci::use(i, "i");
  });
}

std::vector<MailRecord> MailStore::list(const std::string& kind) {
  std::vector<MailRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kColumns + " FROM mail_queue WHERE :k = '' OR kind = :k2 ORDER BY id",
         soci::use(kind, "k"), soci::use(kind, "k2"));
    for (auto& r : rows) out.push_back(from_row(r));
  });
  return out;
}

std::vector<UpcomingRoundTable> MailStore::upcoming_round_tables(const std::string& now_utc) {
  std::vector<UpcomingRoundTable> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, household_id, sequence FROM round_table WHERE status = 'scheduled' AND "
                        "scheduled_at IS NOT NULL AND scheduled_at >= :n ORDER BY id",
         soci::use(now_utc));
    for (auto& r : rows) out.push_back({i64(r, "id"), str(r, "household_id"), static_cast<int>(i64(r, "sequence"))});
  });
  return out;
}

}  // namespace regie::store
