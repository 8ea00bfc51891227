// iJw/iWmo 3.2 message reader on libxml2's tree API. The document is parsed
// without network access and without entity expansion; a DOCTYPE is refused.
// Each element is looked for in the namespace its XSD gives it: elements of
// the message's own types in the message namespace, the parts of the
// basisschema's composite types (CDT_*) in the basisschema namespace.
#include "interop/istandaard.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <set>

#include "common/bsn.h"
#include "domain/costs.h"
#include "interop/schema.h"

namespace regie::interop {

namespace {

// A fault in the message: which rule, where and why. Thrown inside this file
// only, and turned into one invalid_input at parse_message's boundary.
struct Refusal {
  std::string rule, path, reason;
};

[[noreturn]] void refuse(const char* rule, const std::string& path, std::string reason) {
  throw Refusal{rule, path, std::move(reason)};
}
// A rule of the XSD itself, which has no number of its own in the standard.
[[noreturn]] void refuse(const std::string& path, std::string reason) { refuse("XSD", path, std::move(reason)); }

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Elements whose XSD type is a composite type of the basisschema: their
// children are in the basisschema namespace.
bool has_base_type(std::string_view name) {
  static const std::set<std::string_view> names = {
      "BerichtIdentificatie", "XsdVersie",     "Geboortedatum",         "Naam",           "Product",
      "Omvang",               "DeclaratiePeriode", "ProductPeriode",    "ProductReferentie", "IngediendBedrag",
      "TotaalIngediendBedrag", "Adres",        "Telefoon",              "Periode"};
  return names.contains(name);
}

class Reader {
 public:
  Reader(Standard s, MessageKind k) : msg_ns_(message_namespace(s, k)), base_ns_(base_namespace(s)) {}

  // Element children named `name` in the namespace the schema gives them.
  std::vector<xmlNode*> all(xmlNode* parent, const char* name) const {
    std::string parent_ns = ns_of(parent);
    const std::string& want =
        parent_ns == base_ns_ || has_base_type(reinterpret_cast<const char*>(parent->name)) ? base_ns_ : msg_ns_;
    std::vector<xmlNode*> out;
    for (xmlNode* c = parent->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0 && ns_of(c) == want) out.push_back(c);
    return out;
  }
  xmlNode* opt(xmlNode* parent, const std::string& path, const char* name) const {
    auto v = all(parent, name);
    if (v.size() > 1) refuse(path + "/" + name, "komt meer dan één keer voor");
    return v.empty() ? nullptr : v[0];
  }
  xmlNode* req(xmlNode* parent, const std::string& path, const char* name) const {
    auto* n = opt(parent, path, name);
    if (!n) refuse(path + "/" + name, "dit verplichte element ontbreekt (of staat in de verkeerde namespace)");
    return n;
  }
  static std::string text(xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string s = c ? reinterpret_cast<const char*>(c) : "";
    xmlFree(c);
    auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
  }
  std::string req_text(xmlNode* parent, const std::string& path, const char* name) const {
    auto t = text(req(parent, path, name));
    if (t.empty()) refuse(path + "/" + name, "is leeg");
    return t;
  }
  std::optional<std::string> opt_text(xmlNode* parent, const std::string& path, const char* name) const {
    auto* n = opt(parent, path, name);
    if (!n) return std::nullopt;
    return text(n);
  }
  Date req_date(xmlNode* parent, const std::string& path, const char* name) const {
    auto t = req_text(parent, path, name);
    auto d = parse_date(t);
    if (!d) refuse(path + "/" + name, fmt::format("'{}' is geen datum (jjjj-mm-dd)", t));
    return *d;
  }
  std::optional<Date> opt_date(xmlNode* parent, const std::string& path, const char* name) const {
    if (!opt(parent, path, name)) return std::nullopt;
    return req_date(parent, path, name);
  }
  std::int64_t req_int(xmlNode* parent, const std::string& path, const char* name, std::int64_t max) const {
    auto t = req_text(parent, path, name);
    if (!all_digits(t) || t.size() > 12 || std::stoll(t) > max)
      refuse(path + "/" + name, fmt::format("'{}' is geen geheel getal van 0 tot en met {}", t, max));
    return std::stoll(t);
  }
  std::string bsn(xmlNode* parent, const std::string& path) const {
    auto t = req_text(parent, path, "Bsn");
    if (t.size() != 9 || !all_digits(t)) refuse(path + "/Bsn", "is geen negen cijfers");
    if (!is_valid_bsn(t)) refuse("Regie", path + "/Bsn", "voldoet niet aan de elfproef");
    return t;
  }
  // CDT_BedragMetDC (Bedrag) or CDT_TotaalBedragMetDC (TotaalBedrag): cents, negative for credit.
  Cents amount(xmlNode* parent, const std::string& path, const char* name, const char* part, std::int64_t max) const {
    auto p = path + "/" + name;
    auto* n = req(parent, path, name);
    Cents v = req_int(n, p, part, max);
    auto dc = req_text(n, p, "DebetCredit");
    if (dc != "D" && dc != "C") refuse(p + "/DebetCredit", fmt::format("'{}' is niet D (debet) of C (credit)", dc));
    return dc == "C" ? -v : v;
  }
  std::string code(xmlNode* parent, const std::string& path, const char* name, const std::vector<CodeEntry>& list) const {
    auto t = req_text(parent, path, name);
    if (!find_code(list, t)) refuse(path + "/" + name, fmt::format("'{}' is niet een van {}", t, list_codes(list)));
    return t;
  }
  std::string category(xmlNode* parent, const std::string& path, const char* name, Standard s) const {
    auto t = req_text(parent, path, name);
    if (!is_product_category(s, t))
      refuse(path + "/" + name, fmt::format("'{}' is geen productcategorie van de {}", t,
                                            s == Standard::iwmo ? "Wmo (01 tot en met 18)" : "Jeugdwet (31 tot en met 55)"));
    return t;
  }

