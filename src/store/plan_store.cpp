// SQL for plans, decisions, round tables and aftercare; see plan_store.h.
#include "store/plan_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "domain/plan_json.h"
#include "store/rows.h"

namespace regie::store {

using domain::AftercareContact;
using domain::AftercareSchedule;
using domain::Decision;
using domain::HouseholdPlan;
using domain::RoundTable;
using domain::RoundTableParticipant;
using nlohmann::json;

namespace {

// An expected failure inside a write: thrown to roll the transaction back.
struct Refused {
  Error error;
};

json parse_doc(const std::string& s) {
  json j = json::parse(s, nullptr, false);
  if (j.is_discarded()) throw soci::soci_error("the database holds an invalid JSON document");
  return j;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

HouseholdPlan plan_from(const soci::row& r) {
  HouseholdPlan p;
  p.id = i64(r, "id");
  p.household_id = str(r, "household_id");
  p.plan_version = static_cast<int>(i64(r, "plan_version"));
  p.status = str(r, "status");
  auto goals = domain::goals_from_json(parse_doc(str(r, "body")));
  if (!goals) throw soci::soci_error("the database holds an invalid plan: " + goals.error().message);
  p.goals = *goals;
  p.created_by = str(r, "created_by");
  p.created_at = str(r, "created_at");
  if (auto at = opt_str(r, "agreed_at")) {
    p.agreed_on = must_date(*at);
    for (auto& party : parse_doc(str(r, "agreed_by")))
      if (auto pr = domain::party_from_json(party, "agreed_by")) p.agreed_by.push_back(*pr);
    p.agreement_recorded_by = str(r, "agreement_recorded_by");
  }
  return p;
}

RoundTableParticipant participant_from(const soci::row& r) {
  RoundTableParticipant p;
  p.id = i64(r, "id");
  p.party = {str(r, "party_kind"), str(r, "party_id"), str(r, "name")};
  p.email = str(r, "email");
  p.required = i64(r, "required") != 0;
  p.time_zone = str(r, "time_zone");
  for (auto& pair : parse_doc(str(r, "availability")))
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
      p.availability.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  p.attendance = str(r, "attendance");
  return p;
}

RoundTable round_table_from(const soci::row& r) {
  RoundTable t;
  t.id = i64(r, "id");
  t.household_id = str(r, "household_id");
  t.title = str(r, "title");
  t.status = str(r, "status");
  t.duration_minutes = static_cast<int>(i64(r, "duration_minutes"));
  t.window_from = must_date(str(r, "window_from"));
  t.window_to = must_date(str(r, "window_to"));
  t.time_zone = str(r, "time_zone");
  t.scheduled_at = opt_str(r, "scheduled_at");
  t.location = str(r, "location");
  t.agenda = str(r, "agenda");
  t.minutes = str(r, "minutes");
  t.created_by = str(r, "created_by");
  t.created_at = str(r, "created_at");
  t.sequence = static_cast<int>(i64(r, "sequence"));
  t.version = static_cast<int>(i64(r, "version"));
  return t;
}

void load_participants(soci::session& sql, RoundTable& t) {
  long long id = t.id;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT * FROM round_table_participant WHERE round_table_id = :t ORDER BY id", soci::use(id));
  for (auto& r : rs) t.participants.push_back(participant_from(r));
}

std::string availability_doc(const RoundTableParticipant& p) {
  json a = json::array();
  for (auto& [from, to] : p.availability) a.push_back({from, to});
  return a.dump();
}

void insert_participant(soci::session& sql, std::int64_t table_id, const RoundTableParticipant& p) {
  long long t = table_id;
  int required = p.required ? 1 : 0;
  std::string avail = availability_doc(p);
  sql << "INSERT INTO round_table_participant (round_table_id, party_kind, party_id, name, email, required, "
         "time_zone, availability, attendance) VALUES (:t, :k, :i, :n, :e, :r, :z, :a, :at)",
      soci::use(t), soci::use(p.party.kind), soci::use(p.party.id), soci::use(p.party.name), soci::use(p.email),
      soci::use(required), soci::use(p.time_zone), soci::use(avail), soci::use(p.attendance);
}

}  // namespace

std::vector<HouseholdPlan> PlanStore::plans(const std::string& household_id) {
  std::vector<HouseholdPlan> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM household_plan WHERE household_id = :h "
                                                 "ORDER BY plan_version",
                                  soci::use(household_id));
    for (auto& r : rs) out.push_back(plan_from(r));
  });
  return out;
}

