// SQL of the interoperability area; see interop_store.h.
#include "store/interop_store.h"

#include <fmt/format.h>

#include <set>

#include "store/rows.h"

namespace regie::store {

using interop::MessageKind;
using interop::Standard;

namespace {

// An input fault found inside the transaction: thrown to roll it back.
struct Refused {
  Error error;
};

[[noreturn]] void refuse(const std::string& path, const std::string& reason) {
  throw Refused{invalid(fmt::format("{}: {}", path, reason))};
}

struct AllocationRow {
  std::string provision_id, member_id, provider_agb, category, code;
  Date allocated_start;
  std::optional<Date> allocated_end, actual_start, actual_end;
};

std::optional<Date> opt_date(const soci::row& r, const std::string& name) {
  if (auto s = opt_str(r, name)) return must_date(*s);
  return std::nullopt;
}

std::optional<AllocationRow> find_allocation(soci::session& sql, const std::string& standard,
                                             const std::string& municipality, const std::string& number) {
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT * FROM interop_allocation WHERE standard = :s AND municipality = :m AND "
                      "allocation_number = :n",
       soci::use(standard), soci::use(municipality), soci::use(number));
  for (auto& r : rs) {
    AllocationRow a;
    a.provision_id = str(r, "provision_id");
    a.member_id = str(r, "member_id");
    a.provider_agb = str(r, "provider_agb");
    a.category = str(r, "product_category");
    a.code = str(r, "product_code");
    a.allocated_start = must_date(str(r, "allocated_start"));
    a.allocated_end = opt_date(r, "allocated_end");
    a.actual_start = opt_date(r, "actual_start");
    a.actual_end = opt_date(r, "actual_end");
    return a;
  }
  return std::nullopt;
}

// The allocation a provider's message (305, 307, 323) refers to: it must
// exist, be for this provider and belong to the client named in the message.
AllocationRow allocation_for(soci::session& sql, const interop::MessageHeader& h, const std::string& number,
                             const std::string& member_id, const std::string& path) {
  auto a = find_allocation(sql, std::string(to_string(h.standard)), h.municipality, number);
  if (!a)
    refuse(path + "/ToewijzingNummer",
           fmt::format("no allocation {} from municipality {} has been imported", number, h.municipality));
  if (a->provider_agb != h.agb) refuse(path + "/ToewijzingNummer", "the allocation was made to another provider");
  if (a->member_id != member_id) refuse(path + "/ToewijzingNummer", "the allocation belongs to another client");
  return *a;
}

std::string opt_iso(const std::optional<Date>& d) { return d ? format_date(*d) : ""; }
soci::indicator ind(bool present) { return present ? soci::i_ok : soci::i_null; }

void add_change(soci::session& sql, const std::string& household, const std::string& provision, const std::string& by,
                const std::string& at, const char* change, std::string detail) {
  domain::CareMapChange c;
  c.household_id = household;
  c.provision_id = provision;
  c.by = by;
  c.at = at;
  c.change = change;
  c.detail = std::move(detail);
  insert_change(sql, c);
}

// Moves the provision's dates to the actual ones where known, else the allocated ones.
void update_dates(soci::session& sql, const AllocationRow& a, const std::string& path) {
  Date start = a.actual_start.value_or(a.allocated_start);
  auto end = a.actual_end ? a.actual_end : a.allocated_end;
  if (end && *end < start) refuse(path, "the care would end before it starts");
  std::string s = format_date(start), e = opt_iso(end);
  auto ei = ind(end.has_value());
  sql << "UPDATE provision SET start_date = :s, end_date = :e, version = version + 1 WHERE id = :i", soci::use(s),
      soci::use(e, ei), soci::use(a.provision_id);
}

bool has_declarations(soci::session& sql, const std::string& provision_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM interop_declared_line WHERE provision_id = :p", soci::into(n), soci::use(provision_id);
  return n > 0;
}

void apply_allocation(soci::session& sql, const interop::Message& m, const InteropStore::MemberRef& member,
                      const std::string& by, const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  std::string standard(to_string(h.standard));
  std::string provider = "AGB" + h.agb;
  long long known = 0;
  sql << "SELECT COUNT(*) FROM organisation WHERE id = :i", soci::into(known), soci::use(provider);
  if (!known) {
    std::string name = fmt::format("Provider AGB {}", h.agb);
    sql << "INSERT INTO organisation (id, name, kind) VALUES (:i, :n, 'provider')", soci::use(provider), soci::use(name);
  }
  for (auto& a : m.allocations) {
    std::string goal = fmt::format("allocation {}: product {} {}", a.allocation_number,
                                   a.category.empty() ? "-" : a.category, a.code);
    auto hours = interop::hours_per_week_centi(a);
    auto estimate = interop::estimated_annual_cost(a);
    std::string start = format_date(a.start), end = opt_iso(a.end);
    std::string unit = a.size ? a.size->unit : "", freq = a.size ? a.size->frequency : "";
    long long volume = a.size ? a.size->volume : 0, budget = a.budget.value_or(0);
    auto ei = ind(a.end.has_value()), si = ind(a.size.has_value()), bi = ind(a.budget.has_value());
    auto existing = find_allocation(sql, standard, h.municipality, a.allocation_number);
    if (existing) {
      // A change keeps the original allocation number and so the same provision.
      if (existing->member_id != member.member_id)
        refuse(a.path + "/ToewijzingNummer", "the allocation belongs to another client");
      if (existing->provider_agb != h.agb)
        refuse(a.path + "/ToewijzingNummer", "the allocation was made to another provider");
      sql << "UPDATE interop_allocation SET product_category = :c, product_code = :pc, allocated_start = :s, "
             "allocated_end = :e, volume = :v, unit = :u, frequency = :f, budget_cents = :b, last_message_ref = :r "
             "WHERE standard = :st AND municipality = :m AND allocation_number = :n",
          soci::use(a.category), soci::use(a.code), soci::use(start), soci::use(end, ei), soci::use(volume, si),
          soci::use(unit, si), soci::use(freq, si), soci::use(budget, bi), soci::use(h.id), soci::use(standard),
          soci::use(h.municipality), soci::use(a.allocation_number);
      auto row = *find_allocation(sql, standard, h.municipality, a.allocation_number);
      update_dates(sql, row, a.path + "/Ingangsdatum");
      sql << "UPDATE provision SET goal = :g, hours_per_week_centi = :h WHERE id = :i", soci::use(goal),
          soci::use(hours), soci::use(row.provision_id);
      if (!has_declarations(sql, row.provision_id))
        sql << "UPDATE provision SET annual_cost_cents = :c, cost_basis = 'estimate' WHERE id = :i",
            soci::use(estimate), soci::use(row.provision_id);
      add_change(sql, member.household_id, row.provision_id, by, at, "edited",
                 fmt::format("{} {}: allocation {} changed{}", interop::message_name(h.standard, h.kind), h.id,
                             a.allocation_number, a.change_reason.empty() ? "" : " (reason " + a.change_reason + ")"));
      out.provisions.push_back(row.provision_id);
      continue;
    }
    domain::Provision p;
    p.id = fmt::format("{}-{}-{}", h.standard == Standard::ijw ? "IJW" : "IWMO", h.municipality, a.allocation_number);
    p.household_id = member.household_id;
    p.member_id = member.member_id;
    p.domain = h.standard == Standard::ijw ? domain::Domain::jeugd : domain::Domain::wmo;
    p.provider_id = provider;
    p.goal = goal;
    p.start = a.start;
    p.end = a.end;
    p.hours_per_week_centi = hours;
    p.annual_cost = estimate;
    p.basis = domain::CostBasis::estimate;
    p.indicated = true;
    insert_provision(sql, p);
    sql << "INSERT INTO interop_allocation (standard, municipality, allocation_number, provision_id, member_id, "
           "provider_agb, product_category, product_code, allocated_start, allocated_end, volume, unit, frequency, "
           "budget_cents, last_message_ref) VALUES (:st, :m, :n, :p, :mb, :agb, :c, :pc, :s, :e, :v, :u, :f, :b, :r)",
        soci::use(standard), soci::use(h.municipality), soci::use(a.allocation_number), soci::use(p.id),
        soci::use(member.member_id), soci::use(h.agb), soci::use(a.category), soci::use(a.code), soci::use(start),
        soci::use(end, ei), soci::use(volume, si), soci::use(unit, si), soci::use(freq, si), soci::use(budget, bi),
        soci::use(h.id);
    add_change(sql, member.household_id, p.id, by, at, "added",
               fmt::format("{} {}: allocation {}", interop::message_name(h.standard, h.kind), h.id,
                           a.allocation_number));
    out.provisions.push_back(p.id);
  }
}

void apply_start_stop(soci::session& sql, const interop::Message& m,
                      const std::map<std::string, InteropStore::MemberRef>& member_of, const std::string& by,
                      const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  std::string standard(to_string(h.standard));
  bool stop = h.kind == MessageKind::stop;
  for (auto& s : m.starts_stops) {
    auto& member = member_of.at(s.bsn);
    auto a = allocation_for(sql, h, s.allocation_number, member.member_id, s.path);
    bool withdraw = s.status == "3";
    if (stop) {
      a.actual_end = withdraw ? std::nullopt : s.end;
      if (!withdraw && !a.actual_start) a.actual_start = s.begin;
    } else {
      a.actual_start = withdraw ? std::nullopt : std::optional<Date>(s.begin);
    }
    std::string as = opt_iso(a.actual_start), ae = opt_iso(a.actual_end);
    auto si = ind(a.actual_start.has_value()), ei = ind(a.actual_end.has_value());
    sql << "UPDATE interop_allocation SET actual_start = :s, actual_end = :e, last_message_ref = :r "
           "WHERE standard = :st AND municipality = :m AND allocation_number = :n",
        soci::use(as, si), soci::use(ae, ei), soci::use(h.id), soci::use(standard), soci::use(h.municipality),
        soci::use(s.allocation_number);
    update_dates(sql, a, s.path + (stop ? "/Einddatum" : "/Begindatum"));
    auto detail = fmt::format("{} {}: care {} {}{}", interop::message_name(h.standard, h.kind), h.id,
                              stop ? "ended on" : "started on", format_date(stop ? *s.end : s.begin),
                              withdraw ? " (withdrawn)" : "");
    add_change(sql, member.household_id, a.provision_id, by, at, stop && !withdraw ? "ended" : "edited", detail);
    out.provisions.push_back(a.provision_id);
  }
}

void apply_declaration(soci::session& sql, const interop::Message& m,
                       const std::map<std::string, InteropStore::MemberRef>& member_of, const std::string& by,
                       const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  std::string standard(to_string(h.standard));
  std::map<std::string, std::string> household_of;  // provision -> household
  for (auto& l : m.lines) {
    auto& member = member_of.at(l.bsn);
    auto a = allocation_for(sql, h, l.allocation_number, member.member_id, l.path);
    if (!a.category.empty() && a.category != l.category)
      refuse(l.path + "/ProductCategorie", fmt::format("'{}' differs from the allocation's category", l.category));
    if (!a.code.empty() && a.code != l.code)
      refuse(l.path + "/ProductCode", fmt::format("'{}' differs from the allocation's product code", l.code));
    std::string ps = format_date(l.period_start), pe = format_date(l.period_end);
    long long volume = l.volume, tariff = l.tariff.value_or(0), amount = l.amount;
    auto ti = ind(l.tariff.has_value());
    sql << "INSERT INTO interop_declared_line (standard, sender, message_ref, provision_id, product_reference, "
           "period_start, period_end, volume, unit, tariff_cents, amount_cents) "
           "VALUES (:st, :s, :r, :p, :pr, :ps, :pe, :v, :u, :t, :a)",
        soci::use(standard), soci::use(h.sender), soci::use(h.id), soci::use(a.provision_id), soci::use(l.reference),
        soci::use(ps), soci::use(pe), soci::use(volume), soci::use(l.unit), soci::use(tariff, ti), soci::use(amount);
    if (!household_of.contains(a.provision_id)) out.provisions.push_back(a.provision_id);
    household_of[a.provision_id] = member.household_id;
  }
  // The declared cost, annualised over the distinct periods declared so far
  // (a credit and its correction cover the same period once).
  for (auto& [provision, household] : household_of) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT period_start, period_end, amount_cents FROM interop_declared_line WHERE provision_id = :p",
         soci::use(provision));
    Cents total = 0;
    std::set<std::pair<std::string, std::string>> periods;
    for (auto& r : rs) {
      total += i64(r, "amount_cents");
      periods.insert({str(r, "period_start"), str(r, "period_end")});
    }
    std::int64_t days = 0;
    for (auto& [s, e] : periods) days += must_date(e).days - must_date(s).days + 1;
    long long annual = interop::annualise(total, days);
    sql << "UPDATE provision SET annual_cost_cents = :c, cost_basis = 'declared', version = version + 1 WHERE id = :i",
        soci::use(annual), soci::use(provision);
    add_change(sql, household, provision, by, at, "edited",
               fmt::format("{} {}: declared cost, EUR {} a year", interop::message_name(h.standard, h.kind), h.id,
                           format_cents(annual)));
  }
}

}  // namespace

