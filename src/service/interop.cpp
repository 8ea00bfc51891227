// Interoperability use cases; see interop.h.
#include "service/interop.h"

#include "service/audit.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/bsn.h"
#include "common/csv.h"
#include "domain/costs.h"
#include "domain/limits.h"
#include "common/money.h"
#include "common/problems.h"
#include "interop/fhir.h"
#include "service/access.h"
#include "service/households.h"
#include "store/consent_store.h"
#include "store/interop_store.h"
#include "store/measurement_store.h"
#include "store/plan_store.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/funding.h"
#include "domain/household.h"
#include "domain/provision.h"
#include "domain/account.h"

namespace regie::service {

using domain::Role;

namespace {

std::string stored_kind(interop::MessageKind k) { return std::to_string(static_cast<int>(k)); }

// The parsed message as the plain records the store applies, with what the
// interop layer derives from it worked out here: the store does not know the
// interop layer.
store::ImportMessage import_records(const interop::Message& m) {
  const auto& h = m.header;
  store::ImportMessage out;
  auto& oh = out.header;
  switch (h.kind) {
    case interop::MessageKind::allocation: oh.kind = store::ImportKind::allocation; break;
    case interop::MessageKind::start: oh.kind = store::ImportKind::start; break;
    case interop::MessageKind::stop: oh.kind = store::ImportKind::stop; break;
    case interop::MessageKind::declaration: oh.kind = store::ImportKind::declaration; break;
  }
  oh.standard = std::string(to_string(h.standard));
  oh.kind_code = stored_kind(h.kind);
  oh.name = interop::message_name(h.standard, h.kind);
  bool youth = h.standard == interop::Standard::ijw;
  oh.provision_prefix = youth ? "IJW" : "IWMO";
  oh.domain = youth ? domain::Domain::jeugd : domain::Domain::wmo;
  oh.code = h.code;
  oh.sender = h.sender;
  oh.receiver = h.receiver;
  oh.id = h.id;
  oh.date = h.date;
  oh.municipality = h.municipality;
  oh.agb = h.agb;
  out.client_bsn = m.client_bsn;
  for (auto& a : m.allocations) {
    store::ImportAllocation r;
    r.allocation_number = a.allocation_number;
    r.category = a.category;
    r.code = a.code;
    r.start = a.start;
    r.end = a.end;
    if (a.size) r.size = store::ImportAllocation::Size{a.size->volume, a.size->unit, a.size->frequency};
    r.budget = a.budget;
    r.path = a.path;
    r.goal = interop::product_description(h.standard, a.category, a.code);
    r.hours_per_week_centi = interop::hours_per_week_centi(a);
    r.estimated_annual_cost = interop::estimated_annual_cost(a);
    out.allocations.push_back(std::move(r));
  }
  for (auto& s : m.starts_stops)
    out.starts_stops.push_back({s.bsn, s.allocation_number, s.begin, s.end, s.status, s.path});
  out.declaration_number = m.declaration_number;
  out.declaration_start = m.declaration_start;
  out.declaration_end = m.declaration_end;
  out.declared_total = m.declared_total;
  for (auto& l : m.lines)
    out.lines.push_back({l.bsn, l.reference, l.previous_reference, l.allocation_number, l.category, l.code,
                         l.period_start, l.period_end, l.volume, l.unit, l.tariff, l.amount, l.path});
  return out;
}

std::string sha256_hex(std::string_view data) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[2 * sizeof out + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

// The element path of a client's Bsn in the message, for an "unknown client" report.
std::string bsn_path(const interop::Message& m, const std::string& bsn) {
  if (m.header.kind == interop::MessageKind::declaration)
    for (auto& l : m.lines)
      if (l.bsn == bsn) return l.path.substr(0, l.path.find("/Prestaties")) + "/Bsn";
  return "/Bericht/Client/Bsn";
}

// The rule a refusal names first ("TR358 /Bericht/...: ..."), for the kept outcome.
std::string refusal_rule(const std::string& message) {
  auto space = message.find(' ');
  auto rule = message.substr(0, space == std::string::npos ? 0 : space);
  bool code = !rule.empty() && rule.size() <= 6 &&
              std::all_of(rule.begin(), rule.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  return code ? rule : "";
}

bool valid_id(std::string_view id) { return domain::limits::is_valid_id(id); }
const std::string kIdRule(domain::limits::kIdRule);

// The numbers a message brings in, against domain/limits.h, before anything
// is stored: a care map fed by a message obeys the same maxima as one typed in.
Status check_message_numbers(const interop::Message& m) {
  namespace lim = domain::limits;
  ProblemList problems;
  auto check = [&](const std::string& path, const Status& st) {
    if (!st) problems.add(path + "/" + st.error().message);
  };
  // The refusal is read by the administrator on the Berichten page, so it is
  // worded in Dutch here rather than with the English texts of the API checks.
  auto whole = [](std::string_view field, std::int64_t v, std::int64_t min, std::int64_t max) -> Status {
    if (v < min || v > max) return invalid(fmt::format("{}: moet van {} tot en met {} zijn", field, min, max));
    return ok_status();
  };
  auto cents = [](std::string_view field, Cents v, Cents max) -> Status {
    if (v < 0 || v > max)
      return invalid(fmt::format("{}: moet van 0 tot en met {} eurocent zijn (€ {})", field, max, format_whole_euros(max)));
    return ok_status();
  };
  auto centi = [](std::string_view field, std::int64_t v, std::int64_t max) -> Status {
    if (v < 0 || v > max)
      return invalid(fmt::format("{}: moet van 0 tot en met {} zijn", field, format_fixed(max, 2, true)));
    return ok_status();
  };
  for (auto& a : m.allocations) {
    if (a.size) check(a.path, whole("Omvang/Volume", a.size->volume, 0, lim::kMessageVolume));
    if (a.budget) check(a.path, cents("Budget", *a.budget, lim::kDeclaredAmount));
    if (!problems.empty()) continue;  // the derived figures would only repeat it
    check(a.path, centi("Omvang (uren per week)", interop::hours_per_week_centi(a), lim::kHoursPerWeekCenti));
    check(a.path, cents("Budget (per jaar)", interop::estimated_annual_cost(a), lim::kAnnualCost));
  }
  for (auto& l : m.lines) {
    check(l.path, whole("GeleverdProduct/Volume", l.volume, 0, lim::kMessageVolume));
    if (l.tariff) check(l.path, cents("ProductTarief", *l.tariff, lim::kPrice));
    check(l.path, whole("IngediendBedrag", l.amount, -lim::kDeclaredAmount, lim::kDeclaredAmount));
  }
  if (!problems.empty()) return problems.error();
  return ok_status();
}

}  // namespace

void Interop::audit(const Principal& who, const std::string& action, const std::string& subject, bool allowed,
                    const std::string& detail) {
  record_access(store_, clock_, who, action, subject, allowed, detail);
}

Result<ImportResult> Interop::import_message(const Principal& who, std::string_view xml, interop::Standard standard,
                                             const ImportOptions& options) {
  if (who.role != Role::administrator) {
    audit(who, "interop.import", "*", false);
    return forbidden("alleen een beheerder leest iJw- en iWmo-berichten in");
  }
  auto r = import_one(who, xml, standard, options);
  store::InteropStore::Outcome o;
  o.standard = std::string(interop::to_string(standard));
  o.file_name = options.file_name;
  o.by = who.username;
  o.at = clock_.now_iso8601();
  if (r) {
    o.message = r->message;
    o.outcome = r->already_imported ? "already_imported" : "accepted";
    for (auto& w : r->warnings) o.detail += (o.detail.empty() ? "" : "\n") + w;
  } else {
    o.outcome = "refused";
    o.detail = r.error().message;
    o.rule = refusal_rule(o.detail);
  }
  store::InteropStore(store_).record_outcome(o);
  return r;
}

Result<ImportResult> Interop::import_one(const Principal& who, std::string_view xml, interop::Standard standard,
                                         const ImportOptions& options) {
  interop::ParseOptions po;
  po.schema_dir = options.schema_dir;
  // The server has no flag for it: an installation names its schema folder in the settings.
  if (po.schema_dir.empty())
    if (auto dir = store::SettingsStore(store_).get("interop.schema_dir")) po.schema_dir = *dir;
  auto parsed = interop::parse_message(xml, standard, po);
  if (!parsed) return parsed.error();
  auto& m = *parsed;
  if (auto st = check_message_numbers(m); !st) return st.error();
  const auto& h = m.header;
  ImportResult result;
  result.message = fmt::format("{} {}", interop::message_name(h.standard, h.kind), h.id);
  if (auto own = store::SettingsStore(store_).get("interop.municipality_code"); own && !own->empty() && *own != h.municipality)
    return invalid(fmt::format("Regie /Bericht/Header/{}: gemeente {} is niet de gemeente van deze installatie ({})",
                               h.kind == interop::MessageKind::allocation ? "Afzender" : "Ontvanger", h.municipality,
                               *own));
  store::InteropStore is(store_);
  auto hash = sha256_hex(xml);
  if (auto previous = is.imported_hash(std::string(to_string(h.standard)), stored_kind(h.kind), h.sender, h.id)) {
    if (*previous != hash)
      return Error{ErrorCode::conflict,
                   fmt::format("TR056 /Bericht/Header/BerichtIdentificatie/Identificatie: bericht {} van afzender {} "
                               "is al eerder ingelezen met een andere inhoud; een nieuw bericht krijgt een nieuwe "
                               "identificatie",
                               h.id, h.sender)};
    result.already_imported = true;
    return result;
  }
  if (!sealer_)
    return Error{ErrorCode::unavailable,
                 "er is geen sleutel voor BSN's ingesteld, dus cliënten kunnen niet worden herkend"};
  std::map<std::string, store::InteropStore::MemberRef> member_of;
  auto wanted = m.bsns();
  for (auto& s : is.sealed_bsns()) {
    auto bsn = sealer_->open(s.sealed);
    if (bsn && std::find(wanted.begin(), wanted.end(), *bsn) != wanted.end())
      member_of[*bsn] = {s.member_id, s.household_id};
  }
  ProblemList unknown;
  for (auto& b : wanted)
    if (!member_of.contains(b))
      unknown.add(fmt::format("TR304 {} ({}): geen gezinslid heeft dit BSN; leg het vast bij het gezinslid en lees "
                              "het bericht daarna opnieuw in",
                              bsn_path(m, b), mask_bsn(b)));
  if (!unknown.empty()) {
    auto e = unknown.error();
    e.message += "\nniets van dit bericht is opgeslagen";
    return e;
  }
  std::vector<store::InteropStore::Warning> warnings;
  if (m.client_birth_date) {
    auto& ref = member_of.at(m.client_bsn);
    for (auto& member : store::HouseholdStore(store_).members(ref.household_id))
      if (member.id == ref.member_id && member.birth_year != 0 && member.birth_year != year_of(*m.client_birth_date)) {
        const auto name = member.given_name.empty() ? member.family_name : member.given_name;
        const auto born = format_date_nl(*m.client_birth_date);
        // The administrator gets the element path; the household page says
        // the same in the director's words.
        result.warnings.push_back(fmt::format("Let op: het BSN in /Bericht/Client/Bsn hoort bij {} (geboren in {}), "
                                              "maar het bericht noemt geboortedatum {}; controleer of dit dezelfde "
                                              "persoon is",
                                              name, member.birth_year, born));
        warnings.push_back({ref.household_id, ref.member_id,
                            fmt::format("Een ingelezen bericht van een aanbieder is gekoppeld aan {} (geboren in {}), "
                                        "maar noemt als geboortedatum {}. Controleer of dit dezelfde persoon is.",
                                        name, member.birth_year, born)});
      }
  }
  auto applied = is.apply(import_records(m), member_of, hash, who.username, clock_.now_iso8601(), warnings);
  if (!applied) return applied.error();
  if (applied->declaration_resent) {
    result.already_imported = true;
    result.warnings.clear();
    return result;
  }
  for (auto& hh : applied->households) audit(who, "interop.import", hh, true, result.message);
  result.provisions = applied->provisions;
  return result;
}

Result<std::vector<store::InteropStore::Outcome>> Interop::outcomes(const Principal& who, std::size_t limit) {
  if (who.role != Role::administrator) return forbidden("alleen een beheerder ziet de ingelezen berichten");
  return store::InteropStore(store_).outcomes(limit);
}

Result<std::vector<store::InteropStore::ProviderLink>> Interop::providers(const Principal& who) {
  if (who.role != Role::administrator) return forbidden("alleen een beheerder koppelt aanbieders");
  return store::InteropStore(store_).providers();
}

Status Interop::link_provider(const Principal& who, const std::string& agb, const std::string& organisation_id) {
  if (who.role != Role::administrator) {
    audit(who, "interop.link_provider", agb, false);
    return forbidden("alleen een beheerder koppelt aanbieders");
  }
  auto st = store::InteropStore(store_).link_provider(agb, organisation_id, who.username, clock_.now_iso8601());
  if (st) audit(who, "interop.link_provider", agb, true, organisation_id);
  return st;
}

Result<CsvImportResult> Interop::import_csv(const Principal& who, const std::string& households_path,
                                            const std::string& allocations_path) {
  if (who.role != Role::administrator) {
    audit(who, "interop.import_csv", "*", false);
    return forbidden("only an administrator imports households and allocations");
  }
  ProblemList problems;
  store::Bundle bundle;
  std::set<std::string> households;
  {
    auto r = CsvReader::open(households_path);
    if (!r) return r.error();
    auto cols = (*r)->require_columns({"household_id", "neighbourhood", "members"});
    if (!cols) return cols.error();
    int c_id = (*cols)[0], c_nb = (*cols)[1], c_members = (*cols)[2];
    while ((*r)->next()) {
      std::string id((*r)->field(c_id));
      if (!valid_id(id)) problems.add((*r)->where(c_id) + ": " + kIdRule);
      else if (!households.insert(id).second) problems.add((*r)->where(c_id) + ": '" + id + "' occurs twice");
      else if (store::HouseholdStore(store_).find(id)) problems.add((*r)->where(c_id) + ": household '" + id + "' is already stored");
      if (!parse_fixed((*r)->field(c_members), 0)) problems.add((*r)->where(c_members) + ": not a whole number");
      domain::Household h;
      h.id = id;
      h.neighbourhood = std::string((*r)->field(c_nb));
      h.status = domain::HouseholdStatus::active;
      bundle.households.push_back(std::move(h));
    }
    if ((*r)->error()) return *(*r)->error();
  }
  std::map<std::string, std::string> member_household;
  std::set<std::string> organisations, allocations;
  for (auto& o : store::OrganisationStore(store_).list()) organisations.insert(o.id);
  std::size_t new_orgs = 0;
  {
    auto r = CsvReader::open(allocations_path);
    if (!r) return r.error();
    auto cols = (*r)->require_columns({"allocation_id", "household_id", "client_id", "domain", "provider_id",
                                        "product_code", "start_date", "end_date", "hours_per_week", "yearly_cost_eur"});
    if (!cols) return cols.error();
    enum { A, H, C, D, P, PC, S, E, HW, Y };
    auto col = [&](int i) { return (*cols)[i]; };
    while ((*r)->next()) {
      auto& rd = **r;
      auto f = [&](int i) { return std::string(rd.field(col(i))); };
      auto bad = [&](int i, const std::string& why) { problems.add(rd.where(col(i)) + ": " + why); };
      domain::Provision p;
      p.id = f(A);
      if (!valid_id(p.id)) bad(A, kIdRule);
      else if (!allocations.insert(p.id).second) bad(A, "'" + p.id + "' occurs twice");
      p.household_id = f(H);
      if (!households.contains(p.household_id)) bad(H, "'" + p.household_id + "' is not in " + households_path);
      std::string client = f(C);
      if (!valid_id(client)) bad(C, kIdRule);
      else if (auto it = member_household.find(client); it != member_household.end() && it->second != p.household_id)
        bad(C, "client '" + client + "' also appears in household '" + it->second + "'");
      p.member_id = client;
      auto d = domain::parse_domain(rd.field(col(D)));
      if (!d) bad(D, "'" + f(D) + "' is not a domain of DATA-FORMATS.md");
      else p.domain = *d;
      p.provider_id = f(P);
      if (!valid_id(p.provider_id)) bad(P, kIdRule);
      p.goal = f(PC).empty() ? "" : "product " + f(PC);
      auto s = parse_date(rd.field(col(S)));
      if (!s) bad(S, "not a date (yyyy-mm-dd): '" + f(S) + "'");
      else p.start = *s;
      if (!f(E).empty()) {
        auto e = parse_date(rd.field(col(E)));
        if (!e) bad(E, "not a date (yyyy-mm-dd): '" + f(E) + "'");
        else if (s && *e < *s) bad(E, "is before start_date");
        else p.end = *e;
      }
      auto hours = parse_fixed(rd.field(col(HW)), 2);
      if (!f(HW).empty() && !hours) bad(HW, "not a number with at most two decimals: '" + f(HW) + "'");
      else if (hours && (*hours < 0 || *hours > domain::limits::kHoursPerWeekCenti))
        bad(HW, fmt::format("0 to {} hours per week", domain::limits::kHoursPerWeekCenti / 100));
      p.hours_per_week_centi = hours.value_or(0);
      auto cost = parse_euros(rd.field(col(Y)));
      if (!cost || *cost < 0) bad(Y, "not an amount in euros with at most two decimals: '" + f(Y) + "'");
      else if (*cost > domain::limits::kAnnualCost)
        bad(Y, fmt::format("0 to {} euros a year", domain::limits::kAnnualCost / 100));
      else p.annual_cost = *cost;
      // The export's yearly cost is the municipality's own figure for its provisions; for the rest it is an estimate.
      p.basis = domain::category_of(p.domain) == domain::Category::gemeente ? domain::CostBasis::declared
                                                                            : domain::CostBasis::estimate;
      p.indicated = domain::indicated_by_default(p.domain);
      if (valid_id(client) && !member_household.contains(client) && households.contains(p.household_id)) {
        member_household[client] = p.household_id;
        domain::Member m;
        m.id = client;
        m.household_id = p.household_id;
        m.role = domain::MemberRole::other;
        bundle.members.push_back(std::move(m));
      }
      if (valid_id(p.provider_id) && organisations.insert(p.provider_id).second) {
        bundle.organisations.push_back({p.provider_id, p.provider_id, "provider"});
        ++new_orgs;
      }
      bundle.provisions.push_back(std::move(p));
    }
    if ((*r)->error()) return *(*r)->error();
  }
  if (!problems.empty()) return problems.error();
  auto st = store::write_bundle(store_, bundle);
  if (!st) return st.error();
  audit(who, "interop.import_csv", "*", true, fmt::format("{} households", bundle.households.size()));
  return CsvImportResult{bundle.households.size(), bundle.members.size(), bundle.provisions.size(), new_orgs};
}

Result<nlohmann::json> Interop::export_fhir(const Principal& who, const std::string& household_id, bool include_bsn) {
  auto action = include_bsn ? "household.export_fhir_bsn" : "household.export_fhir";
  auto h = household_for_access(store_, who, household_id);
  const bool assigned = h && is_assigned(store_, who, *h);
  // Clear BSNs leave Regie only with the household's director of record; an
  // assigned team lead exports the file without them, as they see them
  // masked in the file.
  const bool allowed = assigned && (!include_bsn || who.role == domain::Role::director);
  record_access(store_, clock_, who, action, household_id, allowed);
  if (!assigned) return forbidden("only the household's assigned director may export it");
  if (!allowed) return forbidden("only the household's director exports BSNs");
  if (include_bsn && !sealer_)
    return Error{ErrorCode::unavailable, "no secret key for BSNs is configured, so no BSN can be exported"};
  interop::FhirInput in;
  in.household = *h;
  in.director_username = h->director;
  if (auto a = store::AccountStore(store_).find(h->director)) in.director_display_name = a->display_name;
  in.members = store::HouseholdStore(store_).members(household_id);
  if (include_bsn)
    for (auto& m : in.members)
      if (m.bsn_sealed)
        if (auto bsn = sealer_->open(*m.bsn_sealed)) in.bsn[m.id] = *bsn;
  in.provisions = store::ProvisionStore(store_).of_household(household_id);
  for (auto& o : store::OrganisationStore(store_).list()) in.organisations[o.id] = o;
  for (auto& p : store::OrganisationStore(store_).professionals()) in.professionals[p.id] = p;
  store::InteropStore is(store_);
  in.allocation_numbers = is.allocation_numbers(household_id);
  for (auto& p : store::PlanStore(store_).versions(household_id))
    in.plans.push_back({p.id, p.plan_version, p.status, p.created_at, p.agreed_at});
  for (auto& m : store::MeasurementStore(store_).answers(household_id))
    in.measurements.push_back({m.member_id, m.instrument, m.moment, m.measured_on, m.item, m.score_milli});
  in.consents = store::ConsentStore(store_).of_household(household_id);
  in.generated_at = clock_.now_iso8601();
  in.today = clock_.today();
  return interop::fhir_bundle(in);
}

Result<analytics::Table> Interop::care_map_table(const Principal& who, const std::string& household_id) {
  Households households(store_, clock_, sealer_);
  auto d = households.get(who, household_id);
  if (!d) return d.error();
  auto numbers = store::InteropStore(store_).allocation_numbers(household_id);
  std::map<std::string, std::string> member_names;
  for (auto& m : d->members) member_names[m.id] = m.given_name + " " + m.family_name;
  analytics::Table t;
  t.columns = {"provision_id", "member", "domain", "category", "provider", "professional", "goal", "start_date",
               "end_date", "active", "hours_per_week", "annual_cost_eur", "cost_basis", "cost_explanation",
               "allocation_number"};
  t.numeric = {false, false, false, false, false, false, false, false, false, false, true, true, false, false, false};
  for (auto& p : d->provisions) {
    auto cost = domain::annual_cost_on(p, d->on, d->prices);
    auto org = d->organisations.find(p.provider_id);
    std::string professional;
    if (p.professional_id)
      if (auto it = d->professionals.find(*p.professional_id); it != d->professionals.end()) professional = it->second.name;
    t.rows.push_back({p.id, p.member_id ? member_names[*p.member_id] : "", std::string(domain::to_string(p.domain)),
                      std::string(domain::to_string(p.category())),
                      org != d->organisations.end() ? org->second.name : p.provider_id, professional, p.goal,
                      format_date(p.start), p.end ? format_date(*p.end) : "", p.active_on(d->on) ? "yes" : "no",
                      format_fixed(p.hours_per_week_centi, 2, true), format_cents(cost.annual),
                      std::string(domain::to_string(cost.basis)), cost.explanation,
                      numbers.contains(p.id) ? numbers[p.id] : ""});
  }
  return t;
}

}  // namespace regie::service
