// Consent rules and the plain-language consent text.
#include "domain/consent.h"

#include <fmt/format.h>

namespace regie::domain {
namespace {

// What each purpose means, said the way a household member would say it.
const char* purpose_sentence(ConsentPurpose p) {
  switch (p) {
    case ConsentPurpose::care_coordination:
      return "Zo kan de gezinsregisseur samen met {org} uw hulp goed regelen.";
    case ConsentPurpose::information_exchange:
      return "{org} mag uw gezinsregisseur vertellen welke hulp u krijgt. En uw gezinsregisseur mag dat aan {org} "
             "vertellen.";
    case ConsentPurpose::business_case:
      return "{org} mag uw gezinsregisseur vertellen wat uw hulp kost. Zo zien we of de hulp goed werkt. Uw naam staat "
             "niet in dat overzicht.";
    case ConsentPurpose::research:
      return "Uw gegevens mogen gebruikt worden voor onderzoek door {org}. Uw naam staat er niet bij.";
  }
  return "";
}

}  // namespace

std::string_view to_string(ConsentPurpose p) {
  switch (p) {
    case ConsentPurpose::care_coordination: return "care_coordination";
    case ConsentPurpose::information_exchange: return "information_exchange";
    case ConsentPurpose::business_case: return "business_case";
    case ConsentPurpose::research: return "research";
  }
  return "";
}

std::string_view to_string(ConsentMethod m) {
  return m == ConsentMethod::signed_form ? "signed_form" : "verbal_witnessed";
}

std::optional<ConsentPurpose> parse_consent_purpose(std::string_view s) {
  for (auto p : {ConsentPurpose::care_coordination, ConsentPurpose::information_exchange,
                 ConsentPurpose::business_case, ConsentPurpose::research})
    if (to_string(p) == s) return p;
  return std::nullopt;
}

std::optional<ConsentMethod> parse_consent_method(std::string_view s) {
  if (s == "signed_form") return ConsentMethod::signed_form;
  if (s == "verbal_witnessed") return ConsentMethod::verbal_witnessed;
  return std::nullopt;
}

bool in_force(const Consent& c, Date on) {
  if (on < c.given_on) return false;
  if (c.expires_on && on > *c.expires_on) return false;
  if (c.withdrawn_on && on >= *c.withdrawn_on) return false;
  return true;
}

ConsentStatus consent_state(const std::vector<Consent>& consents, const std::string& member_id, Date on) {
  bool withdrawn = false;
  for (auto& c : consents) {
    if (c.member_id != member_id) continue;
    if (in_force(c, on)) return ConsentStatus::given;
    withdrawn |= c.withdrawn_on && *c.withdrawn_on <= on;
  }
  return withdrawn ? ConsentStatus::withdrawn : ConsentStatus::pending;
}

bool covers(const std::vector<Consent>& consents, const std::string& member_id, const std::string& organisation_id,
            ConsentPurpose purpose, Date on) {
  for (auto& c : consents)
    if (c.member_id == member_id && c.organisation_id == organisation_id && c.purpose == purpose && in_force(c, on))
      return true;
  return false;
}

std::string consent_text(const ConsentScope& s) {
  std::string out;
  bool for_child = !s.guardian_name.empty();
  out += fmt::format("Toestemming voor {}\n\n", s.member_name);
  if (for_child)
    out += fmt::format("{} is de ouder of voogd van {}. {} geeft toestemming voor {}.\n", s.guardian_name,
                       s.member_name, s.guardian_name, s.member_name);
  out += fmt::format("{} geeft toestemming aan {}.\n", for_child ? "Hij of zij" : "U", s.organisation_name);
  std::string sentence = purpose_sentence(s.purpose);
  for (auto pos = sentence.find("{org}"); pos != std::string::npos; pos = sentence.find("{org}"))
    sentence.replace(pos, 5, s.organisation_name);
  out += sentence + "\n";
  out += "Andere organisaties zien niets, als u dat niet apart goed vindt.\n\n";
  if (s.expires_on)
    out += fmt::format("Deze toestemming geldt tot en met {}.\n", format_date_nl(*s.expires_on));
  else
    out += "Deze toestemming geldt tot u zegt dat u wilt stoppen.\n";
  out += "U mag altijd stoppen. Zeg het tegen uw gezinsregisseur.\n";
  out += "Vanaf dat moment kijkt niemand meer mee.\n";
  out += "U mag altijd vragen wie uw gegevens heeft bekeken.\n";
  return out;
}

}  // namespace regie::domain
