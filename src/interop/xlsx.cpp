// Workbook writing with a bold header row, numeric cells and frozen headers.
#include "interop/xlsx.h"

#include "common/files.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>

namespace regie::interop {

Status write_xlsx(const std::string& path, const std::vector<Sheet>& sheets) {
  if (path.empty() || path == "-") return invalid("--output: an XLSX file needs a file name, not standard output");
  const std::string tmp = temporary_beside(path, ".xlsx");
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) return invalid(fmt::format("{}: cannot create the file", path));
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* italic = workbook_add_format(wb);
  format_set_italic(italic);
  for (const auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      std::filesystem::remove(tmp);
      return invalid(fmt::format("sheet name '{}' is not allowed in XLSX", s.name));
    }
    const auto& t = s.table;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), analytics::neutralised(t.columns[c]).c_str(), bold);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 1 ? 26 : 15, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto row_index = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const auto& cell = t.rows[r][c];
        if (cell.empty()) continue;
        const auto col = static_cast<lxw_col_t>(c);
        if (c < t.numeric.size() && t.numeric[c])
          worksheet_write_number(ws, row_index, col, std::strtod(cell.c_str(), nullptr), nullptr);
        else
          worksheet_write_string(ws, row_index, col, analytics::neutralised(cell).c_str(), nullptr);
      }
    }
    auto note_row = static_cast<lxw_row_t>(t.rows.size() + 2);
    for (const auto& n : s.notes) worksheet_write_string(ws, note_row++, 0, analytics::neutralised(n).c_str(), italic);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(tmp);
    return invalid(fmt::format("{}: writing the spreadsheet failed: {}", path, lxw_strerror(err)));
  }
  return move_into_place(tmp, path);
}

}  // namespace regie::interop
