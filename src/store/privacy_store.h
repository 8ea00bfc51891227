// Storage for the privacy rights (docs/privacy.md): one member looked up by
// id, their allocations, the erasures with their retention exceptions, and
// the erasure and removal themselves, each in one transaction on
// Store::write: all of it is stored, or nothing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/household.h"
#include "domain/privacy.h"
#include "store/store.h"

namespace regie::store {

struct RetentionException {
  std::string category;
  std::int64_t records = 0;
  std::string legal_ground;
  std::optional<Date> retain_until;  // none: never removed by Regie (the audit trail)
};

struct ErasureRecord {
  std::int64_t id = 0;
  std::string household_id;
  std::string member_id;  // empty: the whole household (the retention rule)
  std::string kind;       // request, retention, removal
  std::string reason, erased_by, erased_at;
  std::string erased;  // JSON object: category -> number of records erased or blanked
  std::vector<RetentionException> exceptions;
};

// What to erase: one member (a request), or every member of the household and
// the household's own data (the retention rule for a closed file).
struct ErasureRequest {
  std::string household_id;
  std::vector<std::string> member_ids;
  bool household_data = false;  // also the family name, address and the household's free text
  std::string kind;             // request or retention
  std::string reason, by, at;
  Date today;
  std::vector<domain::RetentionRule> rules;
  bool dry_run = false;  // work it all out, then roll back
};

struct AllocationRecord {
  std::string standard, municipality, allocation_number, provision_id, provider_agb, product_category, product_code;
  std::string allocated_start;
  std::optional<std::string> allocated_end;
};

struct ClosedFile {
  std::string household_id;
  std::string status;
  std::optional<Date> closed_on;  // set by the database when the file was closed
  std::optional<Date> last_date;  // the latest provision date or referral date, for files closed before 0013
  std::optional<Date> erased_on;
  std::optional<Date> keep_until;  // the latest retain_until of its erasures' exceptions
};

class PrivacyStore {
 public:
  explicit PrivacyStore(Store& store) : store_(store) {}

  std::optional<domain::Member> member(const std::string& id);
  std::vector<AllocationRecord> allocations_of(const std::string& member_id);
  // Erasures of this member and of their whole household, oldest first.
  std::vector<ErasureRecord> erasures_of(const std::string& member_id, const std::string& household_id);
  // Every erasure, oldest first (for the retention report).
  std::vector<ErasureRecord> erasures();

  // Erases as `req` says and records it, in one transaction; returns the
  // record. A member that is not in the household is not_found, and nothing
  // is changed. With dry_run, the record is worked out and then rolled back.
  Result<ErasureRecord> erase(const ErasureRequest& req);

  // Closed and dropped households, with what the retention rule needs.
  std::vector<ClosedFile> closed_files();
  // Removes every record of the household and records the removal, in one
  // transaction. The audit trail stays, recorded as the removal's exception
  // under the rules' audit_trail ground.
  Result<ErasureRecord> remove_household(const std::string& household_id, const std::string& reason,
                                         const std::string& by, const std::string& at,
                                         const std::vector<domain::RetentionRule>& rules, bool dry_run);

 private:
  Store& store_;
};

}  // namespace regie::store
