// iJw/iWmo 3.2 message reader on libxml2's tree API. The document is parsed
// without network access and without entity expansion; a DOCTYPE is refused.
#include "interop/istandaard.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "common/bsn.h"

namespace regie::interop {

namespace {

// A fault in the message: where and why. Thrown inside this file only, and
// turned into one invalid_input at parse_message's boundary.
struct Refusal {
  std::string path, reason;
};

[[noreturn]] void refuse(const std::string& path, std::string reason) { throw Refusal{path, std::move(reason)}; }

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Reader {
 public:
  Reader(Standard s, MessageKind k) : msg_ns_(message_namespace(s, k)), base_ns_(base_namespace(s)) {}

  // Element children named `name` in the message or the basisschema namespace.
  std::vector<xmlNode*> all(xmlNode* parent, const char* name) const {
    std::vector<xmlNode*> out;
    for (xmlNode* c = parent->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST name) != 0) continue;
      std::string ns = c->ns && c->ns->href ? reinterpret_cast<const char*>(c->ns->href) : "";
      if (ns == msg_ns_ || ns == base_ns_) out.push_back(c);
    }
    return out;
  }
  xmlNode* opt(xmlNode* parent, const std::string& path, const char* name) const {
    auto v = all(parent, name);
    if (v.size() > 1) refuse(path + "/" + name, "occurs more than once");
    return v.empty() ? nullptr : v[0];
  }
  xmlNode* req(xmlNode* parent, const std::string& path, const char* name) const {
    auto* n = opt(parent, path, name);
    if (!n) refuse(path + "/" + name, "required element is missing");
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
    if (t.empty()) refuse(path + "/" + name, "is empty");
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
    if (!d) refuse(path + "/" + name, fmt::format("'{}' is not a date (yyyy-mm-dd)", t));
    return *d;
  }
  std::optional<Date> opt_date(xmlNode* parent, const std::string& path, const char* name) const {
    if (!opt(parent, path, name)) return std::nullopt;
    return req_date(parent, path, name);
  }
  std::int64_t req_int(xmlNode* parent, const std::string& path, const char* name, std::int64_t max) const {
    auto t = req_text(parent, path, name);
    if (!all_digits(t) || t.size() > 12 || std::stoll(t) > max)
      refuse(path + "/" + name, fmt::format("'{}' is not a whole number from 0 to {}", t, max));
    return std::stoll(t);
  }
  std::string bsn(xmlNode* parent, const std::string& path) const {
    auto t = req_text(parent, path, "Bsn");
    if (!is_valid_bsn(t)) refuse(path + "/Bsn", "not nine digits passing the 11-check");
    return t;
  }
  // Bedrag with DebetCredit (CDT_BedragMetDC): cents, negative for credit.
  Cents amount(xmlNode* parent, const std::string& path, const char* name) const {
    auto p = path + "/" + name;
    auto* n = req(parent, path, name);
    Cents v = req_int(n, p, "Bedrag", 99'999'999'999);
    auto dc = req_text(n, p, "DebetCredit");
    if (dc != "D" && dc != "C") refuse(p + "/DebetCredit", fmt::format("'{}' is not D (debit) or C (credit)", dc));
    return dc == "C" ? -v : v;
  }
  std::string code(xmlNode* parent, const std::string& path, const char* name, const std::vector<CodeEntry>& list) const {
    auto t = req_text(parent, path, name);
    if (!find_code(list, t)) refuse(path + "/" + name, fmt::format("'{}' is not one of {}", t, list_codes(list)));
    return t;
  }

 private:
  std::string msg_ns_, base_ns_;
};

std::string indexed(const std::string& path, const char* name, std::size_t i, std::size_t n) {
  return n > 1 ? fmt::format("{}/{}[{}]", path, name, i + 1) : fmt::format("{}/{}", path, name);
}

std::string allocation_number(const Reader& r, xmlNode* parent, const std::string& path) {
  auto t = r.req_text(parent, path, "ToewijzingNummer");
  if (t.size() > 20 || !std::all_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    refuse(path + "/ToewijzingNummer", "at most 20 letters and digits");
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
    refuse(p + "/BerichtCode", fmt::format("'{}' is not the code of a {} message ({})", out.code,
                                           message_name(standard, kind), expected));
  auto version = r.req_text(h, p, "BerichtVersie"), sub = r.req_text(h, p, "BerichtSubversie");
  if (version != "3" || sub != "2")
    refuse(p + "/BerichtVersie", fmt::format("version {}.{}; only release 3.2 is imported", version, sub));
  out.sender = r.req_text(h, p, "Afzender");
  out.receiver = r.req_text(h, p, "Ontvanger");
  // The municipality sends the allocation; the provider sends the rest.
  bool from_municipality = kind == MessageKind::allocation;
  out.municipality = from_municipality ? out.sender : out.receiver;
  out.agb = from_municipality ? out.receiver : out.sender;
  auto muni_path = p + (from_municipality ? "/Afzender" : "/Ontvanger");
  auto agb_path = p + (from_municipality ? "/Ontvanger" : "/Afzender");
  if (out.municipality.size() != 4 || !all_digits(out.municipality))
    refuse(muni_path, fmt::format("'{}' is not a municipality code (four digits)", out.municipality));
  if (out.agb.size() != 8 || !all_digits(out.agb))
    refuse(agb_path, fmt::format("'{}' is not an AGB code (eight digits)", out.agb));
  auto ip = p + "/BerichtIdentificatie";
  auto* ident = r.req(h, p, "BerichtIdentificatie");
  out.id = r.req_text(ident, ip, "Identificatie");
  if (out.id.size() > 64 || !std::all_of(out.id.begin(), out.id.end(), [](char c) { return c > ' ' && c < 127; }))
    refuse(ip + "/Identificatie", "at most 64 printable characters without spaces");
  out.date = r.req_date(ident, ip, "Dagtekening");
  return out;
}

void read_allocation(const Reader& r, xmlNode* root, Message& m) {
  std::string cp = "/Bericht/Client";
  auto* client = r.req(root, "/Bericht", "Client");
  m.client_bsn = r.bsn(client, cp);
  auto* birth = r.req(client, cp, "Geboortedatum");
  m.client_birth_date = r.req_date(birth, cp + "/Geboortedatum", "Datum");
  auto lp = cp + "/ToegewezenProducten";
  auto* list = r.req(client, cp, "ToegewezenProducten");
  auto items = r.all(list, "ToegewezenProduct");
  if (items.empty()) refuse(lp + "/ToegewezenProduct", "required element is missing");
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto p = indexed(lp, "ToegewezenProduct", i, items.size());
    auto* n = items[i];
    AllocatedProduct a;
    a.path = p;
    a.allocation_number = allocation_number(r, n, p);
    if (!numbers.insert(a.allocation_number).second) refuse(p + "/ToewijzingNummer", "occurs twice in this message");
    if (auto* prod = r.opt(n, p, "Product")) {
      a.category = r.req_text(prod, p + "/Product", "Categorie");
      if (!is_product_category(m.header.standard, a.category))
        refuse(p + "/Product/Categorie",
               fmt::format("'{}' is not a {} product category ({})", a.category,
                           m.header.standard == Standard::iwmo ? "Wmo" : "Youth",
                           m.header.standard == Standard::iwmo ? "01 to 18" : "40 to 55"));
      a.code = r.opt_text(prod, p + "/Product", "Code").value_or("");
      if (a.code.size() > 5) refuse(p + "/Product/Code", "at most five characters");
    }
    r.req_date(n, p, "Toewijzingsdatum");
    a.start = r.req_date(n, p, "Ingangsdatum");
    a.end = r.opt_date(n, p, "Einddatum");
    if (a.end && *a.end < a.start) refuse(p + "/Einddatum", "is before Ingangsdatum");
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
  auto* birth = r.req(client, cp, "Geboortedatum");
  r.req_date(birth, cp + "/Geboortedatum", "Datum");
  const char* list_name = stop ? "StopProducten" : "StartProducten";
  const char* item_name = stop ? "StopProduct" : "StartProduct";
  auto lp = cp + "/" + list_name;
  auto items = r.all(r.req(client, cp, list_name), item_name);
  if (items.empty()) refuse(lp + "/" + item_name, "required element is missing");
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto p = indexed(lp, item_name, i, items.size());
    StartStop s;
    s.path = p;
    s.bsn = bsn;
    // Optional in the schema (a category-wide allocation); Regie needs it to find the provision.
    if (!r.opt(items[i], p, "ToewijzingNummer"))
      refuse(p + "/ToewijzingNummer", "required to link the message to an imported allocation");
    s.allocation_number = allocation_number(r, items[i], p);
    s.begin = r.req_date(items[i], p, "Begindatum");
    if (stop) {
      s.reason = r.req_text(items[i], p, "RedenBeeindiging");
      if (s.reason.size() != 2 || !all_digits(s.reason)) refuse(p + "/RedenBeeindiging", "a two-digit code");
      s.end = r.req_date(items[i], p, "Einddatum");
      if (*s.end < s.begin) refuse(p + "/Einddatum", "is before Begindatum");
    }
    s.status = r.req_text(items[i], p, "StatusAanlevering");
    if (s.status != "1" && s.status != "2" && s.status != "3")
      refuse(p + "/StatusAanlevering", fmt::format("'{}' is not 1 (first), 2 (correction) or 3 (withdrawal)", s.status));
    m.starts_stops.push_back(std::move(s));
  }
}

void read_declaration(const Reader& r, xmlNode* root, Message& m) {
  std::string dp = "/Bericht/Declaratie";
  auto* decl = r.req(root, "/Bericht", "Declaratie");
  m.declaration_number = r.req_text(decl, dp, "DeclaratieNummer");
  auto* period = r.req(decl, dp, "DeclaratiePeriode");
  auto from = r.req_date(period, dp + "/DeclaratiePeriode", "Begindatum");
  auto to = r.req_date(period, dp + "/DeclaratiePeriode", "Einddatum");
  if (to < from) refuse(dp + "/DeclaratiePeriode/Einddatum", "is before Begindatum");
  r.req_date(decl, dp, "DeclaratieDagtekening");
  Cents total = r.amount(decl, dp, "TotaalIngediendBedrag");
  auto lp = dp + "/Clienten";
  auto clients = r.all(r.req(decl, dp, "Clienten"), "Client");
  if (clients.empty()) refuse(lp + "/Client", "required element is missing");
  Cents sum = 0;
  std::set<std::string> references;
  for (std::size_t c = 0; c < clients.size(); ++c) {
    auto cp = indexed(lp, "Client", c, clients.size());
    auto bsn = r.bsn(clients[c], cp);
    auto pp = cp + "/Prestaties";
    auto items = r.all(r.req(clients[c], cp, "Prestaties"), "Prestatie");
    if (items.empty()) refuse(pp + "/Prestatie", "required element is missing");
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto p = indexed(pp, "Prestatie", i, items.size());
      auto* n = items[i];
      ServiceLine l;
      l.path = p;
      l.bsn = bsn;
      auto* ref = r.req(n, p, "ProductReferentie");
      l.reference = r.req_text(ref, p + "/ProductReferentie", "ReferentieNummer");
      l.allocation_number = allocation_number(r, n, p);
      l.category = r.req_text(n, p, "ProductCategorie");
      if (!is_product_category(m.header.standard, l.category))
        refuse(p + "/ProductCategorie", fmt::format("'{}' is not a product category of this standard", l.category));
      l.code = r.req_text(n, p, "ProductCode");
      auto* pper = r.req(n, p, "ProductPeriode");
      l.period_start = r.req_date(pper, p + "/ProductPeriode", "Begindatum");
      l.period_end = r.req_date(pper, p + "/ProductPeriode", "Einddatum");
      if (l.period_end < l.period_start) refuse(p + "/ProductPeriode/Einddatum", "is before Begindatum");
      if (l.period_start < from || l.period_end > to)
        refuse(p + "/ProductPeriode", "lies outside the DeclaratiePeriode");
      l.volume = r.req_int(n, p, "GeleverdVolume", 99'999'999);
      l.unit = r.code(n, p, "Eenheid", unit_codes());
      if (r.opt(n, p, "ProductTarief")) l.tariff = r.req_int(n, p, "ProductTarief", 99'999'999);
      else if (l.unit != "83") refuse(p + "/ProductTarief", "required unless Eenheid is 83 (euros)");
      l.amount = r.amount(n, p, "IngediendBedrag");
      if (l.tariff && l.unit != "83" && std::llabs(l.amount) != l.volume * *l.tariff)
        refuse(p + "/IngediendBedrag", "is not GeleverdVolume times ProductTarief");
      if (l.unit == "83" && std::llabs(l.amount) != l.volume)
        refuse(p + "/IngediendBedrag", "is not GeleverdVolume (euro cents, Eenheid 83)");
      auto key = l.reference + (l.amount < 0 ? "/C" : "/D");
      if (!references.insert(key).second) refuse(p + "/ProductReferentie", "occurs twice in this declaration");
      sum += l.amount;
      m.lines.push_back(std::move(l));
    }
  }
  if (sum != total)
    refuse(dp + "/TotaalIngediendBedrag", fmt::format("{} cents is not the sum of the service lines ({} cents)", total, sum));
}

