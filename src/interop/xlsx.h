// Spreadsheet export (XLSX, via libxlsxwriter) of result tables, for the
// municipality's analysts. Numbers are written as numbers, text as text: a
// cell is never written as a formula, whatever it starts with.
#pragma once
#include <string>
#include <vector>

#include "analytics/table.h"
#include "common/result.h"

namespace regie::interop {

struct Sheet {
  std::string name;                // at most 31 characters, no []:*?/\ ;
  analytics::Table table;
  std::vector<std::string> notes;  // written below the table, one per row
};

// Writes the workbook to `path` atomically (a temporary file renamed into
// place). The first sheet is the one tools such as `--convert-to csv` read.
Status write_xlsx(const std::string& path, const std::vector<Sheet>& sheets);

}  // namespace regie::interop