std::vector<InteropStore::SealedBsn> InteropStore::sealed_bsns() {
  std::vector<SealedBsn> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, household_id, bsn_sealed FROM member WHERE bsn_sealed IS NOT NULL");
    for (auto& r : rs) out.push_back({str(r, "id"), str(r, "household_id"), str(r, "bsn_sealed")});
  });
  return out;
}

std::optional<std::string> InteropStore::imported_hash(Standard s, const std::string& sender, const std::string& ref) {
  std::optional<std::string> out;
  std::string standard(to_string(s));
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT content_hash FROM interop_message WHERE standard = :s AND sender = :f AND "
                        "message_ref = :r",
         soci::use(standard), soci::use(sender), soci::use(ref));
    for (auto& r : rs) out = str(r, "content_hash");
  });
  return out;
}

Result<InteropStore::Applied> InteropStore::apply(const interop::Message& m,
                                                  const std::map<std::string, MemberRef>& member_of,
                                                  const std::string& content_hash, const std::string& by,
                                                  const std::string& at) {
  Applied out;
  try {
    store_.write([&](soci::session& sql) {
      const auto& h = m.header;
      std::string standard(to_string(h.standard)), kind = std::to_string(static_cast<int>(h.kind));
      std::string date = format_date(h.date);
      long long seen = 0;
      sql << "SELECT COUNT(*) FROM interop_message WHERE standard = :s AND sender = :f AND message_ref = :r",
          soci::into(seen), soci::use(standard), soci::use(h.sender), soci::use(h.id);
      if (seen) throw Refused{Error{ErrorCode::conflict, "this message was imported at the same time by another request"}};
      sql << "INSERT INTO interop_message (standard, kind, message_code, sender, receiver, message_ref, message_date, "
             "content_hash, imported_by, imported_at) VALUES (:s, :k, :c, :f, :t, :r, :d, :h, :b, :a)",
          soci::use(standard), soci::use(kind), soci::use(h.code), soci::use(h.sender), soci::use(h.receiver),
          soci::use(h.id), soci::use(date), soci::use(content_hash), soci::use(by), soci::use(at);
      switch (h.kind) {
        case MessageKind::allocation: apply_allocation(sql, m, member_of.at(m.client_bsn), by, at, out); break;
        case MessageKind::start:
        case MessageKind::stop: apply_start_stop(sql, m, member_of, by, at, out); break;
        case MessageKind::declaration: apply_declaration(sql, m, member_of, by, at, out); break;
      }
    });
  } catch (const Refused& r) {
    return r.error;
  }
  std::set<std::string> seen;
  for (auto& [bsn, ref] : member_of)
    if (seen.insert(ref.household_id).second) out.households.push_back(ref.household_id);
  std::set<std::string> unique;
  std::vector<std::string> provisions;
  for (auto& p : out.provisions)
    if (unique.insert(p).second) provisions.push_back(p);
  out.provisions = std::move(provisions);
  return out;
}

