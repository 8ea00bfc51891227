// A household in the intervention: its status pipeline, its referral and its
// members with their role in the family and their consent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "common/date.h"

namespace regie::domain {

enum class MemberRole { parent, child, other };

enum class HouseholdStatus { referred, intake, active, aftercare, closed, dropped };

enum class ConsentStatus { given, pending, refused, withdrawn };

// The report's table 1 counts referrals made together as their own source:
// "huisarts ism POH" and "huisarts ism veiligheidshuis".
enum class ReferralSource {
  gp,
  practice_nurse,
  gp_with_practice_nurse,
  gp_with_safety_house,
  wmo,
  social_team,
  youth_doctor,
  social_work,
  other
};

std::string_view to_string(MemberRole v);
std::string_view to_string(HouseholdStatus v);
std::string_view to_string(ConsentStatus v);
std::string_view to_string(ReferralSource v);
// Each parser accepts exactly the codes above; anything else is nullopt.
std::optional<MemberRole> parse_member_role(std::string_view s);
std::optional<HouseholdStatus> parse_household_status(std::string_view s);
std::optional<ConsentStatus> parse_consent_status(std::string_view s);
std::optional<ReferralSource> parse_referral_source(std::string_view s);

// The status pipeline: referred -> intake -> active -> aftercare -> closed, back
// from aftercare to active, and dropped (with a reason) from any open status.
std::vector<HouseholdStatus> allowed_next(HouseholdStatus from);

// Reasons a household drops out (MISSION.md, report §5.2): not_needed (the
// situation was stable, no question of direction), no_consent, withdrew
// (dropped out early), moved_away, outside_area (lived outside the pilot's
// neighbourhoods).
bool is_drop_reason(std::string_view reason);

struct Referral {
  ReferralSource source = ReferralSource::other;
  std::string reason;
  Date date;
  std::string referrer = {};  // the referring person, e.g. "dr. Jansen (huisarts)"; may be empty
};

struct Household {
  std::string id;
  std::string family_name;
  std::string address;
  std::string postcode;
  std::string city;
  std::string neighbourhood;
  HouseholdStatus status = HouseholdStatus::referred;
  std::string director;  // username of the assigned director, empty if none
  std::optional<Referral> referral;
  std::string drop_reason;
  int version = 1;
};

struct Member {
  std::string id;
  std::string household_id;
  std::string given_name;
  std::string family_name;
  MemberRole role = MemberRole::other;
  int birth_year = 0;
  ConsentStatus consent = ConsentStatus::pending;
  std::optional<std::string> bsn_sealed;  // encrypted; see common/sealer.h
  // Recorded at intake; members loaded from older files have only the year.
  std::optional<Date> birth_date = std::nullopt;
};

}  // namespace regie::domain
