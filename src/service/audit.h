// The audit trail as its readers see it: a household's "who looked at our
// file", and one place where every service records an access.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

// Records one access to personal data by `who`: allowed or denied, with the
// action (e.g. "household.read") and its subject (e.g. a household id).
void record_access(store::Store& store, const Clock& clock, const Principal& who, const std::string& action,
                   const std::string& subject, bool allowed, const std::string& detail = {});

// One look at a household's file, in the words a household reads.
struct FileView {
  std::string at;            // UTC, ISO 8601
  std::string who;           // the person's display name
  std::string role;          // their role (director, professional, ...)
  std::string organisation;  // their organisation's name, when known
  std::string action;        // e.g. "household.read"
};

// The allowed looks at one household's file, newest first (at most `limit`).
std::vector<FileView> who_looked(store::Store& store, const std::string& household_id, int limit = 100);

}  // namespace regie::service
