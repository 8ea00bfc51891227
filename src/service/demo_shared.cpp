// The demo professional's families: consent, a shared plan with actions for
// them, and a round table they are invited to, so that a professional's start
// page and shared plan can be tried (see demo_shared.h).
#include "service/demo_shared.h"

#include "store/mandate_store.h"

#include <algorithm>

#include "store/consent_store.h"
#include "store/plan_store.h"

namespace regie::service {
namespace {

using domain::PartyRef;
using domain::PlanAction;
using domain::PlanGoal;

// The social worker of the demo: on the care team of three families
// (Hermans, Lemmens, Smeets); Lemmens and Smeets consent, Hermans does not.
constexpr const char* kProfessional = "PRO012";

struct Family {
  std::string household, director, director_name;
  std::vector<domain::Member> members;
};

PlanGoal goal(const char* domain, std::vector<std::string> members, const char* words, const char* wording,
              std::vector<PlanAction> actions) {
  PlanGoal g;
  g.life_domain = domain;
  g.member_ids = std::move(members);
  g.household_words = words;
  g.professional_words = wording;
  g.actions = std::move(actions);
  return g;
}

Status record_family(store::Store& store, const Family& f, const domain::Professional& pro,
                     const std::vector<std::string>& consenting, std::vector<PlanGoal> goals, Date today) {
  store::ConsentStore consents(store);
  for (auto& member : consenting) {
    domain::Consent c;
    c.household_id = f.household;
    c.member_id = member;
    c.organisation_id = pro.organisation_id;
    c.given_on = Date{today.days - 30};
    c.recorded_by = f.director;
    if (auto id = consents.add(c); !id) return id.error();
  }
  store::PlanStore plans(store);
  domain::HouseholdPlan plan;
  plan.household_id = f.household;
  plan.goals = std::move(goals);
  plan.created_by = f.director;
  plan.created_at = format_date(Date{today.days - 14}) + "T10:00:00Z";
  auto version = plans.add_plan_version(plan, 0);
  if (!version) return version.error();
  const auto& first = f.members.front();
  const PartyRef parent{"member", first.id, first.given_name + " " + first.family_name};
  if (auto st = plans.agree_plan(f.household, *version, {parent}, Date{today.days - 14}, f.director); !st) return st;

  // The mandate as the municipality granted it, so the professional sees who gave it and for what.
  domain::MandateGrant grant;
  grant.household_id = f.household;
  grant.granted_by = "Teamleider Sociaal Domein, gemeente Maastricht";
  grant.granted_on = Date{today.days - 31};
  grant.kinds = {domain::DecisionKind::stop, domain::DecisionKind::start, domain::DecisionKind::scale_up,
                 domain::DecisionKind::scale_down, domain::DecisionKind::replace};
  grant.scope = "Ondersteuning uit de Jeugdwet, de Wmo en de Participatiewet; GGZ in overleg met de zorgverzekeraar.";
  grant.valid_from = Date{today.days - 30};
  grant.valid_to = Date{today.days + 335};
  grant.recorded_by = f.director;
  grant.recorded_at = plan.created_at;
  if (auto id = store::MandateStore(store).add_grant(grant); !id) return id.error();

  domain::RoundTable rt;
  rt.household_id = f.household;
  rt.title = "Ronde tafel gezin " + first.family_name;
  rt.window_from = Date{today.days + 7};
  rt.window_to = Date{today.days + 35};
  rt.location = "Wijkcentrum";
  rt.agenda = "Het gezinsplan: wat is gelukt, wat is nog nodig";
  rt.created_by = f.director;
  rt.created_at = plan.created_at;
  rt.participants.push_back({0, parent, "", true, "", {}, "unknown"});
  rt.participants.push_back({0, {"professional", pro.id, pro.name}, "", true, "", {}, "unknown"});
  rt.participants.push_back({0, {"director", f.director, f.director_name}, "", true, "", {}, "unknown"});
  if (auto id = plans.add_round_table(rt); !id) return id.error();
  return ok_status();
}

}  // namespace

std::optional<std::string> demo_professional(const store::Bundle& bundle) {
  for (auto& p : bundle.professionals)
    if (p.id == kProfessional) return p.id;
  return std::nullopt;
}

Status add_demo_shared_plans(store::Store& store, const store::Bundle& bundle, Date today) {
  auto pro = std::find_if(bundle.professionals.begin(), bundle.professionals.end(),
                          [](auto& p) { return p.id == kProfessional; });
  if (pro == bundle.professionals.end()) return ok_status();  // another data file: nothing to add
  auto family = [&](const std::string& id) -> std::optional<Family> {
    auto h = std::find_if(bundle.households.begin(), bundle.households.end(), [&](auto& x) { return x.id == id; });
    if (h == bundle.households.end()) return std::nullopt;
    Family f{h->id, h->director, h->director, {}};
    for (auto& a : bundle.accounts)
      if (a.username == h->director) f.director_name = a.display_name;
    for (auto& m : bundle.members)
      if (m.household_id == id) f.members.push_back(m);
    if (f.members.size() < 3) return std::nullopt;
    return f;
  };
  auto lemmens = family("BZHH08"), smeets = family("BZHH09");
  if (!lemmens || !smeets) return ok_status();
  const PartyRef me{"professional", pro->id, pro->name};
  auto in = [&](int days) { return std::optional<Date>(Date{today.days + days}); };

  // Lemmens: every member consents, so the whole plan is shared.
  const PartyRef lemmens_director{"director", lemmens->director, lemmens->director_name};
  const auto& ingrid = lemmens->members[0];
  const auto& luuk = lemmens->members[2];
  std::vector<std::string> everyone;
  for (auto& m : lemmens->members) everyone.push_back(m.id);
  std::vector<PlanGoal> lemmens_goals{
      goal("finances", {ingrid.id}, "Ik wil weer weten wat er binnenkomt en wat eruit gaat.",
           "Overzicht van inkomsten, uitgaven en post; vaste lasten op tijd betaald.",
           {{"Samen met Ingrid de post van deze maand doorlopen", me, in(10), "open"},
            {"Aanvraag schuldhulp indienen", {"member", ingrid.id, ingrid.given_name + " " + ingrid.family_name},
             in(30), "open"}}),
      goal("daily_functioning", {}, "Elke week weten wie wat doet in huis.",
           "Een vaste weekplanning voor het hele gezin.",
           {{"Weekplanning maken met het gezin", me, in(21), "open"},
            {"Weekplanning bespreken aan de ronde tafel", lemmens_director, in(35), "open"}}),
      goal("school_work", {luuk.id}, "Luuk wil weer elke dag naar school.", "Schoolgang van Luuk herstellen.",
           {{"Gesprek met de mentor van Luuk", lemmens_director, in(14), "open"}})};
  if (auto st = record_family(store, *lemmens, *pro, everyone, std::move(lemmens_goals), today); !st) return st;

  // Smeets: only Wendy consents, so only her goals are shared.
  const PartyRef smeets_director{"director", smeets->director, smeets->director_name};
  const auto& wendy = smeets->members[0];
  const auto& john = smeets->members[1];
  std::vector<PlanGoal> smeets_goals{
      goal("mental_wellbeing", {wendy.id}, "Ik wil minder piekeren over geld en post.",
           "Minder zorgen; wekelijks steun bij post en geldzaken.",
           {{"Wekelijks gesprek met Wendy over zorgen en post", me, in(7), "open"},
            {"Wendy aanmelden bij de lotgenotengroep", me, in(28), "open"}}),
      goal("housing", {}, "Een huis waar we allemaal passen.", "Passende woonruimte voor het gezin.",
           {{"Urgentieaanvraag bij de woningcorporatie", smeets_director, in(30), "open"}}),
      goal("participation", {john.id}, "John wil weer aan het werk.", "Traject naar betaald werk voor John.",
           {{"Intake bij het werkgeversservicepunt", smeets_director, in(21), "open"}})};
  return record_family(store, *smeets, *pro, {wendy.id}, std::move(smeets_goals), today);
}

}  // namespace regie::service
