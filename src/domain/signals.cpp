// The rules behind each stacking signal, and the care-map counts.
#include "domain/signals.h"

#include <fmt/format.h>

#include <array>
#include <set>

namespace regie::domain {
namespace {

constexpr std::array<std::pair<SignalCode, std::string_view>, 6> kCodes{{
    {SignalCode::stacking, "stacking"},
    {SignalCode::several_plans, "several_plans"},
    {SignalCode::one_provider_several_members, "one_provider_several_members"},
    {SignalCode::several_ggz_providers, "several_ggz_providers"},
    {SignalCode::many_professionals, "many_professionals"},
    {SignalCode::overlapping_coaching, "overlapping_coaching"},
}};

std::string name_or_id(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second;
}

std::string member_name(const CareMapInput& in, const std::optional<std::string>& id) {
  if (!id) return "the whole household";
  for (auto& m : in.members)
    if (m.id == *id) return m.given_name;
  return *id;
}

bool overlaps(const Provision& p, Date from, Date to) { return p.start <= to && (!p.end || *p.end >= from); }

}  // namespace

std::string_view to_string(SignalCode c) {
  for (auto& [code, name] : kCodes)
    if (code == c) return name;
  return "";
}

std::optional<SignalCode> parse_signal_code(std::string_view s) {
  for (auto& [code, name] : kCodes)
    if (name == s) return code;
  return std::nullopt;
}

Date months_before(Date on, int months) {
  auto iso = format_date(on);
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  int total = y * 12 + (m - 1) - months;
  y = total / 12;
  m = total % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = kDays[m - 1] + (m == 2 && days_in_year(y) == 366 ? 1 : 0);
  return make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(std::min(d, last)));
}

std::vector<Signal> stacking_signals(const CareMapInput& in, Date on, const SignalThresholds& t) {
  std::vector<Signal> out;
  std::vector<const Provision*> active;
  for (auto& p : in.provisions)
    if (p.active_on(on)) active.push_back(&p);

  // (1) Three or more provisions in the four municipal domains, without coordination.
  {
    Signal s{SignalCode::stacking, {}, ""};
    for (auto* p : active)
      if (p->domain == Domain::wmo || p->domain == Domain::jeugd || p->domain == Domain::participatie ||
          p->domain == Domain::schuldhulp)
        s.provisions.push_back(p->id);
    if (static_cast<int>(s.provisions.size()) >= t.stacking_min && !in.coordinated) {
      s.detail = fmt::format("{} provisions in Wmo, Youth, Participation and debt relief, and no agreed household plan",
                             s.provisions.size());
      out.push_back(std::move(s));
    }
  }
  // (2) More than one household plan in force.
  if (in.active_plans >= t.several_plans_min)
    out.push_back({SignalCode::several_plans, {}, fmt::format("{} household plans are in force", in.active_plans)});
  // (3) One provider serving several members under separate provisions.
  {
    std::map<std::string, std::map<std::string, std::vector<std::string>>> by_provider;  // provider -> member -> ids
    for (auto* p : active)
      if (p->member_id) by_provider[p->provider_id][*p->member_id].push_back(p->id);
    for (auto& [provider, members] : by_provider) {
      if (members.size() < 2) continue;
      Signal s{SignalCode::one_provider_several_members, {}, ""};
      std::string who;
      for (auto& [member, ids] : members) {
        s.provisions.insert(s.provisions.end(), ids.begin(), ids.end());
        who += (who.empty() ? "" : ", ") + member_name(in, member);
      }
      s.detail = fmt::format("{} serves {} under separate provisions: a candidate for one arrangement for the family",
                             name_or_id(in.provider_names, provider), who);
      out.push_back(std::move(s));
    }
  }
  // (4) More than one GGZ provider for one person.
  {
    std::map<std::string, std::map<std::string, std::string>> ggz;  // member -> provider -> provision id
    for (auto* p : active)
      if (p->domain == Domain::zvw_ggz && p->member_id) ggz[*p->member_id].emplace(p->provider_id, p->id);
    for (auto& [member, providers] : ggz) {
      if (providers.size() < 2) continue;
      Signal s{SignalCode::several_ggz_providers, {}, ""};
      for (auto& [provider, id] : providers) s.provisions.push_back(id);
      s.detail = fmt::format("{} has {} GGZ providers", member_name(in, member), providers.size());
      out.push_back(std::move(s));
    }
  }
  // (5) Many professionals in the window (provisions overlapping it, ended or not).
  {
    const Date from = months_before(on, t.professionals_window_months);
    std::set<std::string> people;
    Signal s{SignalCode::many_professionals, {}, ""};
    for (auto& p : in.provisions)
      if (p.professional_id && overlaps(p, from, on)) {
        people.insert(*p.professional_id);
        s.provisions.push_back(p.id);
      }
    if (static_cast<int>(people.size()) >= t.many_professionals_min) {
      s.detail = fmt::format("{} different professionals in the last {} months", people.size(),
                             t.professionals_window_months);
      out.push_back(std::move(s));
    }
  }
  // (6) Overlapping coaching towards self-reliance.
  {
    Signal s{SignalCode::overlapping_coaching, {}, ""};
    std::set<std::string> providers;
    for (auto* p : active)
      if (p->coaching) {
        s.provisions.push_back(p->id);
        providers.insert(p->provider_id);
      }
    if (static_cast<int>(s.provisions.size()) >= t.coaching_min && providers.size() >= 2) {
      s.detail = fmt::format("{} provisions coach towards self-reliance, from {} providers", s.provisions.size(),
                             providers.size());
      out.push_back(std::move(s));
    }
  }
  return out;
}

CareMapCounts care_map_counts(const std::vector<Provision>& provisions, Date on, const SignalThresholds& t) {
  CareMapCounts c;
  std::set<std::string> providers, professionals;
  for (auto& p : provisions) {
    if (!p.active_on(on)) continue;
    providers.insert(p.provider_id);
    if (p.professional_id) professionals.insert(*p.professional_id);
    ++c.provisions_per_domain[p.domain];
  }
  c.providers = static_cast<int>(providers.size());
  c.professionals = static_cast<int>(professionals.size());
  // A professional joined in the window when their first provision starts in it,
  // and left when their last one ends in it.
  const Date from = months_before(on, t.turnover_window_months);
  std::map<std::string, std::pair<Date, Date>> span;  // first start, last end (open = kOpenEnd)
  for (auto& p : provisions) {
    if (!p.professional_id || p.start > on) continue;
    Date end = p.end ? *p.end : kOpenEnd;
    auto [it, added] = span.emplace(*p.professional_id, std::pair{p.start, end});
    if (!added) {
      it->second.first = std::min(it->second.first, p.start);
      it->second.second = std::max(it->second.second, end);
    }
  }
  for (auto& [who, s] : span) {
    bool joined = s.first > from && s.first <= on;
    bool left = s.second >= from && s.second < on;
    c.turnover += joined || left;
  }
  return c;
}

}  // namespace regie::domain
