// Access checks and audit trail for household reads.
#include "service/households.h"
#include "service/mandate.h"

#include "service/access.h"
#include "service/audit.h"
#include "service/moments.h"
#include "service/status_history.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/bsn.h"
#include "domain/costs.h"
#include "domain/limits.h"
#include "store/account_store.h"
#include "store/assignment_store.h"
#include "store/bundle.h"
#include "store/consent_store.h"
#include "domain/consent.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/plan_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/household.h"
#include "domain/organisation.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {

using domain::Role;

void Households::audit(const Principal& who, const std::string& action, const std::string& subject, bool allowed) {
  record_access(store_, clock_, who, action, subject, allowed);
}

void Households::add_progress(std::vector<store::HouseholdSummary>& list, const std::optional<std::string>& director) {
  // How long each family has been in its status and in the intervention (report
  // §10.1), and when T2 is due: the caseload shows both.
  const Date today = clock_.today();
  std::vector<domain::Household> households;
  for (auto& s : list) households.push_back(s.household);
  auto histories = store::HouseholdStore(store_).status_histories(director);
  auto progress = family_progress(store_, households, today, false);
  for (auto& s : list) {
    s.span = span_of(s.household, histories[s.household.id], today);
    const auto& p = progress[s.household.id];
    s.t2_on = p.moments.t2.on;
    s.t2_reminder = p.reminder;
  }
}

Result<std::vector<store::HouseholdSummary>> Households::list(const Principal& who) {
  std::optional<std::string> director;
  switch (who.role) {
    case Role::director: director = who.username; break;
    case Role::team_lead:
    case Role::administrator: break;
    default:
      audit(who, "household.list", "*", false);
      return forbidden("your role has no household list");
  }
  audit(who, "household.list", "*", true);
  auto list = store::HouseholdStore(store_).list(director, clock_.today());
  // Signal codes only, so a caseload can be filtered on them; the rules are the household view's.
  const auto thresholds = signal_thresholds(store_);
  const auto prices = store::PriceStore(store_).price_list();
  for (auto& s : list) {
    // So a list shows a link only where the file opens; the rule is the file's own.
    s.may_open = is_assigned(store_, who, s.household);
    for (auto& a : store::AssignmentStore(store_).of_household(s.household.id)) s.team_lead_names.push_back(a.display_name);
    auto plans = store::PlanStore(store_).state(s.household.id);
    domain::CareMapInput in{store::ProvisionStore(store_).of_household(s.household.id), store::HouseholdStore(store_).members(s.household.id), {}, {},
                            plans_in_force(store_, s.household.id, clock_.today()), plans.agreed};
    // The cost here, not in SQL: the same figures as the household view (the
    // price list included), and a figure stored beyond the maxima marks this
    // household instead of failing the list for everybody.
    for (auto& p : in.provisions) {
      if (!p.active_on(clock_.today())) continue;
      auto cost = domain::annual_cost_on(p, clock_.today(), prices);
      s.cost_out_of_range |= cost.out_of_range;
      if (auto sum = domain::limits::checked_add(s.annual_cost, cost.annual)) s.annual_cost = *sum;
      else s.cost_out_of_range = true;
    }
    for (auto& sig : domain::stacking_signals(in, clock_.today(), thresholds)) {
      std::string code(domain::to_string(sig.code));
      if (std::find(s.signals.begin(), s.signals.end(), code) == s.signals.end()) s.signals.push_back(code);
    }
  }
  add_progress(list, director);
  return list;
}

Result<HouseholdDetail> Households::get(const Principal& who, const std::string& id) {
  auto h = store::HouseholdStore(store_).find(id);
  const bool director = h && is_assigned(store_, who, *h);
  // A professional's view holds only the members whose consent covers their
  // organisation; with none, the professional sees nothing at all.
  std::set<std::string> visible;
  if (h && !director) visible = members_visible_to_professional(store_, who, id, clock_.today());
  const bool allowed = director || !visible.empty();
  audit(who, "household.read", id, allowed);
  if (!allowed) return hidden_household();
  return load(*h, clock_.today(), director ? nullptr : &visible);
}

