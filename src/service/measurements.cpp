// Measurements: access, validation against the instrument definitions, and
// the outcome report from stored answers.
#include "service/measurements.h"

#include "service/access.h"
#include "service/audit.h"

#include <fmt/format.h>

#include <set>
#include <tuple>

#include "common/csv.h"
#include "common/money.h"
#include "common/problems.h"
#include "service/households.h"
#include "store/household_store.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;

constexpr std::size_t kMaxWishText = 2000;

}  // namespace

std::vector<analytics::PersonScore> person_scores(const interop::Instruments& instruments,
                                                  const std::vector<domain::Measurement>& measurements) {
  std::vector<analytics::PersonScore> out;
  for (auto& m : measurements) {
    auto* instrument = instruments.find(m.instrument);
    if (!instrument) continue;  // a definition removed since: its answers cannot be scored
    for (auto& [key, tenths] : domain::score_tenths(*instrument, m.answers)) {
      if (!tenths) continue;
      out.push_back({m.household_id, m.member_id, m.instrument, key, m.moment, *tenths * 100000});
    }
  }
  return out;
}

Status import_measurements_csv(store::Store& store, const interop::Instruments& instruments, const std::string& path,
                               const std::string& recorded_by) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"household_id", "member_id", "instrument", "moment", "measured_on", "item", "value"});
  if (!cols) return cols.error();
  auto c = *cols;
  ProblemList problems;
  std::map<std::tuple<std::string, std::string, std::string>, domain::Measurement> by_key;
  std::map<std::string, std::string> household_of;  // member -> household, from the store
  while (r.next()) {
    std::string household(r.field(c[0])), member(r.field(c[1])), key(r.field(c[2])), moment(r.field(c[3])),
        item(r.field(c[5]));
    auto* instrument = instruments.find(key);
    auto on = parse_date(r.field(c[4]));
    auto value = parse_fixed(r.field(c[6]), 0);
    if (!instrument) problems.add(r.where(c[2]) + fmt::format(": '{}' is not a known instrument", key));
    if (!domain::is_moment(moment)) problems.add(r.where(c[3]) + ": T1, T2, ...");
    if (!on) problems.add(r.where(c[4]) + ": not a date (yyyy-mm-dd)");
    if (!value) problems.add(r.where(c[6]) + ": not a whole number");
    if (!household_of.contains(household))
      for (auto& m : store::HouseholdStore(store).members(household)) household_of[m.id] = household;
    if (household_of[member] != household)
      problems.add(r.where(c[1]) + fmt::format(": '{}' is not a member of household '{}'", member, household));
    if (!instrument || !on || !value) continue;
    if (auto st = domain::check_answers(*instrument, {{item, *value}}); !st)
      problems.add(r.where(c[5]) + ": " + st.error().message);
    auto& m = by_key[{member, key, moment}];
    m.household_id = household;
    m.member_id = member;
    m.instrument = key;
    m.instrument_version = instrument->version;
    m.moment = moment;
    m.measured_on = *on;
    m.filled_by = "with_director";
    m.completed = true;
    m.recorded_by = recorded_by;
    if (!m.answers.emplace(item, static_cast<int>(*value)).second)
      problems.add(r.where(c[5]) + fmt::format(": a second answer for {} of {} at {}", item, member, moment));
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();
  std::vector<domain::Measurement> all;
  for (auto& [_, m] : by_key) all.push_back(std::move(m));
  return store::MeasurementStore(store).add_all(all);
}

bool Measurements::allowed(const Principal& who, const std::string& household_id, const std::string& action,
                           const AccessedRecord& record) {
  return is_assigned_director(store_, clock_, who, household_id, action, record);
}

MeasurementView Measurements::view(const domain::Measurement& m) const {
  MeasurementView v{m, {}, {}, std::nullopt};
  if (auto* instrument = instruments_->find(m.instrument)) {
    v.score_tenths = domain::score_tenths(*instrument, m.answers);
    v.missing = domain::missing_items(*instrument, m.answers);
    if (auto t = instruments_->tariffs.find(m.instrument); t != instruments_->tariffs.end())
      v.index_millionths = domain::capability_index_millionths(*instrument, m.answers, t->second);
  }
  return v;
}

