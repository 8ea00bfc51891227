// One line of the audit trail (docs/audit.md): who did what to whose data,
// allowed or refused, chained by hash.
#pragma once

#include <cstdint>
#include <string>

namespace regie::domain {

struct AuditEvent {
  std::int64_t id = 0;
  std::string at;         // UTC, ISO 8601
  std::string actor;      // username
  std::string action;     // e.g. "household.read"
  std::string subject;    // e.g. household id
  std::string outcome;    // "allowed" / "denied"
  std::string detail;
  // NEN 7513 fields (docs/audit.md); empty when unknown or not applicable.
  std::string role = {};          // the actor's role
  std::string organisation = {};  // the actor's organisation id
  std::string person = {};        // the member whose data it is, when one member's
  std::string record_type = {};   // e.g. "household", "consent"
  std::string record_id = {};
  std::string client = {};        // where the request came from
  // The hash chain, filled by the store when the event is appended: place in
  // the chain (0 for events from before the chain), previous and own hash (hex).
  std::int64_t seq = 0;
  std::string prev_hash = {};
  std::string hash = {};
};

}  // namespace regie::domain
