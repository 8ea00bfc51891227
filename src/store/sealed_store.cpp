#include "store/sealed_store.h"

#include <soci/soci.h>

namespace regie::store {

std::vector<SealedValue> SealedStore::all() {
  std::vector<SealedValue> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> members = (sql.prepare << "SELECT id, bsn_sealed FROM member WHERE bsn_sealed IS NOT NULL");
    for (const auto& r : members)
      out.push_back({SealedValue::Kind::member_bsn, r.get<std::string>(0), r.get<std::string>(1)});
    soci::rowset<soci::row> secrets = (sql.prepare << "SELECT username, secret_sealed FROM account_totp");
    for (const auto& r : secrets)
      out.push_back({SealedValue::Kind::account_totp, r.get<std::string>(0), r.get<std::string>(1)});
  });
  return out;
}

void SealedStore::replace(const std::vector<SealedValue>& values) {
  store_.write([&](soci::session& sql) {
    for (const auto& v : values) {
      if (v.kind == SealedValue::Kind::member_bsn)
        sql << "UPDATE member SET bsn_sealed = :b WHERE id = :i", soci::use(v.sealed), soci::use(v.owner);
      else
        sql << "UPDATE account_totp SET secret_sealed = :s WHERE username = :u", soci::use(v.sealed),
            soci::use(v.owner);
    }
  });
}

}  // namespace regie::store
