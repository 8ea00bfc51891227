// Storage for the interoperability area: iJw/iWmo messages applied to the
// care map (allocations behind provisions, declared service lines), and the
// household records a FHIR export reads. Builds on Store::read / write: a
// message is applied in one transaction, wholly or not at all.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interop/istandaard.h"
#include "store/store.h"

namespace regie::store {

class InteropStore {
 public:
  explicit InteropStore(Store& store) : store_(store) {}

  struct SealedBsn {
    std::string member_id, household_id, sealed;
  };
  // Every member with a stored (sealed) BSN.
  std::vector<SealedBsn> sealed_bsns();

  // The content hash of a message already imported with this standard,
  // message type, sender and message id (unique together, TR056), if any.
  std::optional<std::string> imported_hash(interop::Standard s, interop::MessageKind k, const std::string& sender,
                                           const std::string& ref);

  struct MemberRef {
    std::string member_id, household_id;
  };
  struct Applied {
    std::vector<std::string> provisions;  // touched, in message order, once each
    std::vector<std::string> households;
    // A declaration with this number and these very lines was imported
    // before under another message id: nothing was stored.
    bool declaration_resent = false;
  };
  struct Warning {
    std::string household_id, member_id, text;
  };
  // Applies a validated message. `member_of` maps each BSN in the message to
  // its member. A message that refers to an unknown allocation, another
  // client's or another provider's allocation, is refused (invalid_input
  // naming the element path) and nothing is stored; a concurrent import of
  // the same message is a conflict.
  // `warnings` are kept with the households when the message is applied.
  Result<Applied> apply(const interop::Message& m, const std::map<std::string, MemberRef>& member_of,
                        const std::string& content_hash, const std::string& by, const std::string& at,
                        const std::vector<Warning>& warnings = {});

  // The outcome of one file offered for import, kept whatever it was.
  struct Outcome {
    std::int64_t id = 0;
    std::string standard, file_name, message, outcome, rule, detail, by, at;
  };
  void record_outcome(const Outcome& o);
  std::vector<Outcome> outcomes(std::size_t limit);

  // Warnings of accepted imports on a household's members, newest first.
  struct StoredWarning {
    std::string member_id, message, text, at;
  };
  std::vector<StoredWarning> warnings(const std::string& household_id);

  // AGB codes of imported providers and the organisation each is linked to
  // (empty while not linked by an administrator).
  struct ProviderLink {
    std::string agb, organisation_id, organisation_name;
    bool linked = false;
  };
  std::vector<ProviderLink> providers();
  // Links an AGB code to an organisation; the provisions of that code move
  // to it. invalid_input when the organisation or the code is unknown.
  Status link_provider(const std::string& agb, const std::string& organisation_id, const std::string& by,
                       const std::string& at);

  // Allocation numbers behind provisions, for the care-map export.
  std::map<std::string, std::string> allocation_numbers(const std::string& household_id);

  // Records for the FHIR export that other areas own; an empty list when the
  // table does not exist in this schema.
  struct PlanRecord {
    std::int64_t id = 0;
    int plan_version = 0;
    std::string status, created_by, created_at;
    std::optional<std::string> agreed_at;
  };
  std::vector<PlanRecord> plans(const std::string& household_id);
  struct MeasurementRecord {
    std::string member_id, instrument, moment, measured_on, item;
    std::optional<std::int64_t> score_milli;
  };
  std::vector<MeasurementRecord> measurements(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