Result<std::shared_ptr<const std::string>> Households::rendered(const Principal& who, const std::string& id,
                                                                const Render& render) {
  // Only the whole file (the director's, also an assigned team lead's) is
  // cached; a professional's view depends on consents and is read afresh.
  if (who.role != Role::director && who.role != Role::team_lead) {
    auto d = get(who, id);
    if (!d) return d.error();
    return std::make_shared<const std::string>(render(*d));
  }
  // The revision with the household row, the rest of the data after: a
  // rendering may then be newer than its revision, never older.
  const Date on = clock_.today();
  auto [h, revision] = views_->household(id, format_date(on));
  // Checked on every request, also when a rendering is cached: being assigned
  // can end between two requests, and the cache does not know who asked.
  const bool allowed = h && is_assigned(store_, who, *h);
  audit(who, "household.read", id, allowed);
  if (!allowed) return hidden_household();
  if (!revision) return std::make_shared<const std::string>(render(load(*h, on, nullptr)));
  auto claim = views_->find_or_claim(id, *revision);
  if (claim.body) return claim.body;
  // Whoever waits for this rendering is let go also when it fails.
  struct Release {
    ViewCache& views;
    const std::string &id, &revision;
    bool done = false;
    ~Release() {
      if (!done) views.release(id, revision);
    }
  } release{*views_, id, *revision, !claim.mine};
  auto body = std::make_shared<const std::string>(render(load(*h, on, nullptr)));
  views_->put(id, *revision, body);
  release.done = true;
  return body;
}

HouseholdDetail Households::load(const domain::Household& h, Date on, const std::set<std::string>* visible) {
  const auto& id = h.id;
  HouseholdDetail d;
  d.household = h;
  d.on = on;
  if (auto a = store::AccountStore(store_).find(h.director)) d.director_display_name = a->display_name;
  d.members = store::HouseholdStore(store_).members(id);
  // The member row's own consent field was set once, at loading or intake,
  // and never follows the records; the file shows what the records say.
  const auto consents = store::ConsentStore(store_).of_household(id);
  for (auto& m : d.members) m.consent = domain::consent_state(consents, m.id, on);
  d.provisions = store::ProvisionStore(store_).of_household(id);
  std::set<std::string> named;  // providers and professionals on the provisions shown
  if (visible) {
    // Household-wide provisions concern everyone, so they need everyone's consent.
    const bool all_covered = visible->size() == d.members.size();
    std::erase_if(d.members, [&](const domain::Member& m) { return !visible->contains(m.id); });
    std::erase_if(d.provisions, [&](const domain::Provision& p) {
      return p.member_id ? !visible->contains(*p.member_id) : !all_covered;
    });
    for (auto& p : d.provisions) {
      named.insert(p.provider_id);
      if (p.professional_id) named.insert(*p.professional_id);
    }
  }
  d.prices = store::PriceStore(store_).price_list();
  const auto thresholds = signal_thresholds(store_);
  auto plans = store::PlanStore(store_).state(id);
  domain::CareMapInput in{d.provisions, d.members, {}, {}, plans_in_force(store_, d.household.id, d.on), plans.agreed};
  for (auto& o : store::OrganisationStore(store_).of_household(id))
    if (!visible || named.contains(o.id)) d.organisations[o.id] = o;
  for (auto& pr : store::OrganisationStore(store_).professionals_of_household(id))
    if (!visible || named.contains(pr.id)) d.professionals[pr.id] = pr;
  for (auto& [oid, o] : d.organisations) in.provider_names[oid] = o.name;
  for (auto& [pid, pr] : d.professionals) in.professional_names[pid] = pr.name;
  d.signals = domain::stacking_signals(in, d.on, thresholds);
  d.counts = domain::care_map_counts(d.provisions, d.on, thresholds);
  // Signals, care-map history, the records on the timeline, BSNs and why the
  // household was referred are the director's working file; the timeline a
  // professional gets is built from the covered provisions alone.
  if (visible) {
    d.signals.clear();
    d.household.referral.reset();
    return d;
  }
  d.acknowledgements = store::ProvisionStore(store_).signal_acks(id);
  d.changes = store::ProvisionStore(store_).change_days(id);
  d.records = store::HouseholdStore(store_).timeline(id);
  d.team_leads = store::AssignmentStore(store_).of_household(id);
  d.import_warnings = store::InteropStore(store_).warnings(id);
  for (auto& m : d.members)
    if (m.bsn_sealed && sealer_)
      if (auto bsn = sealer_->open(*m.bsn_sealed)) d.bsn_masked[m.id] = mask_bsn(*bsn);
  return d;
}

