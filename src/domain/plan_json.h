// The JSON shape of plan goals, party references and decision effects, shared
// by the store (which keeps a plan version's goals as one document) and the
// API. Parsing validates and names the offending element, e.g.
// "goals[1].actions[0].due_date: not a date (yyyy-mm-dd)".
#pragma once
#include <nlohmann/json.hpp>

#include "domain/mandate.h"
#include "domain/plan.h"

namespace regie::domain {

nlohmann::json to_json(const PartyRef& p);
nlohmann::json to_json(const PlanGoal& g);
nlohmann::json goals_to_json(const std::vector<PlanGoal>& goals);
nlohmann::json effect_to_json(const std::map<Category, Cents>& effect);

Result<PartyRef> party_from_json(const nlohmann::json& j, const std::string& field);
Result<std::vector<PlanGoal>> goals_from_json(const nlohmann::json& j, const std::string& field = "goals");
std::map<Category, Cents> effect_from_json(const nlohmann::json& j);

// A mandate grant as the API shows it: who granted it, when, for which kinds,
// in which words and for which period; with who recorded it for the director's
// own screens, without for a professional's shared plan.
nlohmann::json to_json(const MandateGrant& g, bool with_recorder);

}  // namespace regie::domain
