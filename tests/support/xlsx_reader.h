// Reads back a workbook the way a spreadsheet program would see it: the
// cells of a sheet by reference ("B4"), shared strings resolved. Only for
// tests; it knows just enough of ZIP (stored and deflated members) and of
// SpreadsheetML for what libxlsxwriter writes.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace regie::testing {

struct XlsxSheet {
  std::string name;
  std::map<std::string, std::string> cells;  // "A1" -> text or number as written in the XML
  std::string at(const std::string& ref) const {
    auto it = cells.find(ref);
    return it == cells.end() ? std::string() : it->second;
  }
};

// The sheets in workbook order; empty when the file cannot be read.
std::vector<XlsxSheet> read_xlsx(const std::string& path);

}  // namespace regie::testing
