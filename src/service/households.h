// Use cases around the household record. Every read of personal data goes
// through here: the access rule is checked in this layer, not in a front end,
// and every read, allowed or denied, leaves an audit event.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/sealer.h"
#include "domain/signals.h"
#include "common/result.h"
#include "service/access.h"
#include "service/audit.h"
#include "service/auth.h"
#include "service/view_cache.h"
#include "store/assignment_store.h"
#include "store/interop_store.h"
#include "store/store.h"
#include "store/household_store.h"
#include "domain/household.h"
#include "domain/organisation.h"
#include "domain/provision.h"

namespace regie::service {

struct HouseholdDetail {
  domain::Household household;
  std::string director_display_name;
  std::vector<domain::Member> members;
  std::vector<domain::Provision> provisions;
  std::map<std::string, domain::Organisation> organisations;  // providers on the care map
  std::map<std::string, domain::Professional> professionals;
  domain::PriceList prices;  // for provisions priced from the social price list
  std::vector<domain::Signal> signals;
  std::vector<domain::SignalAck> acknowledgements;
  domain::CareMapCounts counts;
  std::vector<domain::CareMapChangeDay> changes;
  std::vector<store::HouseholdStore::TimelineRecord> records;  // measurements, decisions, round tables
  std::map<std::string, std::string> bsn_masked;  // member id -> masked BSN, e.g. ******333
  std::vector<store::Assignment> team_leads;      // assigned next to the director (whole file only)
  // What an imported message left to check, such as a BSN match onto a member
  // with another birth year (whole file only).
  std::vector<store::InteropStore::StoredWarning> import_warnings;
  Date on;  // the date "active" and the cost figures refer to
};


// A provision id chosen by the client must lie in its household's own name
// space ("<household id>-..."), so that nobody can ask about another
// household's ids (invalid otherwise, whatever exists); an id already taken
// gets one neutral conflict. Empty (the server chooses) is always fine.
Status check_chosen_provision_id(store::Store& store, const std::string& household_id, const std::string& id,
                                 const std::string& field = "id");

// Signal thresholds: the report's values, overridden by settings named
// "signal.<field>" (e.g. signal.stacking_min).
domain::SignalThresholds signal_thresholds(store::Store& store);

class Households {
 public:
  // `sealer` encrypts BSNs; without one, storing a BSN is refused.
  Households(store::Store& store, const Clock& clock, const Sealer* sealer = nullptr)
      : store_(store), clock_(clock), sealer_(sealer), views_(std::make_shared<ViewCache>(store)) {}

  // A director sees the households assigned to them; a team lead and an
  // administrator see the caseload list (no file contents). Other roles get
  // their own views in later releases and are refused here.
  Result<std::vector<store::HouseholdSummary>> list(const Principal& who);
  // The whole file for the household's assigned director and the team leads
  // assigned to it. A professional on
  // the care team gets the part the members' consent covers (see
  // service/access.h and docs/access.md). Unknown and not-visible households
  // answer the same forbidden, so ids cannot be probed.
  Result<HouseholdDetail> get(const Principal& who, const std::string& id);
  // The same file rendered by `render` (the front end's format), with the same
  // access rule and audit. A rendering is reused while the household's data
  // and the day are unchanged (see service/view_cache.h). The access rule is
  // applied before the cache is looked at, so a cached file reaches only
  // those assigned at the moment of the request.
  using Render = std::function<std::string(const HouseholdDetail&)>;
  Result<std::shared_ptr<const std::string>> rendered(const Principal& who, const std::string& id,
                                                      const Render& render);

  // Adds a provision to the care map (assigned director only). Missing
  // fields take the report's defaults for the domain (cost basis, indicated);
  // an empty id gets a fresh one. A provision priced from the list needs a
  // known price code and units per year; otherwise an annual cost is required.
  Result<domain::Provision> add_provision(const Principal& who, domain::Provision p);
  // Replaces a provision (assigned director only) if `p.version` is still the
  // stored one; returns the new version. A stale version is a conflict.
  Result<int> update_provision(const Principal& who, domain::Provision p);
  // Ends a provision on `end` (not before its start), with the same version check.
  Result<int> end_provision(const Principal& who, const std::string& household_id, const std::string& provision_id,
                            Date end, int version);
  // The director notes why a signal is acceptable; it stays visible, as acknowledged.
  Status acknowledge_signal(const Principal& who, const std::string& household_id, const std::string& code,
                            const std::string& note);
  // Moves the household along the status pipeline (assigned director or team
  // lead); `dropped` needs a reason. Returns the new version.
  Result<int> change_status(const Principal& who, const std::string& household_id, domain::HouseholdStatus to,
                            const std::string& drop_reason, int version);
  // Stores a member's BSN encrypted, after the 11-check (assigned director).
  Status set_bsn(const Principal& who, const std::string& household_id, const std::string& member_id,
                 const std::string& bsn);
  // A referral arrives: a new household in status `referred` (team lead, who
  // may assign a director, or a director, who gets it). Returns it with its id.
  Result<domain::Household> add_household(const Principal& who, domain::Household h);
  Result<domain::Member> add_member(const Principal& who, domain::Member m);
  // Administrators tune the signal thresholds (settings "signal.<field>", 1 to 999).
  Status set_signal_threshold(const Principal& who, const std::string& key, int value);
  // A new professional at a known organisation (directors and administrators).
  Result<domain::Professional> add_professional(const Principal& who, domain::Professional p);
  // The organisations and professionals every signed-in user may list.
  std::vector<domain::Organisation> organisations();
  std::vector<domain::Professional> professionals();

 private:
  Status check_provision(const domain::Provision& p);
  // Fills each summary's status span and T2 reminder.
  void add_progress(std::vector<store::HouseholdSummary>& list, const std::optional<std::string>& director);
  // True when `member_id` is absent (the whole household) or one of the household's members.
  bool member_of(const std::string& household_id, const std::optional<std::string>& member_id);
  // Reads the whole file of a household the caller may see.
  // `visible`: for a professional, the members whose consent covers them; null for those assigned.
  HouseholdDetail load(const domain::Household& h, Date on, const std::set<std::string>* visible);
  void audit(const Principal& who, const std::string& action, const std::string& subject, bool allowed);
  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
  std::shared_ptr<ViewCache> views_;
};

}  // namespace regie::service
