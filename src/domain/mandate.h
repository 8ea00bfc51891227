// The director's mandate as it was granted, the plans other organisations
// keep for the same household, and the rules that need no I/O: whether a
// grant covers a decision, and how many plans are in force.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/plan.h"

namespace regie::domain {

// Who gave the director the mandate for this household, for which kinds of
// decision, in which words and for which period. Grants are never edited: a
// new grant replaces the previous one from its recording on.
struct MandateGrant {
  std::int64_t id = 0;
  std::string household_id;
  std::string granted_by;  // name and function, e.g. "M. de Vries, teamleider Sociaal Domein"
  Date granted_on;
  std::vector<DecisionKind> kinds;
  std::string scope;  // the mandate's own words: domains, limits, conditions
  Date valid_from;
  std::optional<Date> valid_to;
  std::string recorded_by;
  std::string recorded_at;
  std::string recorded_by_name;  // display name, read only
};

// Checks a grant before it is stored: a name, at least one kind, a period
// that does not end before it starts, a grant date not after `today`.
Status check_grant(const MandateGrant& g, Date today);

// Whether `g` allows a decision of `kind` taking effect on `effective`; when
// not, the reason in words for the refusal.
Status grant_covers(const MandateGrant& g, DecisionKind kind, Date effective);

// A plan kept by another organisation for the household (an existing
// "1 gezin 1 plan" of, say, youth protection or the social team).
struct ExternalPlan {
  std::int64_t id = 0;
  std::string household_id;
  std::string organisation;
  std::string title;
  std::string coordinator;  // who keeps it there, as named by them
  Date starts_on;
  std::optional<Date> ends_on;
  std::string note;
  std::string recorded_by;
  std::string recorded_at;
  int version = 1;

  bool in_force_on(Date d) const { return starts_on <= d && (!ends_on || d <= *ends_on); }
};

Status check_external_plan(const ExternalPlan& p);

}  // namespace regie::domain
