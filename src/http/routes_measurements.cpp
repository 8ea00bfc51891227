// Measurements, wishes for change and outcome reports; see docs/measurements.md.
#include <fmt/format.h>

#include "common/money.h"
#include "http/api.h"
#include "service/measurements.h"

namespace regie::http {
namespace {

json instrument_json(const domain::Instrument& in) {
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
          {"groups", groups}};
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
  auto auth = api.require_principal;

  http.Get("/api/v1/questionnaires", [service, auth](const httplib::Request& req, httplib::Response& res) {
    if (!auth(req, res)) return;
    json list = json::array();
    for (auto& [key, in] : service->instruments().by_key) list.push_back(instrument_json(in));
    send_json(res, 200, {{"questionnaires", list}});
  });

  const std::string measurements = kHouseholdPath + "/measurements";
  http.Get(measurements, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->list(*p, req.matches[1]);
    if (!list) return send_error(res, list.error());
    send_list(res, "measurements", *list, measurement_json);
  });
  http.Post(measurements, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    service::NewMeasurement m;
    std::string problems;
    auto take = [&](const char* name, std::string& into) {
      auto v = string_field(*body, name);
      if (!v) problems += (problems.empty() ? "" : "\n") + v.error().message;
      else into = *v;
    };
    take("member_id", m.member_id);
    take("instrument", m.instrument);
    take("instrument_version", m.instrument_version);
    take("moment", m.moment);
    take("filled_by", m.filled_by);
    auto on = string_field(*body, "measured_on", false);
    if (!on) {
      problems += (problems.empty() ? "" : "\n") + on.error().message;
    } else if (!on->empty()) {
      m.measured_on = parse_date(*on);
      if (!m.measured_on) problems += (problems.empty() ? "" : "\n") + std::string("measured_on: not a date (yyyy-mm-dd)");
    }
    if (!problems.empty()) return send_error(res, invalid(problems));
    auto v = service->start(*p, req.matches[1], m);
    if (!v) return send_error(res, v.error());
    send_json(res, 201, measurement_json(*v));
  });
  const std::string one = measurements + "/" + kIdSegment;
  http.Get(one, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto v = service->get(*p, req.matches[1], *id);
    if (!v) return send_error(res, v.error());
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, measurement_json(*v));
  });
  http.Put(one, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto version = integer_field(*body, "version");
    if (!version) return send_error(res, version.error());
    auto instrument_version = string_field(*body, "instrument_version");
    if (!instrument_version) return send_error(res, instrument_version.error());
    auto answers = answers_from(*body);
    if (!answers) return send_error(res, answers.error());
    if (body->contains("complete") && !(*body)["complete"].is_boolean())
      return send_error(res, invalid("complete: true or false"));
    service::AnswerUpdate u{static_cast<int>(*version), *instrument_version, std::move(*answers),
                            body->value("complete", false)};
    auto v = service->save(*p, req.matches[1], *id, u);
    if (!v) return send_error(res, v.error());
    send_json(res, 200, measurement_json(*v));
  });
  http.Delete(one, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto version = parse_fixed(req.has_param("version") ? req.get_param_value("version") : "", 0);
    if (!version) return send_error(res, invalid("version: the version you last saw, as ?version=N"));
    auto st = service->remove(*p, req.matches[1], *id, static_cast<int>(*version));
    if (!st) return send_error(res, st.error());
    res.status = 204;
  });
  http.Get(one + "/questionnaire-response", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto r = service->questionnaire_response(*p, req.matches[1], *id);
    if (!r) return send_error(res, r.error());
    res.set_header("Cache-Control", "no-store");
    res.status = 200;
    res.set_content(r->dump(), "application/fhir+json; charset=utf-8");
  });

  const std::string wishes = kHouseholdPath + "/wishes";
  http.Get(wishes, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto list = service->wishes(*p, req.matches[1]);
    if (!list) return send_error(res, list.error());
    send_list(res, "wishes", *list, wish_json);
  });
  http.Post(wishes, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto member = string_field(*body, "member_id"), dimension = string_field(*body, "dimension"),
         text = string_field(*body, "text");
    for (auto* f : {&member, &dimension, &text})
      if (!*f) return send_error(res, f->error());
    domain::Wish w;
    w.member_id = *member;
    w.dimension = *dimension;
    w.text = *text;
    auto stored = service->add_wish(*p, req.matches[1], w);
    if (!stored) return send_error(res, stored.error());
    send_json(res, 201, wish_json(*stored));
  });
  http.Put(wishes + "/" + kIdSegment, [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto id = record_id(req.matches[2]);
    if (!id) return send_error(res, id.error());
    auto body = object_body(req);
    if (!body) return send_error(res, body.error());
    auto version = integer_field(*body, "version");
    if (!version) return send_error(res, version.error());
    auto dimension = string_field(*body, "dimension"), text = string_field(*body, "text");
    for (auto* f : {&dimension, &text})
      if (!*f) return send_error(res, f->error());
    auto stored = service->update_wish(*p, req.matches[1], *id, static_cast<int>(*version), *dimension, *text);
    if (!stored) return send_error(res, stored.error());
    send_json(res, 200, wish_json(*stored));
  });

  http.Get(kHouseholdPath + "/outcomes", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    auto t = service->outcomes(*p, {req.matches[1]});
    if (!t) return send_error(res, t.error());
    send_table(req, res, *t, "uitkomsten");
  });
  http.Get("/api/v1/outcomes", [service, auth](const httplib::Request& req, httplib::Response& res) {
    auto p = auth(req, res);
    if (!p) return;
    std::vector<std::string> ids;
    if (req.has_param("households")) {
      auto list = req.get_param_value("households");
      for (std::size_t start = 0; start <= list.size();) {
        auto comma = list.find(',', start);
        auto id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!id.empty()) ids.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    auto t = service->outcomes(*p, ids);
    if (!t) return send_error(res, t.error());
    send_table(req, res, *t, "uitkomsten");
  });
}

}  // namespace regie::http
