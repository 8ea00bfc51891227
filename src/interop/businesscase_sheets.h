// The business case as a workbook for people: every sheet with Dutch
// headers, the report's names for the funders and lines ("Totaal", "Saldo"),
// and each figure under its own header. The command-line CSV contract keeps
// its own layout (analytics::to_table, DATA-FORMATS.md); these sheets are
// built from that same table, so the numbers are the contract's.
#pragma once
#include <string>
#include <vector>

#include "analytics/businesscase.h"
#include "interop/xlsx.h"

namespace regie::interop {

// The report's name for a cost category (table 4), e.g. zvw_ggz -> "Geïndiceerd Zvw/GGZ".
std::string category_label(const std::string& category);
// How the director's cost was arrived at, in Dutch.
std::string director_cost_note(const analytics::DirectorCost& d);
// Sheets "Businesscase" (all lines), "Tabel 3 huishoudens", "Tabel 4 per onderdeel", "Tabel 5 saldo", "Toelichting".
std::vector<Sheet> business_case_sheets(const analytics::BusinessCase& bc);

}  // namespace regie::interop
