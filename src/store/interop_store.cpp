// SQL of the interoperability area; see interop_store.h.
#include "store/interop_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "domain/costs.h"
#include "store/rows.h"
#include "domain/funding.h"
#include "domain/provision.h"

namespace regie::store {


namespace {

// An input fault found inside the transaction: thrown to roll it back.
struct Refused {
  Error error;
};

[[noreturn]] void refuse(const char* rule, const std::string& path, const std::string& reason) {
  throw Refused{invalid(fmt::format("{} {}: {}", rule, path, reason))};
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
AllocationRow allocation_for(soci::session& sql, const ImportHeader& h, const std::string& number,
                             const std::string& member_id, const std::string& path) {
  // TR019 for a start or stop, TR338 for a declared line.
  const char* rule = h.kind == ImportKind::declaration ? "TR338" : "TR019";
  auto a = find_allocation(sql, h.standard, h.municipality, number);
  if (!a)
    refuse(rule, path + "/ToewijzingNummer",
           fmt::format("toewijzing {} van gemeente {} is niet ingelezen", number, h.municipality));
  if (a->provider_agb != h.agb) refuse(rule, path + "/ToewijzingNummer", "de toewijzing is aan een andere aanbieder gedaan");
  if (a->member_id != member_id) refuse(rule, path + "/ToewijzingNummer", "de toewijzing hoort bij een andere cliënt");
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
  if (end && *end < start) refuse("TR018", path, "de zorg zou eindigen voordat hij begint");
  std::string s = format_date(start), e = opt_iso(end);
  auto ei = ind(end.has_value());
  sql << "UPDATE provision SET start_date = :s, end_date = :e, version = version + 1 WHERE id = :i", soci::use(s),
      soci::use(e, ei), soci::use(a.provision_id);
}

// A provision's cost from its interop data: the declared lines that stand
// (not credited) annualised over their periods, or, while none stand, the
// estimate of its allocation.
struct InteropCost {
  long long annual = 0;
  bool declared = false;
};

InteropCost interop_cost(soci::session& sql, const std::string& provision) {
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT d.period_start, d.period_end, d.amount_cents FROM interop_declared_line d WHERE "
                      "d.provision_id = :p AND d.amount_cents > 0 AND NOT EXISTS (SELECT 1 FROM interop_declared_line "
                      "c WHERE c.standard = d.standard AND c.sender = d.sender AND c.previous_reference = "
                      "d.product_reference AND c.amount_cents < 0)",
       soci::use(provision));
  Cents total = 0;
  std::set<std::pair<std::string, std::string>> periods;
  for (auto& r : rs) {
    total += i64(r, "amount_cents");
    periods.insert({str(r, "period_start"), str(r, "period_end")});
  }
  if (periods.empty()) {
    long long estimate = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT estimate_cents FROM interop_allocation WHERE provision_id = :p", soci::into(estimate, ind),
        soci::use(provision);
    return {ind == soci::i_ok ? estimate : 0, false};
  }
  std::int64_t days = 0;
  for (auto& [s, e] : periods) days += must_date(e).days - must_date(s).days + 1;
  return {domain::annualise(total, days), true};
}

void set_cost(soci::session& sql, const std::string& provision, const InteropCost& c) {
  std::string basis = c.declared ? "declared" : "estimate";
  sql << "UPDATE provision SET annual_cost_cents = :c, cost_basis = :b, version = version + 1 WHERE id = :i",
      soci::use(c.annual), soci::use(basis), soci::use(provision);
}

// The organisation behind an AGB code: the one an administrator linked it to,
// else one of its own, named after the code until it is linked.
std::string provider_organisation(soci::session& sql, const std::string& agb) {
  std::string linked;
  soci::indicator li = soci::i_null;
  sql << "SELECT organisation_id FROM interop_provider WHERE agb = :a", soci::into(linked, li), soci::use(agb);
  if (sql.got_data() && li == soci::i_ok) return linked;
  std::string provider = "AGB" + agb;
  long long known = 0;
  sql << "SELECT COUNT(*) FROM organisation WHERE id = :i", soci::into(known), soci::use(provider);
  if (!known) {
    std::string name = fmt::format("Aanbieder met AGB-code {}", agb);
    sql << "INSERT INTO organisation (id, name, kind) VALUES (:i, :n, 'provider')", soci::use(provider), soci::use(name);
  }
  return provider;
}

void apply_allocation(soci::session& sql, const ImportMessage& m, const InteropStore::MemberRef& member,
                      const std::string& by, const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  const std::string& standard = h.standard;
  std::string provider = provider_organisation(sql, h.agb);
  for (auto& a : m.allocations) {
    const std::string& goal = a.goal;
    long long hours = a.hours_per_week_centi, estimate = a.estimated_annual_cost;
    std::string start = format_date(a.start), end = opt_iso(a.end);
    std::string unit = a.size ? a.size->unit : "", freq = a.size ? a.size->frequency : "";
    long long volume = a.size ? a.size->volume : 0, budget = a.budget.value_or(0);
    auto ei = ind(a.end.has_value()), si = ind(a.size.has_value()), bi = ind(a.budget.has_value());
    auto existing = find_allocation(sql, standard, h.municipality, a.allocation_number);
    if (existing) {
      // A change keeps the original allocation number and so the same provision.
      if (existing->member_id != member.member_id)
        refuse("TR332", a.path + "/ToewijzingNummer", "dit toewijzingnummer hoort bij een andere cliënt");
      if (existing->provider_agb != h.agb)
        refuse("TR332", a.path + "/ToewijzingNummer", "dit toewijzingnummer is aan een andere aanbieder gegeven");
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
      sql << "UPDATE interop_allocation SET estimate_cents = :c WHERE provision_id = :p", soci::use(estimate),
          soci::use(row.provision_id);
      set_cost(sql, row.provision_id, interop_cost(sql, row.provision_id));
      add_change(sql, member.household_id, row.provision_id, by, at, "edited",
                 fmt::format("toewijzing gewijzigd door bericht {} {}", h.name, h.id));
      out.provisions.push_back(row.provision_id);
      continue;
    }
    domain::Provision p;
    p.id = fmt::format("{}-{}-{}", h.provision_prefix, h.municipality, a.allocation_number);
    p.household_id = member.household_id;
    p.member_id = member.member_id;
    p.domain = h.domain;
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
           "budget_cents, last_message_ref, estimate_cents) VALUES (:st, :m, :n, :p, :mb, :agb, :c, :pc, :s, :e, :v, :u, :f, "
           ":b, :r, :est)",
        soci::use(standard), soci::use(h.municipality), soci::use(a.allocation_number), soci::use(p.id),
        soci::use(member.member_id), soci::use(h.agb), soci::use(a.category), soci::use(a.code), soci::use(start),
        soci::use(end, ei), soci::use(volume, si), soci::use(unit, si), soci::use(freq, si), soci::use(budget, bi),
        soci::use(h.id), soci::use(estimate);
    add_change(sql, member.household_id, p.id, by, at, "added",
               fmt::format("toewijzing ingelezen uit bericht {} {}", h.name, h.id));
    out.provisions.push_back(p.id);
  }
}

void apply_start_stop(soci::session& sql, const ImportMessage& m,
                      const std::map<std::string, InteropStore::MemberRef>& member_of, const std::string& by,
                      const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  const std::string& standard = h.standard;
  bool stop = h.kind == ImportKind::stop;
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
    auto detail = fmt::format("zorg {} op {}{} (bericht {} {})", stop ? "gestopt" : "gestart",
                              format_date(stop ? *s.end : s.begin), withdraw ? ", ingetrokken" : "",
                              h.name, h.id);
    add_change(sql, member.household_id, a.provision_id, by, at, stop && !withdraw ? "ended" : "edited", detail);
    out.provisions.push_back(a.provision_id);
  }
}

// The lines of a declaration in a fixed order, so that the same declaration
// sent again under another message id is recognised (the content hash of the
// file differs with the header).
std::string declaration_digest(const ImportMessage& m) {
  std::vector<std::string> lines;
  for (auto& l : m.lines)
    lines.push_back(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", l.bsn, l.reference, l.previous_reference,
                                l.allocation_number, l.category, l.code, format_date(l.period_start),
                                format_date(l.period_end), l.volume, l.unit, l.tariff.value_or(-1), l.amount));
  std::sort(lines.begin(), lines.end());
  std::string out = fmt::format("{}|{}|{}|{}", m.declaration_number, format_date(m.declaration_start),
                                format_date(m.declaration_end), m.declared_total);
  for (auto& l : lines) out += "\n" + l;
  return out;
}