domain::SignalThresholds signal_thresholds(store::Store& store) {
  domain::SignalThresholds t;
  const auto stored = store::SettingsStore(store).with_prefix("signal.");
  auto read = [&](const char* key, int& out) {
    for (const auto& [k, v] : stored) {
      if (k != key) continue;
      auto n = parse_fixed(v, 0);
      if (n && *n > 0 && *n < 1000) out = static_cast<int>(*n);
    }
  };
  read("signal.stacking_min", t.stacking_min);
  read("signal.several_plans_min", t.several_plans_min);
  read("signal.many_professionals_min", t.many_professionals_min);
  read("signal.professionals_window_months", t.professionals_window_months);
  read("signal.coaching_min", t.coaching_min);
  read("signal.turnover_window_months", t.turnover_window_months);
  return t;
}

Status Households::check_provision(const domain::Provision& p) {
  if (auto st = domain::limits::check_optional_id("id", p.id); !st) return st;
  if (p.member_id) {
    bool member_here = false;
    for (auto& m : store::HouseholdStore(store_).members(p.household_id)) member_here |= m.id == *p.member_id;
    if (!member_here) return invalid("member_id: not a member of this household");
  }
  if (!store::OrganisationStore(store_).find(p.provider_id)) return invalid("provider_id: unknown organisation");
  if (p.professional_id && !store::OrganisationStore(store_).professional(*p.professional_id))
    return invalid("professional_id: unknown professional");
  if (p.end && *p.end < p.start) return invalid("end_date: before start_date");
  if (p.price_code) {
    if (p.units_per_year_centi <= 0) return invalid("units_per_year: a positive number is needed with a price code");
    auto prices = store::PriceStore(store_).price_list();
    bool known = false;
    for (auto& i : prices.items()) known |= i.code == *p.price_code;
    if (!known) return invalid("price_code: not on the price list");
  } else if (p.annual_cost <= 0) {
    return invalid("annual_cost_cents: required (or a price_code with units_per_year)");
  }
  return domain::check_provision_numbers(p, store::PriceStore(store_).price_list());
}

Status check_chosen_provision_id(store::Store& store, const std::string& household_id, const std::string& id,
                                 const std::string& field) {
  if (id.empty()) return ok_status();
  const std::string own = household_id + "-";
  if (id.size() <= own.size() || !id.starts_with(own))
    return invalid(fmt::format("{}: starts with the household id and a hyphen ({}...), or leave it out", field, own));
  if (store::ProvisionStore(store).find(id)) return Error{ErrorCode::conflict, fmt::format("{}: already in use; leave it out", field)};
  return ok_status();
}

bool Households::member_of(const std::string& household_id, const std::optional<std::string>& member_id) {
  if (!member_id) return true;
  for (auto& m : store::HouseholdStore(store_).members(household_id))
    if (m.id == *member_id) return true;
  return false;
}

Result<domain::Provision> Households::add_provision(const Principal& who, domain::Provision p) {
  const bool member_here = member_of(p.household_id, p.member_id);
  if (auto st = may_work_on_record(store_, clock_, who, p.household_id, "provision.add",
                                   {"provision", "", member_here ? p.member_id.value_or("") : ""}, member_here,
                                   invalid("member_id: not a member of this household"));
      !st)
    return st.error();
  if (p.price_code) p.annual_cost = 0;  // computed from the price list on each date
  if (auto st = check_provision(p); !st) return st.error();
  if (auto st = check_chosen_provision_id(store_, p.household_id, p.id); !st) return st.error();
  if (p.id.empty()) p.id = p.household_id + "-P" + random_token(4);
  p.version = 1;
  auto st = store::ProvisionStore(store_).add(p, domain::CareMapChange{0, p.household_id, p.id, who.username, clock_.now_iso8601(),
                                                          "added", std::string(domain::to_string(p.domain))});
  if (!st) return st.error();
  return p;
}

