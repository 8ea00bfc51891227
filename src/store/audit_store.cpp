// The audit hash chain on both backends. Appenders first lock the audit_head
// row: on PostgreSQL that row lock makes a second server's batch wait until
// this one commits (and then read the new head); on SQLite the write
// transaction is exclusive anyway. See audit_store.h for the encoding.
#include "store/audit_store.h"

#include <sodium.h>
#include <soci/soci.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "store/rows.h"
#include "domain/audit_event.h"

namespace regie::store {

const std::string kAuditGenesis(64, '0');

namespace {

void put_field(std::string& out, const std::string& field) {
  const std::uint64_t n = field.size();
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  out += field;
}

domain::AuditEvent event_from(const soci::row& r) {
  domain::AuditEvent e{i64(r, "id"), str(r, "at"), str(r, "actor"), str(r, "action"), str(r, "subject"),
                       str(r, "outcome"), str(r, "detail")};
  e.role = str(r, "role");
  e.organisation = str(r, "organisation");
  e.person = str(r, "person");
  e.record_type = str(r, "record_type");
  e.record_id = str(r, "record_id");
  e.client = str(r, "client");
  e.seq = i64(r, "seq");
  e.prev_hash = str(r, "prev_hash");
  e.hash = str(r, "hash");
  return e;
}

}  // namespace

std::string audit_encoding(const domain::AuditEvent& e) {
  std::string out = "regie.audit.v1";
  put_field(out, std::to_string(e.seq));
  for (const std::string* f : {&e.at, &e.actor, &e.role, &e.organisation, &e.action, &e.subject, &e.person,
                               &e.record_type, &e.record_id, &e.outcome, &e.client, &e.detail, &e.prev_hash})
    put_field(out, *f);
  return out;
}

std::string audit_hash(const domain::AuditEvent& e) {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
  const std::string bytes = audit_encoding(e);
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

namespace {

constexpr const char* kAuditColumns =
    "INSERT INTO audit_event (at, actor, action, subject, outcome, detail, role, organisation, person, record_type, "
    "record_id, client, seq, prev_hash, hash) VALUES ";

// PostgreSQL: every statement is a round trip to the server, and while a
// batch is written the head row is locked for every other appender (of this
// process and of the others). So: the head locked and read in one statement,
// then all rows and the new head in a second one, whatever the batch's size
// (it was 5 + one per row; bench/load.sh, docs/performance.md).
void append_postgresql(soci::session& sql, std::vector<domain::AuditEvent>& rows) {
  long long seq = 0;
  std::string head;
  sql << "UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash", soci::into(seq), soci::into(head);
  if (!sql.got_data()) throw soci::soci_error("the audit_head row is missing; the audit trail cannot be extended");
  std::vector<long long> seqs(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& e = rows[i];
    e.seq = seqs[i] = ++seq;
    e.prev_hash = head;
    e.hash = audit_hash(e);
    head = e.hash;
  }
  // At most 15 × 256 parameters in one statement (the protocol allows 65 535).
  constexpr std::size_t kRowsPerStatement = 256;
  for (std::size_t from = 0; from < rows.size(); from += kRowsPerStatement) {
    const std::size_t to = std::min(rows.size(), from + kRowsPerStatement);
    const bool last = to == rows.size();
    std::string q = last ? "WITH added AS (" : "";
    q += kAuditColumns;
    soci::statement st(sql);
    for (std::size_t i = from; i < to; ++i) {
      q += i == from ? "(" : ", (";
      for (int c = 0; c < 15; ++c) q += (c ? ", :p" : ":p") + std::to_string((i - from) * 15 + c);
      q += ")";
      auto& e = rows[i];
      for (std::string* f : {&e.at, &e.actor, &e.action, &e.subject, &e.outcome, &e.detail, &e.role,
                             &e.organisation, &e.person, &e.record_type, &e.record_id, &e.client})
        st.exchange(soci::use(*f));
      st.exchange(soci::use(seqs[i]));
      st.exchange(soci::use(e.prev_hash));
      st.exchange(soci::use(e.hash));
    }
    if (last) {
      q += ") UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1";
      st.exchange(soci::use(seq));
      st.exchange(soci::use(head));
    }
    st.alloc();
    st.prepare(q, soci::details::st_one_time_query);
    st.define_and_bind();
    st.execute(true);
  }
}

}  // namespace

void append_audit_chain(soci::session& sql, const std::vector<domain::AuditEvent>& events) {
  if (events.empty()) return;
  if (sql.get_backend_name() == "postgresql") {
    std::vector<domain::AuditEvent> rows(events);
    append_postgresql(sql, rows);
    return;
  }
  // SQLite: the write transaction is exclusive, and a statement costs no round trip.
  // A no-op update first, so the row is locked before it is read.
  sql << "UPDATE audit_head SET seq = seq WHERE id = 1";
  long long seq = 0;
  std::string head;
  sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(head);
  if (!sql.got_data()) throw soci::soci_error("the audit_head row is missing; the audit trail cannot be extended");
  // Prepared once per batch: under load a batch holds many reads' events.
  domain::AuditEvent e;
  long long s = 0;
  soci::statement insert =
      (sql.prepare << std::string(kAuditColumns) +
                          "(:at, :actor, :action, :subject, :outcome, :detail, :role, :org, :person, :rtype, "
                          ":rid, :client, :seq, :prev, :hash)",
       soci::use(e.at), soci::use(e.actor), soci::use(e.action), soci::use(e.subject), soci::use(e.outcome),
       soci::use(e.detail), soci::use(e.role), soci::use(e.organisation), soci::use(e.person),
       soci::use(e.record_type), soci::use(e.record_id), soci::use(e.client), soci::use(s), soci::use(e.prev_hash),
       soci::use(e.hash));
  for (const auto& in : events) {
    e = in;
    e.seq = ++seq;
    e.prev_hash = head;
    e.hash = audit_hash(e);
    s = e.seq;
    insert.execute(true);
    head = e.hash;
  }
  sql << "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1", soci::use(seq), soci::use(head);
}

std::vector<domain::AuditEvent> AuditStore::query(const AuditQuery& q) {
  std::vector<domain::AuditEvent> out;
  int np = q.person ? 1 : 0, ns = q.subject ? 1 : 0, nf = q.from ? 1 : 0, nt = q.to ? 1 : 0;
  int na = q.allowed_only ? 1 : 0, nb = q.before_id ? 1 : 0, nr = q.not_role ? 1 : 0;
  long long before = q.before_id.value_or(0);
  std::string person = q.person.value_or(""), subject = q.subject.value_or(""), not_role = q.not_role.value_or("");
  // `at` is ISO 8601 text in UTC, so text order is time order.
  std::string from = q.from ? format_date(*q.from) : "";
  std::string until = q.to ? format_date(Date{q.to->days + 1}) : "";
  long long limit = q.limit > 0 ? q.limit : std::numeric_limits<int>::max();
  const std::string order = q.newest_first ? "COALESCE(seq, 0) DESC, id DESC" : "COALESCE(seq, 0), id";
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM audit_event WHERE (:np = 0 OR person = :p) AND (:ns = 0 OR subject = :s) "
                        "AND (:nf = 0 OR at >= :f) AND (:nt = 0 OR at < :t) AND (:na = 0 OR outcome = 'allowed') "
                        "AND (:nb = 0 OR id < :b) AND (:nr = 0 OR COALESCE(role, '') <> :r) "
                        "ORDER BY " + order + " LIMIT :lim",
         soci::use(np, "np"), soci::use(person, "p"), soci::use(ns, "ns"), soci::use(subject, "s"),
         soci::use(nf, "nf"), soci::use(from, "f"), soci::use(nt, "nt"), soci::use(until, "t"), soci::use(na, "na"),
         soci::use(nb, "nb"), soci::use(before, "b"), soci::use(nr, "nr"), soci::use(not_role, "r"),
         soci::use(limit, "lim"));
    for (auto& r : rs) out.push_back(event_from(r));
  });
  return out;
}

