// Before a second file is made for a family Regie already knows: which
// households share the address or a member's BSN with a new referral. The
// caller learns only what they may know: the file itself (its id, name and
// the matching members) when they work on it, otherwise only that one exists
// and who directs it. Every match is audited as a look at that household.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

struct DuplicateQuery {
  std::string address;   // street and number, as typed
  std::string postcode;  // optional; narrows the address when both sides have one
  std::vector<std::string> bsns;
};

struct DuplicateMatch {
  bool visible = false;  // the caller works on this household (whole file)
  std::string director;  // the director's display name; empty when none is assigned
  bool same_address = false;
  std::vector<int> bsn_indexes;  // which of the query's BSNs (0-based) belong to one of its members
  // Only when visible:
  std::string household_id, family_name, status;
  std::vector<std::string> member_names;  // the members whose BSN matched
};

// The most BSNs one question may hold: a household, not a list.
inline constexpr std::size_t kMaxDuplicateBsns = 20;

// Address equality as people type it: case, spaces and punctuation ignored
// ("Hoofdstraat 1 a" and "hoofdstraat 1A" are one address).
std::string address_key(const std::string& text);

class Duplicates {
 public:
  Duplicates(store::Store& store, const Clock& clock, const Sealer* sealer)
      : store_(store), clock_(clock), sealer_(sealer) {}

  // Directors and team leads, who register referrals. Every BSN must pass
  // the 11-check (named by position, never echoed); an address or at least
  // one BSN is required.
  Result<std::vector<DuplicateMatch>> find(const Principal& who, const DuplicateQuery& q);

 private:
  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
};

}  // namespace regie::service
