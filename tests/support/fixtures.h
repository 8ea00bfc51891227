// Small domain records for tests: one director with one household, enough to
// exercise the store, the access rules and the API.
#pragma once
#include "store/store.h"
#include "store/bundle.h"

namespace regie::testing {

// Two directors ("dir.a" with household H1, "dir.b" with H2), a team lead
// ("lead"), a professional ("prof"), an administrator ("admin") and an analyst
// ("ana"); every password is "secret-<username>".
store::Bundle small_bundle();

}  // namespace regie::testing
