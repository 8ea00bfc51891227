// Code lists of the iJw/iWmo 3.2 releases as tables; sources in docs/interop.md.
#include "interop/codelists.h"

#include <fmt/format.h>

#include <span>

namespace regie::interop {

namespace {

struct MessageCodeRow {
  Standard standard;
  MessageKind kind;
  std::string_view code;
};

// COD002-VEKT (iJw) and COD002-VEKTIS (iWmo).
constexpr MessageCodeRow kMessageCodes[] = {
    {Standard::ijw, MessageKind::allocation, "436"},  {Standard::ijw, MessageKind::start, "438"},
    {Standard::ijw, MessageKind::stop, "440"},        {Standard::ijw, MessageKind::declaration, "490"},
    {Standard::iwmo, MessageKind::allocation, "414"}, {Standard::iwmo, MessageKind::start, "418"},
    {Standard::iwmo, MessageKind::stop, "420"},       {Standard::iwmo, MessageKind::declaration, "484"},
};

// JZ020 Productcategorie, iJw 3.2.
constexpr CodeEntry kYouthCategories[] = {
    {"31", "Jeugdhulp zonder verblijf door wijk- of buurtteam (2015)"},
    {"32", "Ambulante jeugdhulp bij de aanbieder (2015)"},
    {"33", "Daghulp bij de aanbieder (2015)"},
    {"34", "Jeugdhulp in het netwerk van de jeugdige (2015)"},
    {"35", "Pleegzorg (2015)"},
    {"36", "Gezinsgericht verblijf (2015)"},
    {"37", "Gesloten plaatsing (2015)"},
    {"38", "Overig residentieel verblijf (2015)"},
    {"40", "Persoonlijke verzorging"},
    {"41", "Dagbehandeling"},
    {"42", "Vervoerdiensten"},
    {"43", "Jeugdhulp verblijf (met behandeling)"},
    {"44", "Jeugdhulp verblijf (zonder behandeling)"},
    {"45", "Jeugdhulp ambulant"},
    {"46", "Jeugdhulp crisis"},
    {"47", "Jeugdreclassering"},
    {"48", "Jeugdbescherming"},
    {"49", "Activiteiten in het preventief justitieel kader"},
    {"50", "Maatwerkarrangementen jeugd"},
    {"51", "Generalistische basis-ggz"},
    {"52", "Specialistische ggz"},
    {"53", "Kindergeneeskunde"},
    {"54", "Jeugd-ggz"},
    {"55", "Landelijk ingekochte zorg"},
};

// Productcategorie, iWmo 3.2: the names of the enumeration LDT_ProductCategorie
// in the iWmo basisschema.
constexpr CodeEntry kSupportCategories[] = {
    {"01", "Hulp bij het huishouden"},
    {"02", "Begeleiding"},
    {"03", "Persoonlijke verzorging"},
    {"04", "Kortdurend verblijf"},
    {"05", "Woondiensten"},
    {"06", "Overige ondersteuning gericht op het individu of huishouden/gezin"},
    {"07", "Dagbesteding"},
    {"08", "Vervoerdiensten"},
    {"09", "Overige groepsgerichte ondersteuning"},
    {"10", "Overige maatwerk arrangementen"},
    {"11", "Rolstoelen"},
    {"12", "Vervoervoorzieningen"},
    {"13", "Woonvoorzieningen"},
    {"14", "Overige hulpmiddelen"},
    {"15", "Beschermd wonen"},
    {"16", "Opvang"},
    {"17", "Spoedopvang"},
    {"18", "Overige beschermd wonen en opvang"},
};

std::span<const CodeEntry> categories(Standard s) {
  if (s == Standard::ijw) return kYouthCategories;
  return kSupportCategories;
}

}  // namespace

std::string_view category_name(Standard s, std::string_view category) {
  for (auto& e : categories(s))
    if (e.code == category) return e.meaning;
  return {};
}

std::string product_description(Standard s, std::string_view category, std::string_view code) {
  std::string what;
  if (auto name = category_name(s, category); !name.empty()) what = std::string(name);
  else if (!category.empty())
    what = fmt::format("{} (productcategorie {})", s == Standard::iwmo ? "Wmo-ondersteuning" : "Jeugdhulp", category);
  else what = s == Standard::iwmo ? "Wmo-ondersteuning" : "Jeugdhulp";
  if (!code.empty()) what += fmt::format(" (productcode {})", code);
  return what;
}

std::string_view to_string(Standard s) { return s == Standard::ijw ? "ijw" : "iwmo"; }

std::optional<Standard> parse_standard(std::string_view s) {
  if (s == "ijw") return Standard::ijw;
  if (s == "iwmo") return Standard::iwmo;
  return std::nullopt;
}

std::string_view message_code(Standard s, MessageKind k) {
  for (auto& r : kMessageCodes)
    if (r.standard == s && r.kind == k) return r.code;
  return {};
}

std::string message_name(Standard s, MessageKind k) {
  return fmt::format("{}{}", s == Standard::ijw ? "jw" : "wmo", static_cast<int>(k));
}

std::string message_namespace(Standard s, MessageKind k) {
  return fmt::format("http://www.istandaarden.nl/{}/3_2/{}/schema", to_string(s), message_name(s, k));
}

std::string base_namespace(Standard s) {
  return fmt::format("http://www.istandaarden.nl/{}/3_2/basisschema/schema", to_string(s));
}

const std::vector<CodeEntry>& unit_codes() {
  static const std::vector<CodeEntry> codes = {
      {"01", "minuut"},        {"04", "uur"},    {"14", "etmaal"},        {"16", "dagdeel (4 uur)"},
      {"82", "stuks (output)"}, {"83", "euro's"}, {"84", "stuks (inspanning)"},
  };
  return codes;
}

const std::vector<CodeEntry>& frequency_codes() {
  static const std::vector<CodeEntry> codes = {
      {"1", "per dag"}, {"2", "per week"}, {"4", "per maand"}, {"6", "totaal binnen geldigheidsduur toewijzing"},
  };
  return codes;
}

bool is_product_category(Standard s, std::string_view code) { return !category_name(s, code).empty(); }

std::vector<std::string> category_codes(Standard s) {
  std::vector<std::string> out;
  for (auto& e : categories(s)) out.emplace_back(e.code);
  return out;
}

const CodeEntry* find_code(const std::vector<CodeEntry>& list, std::string_view code) {
  for (auto& e : list)
    if (e.code == code) return &e;
  return nullptr;
}

std::string list_codes(const std::vector<CodeEntry>& list) {
  std::string out;
  for (auto& e : list) out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", e.code, e.meaning);
  return out;
}

}  // namespace regie::interop