 private:
  static std::string ns_of(xmlNode* n) { return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : ""; }
  std::string msg_ns_, base_ns_;
};

std::string indexed(const std::string& path, const char* name, std::size_t i, std::size_t n) {
  return n > 1 ? fmt::format("{}/{}[{}]", path, name, i + 1) : fmt::format("{}/{}", path, name);
}

// LDT_Nummer: a whole number of at most nine digits, kept as its text.
std::string allocation_number(const Reader& r, xmlNode* parent, const std::string& path) {
  auto t = r.req_text(parent, path, "ToewijzingNummer");
  if (!all_digits(t) || t.size() > 9) refuse(path + "/ToewijzingNummer", "is geen getal van hoogstens negen cijfers");
  return t;
}

// Text of at most `max` characters with at least one that is not a space (LDT_Identificatie*, LDT_ReferentieNummer).
std::string identifier(const Reader& r, xmlNode* parent, const std::string& path, const char* name, std::size_t max,
                       bool alnum = false) {
  auto t = r.req_text(parent, path, name);
  if (t.size() > max) refuse(path + "/" + name, fmt::format("is langer dan {} tekens", max));
  if (alnum && !std::all_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    refuse(path + "/" + name, "mag alleen letters en cijfers bevatten");
  return t;
}

MessageHeader read_header(const Reader& r, xmlNode* root, Standard standard, MessageKind kind) {
  const std::string p = "/Bericht/Header";
  auto* h = r.req(root, "/Bericht", "Header");
  MessageHeader out;
  out.standard = standard;
  out.kind = kind;
  out.code = r.req_text(h, p, "BerichtCode");
  auto expected = message_code(standard, kind);
  if (out.code != expected)
    refuse(p + "/BerichtCode", fmt::format("'{}' is niet de code van een {}-bericht ({})", out.code,
                                           message_name(standard, kind), expected));
  auto version = r.req_text(h, p, "BerichtVersie"), sub = r.req_text(h, p, "BerichtSubversie");
  if (version != "3") refuse(p + "/BerichtVersie", fmt::format("versie {}; alleen release 3.2 wordt ingelezen", version));
  if (sub != "2") refuse(p + "/BerichtSubversie", fmt::format("subversie {}; alleen release 3.2 wordt ingelezen", sub));
  out.sender = r.req_text(h, p, "Afzender");
  out.receiver = r.req_text(h, p, "Ontvanger");
  // The municipality sends the allocation; the provider sends the rest.
  bool from_municipality = kind == MessageKind::allocation;
  out.municipality = from_municipality ? out.sender : out.receiver;
  out.agb = from_municipality ? out.receiver : out.sender;
  auto muni_path = p + (from_municipality ? "/Afzender" : "/Ontvanger");
  auto agb_path = p + (from_municipality ? "/Ontvanger" : "/Afzender");
  if (out.municipality.size() != 4 || !all_digits(out.municipality))
    refuse(muni_path, fmt::format("'{}' is geen gemeentecode (vier cijfers)", out.municipality));
  if (out.agb.size() != 8 || !all_digits(out.agb))
    refuse(agb_path, fmt::format("'{}' is geen AGB-code (acht cijfers)", out.agb));
  auto ip = p + "/BerichtIdentificatie";
  auto* ident = r.req(h, p, "BerichtIdentificatie");
  out.id = identifier(r, ident, ip, "Identificatie", 12);
  out.date = r.req_date(ident, ip, "Dagtekening");
  auto xp = p + "/XsdVersie";
  auto* xsd = r.req(h, p, "XsdVersie");
  r.req_text(xsd, xp, "BasisschemaXsdVersie");
  r.req_text(xsd, xp, "BerichtXsdVersie");
  return out;
}

// Geboortedatum (CDT_Geboortedatum): Datum and how much of it is known.
Date birth_date(const Reader& r, xmlNode* client, const std::string& cp) {
  auto* birth = r.req(client, cp, "Geboortedatum");
  auto d = r.req_date(birth, cp + "/Geboortedatum", "Datum");
  return d;
}

void read_allocation(const Reader& r, xmlNode* root, Message& m) {
  std::string cp = "/Bericht/Client";
  auto* client = r.req(root, "/Bericht", "Client");
  m.client_bsn = r.bsn(client, cp);
  m.client_birth_date = birth_date(r, client, cp);
  auto lp = cp + "/ToegewezenProducten";
  auto* list = r.req(client, cp, "ToegewezenProducten");
  auto items = r.all(list, "ToegewezenProduct");
  if (items.empty()) refuse(lp + "/ToegewezenProduct", "dit verplichte element ontbreekt");
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto p = indexed(lp, "ToegewezenProduct", i, items.size());
    auto* n = items[i];
    AllocatedProduct a;
    a.path = p;
    a.allocation_number = allocation_number(r, n, p);
    if (!numbers.insert(a.allocation_number).second)
      refuse("TR101", p + "/ToewijzingNummer", "dit toewijzingnummer komt twee keer voor in dit bericht");
    if (auto* prod = r.opt(n, p, "Product")) {
      a.category = r.category(prod, p + "/Product", "Categorie", m.header.standard);
      a.code = r.opt_text(prod, p + "/Product", "Code").value_or("");
      if (a.code.size() > 5) refuse(p + "/Product/Code", "is langer dan vijf tekens");
    }
    r.req_date(n, p, "Toewijzingsdatum");
    r.req_text(n, p, "Toewijzingstijd");
    a.start = r.req_date(n, p, "Ingangsdatum");
    a.end = r.opt_date(n, p, "Einddatum");
    if (a.end && *a.end < a.start) refuse("TR018", p + "/Einddatum", "ligt vóór de Ingangsdatum");
    a.change_reason = r.opt_text(n, p, "RedenWijziging").value_or("");
    if (auto* size = r.opt(n, p, "Omvang")) {
      auto sp = p + "/Omvang";
      Size s;
      s.volume = r.req_int(size, sp, "Volume", 99'999'999);
      s.unit = r.code(size, sp, "Eenheid", unit_codes());
      s.frequency = r.code(size, sp, "Frequentie", frequency_codes());
      a.size = s;
    }
    if (r.opt(n, p, "Budget")) a.budget = r.req_int(n, p, "Budget", 99'999'999);
    m.allocations.push_back(std::move(a));
  }
}

void read_start_stop(const Reader& r, xmlNode* root, Message& m) {
  bool stop = m.header.kind == MessageKind::stop;
  std::string cp = "/Bericht/Client";
  auto* client = r.req(root, "/Bericht", "Client");
  auto bsn = r.bsn(client, cp);
  m.client_bsn = bsn;
  m.client_birth_date = birth_date(r, client, cp);
  const char* list_name = stop ? "StopProducten" : "StartProducten";
  const char* item_name = stop ? "StopProduct" : "StartProduct";
  auto lp = cp + "/" + list_name;
  auto items = r.all(r.req(client, cp, list_name), item_name);
  if (items.empty()) refuse(lp + "/" + item_name, "dit verplichte element ontbreekt");
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto p = indexed(lp, item_name, i, items.size());
    StartStop s;
    s.path = p;
    s.bsn = bsn;
    // Optional in the schema (a category-wide allocation); Regie needs it to find the provision.
    if (!r.opt(items[i], p, "ToewijzingNummer"))
      refuse("TR019", p + "/ToewijzingNummer", "nodig om het bericht aan een ingelezen toewijzing te koppelen");
    s.allocation_number = allocation_number(r, items[i], p);
    r.opt_date(items[i], p, "ToewijzingIngangsdatum");
    s.begin = r.req_date(items[i], p, "Begindatum");
    if (stop) {
      s.reason = r.req_text(items[i], p, "RedenBeeindiging");
      if (s.reason.size() != 2 || !all_digits(s.reason)) refuse(p + "/RedenBeeindiging", "is geen code van twee cijfers");
      s.end = r.req_date(items[i], p, "Einddatum");
      if (*s.end < s.begin) refuse("TR018", p + "/Einddatum", "ligt vóór de Begindatum");
    }
    s.status = r.req_text(items[i], p, "StatusAanlevering");
    if (s.status != "1" && s.status != "2" && s.status != "3")
      refuse(p + "/StatusAanlevering",
             fmt::format("'{}' is niet 1 (eerste aanlevering), 2 (correctie) of 3 (verwijderen)", s.status));
    m.starts_stops.push_back(std::move(s));
  }
}

void read_declaration(const Reader& r, xmlNode* root, Message& m) {
  std::string dp = "/Bericht/Declaratie";
  auto* decl = r.req(root, "/Bericht", "Declaratie");
  m.declaration_number = identifier(r, decl, dp, "DeclaratieNummer", 12, true);
  auto* period = r.req(decl, dp, "DeclaratiePeriode");
  m.declaration_start = r.req_date(period, dp + "/DeclaratiePeriode", "Begindatum");
  m.declaration_end = r.req_date(period, dp + "/DeclaratiePeriode", "Einddatum");
  if (m.declaration_end < m.declaration_start)
    refuse("TR018", dp + "/DeclaratiePeriode/Einddatum", "ligt vóór de Begindatum");
  r.req_date(decl, dp, "DeclaratieDagtekening");
  m.declared_total = r.amount(decl, dp, "TotaalIngediendBedrag", "TotaalBedrag", 999'999'999'999);
  auto lp = dp + "/Clienten";
  auto clients = r.all(r.req(decl, dp, "Clienten"), "Client");
  if (clients.empty()) refuse(lp + "/Client", "dit verplichte element ontbreekt");
  Cents sum = 0;
  std::set<std::string> references, previous;
  for (std::size_t c = 0; c < clients.size(); ++c) {
    auto cp = indexed(lp, "Client", c, clients.size());
    auto bsn = r.bsn(clients[c], cp);
    auto pp = cp + "/Prestaties";
    auto items = r.all(r.req(clients[c], cp, "Prestaties"), "Prestatie");
    if (items.empty()) refuse(pp + "/Prestatie", "dit verplichte element ontbreekt");
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto p = indexed(pp, "Prestatie", i, items.size());
      auto* n = items[i];
      ServiceLine l;
      l.path = p;
      l.bsn = bsn;
      auto rp = p + "/ProductReferentie";
      auto* ref = r.req(n, p, "ProductReferentie");
      l.reference = identifier(r, ref, rp, "ReferentieNummer", 20);
      if (r.opt(ref, rp, "VorigReferentieNummer")) l.previous_reference = identifier(r, ref, rp, "VorigReferentieNummer", 20);
      l.allocation_number = allocation_number(r, n, p);
      l.category = r.category(n, p, "ProductCategorie", m.header.standard);
      l.code = r.req_text(n, p, "ProductCode");
      if (l.code.size() > 5) refuse(p + "/ProductCode", "is langer dan vijf tekens");
      auto* pper = r.req(n, p, "ProductPeriode");
      l.period_start = r.req_date(pper, p + "/ProductPeriode", "Begindatum");
      l.period_end = r.req_date(pper, p + "/ProductPeriode", "Einddatum");
      if (l.period_end < l.period_start) refuse("TR018", p + "/ProductPeriode/Einddatum", "ligt vóór de Begindatum");
      // The current period or an earlier one: a late line is allowed, a line ahead of the period is not.
      if (l.period_end > m.declaration_end)
        refuse("TR319", p + "/ProductPeriode/Einddatum",
               fmt::format("{} ligt na de declaratieperiode (tot en met {}); alleen de huidige of een eerdere periode "
                           "mag worden gedeclareerd",
                           format_date(l.period_end), format_date(m.declaration_end)));
      l.volume = r.req_int(n, p, "GeleverdVolume", 99'999'999);
      l.unit = r.code(n, p, "Eenheid", unit_codes());
      if (r.opt(n, p, "ProductTarief")) l.tariff = r.req_int(n, p, "ProductTarief", 99'999'999);
      else if (l.unit != "83") refuse("TR346", p + "/ProductTarief", "is verplicht tenzij de Eenheid 83 (euro's) is");
      l.amount = r.amount(n, p, "IngediendBedrag", "Bedrag", 99'999'999);
      if (l.tariff && l.unit != "83" && std::llabs(l.amount) != l.volume * *l.tariff)
        refuse("TR346", p + "/IngediendBedrag/Bedrag",
               fmt::format("{} cent is niet GeleverdVolume × ProductTarief ({} cent)", std::llabs(l.amount),
                           l.volume * *l.tariff));
      if (l.unit == "83" && std::llabs(l.amount) != l.volume)
        refuse("IV042", p + "/IngediendBedrag/Bedrag", "is niet gelijk aan GeleverdVolume (eurocenten bij Eenheid 83)");
      if (!references.insert(l.reference).second)
        refuse("TR314", rp + "/ReferentieNummer", fmt::format("'{}' komt twee keer voor in dit bericht", l.reference));
      if (l.amount < 0 && l.previous_reference.empty())
        refuse("TR323", rp + "/VorigReferentieNummer",
               "een creditregel moet met VorigReferentieNummer verwijzen naar de debetregel die hij crediteert");
      if (!l.previous_reference.empty() && !previous.insert(l.previous_reference).second)
        refuse("TR315", rp + "/VorigReferentieNummer",
               fmt::format("'{}' komt twee keer voor in dit bericht", l.previous_reference));
      sum += l.amount;
      m.lines.push_back(std::move(l));
    }
  }
  for (auto& l : m.lines)
    if (!l.previous_reference.empty() && references.contains(l.previous_reference))
      refuse("TR316", l.path + "/ProductReferentie/VorigReferentieNummer",
             fmt::format("regel '{}' staat in hetzelfde bericht; een debetregel mag niet in hetzelfde bericht "
                         "gecrediteerd worden",
                         l.previous_reference));
  if (sum != m.declared_total)
    refuse("TR358", dp + "/TotaalIngediendBedrag/TotaalBedrag",
           fmt::format("{} cent is niet de som van de prestaties (debet min credit: {} cent)", m.declared_total, sum));
}

}  // namespace

