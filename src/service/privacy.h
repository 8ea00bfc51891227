// The privacy rights of a household member (GDPR, docs/privacy.md): an export
// of everything about one person (JSON, and FHIR R4 where it maps), erasure on
// request with the records the law requires to be kept recorded per legal
// ground, and the retention rule that erases and later removes closed files.
// Access is decided and audited here, not in the front ends.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "domain/privacy.h"
#include "interop/questionnaire.h"
#include "service/auth.h"
#include "store/privacy_store.h"
#include "store/store.h"
#include "domain/household.h"

namespace regie::service {

// The retention rules with the periods this installation set (settings
// "retention.audit_years", "retention.financial_years",
// "retention.youth_care_years"; 1 to 100 years).
std::vector<domain::RetentionRule> retention_rules(store::Store& store);

// Years after closing (or dropping) before the retention rule erases a file:
// setting "retention.closed_file_years", default 7.
int closed_file_years(store::Store& store);

// An erasure as the front ends show it (JSON, fields in reading order).
nlohmann::ordered_json erasure_json(const store::ErasureRecord& e);

struct RetentionItem {
  std::string household_id;
  std::string action;                // erase: identities and free text go, exceptions stay; remove: every record goes
  Date closed_on;                    // the date the rule counted from
  bool closed_on_estimated = false;  // no recorded closing date: the last provision or referral date
  store::ErasureRecord record;       // what was (or, in a dry run, would be) erased or removed
};

struct RetentionReport {
  bool dry_run = true;
  int closed_file_years = 0;
  Date cutoff;  // files closed before this day are erased
  std::vector<RetentionItem> items;
};
nlohmann::ordered_json retention_json(const RetentionReport& r);

class Privacy {
 public:
  // `sealer` opens stored BSNs for the person's own export; without it the
  // export says a BSN is stored but cannot show it. `instruments` score the
  // measurements (may be null: answers only).
  Privacy(store::Store& store, const Clock& clock, const Sealer* sealer,
          std::shared_ptr<const interop::Instruments> instruments = nullptr)
      : store_(store), clock_(clock), sealer_(sealer), instruments_(std::move(instruments)) {}

  // Everything about one member, as one JSON document or a FHIR R4 Bundle.
  // Allowed for an administrator (handling the person's request), the
  // household's assigned director, the member themselves, and a parent for
  // their minor child (service/access.h). Everyone else, and unknown ids, get
  // the same forbidden. Audited either way, with the person.
  // The JSON document keeps its parts in reading order (person first).
  Result<nlohmann::ordered_json> export_json(const Principal& who, const std::string& member_id);
  Result<nlohmann::json> export_fhir(const Principal& who, const std::string& member_id);

  // Erases the member's identity (names, BSN, birth year), measurements,
  // wishes, round-table participation, member account and the household's
  // free text naming them; withdraws their consents; keeps what the law
  // requires (store::RetentionException per category). Administrators only;
  // a reason is required. One transaction: all of it, or nothing.
  Result<store::ErasureRecord> erase(const Principal& who, const std::string& member_id, const std::string& reason);

  // The retention rule (administrators only): closed or dropped files whose
  // closing lies more than closed_file_years back are erased (every member and
  // the household's own data); erased files whose kept records have all passed
  // their retention date are removed. Each household is one transaction. A dry
  // run works out the same and changes nothing.
  Result<RetentionReport> retention(const Principal& who, bool dry_run);

 private:
  // The member and their household when `who` may export them; audited.
  Result<domain::Member> exportable(const Principal& who, const std::string& member_id, const std::string& format);

  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
  std::shared_ptr<const interop::Instruments> instruments_;
};

}  // namespace regie::service