Result<int> PlanStore::add_plan_version(const HouseholdPlan& plan, int based_on) {
  try {
    int next = 0;
    store_.write([&](soci::session& sql) {
      long long latest = 0;
      soci::indicator ind = soci::i_ok;
      sql << "SELECT MAX(plan_version) FROM household_plan WHERE household_id = :h", soci::use(plan.household_id),
          soci::into(latest, ind);
      if (ind == soci::i_null) latest = 0;
      if (latest != based_on)
        throw Refused{Error{ErrorCode::conflict,
                            fmt::format("the plan was changed by someone else: the latest version is {}", latest)}};
      next = static_cast<int>(latest) + 1;
      sql << "UPDATE household_plan SET status = 'superseded' WHERE household_id = :h AND status = 'active'",
          soci::use(plan.household_id);
      std::string body = domain::goals_to_json(plan.goals).dump();
      sql << "INSERT INTO household_plan (household_id, plan_version, status, body, created_by, created_at) "
             "VALUES (:h, :v, 'active', :b, :c, :a)",
          soci::use(plan.household_id), soci::use(next), soci::use(body), soci::use(plan.created_by),
          soci::use(plan.created_at);
    });
    return next;
  } catch (const Refused& r) {
    return r.error;
  }
}

Status PlanStore::agree_plan(const std::string& household_id, int plan_version,
                             const std::vector<domain::PartyRef>& parties, Date on, const std::string& recorded_by) {
  json who = json::array();
  for (auto& p : parties) who.push_back(domain::to_json(p));
  std::string doc = who.dump(), day = format_date(on);
  bool done = false;
  store_.write([&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << "UPDATE household_plan SET agreed_at = :d, agreed_by = :w, "
                        "agreement_recorded_by = :r WHERE household_id = :h AND plan_version = :v "
                        "AND status = 'active' AND agreed_at IS NULL",
         soci::use(day), soci::use(doc), soci::use(recorded_by), soci::use(household_id), soci::use(plan_version));
    st.execute(true);
    done = st.get_affected_rows() == 1;
  });
  if (!done)
    return Error{ErrorCode::conflict,
                 fmt::format("plan version {} is not the active, unagreed version; reload the plan", plan_version)};
  return ok_status();
}

Status PlanStore::set_action_status(const std::string& household_id, int plan_version, std::size_t goal,
                                    std::size_t action, const std::string& status) {
  try {
    store_.write([&](soci::session& sql) {
      std::string body;
      soci::indicator ind = soci::i_ok;
      sql << "SELECT body FROM household_plan WHERE household_id = :h AND plan_version = :v AND status = 'active'",
          soci::use(household_id), soci::use(plan_version), soci::into(body, ind);
      if (!sql.got_data() || ind != soci::i_ok)
        throw Refused{Error{ErrorCode::conflict,
                            fmt::format("plan version {} is no longer the active version; reload the plan", plan_version)}};
      auto goals = domain::goals_from_json(parse_doc(body));
      if (!goals) throw soci::soci_error("the database holds an invalid plan: " + goals.error().message);
      if (goal >= goals->size() || action >= (*goals)[goal].actions.size())
        throw Refused{not_found("no such action in this plan")};
      (*goals)[goal].actions[action].status = status;
      std::string doc = domain::goals_to_json(*goals).dump();
      sql << "UPDATE household_plan SET body = :b WHERE household_id = :h AND plan_version = :v", soci::use(doc),
          soci::use(household_id), soci::use(plan_version);
    });
    return ok_status();
  } catch (const Refused& r) {
    return r.error;
  }
}

std::vector<std::string> PlanStore::households_of_professional(const std::string& professional_id) {
  std::vector<std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<std::string> rs =
        (sql.prepare << "SELECT household_id FROM provision WHERE professional_id = :p "
                        "UNION SELECT t.household_id FROM round_table t JOIN round_table_participant p "
                        "ON p.round_table_id = t.id WHERE p.party_kind = 'professional' AND p.party_id = :q "
                        "ORDER BY 1",
         soci::use(professional_id), soci::use(professional_id));
    for (auto& id : rs) out.push_back(id);
  });
  return out;
}