struct ErrorSink {
  std::string first;
  static void handle(void* self, xmlError* e) {
    auto* sink = static_cast<ErrorSink*>(self);
    if (sink->first.empty() && e && e->message) {
      std::string msg = e->message;
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      sink->first = e->line > 0 ? fmt::format("line {}: {}", e->line, msg) : msg;
    }
  }
};

// Restores the process's libxml2 error handler when the parse ends.
struct ScopedErrors {
  explicit ScopedErrors(ErrorSink& sink) { xmlSetStructuredErrorFunc(&sink, &ErrorSink::handle); }
  ~ScopedErrors() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
};

Status validate_schema(xmlDoc* doc, const std::string& dir, Standard s, MessageKind k) {
  namespace fs = std::filesystem;
  auto name = message_name(s, k);
  std::string upper = name;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  fs::path file;
  for (auto& candidate : {fs::path(dir) / (name + ".xsd"), fs::path(dir) / (upper + ".xsd")})
    if (fs::exists(candidate)) file = candidate;
  if (file.empty())
    return Error{ErrorCode::unavailable,
                 fmt::format("schema validation is configured, but {} has no {}.xsd", dir, name)};
  ErrorSink sink;
  ScopedErrors scoped(sink);
  auto* pctx = xmlSchemaNewParserCtxt(file.c_str());
  xmlSchema* schema = pctx ? xmlSchemaParse(pctx) : nullptr;
  if (pctx) xmlSchemaFreeParserCtxt(pctx);
  if (!schema)
    return Error{ErrorCode::unavailable, fmt::format("the schema {} could not be read: {}", file.string(), sink.first)};
  auto* vctx = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vctx, &ErrorSink::handle, &sink);
  int rc = xmlSchemaValidateDoc(vctx, doc);
  xmlSchemaFreeValidCtxt(vctx);
  xmlSchemaFree(schema);
  if (rc != 0) return invalid(fmt::format("not valid against {}: {}", file.filename().string(), sink.first));
  return ok_status();
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

