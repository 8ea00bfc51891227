// Moving a database to a new key (`regie db rotate-key`): every sealed value
// is opened with the old key and sealed again with the new one, in one
// transaction. When any value does not open with the old key, nothing
// changes: a half-rotated database could not be read with either key.
#pragma once
#include <cstddef>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

struct KeyRotation {
  std::size_t bsns = 0;     // member BSNs sealed again
  std::size_t secrets = 0;  // second-factor secrets sealed again
};

// Only an administrator; recorded in the audit trail as "key.rotate".
Result<KeyRotation> rotate_key(store::Store& store, const Clock& clock, const Principal& who, const Sealer& old_key,
                               const Sealer& new_key);

}  // namespace regie::service
