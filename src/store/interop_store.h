// Storage for the interoperability area: iJw/iWmo messages applied to the
// care map (allocations behind provisions, declared service lines), import
// outcomes, warnings and provider links. Builds on Store::read / write: a
// message is applied in one transaction, wholly or not at all.
//
// The store does not know the interop layer: a parsed message arrives as an
// ImportMessage, plain records the service fills from it (service/interop.cpp),
// with what the interop layer derives (names, product descriptions, hours and
// cost estimates) already worked out.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/money.h"
#include "domain/funding.h"
#include "store/store.h"

namespace regie::store {

enum class ImportKind { allocation, start, stop, declaration };

struct ImportHeader {
  ImportKind kind = ImportKind::allocation;
  std::string standard;          // as stored: "ijw" or "iwmo"
  std::string kind_code;         // as stored: the message's number, e.g. "301"
  std::string name;              // as named in texts, e.g. "JW301"
  std::string provision_prefix;  // a new provision's id is <prefix>-<municipality>-<allocation number>
  domain::Domain domain = domain::Domain::jeugd;  // of the provisions it creates
  std::string code, sender, receiver, id;
  Date date;
  std::string municipality, agb;
};

struct ImportAllocation {  // 301: one allocated product
  std::string allocation_number, category, code;
  Date start;
  std::optional<Date> end;
  struct Size {
    std::int64_t volume = 0;
    std::string unit, frequency;
  };
  std::optional<Size> size;
  std::optional<Cents> budget;
  std::string path;  // element path, for messages
  // Worked out by the interop layer: the care map's goal text, the weekly
  // hours × 100 and the first estimate of the annual cost.
  std::string goal;
  std::int64_t hours_per_week_centi = 0;
  Cents estimated_annual_cost = 0;
};

struct ImportStartStop {  // 305, 307
  std::string bsn, allocation_number;
  Date begin;
  std::optional<Date> end;
  std::string status;  // 1 first delivery, 2 correction, 3 withdrawal
  std::string path;
};

struct ImportLine {  // 323: one declared service line
  std::string bsn, reference, previous_reference, allocation_number, category, code;
  Date period_start, period_end;
  std::int64_t volume = 0;
  std::string unit;
  std::optional<Cents> tariff;
  Cents amount = 0;  // negative for a credit line
  std::string path;
};

// A validated message as the store applies it.
struct ImportMessage {
  ImportHeader header;
  std::string client_bsn;                     // 301
  std::vector<ImportAllocation> allocations;  // 301
  std::vector<ImportStartStop> starts_stops;  // 305, 307
  std::string declaration_number;             // 323
  Date declaration_start, declaration_end;
  Cents declared_total = 0;
  std::vector<ImportLine> lines;  // 323
};

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
  // `standard` and `kind_code` as in ImportHeader.
  std::optional<std::string> imported_hash(const std::string& standard, const std::string& kind_code,
                                           const std::string& sender, const std::string& ref);

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
  Result<Applied> apply(const ImportMessage& m, const std::map<std::string, MemberRef>& member_of,
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

 private:
  Store& store_;
};

}  // namespace regie::store