std::map<std::string, std::string> InteropStore::allocation_numbers(const std::string& household_id) {
  std::map<std::string, std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.provision_id, a.allocation_number FROM interop_allocation a JOIN provision p ON "
                        "p.id = a.provision_id WHERE p.household_id = :h",
         soci::use(household_id));
    for (auto& r : rs) out[str(r, "provision_id")] = str(r, "allocation_number");
  });
  return out;
}

std::vector<InteropStore::PlanRecord> InteropStore::plans(const std::string& household_id) {
  std::vector<PlanRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, plan_version, status, created_by, created_at, agreed_at FROM household_plan "
                        "WHERE household_id = :h ORDER BY plan_version",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({i64(r, "id"), static_cast<int>(i64(r, "plan_version")), str(r, "status"), str(r, "created_by"),
                     str(r, "created_at"), opt_str(r, "agreed_at")});
  });
  return out;
}

std::vector<InteropStore::MeasurementRecord> InteropStore::measurements(const std::string& household_id) {
  std::vector<MeasurementRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT m.member_id, m.instrument, m.moment, m.measured_on, a.item, a.value FROM "
                        "measurement m JOIN measurement_answer a ON a.measurement_id = m.id WHERE m.household_id = :h "
                        "ORDER BY m.member_id, m.instrument, m.moment, a.item",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({str(r, "member_id"), str(r, "instrument"), str(r, "moment"), str(r, "measured_on"),
                     str(r, "item"), i64(r, "value") * 1000});
  });
  return out;
}

}  // namespace regie::store
