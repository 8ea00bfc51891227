// The audit trail as its readers see it: one place where every service
// records an access, a household's "who looked at our file", and the
// administrator's export and verification (docs/audit.md).
#pragma once
#include <optional>
#include <string>
#include <functional>
#include <vector>

#include "analytics/table.h"
#include "common/clock.h"
#include "common/result.h"
#include "service/auth.h"
#include "store/audit_store.h"
#include "store/store.h"

namespace regie::service {

// What was looked at or changed, beyond the subject. Empty fields are filled
// from the action and subject: record_type from the action's first part
// ("household" for "household.read"), record_id from the subject.
struct AccessedRecord {
  std::string record_type = {};
  std::string record_id = {};
  std::string person = {};  // the member whose data it is, when it is one member's
};

// Records one access to personal data by `who`: allowed or denied, with the
// action (e.g. "household.read") and its subject (e.g. a household id). The
// actor's role, organisation and client address come from the principal.
// Returns once the record is committed to the hash-chained trail; throws when
// the database cannot take it (the caller's request then fails).
void record_access(store::Store& store, const Clock& clock, const Principal& who, const std::string& action,
                   const std::string& subject, bool allowed, const std::string& detail = {},
                   const AccessedRecord& record = {});

// The looks of one person from one organisation on one day at a household's
// file, in the words a household reads.
struct FileView {
  std::int64_t id = 0;       // the newest look's audit event id
  std::string at;            // the newest look, UTC, ISO 8601
  std::string who;           // the person's display name
  std::string role;          // their role (director, professional, ...)
  std::string organisation;  // their organisation's name, when known
  std::string action;        // the newest look's action, e.g. "household.read"
  std::string person = {};   // the member whose data the newest look was, when one member's
  int looks = 0;                       // how many looks the line stands for
  std::vector<std::string> actions{};  // what they looked at or changed, each once, newest first
};

// One page of looks, newest first, and where the next (older) page starts.
struct FileViewPage {
  std::vector<FileView> views;
  std::optional<std::int64_t> next_before;  // pass as `before` for the next page; none: this was the last
};

// How many looks a page holds when the caller does not say, and at most.
inline constexpr int kFileViewPage = 20;
inline constexpr int kFileViewPageMax = 100;

// The allowed looks at one household's file, newest first, one line per
// person, organisation and day: at most `limit` lines, older than the event
// `before` when given, leaving out those by `not_role` (e.g. the household's
// own reads) when not empty. A line at a page's end may continue on the next.
// `shown`, when given, says which members' data may be listed: a look at one
// member's data is left out when it says no (before the looks are grouped).
FileViewPage who_looked(store::Store& store, const std::string& household_id, int limit = kFileViewPage,
                        std::optional<std::int64_t> before = std::nullopt, const std::string& not_role = {},
                        const std::function<bool(const std::string& member)>& shown = {});

// Only administrators read the trail itself.
bool may_read_audit(const Principal& who);

// The trail as a table for a supervisor (one row per record, chain order),
// filtered by `q`. Administrators only; others get forbidden. The reading is
// itself recorded (action "audit.read"), allowed or denied.
Result<analytics::Table> audit_export(store::Store& store, const Clock& clock, const Principal& who,
                                      const store::AuditQuery& q);

}  // namespace regie::service