// Refuses a declared line that breaks a rule between messages: its reference
// was used before (TR314); a credit must cancel exactly one uncredited debit
// line declared before (TR323, TR390); a debit must not repeat an uncredited
// debit of the same allocation and period (TR389).
void check_line(soci::session& sql, const std::string& standard, const ImportHeader& h,
                const ImportLine& l, const AllocationRow& a) {
  auto rp = l.path + "/ProductReferentie";
  long long used = 0;
  sql << "SELECT COUNT(*) FROM interop_declared_line WHERE standard = :s AND sender = :f AND product_reference = :r",
      soci::into(used), soci::use(standard), soci::use(h.sender), soci::use(l.reference);
  if (used)
    refuse("TR314", rp + "/ReferentieNummer",
           fmt::format("'{}' is al eerder door deze aanbieder gebruikt; elke prestatie krijgt een eigen nummer",
                       l.reference));
  if (l.amount < 0) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT provision_id, period_start, period_end, amount_cents FROM interop_declared_line "
                        "WHERE standard = :s AND sender = :f AND product_reference = :r",
         soci::use(standard), soci::use(h.sender), soci::use(l.previous_reference));
    struct Original {
      std::string provision, start, end;
      Cents amount = 0;
    };
    std::optional<Original> original;
    for (auto& r : rs)
      original = Original{str(r, "provision_id"), str(r, "period_start"), str(r, "period_end"), i64(r, "amount_cents")};
    if (!original)
      refuse("TR323", rp + "/VorigReferentieNummer",
             fmt::format("er is geen eerder gedeclareerde prestatie '{}' van deze aanbieder", l.previous_reference));
    if (original->amount <= 0)
      refuse("TR323", rp + "/VorigReferentieNummer", "verwijst naar een creditregel in plaats van een debetregel");
    if (original->provision != a.provision_id || original->start != format_date(l.period_start) ||
        original->end != format_date(l.period_end) || original->amount != -l.amount)
      refuse("TR323", l.path,
             fmt::format("de creditregel heft prestatie '{}' niet precies op: toewijzing, productperiode en bedrag "
                         "moeten gelijk zijn",
                         l.previous_reference));
    long long credited = 0;
    sql << "SELECT COUNT(*) FROM interop_declared_line WHERE standard = :s AND sender = :f AND previous_reference = :r "
           "AND amount_cents < 0",
        soci::into(credited), soci::use(standard), soci::use(h.sender), soci::use(l.previous_reference);
    if (credited)
      refuse("TR390", rp + "/VorigReferentieNummer",
             fmt::format("prestatie '{}' is al eerder gecrediteerd", l.previous_reference));
    return;
  }
  long long open = 0;
  std::string ps = format_date(l.period_start), pe = format_date(l.period_end);
  sql << "SELECT COUNT(*) FROM interop_declared_line d WHERE d.provision_id = :p AND d.period_start = :s AND "
         "d.period_end = :e AND d.amount_cents > 0 AND NOT EXISTS (SELECT 1 FROM interop_declared_line c WHERE "
         "c.standard = d.standard AND c.sender = d.sender AND c.previous_reference = d.product_reference AND "
         "c.amount_cents < 0)",
      soci::into(open), soci::use(a.provision_id), soci::use(ps), soci::use(pe);
  if (open)
    refuse("TR389", l.path + "/ProductPeriode",
           "voor deze toewijzing en productperiode is al een prestatie gedeclareerd die niet is gecrediteerd");
}

