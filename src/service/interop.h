// Interoperability use cases: iJw/iWmo messages into the care map, the
// population CSV exports into the store, and a household as a FHIR R4
// Bundle. Access is checked and audited here, not in the front ends.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "analytics/table.h"
#include "common/sealer.h"
#include "interop/istandaard.h"
#include "service/auth.h"
#include "store/interop_store.h"
#include "store/store.h"

namespace regie::service {

struct ImportOptions {
  // Official XSDs for full validation; empty: the setting "interop.schema_dir"
  // if set, else structural checks only.
  std::string schema_dir;
  // The file's name as the administrator offered it, for the kept outcome.
  std::string file_name;
};

struct ImportResult {
  bool already_imported = false;  // the same message (id and content) was imported before: nothing changed
  std::string message;            // e.g. "jw301 MSG-1"
  std::vector<std::string> provisions;
  // Accepted, but worth a look: a client matched by BSN onto a member whose
  // birth year differs from the message's (also kept on the household).
  std::vector<std::string> warnings;
};

struct CsvImportResult {
  std::size_t households = 0, members = 0, provisions = 0, organisations = 0;
};

class Interop {
 public:
  // `sealer` opens the stored BSNs to match message clients to members.
  Interop(store::Store& store, const Clock& clock, const Sealer* sealer)
      : store_(store), clock_(clock), sealer_(sealer) {}

  // Imports one iJw/iWmo 3.2 message (administrators only). The message is
  // applied whole or not at all. Refusals: invalid_input naming the element
  // path and reason (also for a client whose BSN no member has, shown
  // masked); conflict when the message id was imported before with other
  // content; unavailable without a BSN key. When the setting
  // "interop.municipality_code" is set, messages of other municipalities are
  // refused. Importing the same message again changes nothing.
  // A declaration sent again under a new message id (same number, same
  // lines) is recognised: already_imported, nothing changes. Every outcome
  // is kept (who, when, which file, accepted / already imported / refused
  // with the rule); see outcomes().
  Result<ImportResult> import_message(const Principal& who, std::string_view xml, interop::Standard standard,
                                      const ImportOptions& options = {});

  // The kept outcomes of imports, newest first (administrators only).
  Result<std::vector<store::InteropStore::Outcome>> outcomes(const Principal& who, std::size_t limit = 200);
  // AGB codes of imported providers and the organisation each reads as;
  // linking one moves its provisions to that organisation (administrators only).
  Result<std::vector<store::InteropStore::ProviderLink>> providers(const Principal& who);
  Status link_provider(const Principal& who, const std::string& agb, const std::string& organisation_id);

  // Imports households.csv and allocations.csv (DATA-FORMATS.md) in one
  // transaction (administrators only). Problems are listed as
  // "file:line: column 'name': reason" (up to 20, then a count); then nothing is stored.
  Result<CsvImportResult> import_csv(const Principal& who, const std::string& households_path,
                                     const std::string& allocations_path);

  // The household as a FHIR R4 Bundle (type collection): only for its
  // assigned director, audited either way. A member's BSN is included as an
  // identifier only when `include_bsn` and the server can open it.
  Result<nlohmann::json> export_fhir(const Principal& who, const std::string& household_id, bool include_bsn = false);

  // The care map as a table for a spreadsheet (assigned director only,
  // audited as a household read): one row per provision with its annual cost
  // on today's date and how it was arrived at, and the allocation number of
  // an imported provision.
  Result<analytics::Table> care_map_table(const Principal& who, const std::string& household_id);

 private:
  Result<ImportResult> import_one(const Principal& who, std::string_view xml, interop::Standard standard,
                                  const ImportOptions& options);
  void audit(const Principal& who, const std::string& action, const std::string& subject, bool allowed,
             const std::string& detail = "");
  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
};

}  // namespace regie::service
