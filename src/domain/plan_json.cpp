// JSON mapping and validation of plan goals.
#include "domain/plan_json.h"

#include <fmt/format.h>

namespace regie::domain {

using nlohmann::json;

namespace {

constexpr std::string_view kPartyKinds[] = {"professional", "member", "director", "other"};

Result<std::string> text(const json& j, const char* name, const std::string& field, bool required) {
  if (!j.contains(name) || j[name].is_null()) {
    if (required) return invalid(fmt::format("{}.{}: required", field, name));
    return std::string();
  }
  if (!j[name].is_string()) return invalid(fmt::format("{}.{}: must be a string", field, name));
  return j[name].get<std::string>();
}

}  // namespace

json to_json(const PartyRef& p) { return {{"kind", p.kind}, {"id", p.id}, {"name", p.name}}; }

json to_json(const PlanGoal& g) {
  json actions = json::array();
  for (auto& a : g.actions)
    actions.push_back({{"text", a.text},
                       {"responsible", to_json(a.responsible)},
                       {"due_date", a.due ? json(format_date(*a.due)) : json(nullptr)},
                       {"status", a.status}});
  return {{"life_domain", g.life_domain},
          {"member_ids", g.member_ids},
          {"wish_id", g.wish_id ? json(*g.wish_id) : json(nullptr)},
          {"household_words", g.household_words},
          {"professional_words", g.professional_words},
          {"status", g.status},
          {"actions", actions}};
}

json goals_to_json(const std::vector<PlanGoal>& goals) {
  json out = json::array();
  for (auto& g : goals) out.push_back(to_json(g));
  return out;
}

json effect_to_json(const std::map<Category, Cents>& effect) {
  json out = json::object();
  for (auto& [c, v] : effect) out[std::string(to_string(c))] = v;
  return out;
}

std::map<Category, Cents> effect_from_json(const json& j) {
  std::map<Category, Cents> out;
  if (!j.is_object()) return out;
  for (auto& [key, value] : j.items())
    if (auto c = parse_category(key); c && value.is_number_integer()) out[*c] = value.get<Cents>();
  return out;
}

Result<PartyRef> party_from_json(const json& j, const std::string& field) {
  if (!j.is_object()) return invalid(fmt::format("{}: must be an object with kind and id", field));
  PartyRef p;
  auto kind = text(j, "kind", field, true);
  if (!kind) return kind.error();
  if (std::find(std::begin(kPartyKinds), std::end(kPartyKinds), *kind) == std::end(kPartyKinds))
    return invalid(fmt::format("{}.kind: professional, member, director or other", field));
  auto id = text(j, "id", field, *kind != "other");
  auto name = text(j, "name", field, *kind == "other");
  if (!id) return id.error();
  if (!name) return name.error();
  return PartyRef{*kind, *id, *name};
}

Result<std::vector<PlanGoal>> goals_from_json(const json& j, const std::string& field) {
  if (!j.is_array()) return invalid(fmt::format("{}: must be a list", field));
  std::vector<PlanGoal> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string gf = fmt::format("{}[{}]", field, i);
    const json& g = j[i];
    if (!g.is_object()) return invalid(fmt::format("{}: must be an object", gf));
    PlanGoal goal;
    auto dom = text(g, "life_domain", gf, true);
    if (!dom) return dom.error();
    if (!is_life_domain(*dom)) return invalid(fmt::format("{}.life_domain: not a life domain", gf));
    goal.life_domain = *dom;
    if (g.contains("member_ids") && !g["member_ids"].is_null()) {
      if (!g["member_ids"].is_array()) return invalid(fmt::format("{}.member_ids: must be a list", gf));
      for (auto& m : g["member_ids"]) {
        if (!m.is_string()) return invalid(fmt::format("{}.member_ids: must hold member ids", gf));
        goal.member_ids.push_back(m.get<std::string>());
      }
    }
    auto wish = text(g, "wish_id", gf, false);
    auto hw = text(g, "household_words", gf, false);
    auto pw = text(g, "professional_words", gf, false);
    auto st = text(g, "status", gf, false);
    for (auto* r : {&wish, &hw, &pw, &st})
      if (!*r) return r->error();
    if (!wish->empty()) goal.wish_id = *wish;
    goal.household_words = *hw;
    goal.professional_words = *pw;
    if (goal.household_words.empty() && goal.professional_words.empty())
      return invalid(fmt::format("{}: the household's words or the professional wording is required", gf));
    if (!st->empty()) {
      if (!is_goal_status(*st)) return invalid(fmt::format("{}.status: open, in_progress, achieved or dropped", gf));
      goal.status = *st;
    }
    if (g.contains("actions") && !g["actions"].is_null()) {
      if (!g["actions"].is_array()) return invalid(fmt::format("{}.actions: must be a list", gf));
      for (std::size_t k = 0; k < g["actions"].size(); ++k) {
        const std::string af = fmt::format("{}.actions[{}]", gf, k);
        const json& a = g["actions"][k];
        if (!a.is_object()) return invalid(fmt::format("{}: must be an object", af));
        PlanAction action;
        auto t = text(a, "text", af, true);
        if (!t) return t.error();
        if (t->empty()) return invalid(fmt::format("{}.text: required", af));
        action.text = *t;
        if (!a.contains("responsible")) return invalid(fmt::format("{}.responsible: required", af));
        auto resp = party_from_json(a["responsible"], af + ".responsible");
        if (!resp) return resp.error();
        action.responsible = *resp;
        auto due = text(a, "due_date", af, false);
        if (!due) return due.error();
        if (!due->empty()) {
          auto d = parse_date(*due);
          if (!d) return invalid(fmt::format("{}.due_date: not a date (yyyy-mm-dd)", af));
          action.due = *d;
        }
        auto ast = text(a, "status", af, false);
        if (!ast) return ast.error();
        if (!ast->empty()) {
          if (!is_action_status(*ast)) return invalid(fmt::format("{}.status: open, in_progress, done or dropped", af));
          action.status = *ast;
        }
        goal.actions.push_back(action);
      }
    }
    out.push_back(goal);
  }
  return out;
}

json to_json(const MandateGrant& g, bool with_recorder) {
  json kinds = json::array();
  for (auto k : g.kinds) kinds.push_back(std::string(to_string(k)));
  json out = {{"id", g.id},
              {"granted_by", g.granted_by},
              {"granted_on", format_date(g.granted_on)},
              {"kinds", kinds},
              {"scope", g.scope},
              {"valid_from", format_date(g.valid_from)},
              {"valid_to", g.valid_to ? json(format_date(*g.valid_to)) : json(nullptr)}};
  if (with_recorder) {
    out["recorded_by"] = g.recorded_by;
    out["recorded_by_name"] = g.recorded_by_name;
    out["recorded_at"] = g.recorded_at;
  }
  return out;
}

}  // namespace regie::domain
