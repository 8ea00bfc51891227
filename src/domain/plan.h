// One household plan, mandate decisions, round tables and aftercare (report
// §4, §8.3, appendix 2): plain records and the rules that need no I/O — which
// life domains a goal may have, what a decision does to the care map, and
// when an aftercare contact is due.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/money.h"
#include "common/result.h"
#include "domain/costs.h"
#include "domain/funding.h"
#include "domain/provision.h"

namespace regie::domain {

// Life domains of a plan goal: the six Positive Health dimensions plus the
// practical domains of the household's situation.
inline constexpr std::string_view kLifeDomains[] = {
    "bodily_functions",  "mental_wellbeing", "meaningfulness", "quality_of_life", "participation",
    "daily_functioning", "housing",          "finances",       "safety",          "school_work"};
bool is_life_domain(std::string_view s);

inline constexpr std::string_view kGoalStatuses[] = {"open", "in_progress", "achieved", "dropped"};
inline constexpr std::string_view kActionStatuses[] = {"open", "in_progress", "done", "dropped"};
bool is_goal_status(std::string_view s);
bool is_action_status(std::string_view s);

// Who carries out an action or agrees to a plan: a professional, a household
// member or the director.
struct PartyRef {
  std::string kind;  // professional, member, director
  std::string id;    // professional id, member id or username
  std::string name;  // as shown; filled by the service from the records
};

struct PlanAction {
  std::string text;
  PartyRef responsible;
  std::optional<Date> due;
  std::string status = "open";
};

struct PlanGoal {
  std::string life_domain;
  std::vector<std::string> member_ids;  // empty: the whole household
  std::optional<std::string> wish_id;   // the member's wish for change, when there is one
  std::string household_words;          // the household's own words
  std::string professional_words;       // the professional wording
  std::string status = "open";
  std::vector<PlanAction> actions;
};

// One version of the household plan. Versions are never edited: a change
// makes a new version, and the previous one becomes 'superseded'.
struct HouseholdPlan {
  std::int64_t id = 0;
  std::string household_id;
  int plan_version = 0;
  std::string status;  // active, superseded
  std::vector<PlanGoal> goals;
  std::string created_by;
  std::string created_at;
  std::vector<PartyRef> agreed_by;  // empty until agreed
  std::optional<Date> agreed_on;
  std::string agreement_recorded_by;
};

enum class DecisionKind { stop, start, scale_up, scale_down, replace };
std::string_view to_string(DecisionKind k);
std::optional<DecisionKind> parse_decision_kind(std::string_view s);

// A change of hours or cost to an existing provision (scale up or down).
struct ProvisionScale {
  std::string provision_id;
  std::optional<std::int64_t> hours_per_week_centi;
  std::optional<Cents> annual_cost;
  std::optional<std::int64_t> units_per_year_centi;
};

// What the director asks for; the service checks it against the care map.
struct DecisionRequest {
  std::string household_id;
  DecisionKind kind = DecisionKind::stop;
  std::string reason;
  Date effective;
  std::vector<std::string> stop;      // provisions that end the day before `effective`
  std::vector<Provision> start;       // new provisions from `effective`
  std::vector<ProvisionScale> scale;  // provisions continued with other hours or cost
  std::optional<std::int64_t> round_table_id;
};

// The decision's effect on the care map, computed before anything is stored.
struct DecisionEffect {
  std::vector<Provision> ended;             // the stored provisions with their new end date
  std::vector<Provision> added;             // new provisions, including successors of scaled ones
  std::map<Category, Cents> annual_effect;  // per funder: added minus ended, on the effective date
  // The end date each ended provision had before (nullopt: open-ended), so
  // that the decision can be withdrawn.
  std::map<std::string, std::optional<Date>> previous_end;
};

// A decision taken back: who, when and why. The decision stays in the log.
struct Withdrawal {
  std::string by;
  std::string at;
  std::string reason;
  std::string by_name = {};  // display name of `by`, read only
};

// Checks the request against the household's current provisions and computes
// its effect. Refuses (invalid_input, naming the field) a provision that is not
// on this household's care map, one that ends before the effective date or
// starts on or after it, kinds without the parts they need (stop: provisions
// to stop; start: new ones; scale: a change in the right direction; replace:
// at least one to stop and one to start), and an empty reason.
Result<DecisionEffect> plan_decision(const DecisionRequest& req, const std::vector<Provision>& household_provisions,
                                     const PriceList& prices);

struct Decision {
  std::int64_t id = 0;
  std::string household_id;
  DecisionKind kind = DecisionKind::stop;
  std::string reason;
  Date effective;
  std::vector<std::string> stopped;  // provision ids
  std::vector<std::string> started;  // provision ids (new and successors)
  std::vector<std::string> scaled;   // provision ids that were continued
  std::map<Category, Cents> annual_effect;
  std::optional<std::int64_t> round_table_id;
  std::string decided_by;
  std::string created_at;
  // Absent for decisions recorded before withdrawal existed: those cannot be withdrawn.
  std::optional<std::map<std::string, std::optional<Date>>> previous_end;
  std::optional<Withdrawal> withdrawn;
  Cents total_effect() const;
};

struct RoundTableParticipant {
  std::int64_t id = 0;
  PartyRef party;  // kind: professional, member, director or other
  std::string email;
  bool required = true;
  std::string time_zone;  // of the stated availability; empty: the round table's
  // Stated availability as local wall-clock intervals "yyyy-mm-ddThh:mm".
  std::vector<std::pair<std::string, std::string>> availability;
  std::string attendance = "unknown";  // unknown, present, absent, excused
};

struct RoundTable {
  std::int64_t id = 0;
  std::string household_id;
  std::string title;
  std::string status = "planning";  // planning, scheduled, held, cancelled
  int duration_minutes = 60;
  Date window_from, window_to;
  std::string time_zone = "Europe/Amsterdam";
  std::optional<std::string> scheduled_at;  // UTC, yyyy-mm-ddThh:mm:ssZ
  std::string location;
  std::string agenda;
  std::string minutes;
  std::vector<RoundTableParticipant> participants;
  std::string created_by;
  std::string created_at;
  int sequence = 0;  // iCalendar SEQUENCE: goes up each time the time is set
  int version = 1;
};

bool is_attendance(std::string_view s);

// Aftercare (nazorg): contacts at a fixed interval after the active phase.
struct AftercareSchedule {
  std::string household_id;
  Date start;
  int interval_months = 1;
};

struct AftercareContact {
  std::int64_t id = 0;
  std::string household_id;
  Date contacted_on;
  std::string note;
  std::string recorded_by;
};

struct AftercareStatus {
  Date next_due;
  int missed = 0;  // due dates passed without a contact in their interval
  bool overdue = false;
};

// Due dates fall every `interval_months` from the schedule's start. A contact
// anywhere in an interval covers that interval's due date (the interval
// ending on it); due dates before `today` without one are missed.
AftercareStatus aftercare_status(const AftercareSchedule& s, const std::vector<Date>& contacts, Date today);
Date add_months(Date d, int months);

}  // namespace regie::domain