std::vector<Decision> PlanStore::decisions(const std::string& household_id) {
  std::vector<Decision> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT d.*, a.display_name AS withdrawn_by_name FROM decision d "
                        "LEFT JOIN account a ON a.username = d.withdrawn_by WHERE d.household_id = :h ORDER BY d.id",
         soci::use(household_id));
    for (auto& r : rs) {
      Decision d;
      d.id = i64(r, "id");
      d.household_id = str(r, "household_id");
      d.kind = must(domain::parse_decision_kind(str(r, "kind")), "decision kind");
      d.reason = str(r, "reason");
      d.effective = must_date(str(r, "effective_date"));
      json effects = parse_doc(str(r, "effects"));
      d.stopped = strings(effects, "stopped");
      d.started = strings(effects, "started");
      d.scaled = strings(effects, "scaled");
      d.annual_effect = domain::effect_from_json(parse_doc(str(r, "annual_effect")));
      if (r.get_indicator("round_table_id") != soci::i_null) d.round_table_id = i64(r, "round_table_id");
      d.decided_by = str(r, "decided_by");
      d.created_at = str(r, "created_at");
      if (effects.contains("previous_end") && effects["previous_end"].is_object()) {
        d.previous_end.emplace();
        for (auto& [pid, end] : effects["previous_end"].items())
          (*d.previous_end)[pid] = end.is_string() ? parse_date(end.get<std::string>()) : std::nullopt;
      }
      if (auto at = opt_str(r, "withdrawn_at"))
        d.withdrawn = domain::Withdrawal{str(r, "withdrawn_by"), *at, str(r, "withdrawal_reason"), str(r, "withdrawn_by_name")};
      out.push_back(d);
    }
  });
  return out;
}

Result<std::int64_t> PlanStore::add_decision(Decision d, const domain::DecisionEffect& effect,
                                             const std::string& changed_at) {
  try {
    long long id = 0;
    store_.write([&](soci::session& sql) {
      const std::string note = fmt::format("decision {}: {}", domain::to_string(d.kind), d.reason);
      for (auto& p : effect.ended) {
        std::string end = format_date(*p.end);
        soci::statement st = (sql.prepare << "UPDATE provision SET end_date = :e, version = version + 1 "
                                             "WHERE id = :i AND household_id = :h AND version = :v",
                              soci::use(end), soci::use(p.id), soci::use(p.household_id), soci::use(p.version));
        st.execute(true);
        if (st.get_affected_rows() != 1)
          throw Refused{Error{ErrorCode::conflict,
                              fmt::format("provision {} was changed by someone else; reload and try again", p.id)}};
        insert_change(sql, {0, d.household_id, p.id, d.decided_by, changed_at, "ended", note});
      }
      for (auto& p : effect.added) {
        insert_provision(sql, p);
        insert_change(sql, {0, d.household_id, p.id, d.decided_by, changed_at, "added", note});
      }
      json previous = json::object();
      for (auto& [pid, end] : effect.previous_end) previous[pid] = end ? json(format_date(*end)) : json(nullptr);
      json effects = {{"stopped", d.stopped}, {"started", d.started}, {"scaled", d.scaled}, {"previous_end", previous}};
      std::string kind(domain::to_string(d.kind)), day = format_date(d.effective), doc = effects.dump(),
                                                   money = domain::effect_to_json(d.annual_effect).dump();
      long long rt = d.round_table_id.value_or(0);
      soci::indicator rti = d.round_table_id ? soci::i_ok : soci::i_null;
      sql << "INSERT INTO decision (household_id, kind, reason, effective_date, decided_by, created_at, effects, "
             "annual_effect, round_table_id) VALUES (:h, :k, :r, :e, :b, :c, :x, :m, :t) RETURNING id",
          soci::use(d.household_id), soci::use(kind), soci::use(d.reason), soci::use(day), soci::use(d.decided_by),
          soci::use(d.created_at), soci::use(doc), soci::use(money), soci::use(rt, rti), soci::into(id);
    });
    return static_cast<std::int64_t>(id);
  } catch (const Refused& r) {
    return r.error;
  }
}

