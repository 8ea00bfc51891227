// Retention rules and name redaction; see privacy.h.
#include "domain/privacy.h"

#include <algorithm>
#include <cctype>

namespace regie::domain {

std::vector<RetentionRule> default_retention_rules() {
  return {
      {"audit_trail",
       "the audit trail of who looked at or changed the person's data (NEN 7513); the records name the person by "
       "member id only, and the erased member record no longer says who that is",
       "AVG art. 17(3)(b) and (e); NEN 7513 logging, as required for health and youth-care data by the Besluit "
       "elektronische gegevensverwerking door zorgaanbieders (art. 5); the trail is append-only and hash-chained, "
       "so its records are never altered",
       "retention.audit_years", 5, true},
      {"financial",
       "provisions, allocations, declared service lines and mandate decisions: the municipality's financial "
       "administration",
       "AVG art. 17(3)(b); Gemeentewet art. 212 and Algemene wet inzake rijksbelastingen art. 52 (administration "
       "kept 7 years)",
       "retention.financial_years", 7, false},
      {"youth_care", "provisions in the youth-care domain (jeugd): the youth-care file",
       "AVG art. 17(3)(b); Jeugdwet art. 7.3.8 (the file is kept 20 years after its last change)",
       "retention.youth_care_years", 20, false},
      {"consent", "the consent records (what was agreed, with whom, how, when; withdrawn from the day of erasure)",
       "AVG art. 5(2) and 7(1): the controller must be able to show that processing had consent, as long as the "
       "records processed under it are kept",
       "", 0, false},
  };
}

namespace {
bool word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;  // UTF-8 letters count as word characters
}
}  // namespace

std::string redact_names(std::string_view text, std::vector<std::string> names) {
  std::erase_if(names, [](const std::string& n) { return n.size() < 2; });
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    if (i == 0 || !word_char(text[i - 1])) {
      for (auto& n : names) {
        if (text.compare(i, n.size(), n) != 0) continue;
        std::size_t end = i + n.size();
        if (end < text.size() && word_char(text[end])) continue;
        out += kErased;
        i = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

Date retain_until(Date last, int years) {
  auto s = format_date(last);
  int y = year_of(last) + years;
  // 29 February moves to 1 March in a year without it.
  auto d = parse_date(std::to_string(y) + s.substr(4));
  if (!d) d = parse_date(std::to_string(y) + "-03-01");
  return *d;
}

}  // namespace regie::domain
