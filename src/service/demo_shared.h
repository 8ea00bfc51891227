// What the demo adds for its professional account: two families whose
// consent covers the professional's organisation, each with an agreed shared
// plan holding actions for them and a round table they are invited to, and
// a third family on whose care team they are without consent (so it stays
// hidden). Written straight to the store, as the rest of the demo data.
#pragma once
#include <optional>
#include <string>

#include "common/result.h"
#include "store/bundle.h"
#include "store/store.h"

namespace regie::service {

// The professional record the demo's professional account is linked to, when
// the data holds it (the data file shipped in data/demo does).
std::optional<std::string> demo_professional(const store::Bundle& bundle);

// Records the consents, plans and round tables after the bundle is written;
// dates count from `today`. Does nothing for data without that professional
// or those families.
Status add_demo_shared_plans(store::Store& store, const store::Bundle& bundle, Date today);

}  // namespace regie::service