std::vector<RoundTable> PlanStore::round_tables(const std::string& household_id) {
  std::vector<RoundTable> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM round_table WHERE household_id = :h ORDER BY id", soci::use(household_id));
    for (auto& r : rs) out.push_back(round_table_from(r));
    for (auto& t : out) load_participants(sql, t);
  });
  return out;
}

std::optional<RoundTable> PlanStore::round_table(std::int64_t id) {
  std::optional<RoundTable> out;
  store_.read([&](soci::session& sql) {
    long long key = id;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM round_table WHERE id = :i", soci::use(key));
    for (auto& r : rs) out = round_table_from(r);
    if (out) load_participants(sql, *out);
  });
  return out;
}

Result<std::int64_t> PlanStore::add_round_table(const RoundTable& t) {
  long long id = 0;
  store_.write([&](soci::session& sql) {
    std::string from = format_date(t.window_from), to = format_date(t.window_to);
    std::string at = t.scheduled_at.value_or("");
    soci::indicator ai = t.scheduled_at ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO round_table (household_id, scheduled_at, agenda, minutes, title, status, duration_minutes, "
           "window_from, window_to, time_zone, location, created_by, created_at, sequence, version) "
           "VALUES (:h, :s, :a, :m, :t, :st, :d, :f, :to, :z, :l, :b, :c, 0, 1) RETURNING id",
        soci::use(t.household_id), soci::use(at, ai), soci::use(t.agenda), soci::use(t.minutes), soci::use(t.title),
        soci::use(t.status), soci::use(t.duration_minutes), soci::use(from), soci::use(to), soci::use(t.time_zone),
        soci::use(t.location), soci::use(t.created_by), soci::use(t.created_at), soci::into(id);
    for (auto& p : t.participants) insert_participant(sql, id, p);
  });
  return static_cast<std::int64_t>(id);
}

Result<int> PlanStore::save_round_table(const RoundTable& t) {
  try {
    store_.write([&](soci::session& sql) {
      long long id = t.id;
      std::string from = format_date(t.window_from), to = format_date(t.window_to);
      std::string at = t.scheduled_at.value_or("");
      soci::indicator ai = t.scheduled_at ? soci::i_ok : soci::i_null;
      soci::statement st =
          (sql.prepare << "UPDATE round_table SET scheduled_at = :s, agenda = :a, minutes = :m, title = :t, "
                          "status = :st, duration_minutes = :d, window_from = :f, window_to = :to, time_zone = :z, "
                          "location = :l, sequence = :q, version = version + 1 WHERE id = :i AND version = :v",
           soci::use(at, ai), soci::use(t.agenda), soci::use(t.minutes), soci::use(t.title), soci::use(t.status),
           soci::use(t.duration_minutes), soci::use(from), soci::use(to), soci::use(t.time_zone), soci::use(t.location),
           soci::use(t.sequence), soci::use(id), soci::use(t.version));
      st.execute(true);
      if (st.get_affected_rows() != 1)
        throw Refused{Error{ErrorCode::conflict, "the round table was changed by someone else; reload and try again"}};
      std::vector<long long> keep;
      for (auto& p : t.participants) {
        if (p.id == 0) {
          insert_participant(sql, t.id, p);
          continue;
        }
        long long pid = p.id;
        int required = p.required ? 1 : 0;
        std::string avail = availability_doc(p);
        sql << "UPDATE round_table_participant SET party_kind = :k, party_id = :pi, name = :n, email = :e, "
               "required = :r, time_zone = :z, availability = :a, attendance = :at WHERE id = :i AND "
               "round_table_id = :t",
            soci::use(p.party.kind), soci::use(p.party.id), soci::use(p.party.name), soci::use(p.email),
            soci::use(required), soci::use(p.time_zone), soci::use(avail), soci::use(p.attendance), soci::use(pid),
            soci::use(id);
        keep.push_back(pid);
      }
      // Participants left out of the list are no longer invited.
      std::vector<long long> stored;
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT id FROM round_table_participant WHERE round_table_id = :t", soci::use(id));
      for (auto& r : rs) stored.push_back(i64(r, "id"));
      for (auto pid : stored)
        if (std::find(keep.begin(), keep.end(), pid) == keep.end())
          sql << "DELETE FROM round_table_participant WHERE id = :i", soci::use(pid);
    });
    return t.version + 1;
  } catch (const Refused& r) {
    return r.error;
  }
}

std::optional<AftercareSchedule> PlanStore::aftercare_schedule(const std::string& household_id) {
  std::optional<AftercareSchedule> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM aftercare_schedule WHERE household_id = :h", soci::use(household_id));
    for (auto& r : rs)
      out =
          AftercareSchedule{household_id, must_date(str(r, "start_date")), static_cast<int>(i64(r, "interval_months"))};
  });
  return out;
}

