// CSV (LF line ends, RFC 4180 quoting) and JSON rendering of result tables.
#include "analytics/table.h"

#include <nlohmann/json.hpp>

#include "common/csv.h"

namespace regie::analytics {

Table select_rows(const Table& t, std::size_t column, const std::string& value) {
  Table out{t.columns, {}, t.numeric};
  for (auto& r : t.rows)
    if (column < r.size() && r[column] == value) out.rows.push_back(r);
  return out;
}

std::string neutralised(const std::string& text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    return "'" + text;
  return text;
}

std::string to_csv(const Table& t) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      bool numeric = !header && i < t.numeric.size() && t.numeric[i];
      out += csv_escape(numeric ? cells[i] : neutralised(cells[i]));
    }
    out += '\n';
  };
  line(t.columns, true);
  for (auto& r : t.rows) line(r, false);
  return out;
}

std::string to_json(const Table& t) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (auto& r : t.rows) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < t.columns.size() && i < r.size(); ++i) {
      const auto& cell = r[i];
      bool num = i < t.numeric.size() && t.numeric[i];
      if (cell.empty())
        o[t.columns[i]] = nullptr;
      else if (num)
        o[t.columns[i]] = nlohmann::ordered_json::parse(cell);
      else
        o[t.columns[i]] = cell;
    }
    rows.push_back(std::move(o));
  }
  nlohmann::ordered_json doc = {{"columns", t.columns}, {"rows", rows}};
  // Cells come from input files and the store, which need not hold UTF-8
  // (a CSV import takes bytes as they are); a stray byte must not throw.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace regie::analytics
