// Reading iJw/iWmo 3.2 messages (XML, libxml2): the allocation (301), the
// start (305) and stop (307) of care, and the declaration (323). Parsing is
// also the structural validation: required elements, code lists, dates, the
// BSN 11-check and the header (message code, version 3.2, sender and
// receiver, message id and date). A message with any fault is refused whole;
// the error names the element path and the reason, never a BSN.
//
// Optionally the message is also validated against the official XSD, when a
// folder holding the schemas is configured (the project does not ship them).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/money.h"
#include "common/result.h"
#include "interop/codelists.h"

namespace regie::interop {

struct MessageHeader {
  Standard standard = Standard::ijw;
  MessageKind kind = MessageKind::allocation;
  std::string code;          // BerichtCode, e.g. "436"
  std::string sender;        // Afzender: municipality code (301) or AGB code (305, 307, 323)
  std::string receiver;      // Ontvanger
  std::string id;            // BerichtIdentificatie/Identificatie
  Date date;                 // BerichtIdentificatie/Dagtekening
  std::string municipality;  // whichever of sender and receiver is the municipality
  std::string agb;           // whichever is the provider's AGB code
};

// Omvang: Volume in Eenheid per Frequentie. With unit 83 (euros) the volume is in euro cents.
struct Size {
  std::int64_t volume = 0;
  std::string unit;
  std::string frequency;
};

struct AllocatedProduct {  // 301 ToegewezenProduct
  std::string allocation_number;
  std::string category;  // Product/Categorie; empty when the allocation is for a category-less budget
  std::string code;      // Product/Code, may be empty (a category-wide allocation)
  Date start;
  std::optional<Date> end;
  std::optional<Size> size;
  std::optional<Cents> budget;
  std::string change_reason;  // RedenWijziging
  std::string path;           // element path, for messages
};

struct StartStop {  // 305 StartProduct / 307 StopProduct
  std::string bsn;
  std::string allocation_number;
  Date begin;                // Begindatum: the actual start of care
  std::optional<Date> end;   // Einddatum (307): the actual end of care
  std::string reason;        // RedenBeeindiging (307)
  std::string status;        // StatusAanlevering: 1 first delivery, 2 correction, 3 withdrawal
  std::string path;
};

struct ServiceLine {  // 323 Prestatie
  std::string bsn;
  std::string reference;           // ProductReferentie/ReferentieNummer
  std::string previous_reference;  // ProductReferentie/VorigReferentieNummer: the line a credit cancels
  std::string allocation_number;
  std::string category, code;
  Date period_start, period_end;
  std::int64_t volume = 0;
  std::string unit;
  std::optional<Cents> tariff;
  Cents amount = 0;  // IngediendBedrag, negative for a credit line
  std::string path;
};

struct Message {
  MessageHeader header;
  // 301: one client
  std::string client_bsn;
  std::optional<Date> client_birth_date;
  std::vector<AllocatedProduct> allocations;
  std::vector<StartStop> starts_stops;  // 305, 307
  std::string declaration_number;       // 323
  Date declaration_start, declaration_end;  // 323 DeclaratiePeriode
  Cents declared_total = 0;             // 323 TotaalIngediendBedrag, negative when credit
  std::vector<ServiceLine> lines;       // 323
  std::vector<std::string> bsns() const;  // every client BSN in the message, once
};

struct ParseOptions {
  // Folder with the official XSDs (jw301.xsd, wmo323.xsd, ... and the
  // basisschema); empty: structural validation only.
  std::string schema_dir;
  std::size_t max_bytes = 16 * 1024 * 1024;
};

// Hours per week × 100 of an allocation's size, for the care map: minutes,
// hours and parts of a day (4 hours) convert; other units (24-hour periods,
// pieces, euros) have no weekly hours and give 0. "Total for the allocation"
// is spread over the allocation's weeks, and gives 0 without an end date.
std::int64_t hours_per_week_centi(const AllocatedProduct& a);
// A first estimate of the annual cost before anything is declared: the
// budget (euro cents) spread over the allocation's days and scaled to 365
// days; without an end date the budget is taken as a yearly amount.
Cents estimated_annual_cost(const AllocatedProduct& a);
// Declared amount over `days` days of service, scaled to 365 days (rounded
// half away from zero); 0 when nothing is covered or the sum is negative.
Cents annualise(Cents amount, std::int64_t days);

// The kind of a message from its namespace alone, to put a batch in order
// (allocations before starts, stops and declarations); nothing when unknown.
std::optional<MessageKind> peek_kind(std::string_view xml, Standard standard);

// Parses and validates one message of `standard` against the structure of
// its 3.2 XSD and the rules within one message (TR018, TR101, TR314, TR315,
// TR316, TR319, TR323, TR346, TR358; see docs/interop.md). invalid_input reads
// "<rule> <element path>: <reason in Dutch>"; a schema rule is named "XSD".
// With a schema folder the message is first validated against the official
// XSD; unavailable when that folder lacks the schema.
Result<Message> parse_message(std::string_view xml, Standard standard, const ParseOptions& options = {});

}  // namespace regie::interop
