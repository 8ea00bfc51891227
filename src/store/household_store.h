// Households and their members: the household list with its counts, one
// household, its members, its status, its timeline, the household of a
// member, and the view revisions the household view cache is keyed on. On
// Store::read / Store::write (one transaction per call).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/household.h"
#include "domain/moments.h"
#include "domain/status_history.h"
#include "store/store.h"

namespace regie::store {

struct HouseholdSummary {
  domain::Household household;
  std::string director_display_name;
  int member_count = 0;
  int provision_count = 0;  // active on the requested date
  // Of the provisions active on the requested date; filled by the service
  // layer (domain::cost_snapshot), which also sets cost_out_of_range when a
  // provision's stored figure is beyond the maxima and so counted as 0.
  Cents annual_cost = 0;
  bool cost_out_of_range = false;
  std::vector<std::string> signals;  // filled by the service layer: codes of raised stacking signals
  // Filled by the service layer for the caller: whether they may open the
  // whole file, and the team leads assigned next to the director.
  bool may_open = false;
  std::vector<std::string> team_lead_names;
  // Filled by the service layer: how long the family has been in its current
  // status and in the intervention (none when its history does not say), and
  // its T2 with the reminder (service/moments.h).
  std::optional<domain::InterventionSpan> span;
  std::optional<Date> t2_on;
  domain::T2Reminder t2_reminder = domain::T2Reminder::none;
};

class HouseholdStore {
 public:
  explicit HouseholdStore(Store& store) : store_(store) {}

  // Every household (or those of one director) with its counts on `on`.
  std::vector<HouseholdSummary> list(const std::optional<std::string>& director, Date on);
  std::optional<domain::Household> find(const std::string& id);
  std::vector<domain::Member> members(const std::string& household_id);
  Status add_member(const domain::Member& m);
  Status set_member_bsn(const std::string& member_id, const std::string& sealed);
  // Every stored BSN, still sealed, with its member and household. Sealing
  // uses a fresh nonce each time, so finding a BSN means opening them all
  // (service/duplicates.h); a municipality's few thousand members allow it.
  struct SealedBsn {
    std::string member_id, household_id, sealed;
  };
  std::vector<SealedBsn> sealed_bsns();
  // The household a member belongs to; none for an unknown member.
  std::optional<std::string> household_of_member(const std::string& member_id);

  // Moves a household to `status` if it still has `version`, and appends the
  // change (`change.status` is `status`) to its history in the same
  // transaction; `at` is the ISO 8601 moment. Returns the new version.
  Result<int> set_status(const std::string& id, const domain::StatusChange& change, int version,
                         const std::string& at);
  // The status history of one household, oldest first (changes on one day in
  // the order they were recorded).
  std::vector<domain::StatusChange> status_history(const std::string& household_id);
  // The histories of every household (or of one director's), by household id.
  std::map<std::string, std::vector<domain::StatusChange>> status_histories(const std::optional<std::string>& director);

  // Measurements, mandate decisions, round tables, plan versions and their
  // agreement, aftercare, contacts and status changes of a household, for its
  // timeline: (date, kind, detail), in no particular order. A contact's detail
  // is "<kind> <minutes>: <note>", a status change's "<status>" or
  // "dropped <reason>".
  struct TimelineRecord {
    std::string date, kind, detail;
  };
  std::vector<TimelineRecord> timeline(const std::string& household_id);

  // View revisions (migrations 0012 and 0019): a revision per household and
  // one for shared data, bumped by triggers with every change, on both backends.
  bool keeps_view_revisions();
  struct Revisioned {
    domain::Household household;
    std::int64_t own_revision = 0, shared_revision = 0;
  };
  // The household and both revisions in one statement; none for an unknown id.
  std::optional<Revisioned> find_with_revisions(const std::string& id);

 private:
  Store& store_;
};

}  // namespace regie::store