Result<int> Households::update_provision(const Principal& who, domain::Provision p) {
  auto stored = store::ProvisionStore(store_).find(p.id);
  const bool here = stored && stored->household_id == p.household_id;
  const bool member_here = member_of(p.household_id, p.member_id);
  if (auto st = may_work_on_record(store_, clock_, who, p.household_id, "provision.edit",
                                   {"provision", p.id, here && stored->member_id ? *stored->member_id : ""},
                                   here && member_here,
                                   here ? invalid("member_id: not a member of this household")
                                        : not_found("no provision with this id in this household"));
      !st)
    return st.error();
  if (p.price_code) p.annual_cost = 0;
  if (auto st = check_provision(p); !st) return st.error();
  return store::ProvisionStore(store_).update(p, domain::CareMapChange{0, p.household_id, p.id, who.username, clock_.now_iso8601(),
                                                          "edited", ""});
}

Result<int> Households::end_provision(const Principal& who, const std::string& household_id,
                                      const std::string& provision_id, Date end, int version) {
  auto p = store::ProvisionStore(store_).find(provision_id);
  const bool here = p && p->household_id == household_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "provision.end",
                                   {"provision", provision_id, here && p->member_id ? *p->member_id : ""}, here,
                                   not_found("no provision with this id in this household"));
      !st)
    return st.error();
  if (end < p->start) return invalid("end_date: before the provision's start_date");
  p->end = end;
  p->version = version;
  return store::ProvisionStore(store_).update(*p, domain::CareMapChange{0, household_id, provision_id, who.username,
                                                           clock_.now_iso8601(), "ended", format_date(end)});
}

Status Households::acknowledge_signal(const Principal& who, const std::string& household_id, const std::string& code,
                                      const std::string& note) {
  if (!domain::parse_signal_code(code)) return invalid("signal: unknown signal code");
  if (note.empty()) return invalid("note: say why the signal is acceptable or what is being done");
  if (auto st = require_assigned(store_, clock_, who, household_id, "signal.acknowledge"); !st) return st;
  return store::ProvisionStore(store_).add_signal_ack({0, household_id, code, note, who.username, clock_.now_iso8601()});
}

Result<int> Households::change_status(const Principal& who, const std::string& household_id,
                                      domain::HouseholdStatus to, const std::string& drop_reason, int version) {
  auto h = household_for_access(store_, who, household_id);
  bool allowed = h && (who.role == Role::team_lead || is_assigned(store_, who, *h));
  audit(who, "household.status", household_id, allowed);
  if (!allowed) return hidden_household();
  // A stale version is a conflict before anything else: the transition rules
  // below would otherwise judge the request against a status its sender never saw.
  if (h->version != version)
    return Error{ErrorCode::conflict,
                 fmt::format("the household was changed by someone else (now version {}); reload and try again",
                             h->version)};
  auto next = domain::allowed_next(h->status);
  if (std::find(next.begin(), next.end(), to) == next.end()) {
    std::string names;
    for (auto n : next) names += (names.empty() ? "" : ", ") + std::string(domain::to_string(n));
    return invalid(fmt::format("status: from {} the household can go to {}", domain::to_string(h->status),
                               names.empty() ? "no other status" : names));
  }
  if (to == domain::HouseholdStatus::dropped && !domain::is_drop_reason(drop_reason))
    return invalid("drop_reason: not_needed, no_consent, withdrew, moved_away or outside_area");
  const domain::StatusChange change{to, clock_.today(), who.username,
                                    to == domain::HouseholdStatus::dropped ? drop_reason : ""};
  return store::HouseholdStore(store_).set_status(household_id, change, version, clock_.now_iso8601());
}

Status Households::set_bsn(const Principal& who, const std::string& household_id, const std::string& member_id,
                           const std::string& bsn) {
  if (!is_valid_bsn(bsn)) return invalid("bsn: nine digits that pass the 11-check");
  if (!sealer_) return Error{ErrorCode::unavailable, "this server has no secret key for BSNs (--secret-key-file)"};
  bool member_here = false;
  for (auto& m : store::HouseholdStore(store_).members(household_id)) member_here |= m.id == member_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "member.bsn", {"member", member_id, member_id},
                                   member_here, not_found("no member with this id in this household"));
      !st)
    return st;
  return store::HouseholdStore(store_).set_member_bsn(member_id, sealer_->seal(bsn));
}