std::int64_t hours_per_week_centi(const AllocatedProduct& a) {
  if (!a.size) return 0;
  std::int64_t minutes_each;  // minutes of care per unit
  if (a.size->unit == "01") minutes_each = 1;
  else if (a.size->unit == "04") minutes_each = 60;
  else if (a.size->unit == "16") minutes_each = 240;
  else return 0;
  // minutes per week × 100 / 60 = hours per week × 100
  __int128 per_week_minutes_x = static_cast<__int128>(a.size->volume) * minutes_each * 100;
  const auto& f = a.size->frequency;
  if (f == "1") return static_cast<std::int64_t>(div_round128(per_week_minutes_x * 7, 60));
  if (f == "2") return static_cast<std::int64_t>(div_round128(per_week_minutes_x, 60));
  if (f == "4") return static_cast<std::int64_t>(div_round128(per_week_minutes_x * 12, 60 * 52));
  if (f == "6" && a.end) {
    std::int64_t days = a.end->days - a.start.days + 1;
    return static_cast<std::int64_t>(div_round128(per_week_minutes_x * 7, 60 * static_cast<__int128>(days)));
  }
  return 0;
}

Cents estimated_annual_cost(const AllocatedProduct& a) {
  if (!a.budget) return 0;
  if (!a.end) return *a.budget;
  return annualise(*a.budget, a.end->days - a.start.days + 1);
}

