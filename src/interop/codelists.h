// The iJw/iWmo 3.2 code lists Regie reads, kept as data tables (see
// codelists.cpp): message codes per message and standard, units, frequencies
// and product categories. A new release of the standard changes the tables,
// not the parser.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regie::interop {

enum class Standard { ijw, iwmo };
enum class MessageKind { allocation = 301, start = 305, stop = 307, declaration = 323 };

std::string_view to_string(Standard s);              // "ijw" / "iwmo"
std::optional<Standard> parse_standard(std::string_view s);

struct CodeEntry {
  std::string_view code;
  std::string_view meaning;
};

// The Vektis message code (COD002) of a message of one standard, e.g. JW301 -> "436".
std::string_view message_code(Standard s, MessageKind k);
// "jw301" / "wmo323": the message's name, also the stem of its XSD file.
std::string message_name(Standard s, MessageKind k);
// Target namespace of the message schema and of the shared basisschema.
std::string message_namespace(Standard s, MessageKind k);
std::string base_namespace(Standard s);

const std::vector<CodeEntry>& unit_codes();       // WJ756: 01 minute ... 84 pieces (effort)
const std::vector<CodeEntry>& frequency_codes();  // WMO757: 1 per day, 2 per week, 4 per month, 6 total
// Product categories: Wmo 01–18, Youth 31–38 (2015) and 40–55, each with its
// Dutch name; a test holds both lists against the schemas' enumerations.
bool is_product_category(Standard s, std::string_view code);
std::vector<std::string> category_codes(Standard s);
// The Dutch name of a product category; empty for a code outside the list.
std::string_view category_name(Standard s, std::string_view category);
// How an allocated product reads on the care map, in Dutch:
// "Jeugdhulp ambulant (productcode 45A01)".
std::string product_description(Standard s, std::string_view category, std::string_view code);
const CodeEntry* find_code(const std::vector<CodeEntry>& list, std::string_view code);
// "01 (minute), 04 (hour), ..." for error messages.
std::string list_codes(const std::vector<CodeEntry>& list);

}  // namespace regie::interop