Status PlanStore::set_aftercare(const AftercareSchedule& s, const std::string& by, const std::string& at,
                                std::optional<int> status_version) {
  try {
    store_.write([&](soci::session& sql) {
      if (status_version) {
        soci::statement st = (sql.prepare << "UPDATE household SET status = 'aftercare', version = version + 1 "
                                             "WHERE id = :i AND version = :v",
                              soci::use(s.household_id), soci::use(*status_version));
        st.execute(true);
        if (st.get_affected_rows() != 1)
          throw Refused{Error{ErrorCode::conflict, "the household was changed by someone else; reload and try again"}};
        insert_status_change(sql, s.household_id,
                             {domain::HouseholdStatus::aftercare, must_date(at.substr(0, 10)), by, ""}, at);
      }
      std::string start = format_date(s.start);
      sql << "DELETE FROM aftercare_schedule WHERE household_id = :h", soci::use(s.household_id);
      sql << "INSERT INTO aftercare_schedule (household_id, start_date, interval_months, set_by, set_at) "
             "VALUES (:h, :s, :n, :b, :a)",
          soci::use(s.household_id), soci::use(start), soci::use(s.interval_months), soci::use(by), soci::use(at);
    });
    return ok_status();
  } catch (const Refused& r) {
    return r.error;
  }
}

std::vector<AftercareContact> PlanStore::aftercare_contacts(const std::string& household_id) {
  std::vector<AftercareContact> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM aftercare_contact WHERE household_id = :h "
                                                 "ORDER BY contacted_on, id",
                                  soci::use(household_id));
    for (auto& r : rs)
      out.push_back(
          {i64(r, "id"), household_id, must_date(str(r, "contacted_on")), str(r, "note"), str(r, "recorded_by")});
  });
  return out;
}

Result<std::int64_t> PlanStore::add_aftercare_contact(const AftercareContact& c, const std::string& at) {
  long long id = 0;
  store_.write([&](soci::session& sql) {
    std::string on = format_date(c.contacted_on);
    sql << "INSERT INTO aftercare_contact (household_id, contacted_on, note, recorded_by, recorded_at) "
           "VALUES (:h, :o, :n, :b, :a) RETURNING id",
        soci::use(c.household_id), soci::use(on), soci::use(c.note), soci::use(c.recorded_by), soci::use(at),
        soci::into(id);
  });
  return static_cast<std::int64_t>(id);
}

std::vector<PlanStore::VersionRecord> PlanStore::versions(const std::string& household_id) {
  std::vector<VersionRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, plan_version, status, created_by, created_at, agreed_at FROM household_plan "
                        "WHERE household_id = :h ORDER BY plan_version",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({i64(r, "id"), static_cast<int>(i64(r, "plan_version")), str(r, "status"), str(r, "created_by"),
                     str(r, "created_at"), opt_str(r, "agreed_at")});
  });
  return out;
}

PlanStore::State PlanStore::state(const std::string& household_id) {
  State st;
  store_.query("SELECT COUNT(*) AS active, COUNT(agreed_at) AS agreed FROM household_plan "
               "WHERE household_id = :h AND status = 'active'",
               {household_id}, [&](const soci::row& r) {
                 st.active = static_cast<int>(i64(r, "active"));
                 st.agreed = i64(r, "agreed") > 0;
               });
  return st;
}

}  // namespace regie::store