Cents annualise(Cents amount, std::int64_t days) {
  if (days <= 0 || amount <= 0) return 0;
  return static_cast<Cents>(div_round128(static_cast<__int128>(amount) * 365, days));
}

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
  if (xml.empty()) return invalid("the message is empty");
  if (xml.size() > options.max_bytes)
    return invalid(fmt::format("the message is larger than {} bytes", options.max_bytes));
  ErrorSink sink;
  std::unique_ptr<xmlDoc, DocFree> doc;
  {
    ScopedErrors scoped(sink);
    doc.reset(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "message.xml", nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOCDATA));
  }
  if (!doc) return invalid(fmt::format("not well-formed XML: {}", sink.first));
  if (doc->intSubset) return invalid("a DOCTYPE is not allowed in a message");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || xmlStrcmp(root->name, BAD_CAST "Bericht") != 0)
    return invalid("/: the root element must be Bericht");
  std::string ns = root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
  std::optional<MessageKind> kind;
  for (auto k : {MessageKind::allocation, MessageKind::start, MessageKind::stop, MessageKind::declaration})
    if (ns == message_namespace(standard, k)) kind = k;
  if (!kind)
    return invalid(fmt::format("/Bericht: namespace '{}' is not that of an {} 3.2 message 301, 305, 307 or 323", ns,
                               standard == Standard::ijw ? "iJw" : "iWmo"));
  if (!options.schema_dir.empty()) {
    auto st = validate_schema(doc.get(), options.schema_dir, standard, *kind);
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
    return invalid(fmt::format("{}: {}", f.path, f.reason));
  }
  return m;
}

}  // namespace regie::interop
