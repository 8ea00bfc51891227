// SQL for measurements and wishes; portable between SQLite and PostgreSQL.
#include "store/measurement_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {
namespace {

using domain::Measurement;
using domain::Wish;

Measurement measurement_from(const soci::row& r) {
  Measurement m;
  m.id = i64(r, "id");
  m.household_id = str(r, "household_id");
  m.member_id = str(r, "member_id");
  m.instrument = str(r, "instrument");
  m.instrument_version = str(r, "instrument_version");
  m.moment = str(r, "moment");
  m.measured_on = must_date(str(r, "measured_on"));
  m.filled_by = str(r, "filled_by");
  m.completed = str(r, "status") == "completed";
  m.recorded_by = str(r, "recorded_by");
  m.version = static_cast<int>(i64(r, "version"));
  return m;
}

Wish wish_from(const soci::row& r) {
  Wish w;
  w.id = i64(r, "id");
  w.household_id = str(r, "household_id");
  w.member_id = str(r, "member_id");
  w.dimension = str(r, "dimension");
  w.text = str(r, "text");
  w.created_by = str(r, "created_by");
  w.created_at = str(r, "created_at");
  w.version = static_cast<int>(i64(r, "version"));
  return w;
}

// Reads the measurements a query selects, with their answers.
std::vector<Measurement> load(soci::session& sql, const std::string& where, const std::string& param) {
  std::vector<Measurement> out;
  std::map<std::int64_t, std::size_t> index;
  {
    soci::rowset<soci::row> rs = param.empty()
                                     ? (sql.prepare << "SELECT * FROM measurement " + where + " ORDER BY id")
                                     : (sql.prepare << "SELECT * FROM measurement " + where + " ORDER BY id",
                                        soci::use(param));
    for (auto& r : rs) {
      index[i64(r, "id")] = out.size();
      out.push_back(measurement_from(r));
    }
  }
  if (out.empty()) return out;
  std::string answers_sql =
      "SELECT a.measurement_id, a.item, a.value FROM measurement_answer a JOIN measurement m ON m.id = "
      "a.measurement_id " + where;
  soci::rowset<soci::row> rs =
      param.empty() ? (sql.prepare << answers_sql) : (sql.prepare << answers_sql, soci::use(param));
  for (auto& r : rs) {
    auto it = index.find(i64(r, "measurement_id"));
    if (it != index.end()) out[it->second].answers[str(r, "item")] = static_cast<int>(i64(r, "value"));
  }
  return out;
}

}  // namespace

namespace {
long long insert_measurement(soci::session& sql, const Measurement& m) {
  long long id = 0;
  std::string on = format_date(m.measured_on), status = m.completed ? "completed" : "in_progress";
  sql << "INSERT INTO measurement (household_id, member_id, instrument, instrument_version, moment, measured_on, "
         "filled_by, status, recorded_by) VALUES (:h, :m, :i, :v, :t, :o, :f, :s, :r) RETURNING id",
      soci::use(m.household_id), soci::use(m.member_id), soci::use(m.instrument), soci::use(m.instrument_version),
      soci::use(m.moment), soci::use(on), soci::use(m.filled_by), soci::use(status), soci::use(m.recorded_by),
      soci::into(id);
  for (auto& [item, value] : m.answers) {
    int v = value;
    sql << "INSERT INTO measurement_answer (measurement_id, item, value) VALUES (:m, :i, :v)", soci::use(id),
        soci::use(item), soci::use(v);
  }
  return id;
}
}  // namespace

