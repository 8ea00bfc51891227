// The outcome comparison (report table 2) as a workbook sheet for people:
// Dutch headers, and the questionnaires and their parts by name instead of
// by key. The CSV keeps the command-line contract's columns.
#pragma once
#include <vector>

#include "analytics/table.h"
#include "interop/questionnaire.h"
#include "interop/xlsx.h"

namespace regie::interop {

// `table` in the contract's layout (instrument, item, improved, same,
// declined, persons); `instruments` may be null (then the keys stay).
std::vector<Sheet> outcome_sheets(const analytics::Table& table, const Instruments* instruments);

}  // namespace regie::interop
