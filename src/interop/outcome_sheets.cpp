#include "interop/outcome_sheets.h"

namespace regie::interop {

std::vector<Sheet> outcome_sheets(const analytics::Table& table, const Instruments* instruments) {
  analytics::Table out{{"Vragenlijst", "Onderdeel", "Verbeterd", "Gelijk gebleven", "Verslechterd", "Personen"},
                       {},
                       {false, false, true, true, true, true}};
  for (auto& row : table.rows) {
    if (row.size() < 6) continue;
    std::string instrument = row[0], item = row[1];
    if (const domain::Instrument* found = instruments ? instruments->find(row[0]) : nullptr) {
      if (!found->title.empty()) instrument = found->title;
      for (auto& [key, label] : found->score_keys())
        if (key == row[1] && !label.empty()) item = label;
    }
    out.rows.push_back({instrument, item, row[2], row[3], row[4], row[5]});
  }
  return {{"Uitkomsten",
           out,
           {"Per onderdeel: hoeveel personen op meetmoment 2 hoger, gelijk of lager scoorden dan op meetmoment 1.",
            "Alleen personen met een meting op beide meetmomenten tellen mee."}}};
}

}  // namespace regie::interop
