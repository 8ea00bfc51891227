// The social business case over the store, for one household or a set
// (a director's caseload, a neighbourhood), with the access rules: a director
// sees their own households, a team lead and an administrator all, and an
// analyst all households under pseudonyms, without notes. Every report is
// audited.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/businesscase.h"
#include "common/clock.h"
#include "service/auth.h"
#include "store/store.h"
#include "domain/virtual_saving.h"

namespace regie::service {

struct BusinessCaseQuery {
  // Each family's own T1 and T2 (service/moments.h) instead of t1 and t2, and
  // only families whose T1 and T2 are complete; the others are listed with
  // the reason they are left out.
  bool own_dates = false;
  Date t1, t2;  // with own_dates: the earliest T1 and the latest T2 of the families counted
  std::vector<std::string> household_ids;  // empty: every household the user may see
  std::optional<std::string> director;
  std::optional<std::string> neighbourhood;
  // The director cost: "norm" (hours x weeks x rate), "fixed" (amount) or
  // "registered" (time entries between T1 and T2, annualised).
  std::string director_cost_mode = "norm";
  Cents fixed_amount = 800000;
  std::int64_t norm_hours_per_week_centi = 250;
  int norm_weeks = 45;
  Cents hourly_rate = 7000;
};

struct RegisteredTime {
  std::int64_t direct = 0, indirect = 0, travel = 0, project = 0;  // minutes between T1 and T2
};

struct VirtualSavingLine {
  std::string household;  // id, or pseudonym for analysts
  domain::VirtualSavingKind kind;
  Cents amount = 0;
  std::string note;  // empty for analysts
  Date recorded_on;
};

// A family left out of a report on own dates, and why: a domain::Gap code, or
// "dropped" for a family that dropped out.
struct ExcludedFamily {
  std::string household;  // id, or pseudonym for analysts
  std::string reason;
  std::optional<Date> t1, t2;
};

struct BusinessCaseReport {
  BusinessCaseQuery query;
  analytics::BusinessCase business_case;  // keys are pseudonyms for analysts
  Cents norm_per_household = 0;            // the norm figure, always shown next to the one used
  RegisteredTime time;
  std::vector<VirtualSavingLine> virtual_savings;
  Cents virtual_total = 0;
  bool pseudonymised = false;
  // Household id -> family name, so people read names instead of ids; empty for analysts.
  std::map<std::string, std::string> household_names;
  // With own_dates: each counted family's T1 and T2 (keys as in the
  // business case), and the families left out.
  std::map<std::string, std::pair<Date, Date>> family_dates;
  std::vector<ExcludedFamily> excluded;
};

class BusinessCaseReports {
 public:
  BusinessCaseReports(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  Result<BusinessCaseReport> report(const Principal& who, const BusinessCaseQuery& q);

 private:
  std::string pseudonym(const std::string& household_id);
  store::Store& store_;
  const Clock& clock_;
};

// Parses the director-cost mode and dates of a query; errors name the field.
Status validate(const BusinessCaseQuery& q);

}  // namespace regie::service