Result<domain::Household> Households::add_household(const Principal& who, domain::Household h) {
  bool allowed = who.role == Role::team_lead || who.role == Role::director;
  // A director's caseload is theirs alone: a chosen id would tell them
  // whether another household has it, so they do not choose one (and the
  // trail does not name a household they never saw). Team leads see every
  // household anyway.
  const bool chosen_by_director = who.role == Role::director && !h.id.empty();
  // Nor is a household whose id was taken by mistake shown a look at its file.
  const bool taken = allowed && !chosen_by_director && !h.id.empty() && store::HouseholdStore(store_).find(h.id);
  const bool named = !h.id.empty() && !chosen_by_director && !taken;
  audit(who, "household.add", named ? h.id : "*", allowed && !chosen_by_director && !taken);
  if (!allowed) return forbidden("team leads and directors register referrals");
  if (chosen_by_director) return invalid("id: leave it out; the server chooses it");
  if (auto st = domain::limits::check_optional_id("id", h.id); !st) return st.error();
  if (taken) return Error{ErrorCode::conflict, "id: already in use; leave it out"};
  if (who.role == Role::director) h.director = who.username;
  if (!h.director.empty()) {
    auto a = store::AccountStore(store_).find(h.director);
    if (!a || a->role != Role::director) return invalid("director: not a director's user name");
  }
  if (h.family_name.empty()) return invalid("family_name: required");
  if (!h.referral) return invalid("referral: source, reason and date are required");
  if (h.referral->date > clock_.today()) return invalid("referral.date: in the future");
  h.status = domain::HouseholdStatus::referred;
  if (h.id.empty()) h.id = "HH-" + random_token(4);
  store::Bundle b;
  b.households.push_back(h);
  b.status_history.push_back({h.id, {domain::HouseholdStatus::referred, h.referral->date, who.username, ""}});
  if (auto st = store::write_bundle(store_, b); !st) return st.error();
  return h;
}

Result<domain::Member> Households::add_member(const Principal& who, domain::Member m) {
  if (auto st = require_assigned(store_, clock_, who, m.household_id, "member.add"); !st) return st.error();
  if (auto st = domain::limits::check_optional_id("id", m.id); !st) return st.error();
  if (m.given_name.empty()) return invalid("given_name: required");
  const int year = year_of(clock_.today());
  if (m.birth_year < 1900 || m.birth_year > year) return invalid(fmt::format("birth_year: between 1900 and {}", year));
  if (m.id.empty()) m.id = m.household_id + "-M" + random_token(3);
  if (auto st = store::HouseholdStore(store_).add_member(m); !st) return st.error();
  return m;
}

Status Households::set_signal_threshold(const Principal& who, const std::string& key, int value) {
  bool allowed = who.role == Role::administrator;
  audit(who, "setting.change", key, allowed);
  if (!allowed) return forbidden("only an administrator changes settings");
  static const std::set<std::string> keys = {"signal.stacking_min",          "signal.several_plans_min",
                                             "signal.many_professionals_min", "signal.professionals_window_months",
                                             "signal.coaching_min",          "signal.turnover_window_months"};
  if (!keys.contains(key)) return invalid("key: not a signal threshold");
  if (value < 1 || value > 999) return invalid("value: between 1 and 999");
  store::SettingsStore(store_).set(key, std::to_string(value));
  return ok_status();
}

Result<domain::Professional> Households::add_professional(const Principal& who, domain::Professional p) {
  bool allowed = who.role == Role::director || who.role == Role::administrator;
  audit(who, "professional.add", p.organisation_id, allowed);
  if (!allowed) return forbidden("only directors and administrators add professionals");
  if (auto st = domain::limits::check_optional_id("id", p.id); !st) return st.error();
  if (p.name.empty()) return invalid("name: required");
  if (p.role.empty()) return invalid("role: required");
  if (!store::OrganisationStore(store_).find(p.organisation_id)) return invalid("organisation_id: unknown organisation");
  if (p.id.empty()) p.id = "PRO-" + random_token(4);
  auto st = store::OrganisationStore(store_).add_professional(p);
  if (!st) return st.error();
  return p;
}

std::vector<domain::Organisation> Households::organisations() { return store::OrganisationStore(store_).list(); }

std::vector<domain::Professional> Households::professionals() { return store::OrganisationStore(store_).professionals(); }

}  // namespace regie::service
