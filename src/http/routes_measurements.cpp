// Measurements, wishes for change and outcome reports; see docs/measurements.md.
#include <fmt/format.h>

#include "common/money.h"
#include "http/handler.h"
#include "interop/outcome_sheets.h"
#include "http/queries.h"
#include "service/measurements.h"

namespace regie::http {
namespace {

// `index_tariff`: whether the capability index can be computed, so that a screen
// can tell a missing tariff file from answers that are not complete yet.
json instrument_json(const domain::Instrument& in, bool index_tariff) {
  json scores = json::array(), groups = json::array();
  for (auto& [key, label] : in.score_keys()) scores.push_back({{"key", key}, {"label", label}});
  for (auto& g : in.groups) {
    json items = json::array();
    for (auto& i : g.items) {
      json choices = json::array();
      for (auto& c : i.choices) choices.push_back({{"value", c.value}, {"label", c.label}});
      items.push_back({{"key", i.key}, {"label", i.label}, {"min", i.min}, {"max", i.max}, {"choices", choices}});
    }
    groups.push_back({{"key", g.key}, {"label", g.label}, {"items", items}});
  }
  return {{"key", in.key},
          {"url", in.url},
          {"version", in.version},
          {"title", in.title},
          {"audience", in.audience},
          {"scoring", in.scoring == domain::Scoring::group_mean ? "group-mean" : "item"},
          {"scores", scores},
          {"groups", groups},
          {"index_tariff", index_tariff}};
}

json tenths_json(const std::optional<std::int64_t>& tenths) {
  if (!tenths) return nullptr;
  return static_cast<double>(*tenths) / 10.0;
}


json wish_json(const domain::Wish& w) {
  return {{"id", std::to_string(w.id)}, {"member_id", w.member_id},   {"dimension", w.dimension},
          {"text", w.text},             {"created_by", w.created_by}, {"created_at", w.created_at},
          {"version", w.version}};
}

// {item: whole number or null}; every bad entry is named.
Result<std::map<std::string, std::optional<std::int64_t>>> answers_from(const json& body) {
  std::map<std::string, std::optional<std::int64_t>> out;
  if (!body.contains("answers")) return out;
  if (!body["answers"].is_object()) return invalid("answers: an object of item: number");
  std::string problems;
  for (auto& [item, value] : body["answers"].items()) {
    if (value.is_null()) {
      out[item] = std::nullopt;
    } else if (value.is_number_integer()) {
      out[item] = value.get<std::int64_t>();
    } else {
      problems += (problems.empty() ? "" : "\n") + fmt::format("answers.{}: a whole number or null", item);
    }
  }
  if (!problems.empty()) return invalid(problems);
  return out;
}

}  // namespace

json measurement_json(const service::MeasurementView& v) {
  auto& m = v.measurement;
  json answers = json::object(), scores = json::object();
  for (auto& [item, value] : m.answers) answers[item] = value;
  for (auto& [key, tenths] : v.score_tenths) scores[key] = tenths_json(tenths);
  json index = nullptr;
  if (v.index_millionths) index = static_cast<double>(*v.index_millionths) / 1e6;
  return {{"id", std::to_string(m.id)},
          {"household_id", m.household_id},
          {"member_id", m.member_id},
          {"instrument", m.instrument},
          {"instrument_version", m.instrument_version},
          {"moment", m.moment},
          {"measured_on", format_date(m.measured_on)},
          {"filled_by", m.filled_by},
          {"status", m.completed ? "completed" : "in_progress"},
          {"version", m.version},
          {"recorded_by", m.recorded_by},
          {"answers", answers},
          {"missing", v.missing},
          {"scores", scores},
          {"index", index}};
}

void add_measurement_routes(Api& api) {
  auto& http = api.http;
  // Without definitions there is nothing to measure with: say so instead of 404.
  if (!api.instruments) {
    auto unavailable = [](const httplib::Request&, httplib::Response& res) {
      send_error(res, Error{ErrorCode::unavailable, "no questionnaire definitions are configured"});
    };
    for (auto path : {std::string("/api/v1/questionnaires"), std::string("/api/v1/outcomes"),
                      kHouseholdPath + "/(measurements|wishes|outcomes).*"})
      http.Get(path, unavailable);
    http.Post(kHouseholdPath + "/(measurements|wishes).*", unavailable);
    http.Put(kHouseholdPath + "/(measurements|wishes).*", unavailable);
    return;
  }
  auto service = std::make_shared<service::Measurements>(api.store, api.clock, api.instruments);
  Routes routes(api);

  routes.get("/api/v1/questionnaires", [service](const Call&) {
    json list = json::array();
    auto& all = service->instruments();
    for (auto& [key, in] : all.by_key) list.push_back(instrument_json(in, all.tariffs.contains(key)));
    return ok({{"questionnaires", list}});
  });

  const std::string measurements = kHouseholdPath + "/measurements";
  routes.get(measurements, [service](const Call& c) {
    return list("measurements", service->list(c.who, c.household()), measurement_json);
  });
  routes.post(measurements, [service](const Call& c) -> Answer {
    FieldReader f(c.body);
    service::NewMeasurement m;
    m.member_id = f.text("member_id");
    m.instrument = f.text("instrument");
    m.instrument_version = f.text("instrument_version");
    m.moment = f.text("moment");
    m.filled_by = f.text("filled_by");
    m.measured_on = f.optional_date("measured_on");
    if (!f.ok()) return f.error();
    return answer(service->start(c.who, c.household(), m), measurement_json, 201);
  });
  const std::string one = measurements + "/" + kIdSegment;
  const auto id_first = Need::record_ids({2});
  routes.get(one, [service](const Call& c) {
    return answer(service->get(c.who, c.household(), c.id(2)), measurement_json);
  }, id_first);
  routes.put(one, [service](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto version = f.integer("version");
    auto instrument_version = f.text("instrument_version");
    if (!f.ok()) return f.error();
    auto answers = answers_from(c.body);
    if (!answers) return answers.error();
    if (c.body.contains("complete") && !c.body["complete"].is_boolean()) return invalid("complete: true or false");
    service::AnswerUpdate u{static_cast<int>(version), instrument_version, std::move(*answers),
                            c.body.value("complete", false)};
    return answer(service->save(c.who, c.household(), c.id(2), u), measurement_json);
  }, id_first);
  routes.del(one, [service](const Call& c) -> Answer {
    auto version = parse_fixed(c.param("version"), 0);
    if (!version) return invalid("version: the version you last saw, as ?version=N");
    if (auto st = service->remove(c.who, c.household(), c.id(2), static_cast<int>(*version)); !st) return st.error();
    return no_content();
  }, id_first);
  routes.get(one + "/questionnaire-response", [service](const Call& c) -> Answer {
    auto r = service->questionnaire_response(c.who, c.household(), c.id(2));
    if (!r) return r.error();
    c.res.status = 200;
    c.res.set_content(r->dump(), "application/fhir+json; charset=utf-8");
    return written();
  }, id_first);

  const std::string wishes = kHouseholdPath + "/wishes";
  routes.get(wishes, [service](const Call& c) { return list("wishes", service->wishes(c.who, c.household()), wish_json); });
  routes.post(wishes, [service](const Call& c) -> Answer {
    FieldReader f(c.body);
    domain::Wish w;
    w.member_id = f.text("member_id");
    w.dimension = f.text("dimension");
    w.text = f.text("text");
    if (!f.ok()) return f.error();
    return answer(service->add_wish(c.who, c.household(), w), wish_json, 201);
  });
  routes.put(wishes + "/" + kIdSegment, [service](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto version = f.integer("version");
    auto dimension = f.text("dimension"), text = f.text("text");
    if (!f.ok()) return f.error();
    return answer(service->update_wish(c.who, c.household(), c.id(2), static_cast<int>(version), dimension, text),
                  wish_json);
  }, id_first);

  auto outcomes = [service, instruments = api.instruments](const Call& c, const std::vector<std::string>& ids) -> Answer {
    auto t = service->outcomes(c.who, ids);
    if (!t) return t.error();
    // CSV keeps the contract's columns; the workbook is for people.
    send_table(c.req, c.res, *t, "uitkomsten", interop::outcome_sheets(*t, instruments.get()));
    return written();
  };
  routes.get(kHouseholdPath + "/outcomes", [outcomes](const Call& c) { return outcomes(c, {c.household()}); });
  routes.get("/api/v1/outcomes", [outcomes](const Call& c) { return outcomes(c, id_list(c.req, "households")); });
}

}  // namespace regie::http