AuditVerdict AuditStore::verify(const std::optional<AuditAnchor>& anchor) {
  AuditVerdict v;
  store_.read([&](soci::session& sql) {
    long long head_seq = 0, legacy = 0;
    std::string head_hash;
    sql << "SELECT seq, hash, legacy FROM audit_head WHERE id = 1", soci::into(head_seq), soci::into(head_hash),
        soci::into(legacy);
    if (!sql.got_data()) {
      v.intact = false;
      v.why = "the audit_head row is missing";
      return;
    }
    auto bad = [&](std::int64_t seq, std::int64_t id, std::string why) {
      v.intact = false;
      v.bad_seq = seq;
      v.bad_id = id;
      v.why = std::move(why);
    };
    std::int64_t expected = 1;
    std::string prev = kAuditGenesis;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM audit_event WHERE seq IS NOT NULL ORDER BY seq");
    for (auto& r : rs) {
      auto e = event_from(r);
      if (e.seq > expected) {
        bad(expected, 0,
            fmt::format("record #{} is missing (the next one is #{}, row id {}): records were removed", expected,
                        e.seq, e.id));
        return;
      }
      if (e.seq < expected) {
        bad(e.seq, e.id, fmt::format("record #{} appears twice (row id {}): a record was inserted", e.seq, e.id));
        return;
      }
      if (e.prev_hash != prev) {
        bad(e.seq, e.id,
            fmt::format("record #{} (row id {}) does not link to the record before it: records were removed, "
                        "inserted or reordered",
                        e.seq, e.id));
        return;
      }
      if (audit_hash(e) != e.hash) {
        bad(e.seq, e.id, fmt::format("record #{} (row id {}) was changed: its contents do not match its hash",
                                     e.seq, e.id));
        return;
      }
      if (anchor && anchor->seq == e.seq && anchor->hash != e.hash) {
        bad(e.seq, e.id,
            fmt::format("record #{} (row id {}) is not the one noted earlier: the chain was rewritten from here on "
                        "or before",
                        e.seq, e.id));
        return;
      }
      prev = e.hash;
      v.records = expected++;
    }
    if (v.records < head_seq) {
      bad(v.records + 1, 0,
          fmt::format("record #{} and any after it are missing ({} in the trail, {} written): the last records "
                      "were removed",
                      v.records + 1, v.records, head_seq));
      return;
    }
    if (v.records > head_seq || prev != head_hash) {
      bad(v.records, 0,
          fmt::format("the last record #{} does not match the chain head (#{}): records were added past it or "
                      "the head was changed",
                      v.records, head_seq));
      return;
    }
    if (anchor && anchor->seq > v.records) {
      bad(anchor->seq, 0, fmt::format("record #{} noted earlier is no longer in the trail", anchor->seq));
      return;
    }
    long long unchained = 0;
    sql << "SELECT COUNT(*) FROM audit_event WHERE seq IS NULL", soci::into(unchained);
    v.legacy = legacy;
    if (unchained != legacy) {
      long long id = 0;
      soci::indicator ind = soci::i_null;
      sql << "SELECT MAX(id) FROM audit_event WHERE seq IS NULL", soci::into(id, ind);
      bad(0, ind == soci::i_ok ? id : 0,
          unchained > legacy
              ? fmt::format("{} record(s) without a place in the chain were inserted (the newest has row id {})",
                            unchained - legacy, ind == soci::i_ok ? id : 0)
              : fmt::format("{} record(s) from before the chain were removed", legacy - unchained));
      return;
    }
    v.head_hash = prev;
  });
  return v;
}

std::vector<domain::AuditEvent> AuditStore::recent(const std::optional<std::string>& subject, int limit) {
  std::string s = subject.value_or("");
  int all = subject ? 0 : 1;
  std::vector<domain::AuditEvent> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM audit_event WHERE (:all1 = 1 OR subject = :s) "
                                                 "ORDER BY id DESC LIMIT :lim",
                                  soci::use(all, "all1"), soci::use(s, "s"), soci::use(limit, "lim"));
    for (auto& r : rs)
      out.push_back(domain::AuditEvent{i64(r, "id"), str(r, "at"), str(r, "actor"), str(r, "action"),
                                       str(r, "subject"), str(r, "outcome"), str(r, "detail")});
  });
  return out;
}

}  // namespace regie::store