Result<std::int64_t> MeasurementStore::add(const Measurement& m) {
  long long id = 0;
  auto stored = write_checked(
      store_, [&](soci::session& sql) { id = insert_measurement(sql, m); },
      [&](const soci::soci_error&) {
        // The unique key is the only constraint a checked request can meet.
        return Error{ErrorCode::conflict, fmt::format("{} already has a {} measurement at {}", m.member_id,
                                                      m.instrument, m.moment)};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

Status MeasurementStore::add_all(const std::vector<Measurement>& ms) {
  return write_checked(
      store_,
      [&](soci::session& sql) {
        for (auto& m : ms) insert_measurement(sql, m);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict,
                     fmt::format("the measurements could not be stored: {}", constraint_reason(e))};
      });
}

std::optional<Measurement> MeasurementStore::get(std::int64_t id) {
  std::vector<Measurement> found;
  store_.read([&](soci::session& sql) { found = load(sql, "WHERE id = :p", std::to_string(id)); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Measurement> MeasurementStore::of_household(const std::string& household_id) {
  std::vector<Measurement> out;
  store_.read([&](soci::session& sql) { out = load(sql, "WHERE household_id = :p", household_id); });
  return out;
}

std::vector<Measurement> MeasurementStore::of_households(const std::vector<std::string>& household_ids) {
  if (household_ids.empty()) {
    std::vector<Measurement> out;
    store_.read([&](soci::session& sql) { out = load(sql, "", ""); });
    return out;
  }
  std::vector<Measurement> out;
  for (auto& h : household_ids) {
    auto part = of_household(h);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

Result<int> MeasurementStore::save_answers(std::int64_t id, int version,
                                           const std::map<std::string, std::optional<std::int64_t>>& answers,
                                           bool complete) {
  Result<int> result = 0;
  long long lid = id;
  store_.write([&](soci::session& sql) {
    result = bump_version(sql, "measurement", id, version);
    if (!result) return;
    for (auto& [item, value] : answers) {
      sql << "DELETE FROM measurement_answer WHERE measurement_id = :m AND item = :i", soci::use(lid), soci::use(item);
      if (!value) continue;
      int v = static_cast<int>(*value);
      sql << "INSERT INTO measurement_answer (measurement_id, item, value) VALUES (:m, :i, :v)", soci::use(lid),
          soci::use(item), soci::use(v);
    }
    if (complete) sql << "UPDATE measurement SET status = 'completed' WHERE id = :i", soci::use(lid);
  });
  return result;
}

Status MeasurementStore::remove(std::int64_t id, int version) {
  Result<int> result = 0;
  long long lid = id;
  store_.write([&](soci::session& sql) {
    result = bump_version(sql, "measurement", id, version);
    if (!result) return;
    sql << "DELETE FROM measurement_answer WHERE measurement_id = :m", soci::use(lid);
    sql << "DELETE FROM measurement WHERE id = :m", soci::use(lid);
  });
  if (!result) return result.error();
  return ok_status();
}

Result<std::int64_t> MeasurementStore::add_wish(const Wish& w) {
  long long id = 0;
  auto stored = write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO wish (household_id, member_id, dimension, text, created_by, created_at) "
               "VALUES (:h, :m, :d, :t, :b, :a) RETURNING id",
            soci::use(w.household_id), soci::use(w.member_id), soci::use(w.dimension), soci::use(w.text),
            soci::use(w.created_by), soci::use(w.created_at), soci::into(id);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the wish could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

std::optional<Wish> MeasurementStore::wish(std::int64_t id) {
  std::optional<Wish> out;
  long long lid = id;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM wish WHERE id = :i", soci::use(lid));
    for (auto& r : rs) out = wish_from(r);
  });
  return out;
}

std::vector<Wish> MeasurementStore::wishes(const std::string& household_id) {
  std::vector<Wish> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM wish WHERE household_id = :h ORDER BY id", soci::use(household_id));
    for (auto& r : rs) out.push_back(wish_from(r));
  });
  return out;
}

Result<int> MeasurementStore::update_wish(std::int64_t id, int version, const std::string& dimension,
                                          const std::string& text) {
  Result<int> result = 0;
  long long lid = id;
  store_.write([&](soci::session& sql) {
    result = bump_version(sql, "wish", id, version);
    if (!result) return;
    sql << "UPDATE wish SET dimension = :d, text = :t WHERE id = :i", soci::use(dimension), soci::use(text),
        soci::use(lid);
  });
  return result;
}

std::vector<MeasurementStore::Answer> MeasurementStore::answers(const std::string& household_id) {
  std::vector<Answer> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT m.member_id, m.instrument, m.moment, m.measured_on, a.item, a.value FROM "
                        "measurement m JOIN measurement_answer a ON a.measurement_id = m.id WHERE m.household_id = :h "
                        "ORDER BY m.member_id, m.instrument, m.moment, a.item",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({str(r, "member_id"), str(r, "instrument"), str(r, "moment"), str(r, "measured_on"),
                     str(r, "item"), i64(r, "value") * 1000});
  });
  return out;
}

}  // namespace regie::store
