// SQL of the price list and virtual savings; see price_store.h.
#include "store/price_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "common/clock.h"
#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

PriceList PriceStore::price_list() {
  std::vector<PriceItem> items;
  store_.query("SELECT * FROM price_list_item ORDER BY code, valid_from", {}, [&](const soci::row& r) {
    items.push_back(PriceItem{str(r, "code"), str(r, "name"), must(parse_price_unit(str(r, "unit")), "price unit"),
                              i64(r, "amount_cents"), must_date(str(r, "valid_from"))});
  });
  return PriceList(std::move(items));
}

Status PriceStore::add_price_item(const PriceItem& item, const std::string& by) {
  std::string unit(to_string(item.unit)), from = format_date(item.valid_from), at = SystemClock().now_iso8601();
  long long amount = item.amount;
  return write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO price_list_item (code, name, unit, amount_cents, valid_from, created_by, created_at) "
               "VALUES (:c, :n, :u, :a, :f, :b, :t)",
            soci::use(item.code), soci::use(item.name), soci::use(unit), soci::use(amount), soci::use(from),
            soci::use(by), soci::use(at);
      },
      [&](const soci::soci_error&) {
        return Error{ErrorCode::conflict,
                     fmt::format("price list item {} already has a version valid from {}", item.code, from)};
      });
}

Result<std::int64_t> PriceStore::add_virtual_saving(const VirtualSaving& v) {
  std::string kind(to_string(v.kind)), on = format_date(v.recorded_on);
  long long amount = v.amount, id = 0;
  auto stored = write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO virtual_saving (household_id, kind, amount_cents, note, recorded_by, recorded_on) "
               "VALUES (:h, :k, :a, :n, :b, :o) RETURNING id",
            soci::use(v.household_id), soci::use(kind), soci::use(amount), soci::use(v.note), soci::use(v.recorded_by),
            soci::use(on), soci::into(id);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict,
                     fmt::format("the virtual saving could not be stored: {}", constraint_reason(e))};
      });
  if (!stored) return stored.error();
  return static_cast<std::int64_t>(id);
}

std::vector<VirtualSaving> PriceStore::virtual_savings(const std::string& household_id) {
  std::vector<VirtualSaving> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM virtual_saving WHERE household_id = :h ORDER BY id", soci::use(household_id));
    for (auto& r : rs)
      out.push_back(VirtualSaving{
          i64(r, "id"), str(r, "household_id"), must(parse_virtual_saving_kind(str(r, "kind")), "saving kind"),
          i64(r, "amount_cents"), str(r, "note"), str(r, "recorded_by"), must_date(str(r, "recorded_on"))});
  });
  return out;
}

}  // namespace regie::store
