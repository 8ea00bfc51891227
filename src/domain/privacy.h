// Privacy rights (GDPR, docs/privacy.md): which records the law requires to be
// kept when a person's data is erased, and how names are taken out of free
// text. Pure rules; the store applies them inside one transaction.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace regie::domain {

// What an erased name or free text reads afterwards.
inline constexpr std::string_view kErased = "[erased]";

// A category of records kept after an erasure, and why. The grounds are the
// installation's documented reading of Dutch law (docs/privacy.md lists the
// sources); an installation changes the periods with the settings named here.
struct RetentionRule {
  std::string category;        // audit_trail, financial, youth_care, consent
  std::string what;            // which records, in a sentence
  std::string legal_ground;    // the law and article, and AVG art. 17(3)
  std::string setting;         // the setting with the number of years
  int years = 0;               // kept this long after the records' last date
  bool never_removed = false;  // the append-only audit trail: never altered or removed by Regie
};

// The rules with their default periods: audit trail 5 years (never removed),
// financial records 7 years, youth-care file 20 years, consent records as long
// as the records processed under them.
std::vector<RetentionRule> default_retention_rules();

// `text` with each name in `names` replaced by kErased where it stands as a
// whole word (not inside a longer word). Longer names go first, so that a
// full name is replaced whole before its given name. Names shorter than two
// characters are left alone: they would match initials everywhere.
std::string redact_names(std::string_view text, std::vector<std::string> names);

// The first day records whose last date is `last` may go under `years`.
Date retain_until(Date last, int years);

}  // namespace regie::domain
