// The audit trail's hash chain, its verification, and queries for export.
// Each event stores the hash of the event before it and its own hash, a
// BLAKE2b-256 over a canonical encoding of all its fields (see audit_hash and
// docs/audit.md), so a changed, removed, inserted or reordered event breaks
// the chain. The one-row table audit_head holds the chain's length and last
// hash; appenders lock it, so the chain stays one line across processes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/audit_event.h"
#include "store/store.h"

namespace soci {
class session;
}

namespace regie::store {

// The prev_hash of the first event in the chain: 32 zero bytes, in hex.
extern const std::string kAuditGenesis;

// The bytes hashed for one event: the tag "regie.audit.v1", then each field
// as an 8-byte big-endian byte length followed by its UTF-8 bytes, in this
// order: seq (decimal), at, actor, role, organisation, action, subject,
// person, record_type, record_id, outcome, client, detail, prev_hash (hex).
std::string audit_encoding(const domain::AuditEvent& e);
// BLAKE2b-256 of audit_encoding(e), lowercase hex. Uses e.seq and e.prev_hash.
std::string audit_hash(const domain::AuditEvent& e);

// Appends `events` to the chain inside the caller's open write transaction:
// locks audit_head, gives each event the next seq, links and hashes it, and
// moves the head. The group commit (Store::append_audit) calls this once
// per batch, so the lock costs one small update per batch.
void append_audit_chain(soci::session& sql, const std::vector<domain::AuditEvent>& events);

struct AuditQuery {
  std::optional<std::string> person;   // the member the data is about
  std::optional<std::string> subject;  // e.g. a household id
  std::optional<Date> from;            // first day (inclusive, UTC)
  std::optional<Date> to;              // last day (inclusive, UTC)
  bool allowed_only = false;
  bool newest_first = false;
  int limit = 0;  // 0: no limit
  // Paging newest first: only events with a row id below this one (the last
  // id of the page before). Row ids grow with the chain, so the pages stay
  // put while new events arrive.
  std::optional<std::int64_t> before_id = std::nullopt;
  std::optional<std::string> not_role = std::nullopt;  // leave out events by this role
};

struct AuditVerdict {
  bool intact = true;
  std::int64_t records = 0;   // events in the chain
  std::int64_t legacy = 0;    // events from before the chain, not covered by it
  std::string head_hash;      // the last event's hash (the genesis value when empty)
  std::int64_t bad_seq = 0;   // the first bad event: its place in the chain
  std::int64_t bad_id = 0;    // and its row id (0 when the event is missing)
  std::string why;            // what is wrong there, for an administrator
};

// A record's hash noted down earlier (printed by `regie audit verify`, kept
// outside the database): the chain alone cannot stop someone with write
// access from recomputing every hash, but they cannot match a noted one.
struct AuditAnchor {
  std::int64_t seq = 0;
  std::string hash;
};

class AuditStore {
 public:
  explicit AuditStore(Store& store) : store_(store) {}

  // Events matching `q`, in chain order (legacy events first, by id) unless newest_first.
  std::vector<domain::AuditEvent> query(const AuditQuery& q);
  // The newest `limit` events, of one subject or of all, newest first.
  std::vector<domain::AuditEvent> recent(const std::optional<std::string>& subject, int limit);
  // Walks the whole chain in order; stops at the first bad event. With an
  // anchor, that record must still carry the noted hash.
  AuditVerdict verify(const std::optional<AuditAnchor>& anchor = std::nullopt);

 private:
  Store& store_;
};

}  // namespace regie::store
