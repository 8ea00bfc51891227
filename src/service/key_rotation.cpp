#include "service/key_rotation.h"

#include "service/audit.h"
#include "store/sealed_store.h"

namespace regie::service {

Result<KeyRotation> rotate_key(store::Store& store, const Clock& clock, const Principal& who, const Sealer& old_key,
                               const Sealer& new_key) {
  if (who.role != domain::Role::administrator) {
    record_access(store, clock, who, "key.rotate", "", false);
    return forbidden("only an administrator may move the database to a new key");
  }
  store::SealedStore sealed(store);
  auto values = sealed.all();
  KeyRotation done;
  for (auto& v : values) {
    auto plain = old_key.open(v.sealed);
    if (!plain) {
      const bool bsn = v.kind == store::SealedValue::Kind::member_bsn;
      return invalid(std::string(bsn ? "the BSN of member " : "the second-factor secret of account ") + v.owner +
                     " does not open with the old key (is it the key this database was sealed with?); nothing was changed");
    }
    v.sealed = new_key.seal(*plain);
    ++(v.kind == store::SealedValue::Kind::member_bsn ? done.bsns : done.secrets);
  }
  sealed.replace(values);
  record_access(store, clock, who, "key.rotate", "", true,
                std::to_string(done.bsns) + " BSNs, " + std::to_string(done.secrets) + " second-factor secrets");
  return done;
}

}  // namespace regie::service
