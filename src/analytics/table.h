// A small result table (named columns, string cells) that every analysis
// returns, so that each front end can render the same figures as CSV, JSON or
// a spreadsheet without recomputing them.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace regie::analytics {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // Columns whose cells are numbers (rendered unquoted in JSON).
  std::vector<bool> numeric;
};

// The rows whose cell in `column` equals `value`, with the same columns.
Table select_rows(const Table& t, std::size_t column, const std::string& value);

// A text cell that a spreadsheet would read as a formula (it starts with
// =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so that
// opening an export never runs what someone typed into a record.
std::string neutralised(const std::string& text);

// Text columns are neutralised (see above); numeric columns are written as they are.
std::string to_csv(const Table& t);
// An object {"columns": [...], "rows": [{col: value}, ...]}; empty cells are null.
std::string to_json(const Table& t);

}  // namespace regie::analytics
