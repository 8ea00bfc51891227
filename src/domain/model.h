// Plain records of the household's world: organisations, professionals,
// households and members, provisions (arrangements), accounts and audit
// events. No I/O here; the store persists these, the service layer guards them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/money.h"
#include "domain/types.h"

namespace regie::domain {

struct Organisation {
  std::string id;
  std::string name;
  std::string kind;  // provider, municipality, insurer, housing, uwv, social_work, neighbourhood_team
};

struct Professional {
  std::string id;
  std::string name;
  std::string organisation_id;
  std::string role;
  std::string phone;
};

struct Referral {
  ReferralSource source = ReferralSource::other;
  std::string reason;
  Date date;
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
};

// One arrangement granted to one member (or to the whole household when
// member_id is empty), with its annualised cost and the basis of that cost.
struct Provision {
  std::string id;
  std::string household_id;
  std::optional<std::string> member_id;
  Domain domain = Domain::wmo;
  std::string provider_id;
  std::optional<std::string> professional_id;
  std::string goal;
  Date start;
  std::optional<Date> end;
  std::int64_t hours_per_week_centi = 0;  // hours per week × 100
  Cents annual_cost = 0;
  CostBasis basis = CostBasis::declared;
  bool indicated = true;
  // Priced from the social price list: annual cost = price on the date × units.
  std::optional<std::string> price_code;
  std::int64_t units_per_year_centi = 0;
  bool coaching = false;  // coaching towards self-reliance (signal 6)
  int version = 1;        // optimistic concurrency: an edit names the version it read

  bool active_on(Date d) const { return start <= d && (!end || d <= *end); }
  Category category() const { return category_of(domain); }
};

// A prevented event (report §8.4): reported on its own, never added to measured savings.
struct VirtualSaving {
  std::int64_t id = 0;
  std::string household_id;
  VirtualSavingKind kind = VirtualSavingKind::other;
  Cents amount = 0;
  std::string note;
  std::string recorded_by;
  Date recorded_on;
};

// The director's registered time; project time is not client time (report §8.1).
struct TimeEntry {
  std::int64_t id = 0;
  std::optional<std::string> household_id;  // empty for project time
  std::string director;
  Date date;
  int minutes = 0;
  TimeKind kind = TimeKind::direct;
};

struct SignalAck {
  std::int64_t id = 0;
  std::string household_id;
  std::string signal;  // code of domain::SignalCode
  std::string note;
  std::string by;
  std::string at;  // ISO 8601 UTC
};

struct CareMapChange {
  std::int64_t id = 0;
  std::string household_id;
  std::optional<std::string> provision_id;
  std::string by;
  std::string at;
  std::string change;  // added, edited, ended
  std::string detail;
};

// Care-map changes of one kind to one provision by one person on one day,
// taken together: a director correcting a provision five times in a morning
// is one line on the timeline, not five.
struct CareMapChangeDay {
  std::string day;  // YYYY-MM-DD (UTC)
  std::optional<std::string> provision_id;
  std::string by;
  std::string change;  // added, edited, ended
  int count = 0;
};

struct Account {
  std::string username;
  std::string display_name;
  Role role = Role::member;
  std::string password_hash;  // Argon2id string from libsodium; never leaves the store layer
  bool disabled = false;
  // Who the account belongs to, for the access rules: a professional record
  // (and so an organisation) or a household member. Empty for other roles.
  std::optional<std::string> professional_id = std::nullopt;
  std::optional<std::string> member_id = std::nullopt;
};

struct AuditEvent {
  std::int64_t id = 0;
  std::string at;         // UTC, ISO 8601
  std::string actor;      // username
  std::string action;     // e.g. "household.read"
  std::string subject;    // e.g. household id
  std::string outcome;    // "allowed" / "denied"
  std::string detail;
  // NEN 7513 fields (docs/audit.md); empty when unknown or not applicable.
  std::string role = {};          // the actor's role
  std::string organisation = {};  // the actor's organisation id
  std::string person = {};        // the member whose data it is, when one member's
  std::string record_type = {};   // e.g. "household", "consent"
  std::string record_id = {};
  std::string client = {};        // where the request came from
  // The hash chain, filled by the store when the event is appended: place in
  // the chain (0 for events from before the chain), previous and own hash (hex).
  std::int64_t seq = 0;
  std::string prev_hash = {};
  std::string hash = {};
};

}  // namespace regie::domain