Cents annualise(Cents amount, std::int64_t days) { return domain::annualise(amount, days); }

std::vector<std::string> Message::bsns() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& b) {
    if (!b.empty() && std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  };
  add(client_bsn);
  for (auto& s : starts_stops) add(s.bsn);
  for (auto& l : lines) add(l.bsn);
  return out;
}

std::optional<MessageKind> peek_kind(std::string_view xml, Standard standard) {
  for (auto k : {MessageKind::allocation, MessageKind::start, MessageKind::stop, MessageKind::declaration})
    if (xml.find(message_namespace(standard, k)) != std::string_view::npos) return k;
  return std::nullopt;
}

Result<Message> parse_message(std::string_view xml, Standard standard, const ParseOptions& options) {
  if (xml.empty()) return invalid("Regie /: het bericht is leeg");
  if (xml.size() > options.max_bytes)
    return invalid(fmt::format("Regie /: het bericht is groter dan {} bytes", options.max_bytes));
  std::string first_error;
  std::unique_ptr<xmlDoc, DocFree> doc;
  {
    // Parse errors are collected here instead of going to the process's stderr.
    xmlSetStructuredErrorFunc(&first_error, [](void* out, xmlError* e) {
      auto& s = *static_cast<std::string*>(out);
      if (s.empty() && e && e->message) {
        s = fmt::format("regel {}: {}", e->line, e->message);
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
      }
    });
    doc.reset(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "message.xml", nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOCDATA));
    xmlSetStructuredErrorFunc(nullptr, nullptr);
  }
  if (!doc) return invalid(fmt::format("XML /: geen geldige XML: {}", first_error));
  if (doc->intSubset) return invalid("Regie /: een DOCTYPE is niet toegestaan in een bericht");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || xmlStrcmp(root->name, BAD_CAST "Bericht") != 0)
    return invalid("XSD /: het hoofdelement moet Bericht zijn");
  std::string ns = root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
  std::optional<MessageKind> kind;
  for (auto k : {MessageKind::allocation, MessageKind::start, MessageKind::stop, MessageKind::declaration})
    if (ns == message_namespace(standard, k)) kind = k;
  if (!kind)
    return invalid(fmt::format("XSD /Bericht: namespace '{}' is niet die van een {} 3.2-bericht 301, 305, 307 of 323",
                               ns, standard == Standard::ijw ? "iJw" : "iWmo"));
  if (!options.schema_dir.empty()) {
    auto st = validate_against_xsd(doc.get(), options.schema_dir, standard, *kind);
    if (!st) return st.error();
  }
  Reader r(standard, *kind);
  Message m;
  try {
    m.header = read_header(r, root, standard, *kind);
    switch (*kind) {
      case MessageKind::allocation: read_allocation(r, root, m); break;
      case MessageKind::start:
      case MessageKind::stop: read_start_stop(r, root, m); break;
      case MessageKind::declaration: read_declaration(r, root, m); break;
    }
  } catch (const Refusal& f) {
    return invalid(fmt::format("{} {}: {}", f.rule, f.path, f.reason));
  }
  return m;
}

}  // namespace regie::interop
