// Consent: a household member (or a guardian for a child) allows one
// organisation to share and see data for one purpose, from a date, until an
// expiry or a withdrawal. Access rules ask `covers`; the household reads the
// scope back as a short plain-language text.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/household.h"

namespace regie::domain {

enum class ConsentPurpose { care_coordination, information_exchange, business_case, research };
enum class ConsentMethod { signed_form, verbal_witnessed };

std::string_view to_string(ConsentPurpose p);
std::string_view to_string(ConsentMethod m);
std::optional<ConsentPurpose> parse_consent_purpose(std::string_view s);
std::optional<ConsentMethod> parse_consent_method(std::string_view s);

struct Consent {
  std::int64_t id = 0;
  std::string household_id, member_id;
  std::optional<std::string> guardian_member_id;  // who gave it for a child
  ConsentPurpose purpose = ConsentPurpose::care_coordination;
  std::string organisation_id;  // the data source, and whose professionals may look
  ConsentMethod method = ConsentMethod::signed_form;
  std::string witness;  // required for verbal consent
  Date given_on;
  std::optional<Date> expires_on;
  std::optional<Date> withdrawn_on;
  std::string recorded_by;
  int version = 1;
};

// In force on `on`: given, not expired, not withdrawn (withdrawal counts from its day).
bool in_force(const Consent& c, Date on);

// A member's consent state on `on`, from their consent records alone: given
// while any is in force; withdrawn when none is and one was withdrawn;
// pending otherwise (none recorded, or all expired).
ConsentStatus consent_state(const std::vector<Consent>& consents, const std::string& member_id, Date on);

// True when some consent of `member_id` in force on `on` covers the
// organisation and purpose.
bool covers(const std::vector<Consent>& consents, const std::string& member_id, const std::string& organisation_id,
            ConsentPurpose purpose, Date on);

// What the household is shown and signs: B1 Dutch, short sentences, one idea a line.
struct ConsentScope {
  std::string member_name;         // whose data
  std::string guardian_name;       // empty unless given for a child
  std::string organisation_name;
  ConsentPurpose purpose = ConsentPurpose::care_coordination;
  std::optional<Date> expires_on;
};
std::string consent_text(const ConsentScope& scope);

}  // namespace regie::domain