// The provision's declared cost: the lines still standing (a credited debit
// and its credit drop out together), annualised over their distinct periods.
void update_declared_cost(soci::session& sql, const std::string& provision, const std::string& household,
                          const ImportHeader& h, const std::string& by, const std::string& at) {
  auto cost = interop_cost(sql, provision);
  set_cost(sql, provision, cost);
  add_change(sql, household, provision, by, at, "edited",
             cost.declared ? fmt::format("gedeclareerde kosten: EUR {} per jaar (bericht {} {})",
                                         format_cents(cost.annual), h.name, h.id)
                           : fmt::format("alle gedeclareerde prestaties zijn gecrediteerd; weer de geschatte kosten "
                                         "van de toewijzing: EUR {} per jaar (bericht {} {})",
                                         format_cents(cost.annual), h.name, h.id));
}

void apply_declaration(soci::session& sql, const ImportMessage& m,
                       const std::map<std::string, InteropStore::MemberRef>& member_of, const std::string& by,
                       const std::string& at, InteropStore::Applied& out) {
  const auto& h = m.header;
  const std::string& standard = h.standard;
  std::string digest = declaration_digest(m);
  soci::rowset<soci::row> before =
      (sql.prepare << "SELECT content_digest, message_ref FROM interop_declaration WHERE standard = :s AND "
                      "provider_agb = :a AND declaration_number = :n",
       soci::use(standard), soci::use(h.agb), soci::use(m.declaration_number));
  for (auto& r : before) {
    if (str(r, "content_digest") != digest)
      refuse("TR333", "/Bericht/Declaratie/DeclaratieNummer",
             fmt::format("declaratie '{}' is al ingediend (bericht {}) met andere prestaties; een nieuwe declaratie "
                         "krijgt een nieuw nummer",
                         m.declaration_number, str(r, "message_ref")));
    out.declaration_resent = true;
    return;
  }
  sql << "INSERT INTO interop_declaration (standard, provider_agb, declaration_number, content_digest, message_ref) "
         "VALUES (:s, :a, :n, :d, :r)",
      soci::use(standard), soci::use(h.agb), soci::use(m.declaration_number), soci::use(digest), soci::use(h.id);
  std::map<std::string, std::string> household_of;  // provision -> household
  // Credits first: a correction credits a line and declares it again in one message.
  std::vector<const ImportLine*> order;
  for (auto& l : m.lines) order.push_back(&l);
  std::stable_partition(order.begin(), order.end(), [](auto* l) { return l->amount < 0; });
  for (auto* lp : order) {
    auto& l = *lp;
    auto& member = member_of.at(l.bsn);
    auto a = allocation_for(sql, h, l.allocation_number, member.member_id, l.path);
    if (!a.category.empty() && a.category != l.category)
      refuse("TR339", l.path + "/ProductCategorie",
             fmt::format("'{}' is niet de categorie van de toewijzing ({})", l.category, a.category));
    if (!a.code.empty() && a.code != l.code)
      refuse("TR340", l.path + "/ProductCode",
             fmt::format("'{}' is niet de productcode van de toewijzing ({})", l.code, a.code));
    check_line(sql, standard, h, l, a);
    std::string ps = format_date(l.period_start), pe = format_date(l.period_end);
    long long volume = l.volume, tariff = l.tariff.value_or(0), amount = l.amount;
    auto ti = ind(l.tariff.has_value()), pi = ind(!l.previous_reference.empty());
    sql << "INSERT INTO interop_declared_line (standard, sender, message_ref, provision_id, product_reference, "
           "period_start, period_end, volume, unit, tariff_cents, amount_cents, declaration_number, previous_reference) "
           "VALUES (:st, :s, :r, :p, :pr, :ps, :pe, :v, :u, :t, :a, :dn, :vr)",
        soci::use(standard), soci::use(h.sender), soci::use(h.id), soci::use(a.provision_id), soci::use(l.reference),
        soci::use(ps), soci::use(pe), soci::use(volume), soci::use(l.unit), soci::use(tariff, ti), soci::use(amount),
        soci::use(m.declaration_number), soci::use(l.previous_reference, pi);
    if (!household_of.contains(a.provision_id)) out.provisions.push_back(a.provision_id);
    household_of[a.provision_id] = member.household_id;
  }
  for (auto& [provision, household] : household_of) update_declared_cost(sql, provision, household, h, by, at);
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

std::optional<std::string> InteropStore::imported_hash(const std::string& standard, const std::string& kind,
                                                      const std::string& sender, const std::string& ref) {
  std::optional<std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT content_hash FROM interop_message WHERE standard = :s AND kind = :k AND sender = :f "
                        "AND message_ref = :r",
         soci::use(standard), soci::use(kind), soci::use(sender), soci::use(ref));
    for (auto& r : rs) out = str(r, "content_hash");
  });
  return out;
}

