// Organisations that help households: a director mapping every professional
// involved (report appendix 2, step 3) meets providers not known yet, and
// adds them, as administrators do. Reference data without household data.
#pragma once
#include "common/clock.h"
#include "common/result.h"
#include "domain/organisation.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

class Organisations {
 public:
  Organisations(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  // Directors and administrators (audited as "organisation.add"). The kind is
  // one of provider, municipality, insurer, housing, uwv, social_work,
  // neighbourhood_team; the server chooses the id. Returns it with its id.
  Result<domain::Organisation> add(const Principal& who, domain::Organisation o);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