// The measurement, if the caller works on the household in the path and the
// measurement belongs to it; otherwise forbidden or not_found, so that ids of
// other households cannot be probed. Either way the access is recorded as
// what it was: a look at this household's measurement, or a refusal.
Result<domain::Measurement> Measurements::owned(const Principal& who, const std::string& household_id,
                                                std::int64_t id, const std::string& action) {
  auto m = measurements_.get(id);
  const bool here = m && m->household_id == household_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, action,
                                   {"measurement", std::to_string(id), here ? m->member_id : ""}, here,
                                   not_found("no such measurement in this household"));
      !st)
    return st.error();
  return *m;
}

Result<std::vector<MeasurementView>> Measurements::list(const Principal& who, const std::string& household_id) {
  if (!allowed(who, household_id, "measurements.read")) return hidden_household();
  std::vector<MeasurementView> out;
  for (auto& m : measurements_.of_household(household_id)) out.push_back(view(m));
  return out;
}

Result<MeasurementView> Measurements::get(const Principal& who, const std::string& household_id, std::int64_t id) {
  auto m = owned(who, household_id, id, "measurements.read");
  if (!m) return m.error();
  return view(*m);
}

Result<MeasurementView> Measurements::start(const Principal& who, const std::string& household_id,
                                            const NewMeasurement& in) {
  bool member_here = false;
  for (auto& m : store::HouseholdStore(store_).members(household_id)) member_here |= m.id == in.member_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "measurements.start",
                                   {"measurement", "", in.member_id}, member_here,
                                   invalid("member_id: not a member of this household"));
      !st)
    return st.error();
  ProblemList problems;
  auto* instrument = instruments_->find(in.instrument);
  if (!instrument) {
    std::string known;
    for (auto& [key, _] : instruments_->by_key) known += (known.empty() ? "" : ", ") + key;
    problems.add(fmt::format("instrument: '{}' is not known (known: {})", in.instrument, known));
  } else if (in.instrument_version != instrument->version) {
    problems.add(fmt::format("instrument_version: {} is at version {}; version '{}' is refused", in.instrument,
                             instrument->version, in.instrument_version));
  }
  if (!domain::is_moment(in.moment)) problems.add("moment: T1, T2, T3, ...");
  if (!domain::is_filled_by(in.filled_by)) problems.add("filled_by: member, with_director or proxy");
  if (!problems.empty()) return problems.error();

  domain::Measurement m;
  m.household_id = household_id;
  m.member_id = in.member_id;
  m.instrument = in.instrument;
  m.instrument_version = in.instrument_version;
  m.moment = in.moment;
  m.measured_on = in.measured_on ? *in.measured_on : clock_.today();
  m.filled_by = in.filled_by;
  m.recorded_by = who.username;
  auto id = measurements_.add(m);
  if (!id) return id.error();
  m.id = *id;
  return view(m);
}

Result<MeasurementView> Measurements::save(const Principal& who, const std::string& household_id, std::int64_t id,
                                           const AnswerUpdate& update) {
  auto m = owned(who, household_id, id, "measurements.answer");
  if (!m) return m.error();
  auto* instrument = instruments_->find(m->instrument);
  if (!instrument) return invalid(fmt::format("instrument: '{}' has no definition any more", m->instrument));
  if (update.instrument_version != m->instrument_version || instrument->version != m->instrument_version)
    return invalid(fmt::format("instrument_version: this measurement uses {} version {}; answers for version '{}' "
                               "are refused",
                               m->instrument, m->instrument_version, update.instrument_version));
  if (auto st = domain::check_answers(*instrument, update.answers); !st) return st.error();
  auto v = measurements_.save_answers(id, update.version, update.answers, update.complete);
  if (!v) return v.error();
  auto stored = measurements_.get(id);
  if (!stored) return not_found("no such measurement in this household");
  return view(*stored);
}

Status Measurements::remove(const Principal& who, const std::string& household_id, std::int64_t id, int version) {
  auto m = owned(who, household_id, id, "measurements.delete");
  if (!m) return m.error();
  return measurements_.remove(id, version);
}