Result<InteropStore::Applied> InteropStore::apply(const ImportMessage& m,
                                                  const std::map<std::string, MemberRef>& member_of,
                                                  const std::string& content_hash, const std::string& by,
                                                  const std::string& at, const std::vector<Warning>& warnings) {
  Applied out;
  try {
    store_.write([&](soci::session& sql) {
      const auto& h = m.header;
      const std::string &standard = h.standard, &kind = h.kind_code;
      std::string date = format_date(h.date);
      long long seen = 0;
      sql << "SELECT COUNT(*) FROM interop_message WHERE standard = :s AND kind = :k AND sender = :f AND "
             "message_ref = :r",
          soci::into(seen), soci::use(standard), soci::use(kind), soci::use(h.sender), soci::use(h.id);
      if (seen)
        throw Refused{Error{ErrorCode::conflict, "TR056 /Bericht/Header/BerichtIdentificatie: dit bericht werd op "
                                                 "hetzelfde moment al door een ander verzoek ingelezen"}};
      if (h.kind == ImportKind::declaration) {
        // A re-sent declaration stores nothing, not even its new message id.
        apply_declaration(sql, m, member_of, by, at, out);
        if (out.declaration_resent) return;
      }
      sql << "INSERT INTO interop_message (standard, kind, message_code, sender, receiver, message_ref, message_date, "
             "content_hash, imported_by, imported_at) VALUES (:s, :k, :c, :f, :t, :r, :d, :h, :b, :a)",
          soci::use(standard), soci::use(kind), soci::use(h.code), soci::use(h.sender), soci::use(h.receiver),
          soci::use(h.id), soci::use(date), soci::use(content_hash), soci::use(by), soci::use(at);
      switch (h.kind) {
        case ImportKind::allocation: apply_allocation(sql, m, member_of.at(m.client_bsn), by, at, out); break;
        case ImportKind::start:
        case ImportKind::stop: apply_start_stop(sql, m, member_of, by, at, out); break;
        case ImportKind::declaration: break;
      }
      for (auto& w : warnings) {
        std::string ref = fmt::format("{} {}", h.name, h.id);
        sql << "INSERT INTO interop_warning (household_id, member_id, message, text, created_at) "
               "VALUES (:h, :m, :r, :t, :a)",
            soci::use(w.household_id), soci::use(w.member_id), soci::use(ref), soci::use(w.text), soci::use(at);
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

}  // namespace regie::store
