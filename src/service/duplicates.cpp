// Duplicate detection at intake; see duplicates.h.
#include "service/duplicates.h"

#include <fmt/format.h>

#include <cctype>
#include <map>

#include "common/bsn.h"
#include "domain/account.h"
#include "service/access.h"
#include "service/audit.h"
#include "store/account_store.h"
#include "store/household_store.h"

namespace regie::service {

std::string address_key(const std::string& text) {
  std::string out;
  for (unsigned char ch : text)
    if (std::isalnum(ch)) out.push_back(static_cast<char>(std::tolower(ch)));
  return out;
}

Result<std::vector<DuplicateMatch>> Duplicates::find(const Principal& who, const DuplicateQuery& q) {
  using domain::Role;
  const bool allowed = who.role == Role::director || who.role == Role::team_lead;
  if (!allowed) {
    record_access(store_, clock_, who, "household.duplicates", "*", false);
    return forbidden("team leads and directors register referrals");
  }
  const std::string address = address_key(q.address), postcode = address_key(q.postcode);
  if (address.empty() && q.bsns.empty()) return invalid("address or bsns: give at least one");
  if (q.bsns.size() > kMaxDuplicateBsns) return invalid(fmt::format("bsns: at most {}", kMaxDuplicateBsns));
  for (std::size_t i = 0; i < q.bsns.size(); ++i)
    if (!is_valid_bsn(q.bsns[i])) return invalid(fmt::format("bsns[{}]: nine digits that pass the 11-check", i));
  if (!q.bsns.empty() && !sealer_)
    return Error{ErrorCode::unavailable, "this server has no secret key for BSNs (--secret-key-file)"};

  store::HouseholdStore households(store_);
  std::map<std::string, DuplicateMatch> found;  // by household id, in id order
  std::map<std::string, std::vector<std::string>> matched_members;
  if (!address.empty()) {
    for (auto& s : households.list(std::nullopt, clock_.today())) {
      const auto& h = s.household;
      if (address_key(h.address) != address) continue;
      const std::string theirs = address_key(h.postcode);
      if (!postcode.empty() && !theirs.empty() && theirs != postcode) continue;
      found[h.id].same_address = true;
    }
  }
  if (!q.bsns.empty()) {
    for (auto& row : households.sealed_bsns()) {
      auto bsn = sealer_->open(row.sealed);
      if (!bsn) continue;
      for (std::size_t i = 0; i < q.bsns.size(); ++i) {
        if (q.bsns[i] != *bsn) continue;
        found[row.household_id].bsn_indexes.push_back(static_cast<int>(i));
        matched_members[row.household_id].push_back(row.member_id);
      }
    }
  }

  std::vector<DuplicateMatch> out;
  for (auto& [id, match] : found) {
    auto h = households.find(id);
    if (!h) continue;
    match.visible = is_assigned(store_, who, *h);
    if (auto a = store::AccountStore(store_).find(h->director)) match.director = a->display_name;
    const auto& members_hit = matched_members[id];
    if (match.visible) {
      match.household_id = h->id;
      match.family_name = h->family_name;
      match.status = std::string(domain::to_string(h->status));
      for (auto& m : households.members(id))
        for (auto& hit : members_hit)
          if (hit == m.id) match.member_names.push_back(m.given_name + (m.family_name.empty() ? "" : " " + m.family_name));
    }
    // The caller learns that this household exists, so it is a look at it;
    // a BSN match is a look at that member too.
    if (members_hit.empty())
      record_access(store_, clock_, who, "household.duplicates", id, true);
    for (auto& member : members_hit)
      record_access(store_, clock_, who, "household.duplicates", id, true, {}, {"member", member, member});
    out.push_back(std::move(match));
  }
  if (out.empty()) record_access(store_, clock_, who, "household.duplicates", "*", true);
  return out;
}

}  // namespace regie::service