Result<nlohmann::json> Measurements::questionnaire_response(const Principal& who, const std::string& household_id,
                                                            std::int64_t id) {
  auto m = owned(who, household_id, id, "measurements.export");
  if (!m) return m.error();
  auto* instrument = instruments_->find(m->instrument);
  if (!instrument) return invalid(fmt::format("instrument: '{}' has no definition any more", m->instrument));
  interop::ResponseInfo info{std::to_string(m->id), "Patient/" + m->member_id, format_date(m->measured_on),
                             m->recorded_by, m->completed ? "completed" : "in-progress"};
  return interop::questionnaire_response(*instrument, m->answers, info);
}

Status Measurements::check_dimension(const std::string& dimension) const {
  for (auto& [_, instrument] : instruments_->by_key) {
    if (instrument.scoring != domain::Scoring::group_mean) continue;
    for (auto& g : instrument.groups)
      if (g.key == dimension) return ok_status();
  }
  return invalid(fmt::format("dimension: '{}' is not a spider-web dimension", dimension));
}

Result<std::vector<domain::Wish>> Measurements::wishes(const Principal& who, const std::string& household_id) {
  if (!allowed(who, household_id, "wishes.read")) return hidden_household();
  return measurements_.wishes(household_id);
}

Result<domain::Wish> Measurements::add_wish(const Principal& who, const std::string& household_id,
                                            const domain::Wish& in) {
  bool member_here = false;
  for (auto& m : store::HouseholdStore(store_).members(household_id)) member_here |= m.id == in.member_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "wishes.add", {"wish", "", in.member_id},
                                   member_here, invalid("member_id: not a member of this household"));
      !st)
    return st.error();
  ProblemList problems;
  if (auto st = check_dimension(in.dimension); !st) problems.add(st.error().message);
  if (in.text.empty() || in.text.size() > kMaxWishText)
    problems.add(fmt::format("text: between 1 and {} characters", kMaxWishText));
  if (!problems.empty()) return problems.error();
  domain::Wish w = in;
  w.household_id = household_id;
  w.created_by = who.username;
  w.created_at = clock_.now_iso8601();
  auto id = measurements_.add_wish(w);
  if (!id) return id.error();
  w.id = *id;
  return w;
}

Result<domain::Wish> Measurements::update_wish(const Principal& who, const std::string& household_id,
                                               std::int64_t id, int version, const std::string& dimension,
                                               const std::string& text) {
  auto w = measurements_.wish(id);
  const bool here = w && w->household_id == household_id;
  if (auto st = may_work_on_record(store_, clock_, who, household_id, "wishes.edit",
                                   {"wish", std::to_string(id), here ? w->member_id : ""}, here,
                                   not_found("no such wish in this household"));
      !st)
    return st.error();
  ProblemList problems;
  if (auto st = check_dimension(dimension); !st) problems.add(st.error().message);
  if (text.empty() || text.size() > kMaxWishText)
    problems.add(fmt::format("text: between 1 and {} characters", kMaxWishText));
  if (!problems.empty()) return problems.error();
  auto v = measurements_.update_wish(id, version, dimension, text);
  if (!v) return v.error();
  return *measurements_.wish(id);
}

Result<analytics::Table> Measurements::outcomes(const Principal& who, const std::vector<std::string>& household_ids) {
  std::vector<std::string> ids = household_ids;
  if (who.role == Role::director) {
    if (ids.empty())
      for (auto& s : store::HouseholdStore(store_).list(who.username, clock_.today())) ids.push_back(s.household.id);
    for (auto& id : ids)
      if (!allowed(who, id, "outcomes.read")) return forbidden(fmt::format("household {} is not yours", id));
    if (ids.empty()) return analytics::outcomes_from_scores({});
  } else if (who.role == Role::analyst && !ids.empty()) {
    // The counts of one chosen household are that household's data, not a pseudonymised aggregate.
    record_access(store_, clock_, who, "outcomes.aggregate", "*", false, "household filter");
    return forbidden(kNoHouseholdFilter);
  } else if (who.role == Role::analyst || who.role == Role::team_lead || who.role == Role::administrator) {
    record_access(store_, clock_, who, "outcomes.aggregate",
                  ids.empty() ? "*" : fmt::format("{} households", ids.size()), true);
  } else {
    record_access(store_, clock_, who, "outcomes.aggregate", "*", false);
    return forbidden("outcome reports are for directors, team leads, analysts and administrators");
  }
  return analytics::outcomes_from_scores(person_scores(*instruments_, measurements_.of_households(ids)));
}

}  // namespace regie::service
