// Code lists of the iJw/iWmo 3.2 releases as tables; sources in docs/interop.md.
#include "interop/codelists.h"

#include <fmt/format.h>

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

}  // namespace

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
      {"01", "minute"}, {"04", "hour"},         {"14", "24-hour period"},  {"16", "part of a day (4 hours)"},
      {"82", "pieces (output)"}, {"83", "euros"}, {"84", "pieces (effort)"},
  };
  return codes;
}

const std::vector<CodeEntry>& frequency_codes() {
  static const std::vector<CodeEntry> codes = {
      {"1", "per day"}, {"2", "per week"}, {"4", "per month"}, {"6", "total for the allocation"},
  };
  return codes;
}

bool is_product_category(Standard s, std::string_view code) {
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return false;
  int n = (code[0] - '0') * 10 + (code[1] - '0');
  return s == Standard::iwmo ? (n >= 1 && n <= 18) : (n >= 40 && n <= 55);
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
