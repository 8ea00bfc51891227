// The outcome workbook for people: Dutch headers and the questionnaires by
// name, read back from the written file.
#include "interop/outcome_sheets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "analytics/outcomes.h"
#include "support/xlsx_reader.h"

namespace regie::interop {
namespace {

TEST(OutcomeSheetsTest, HeadersInDutchAndQuestionnairesByName) {
  auto table = analytics::outcomes_from_csv(std::string(REGIE_SHARED_DATA) + "/pilot/responses.csv");
  ASSERT_TRUE(table) << table.error().message;
  auto instruments = load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(instruments) << instruments.error().message;
  auto path = std::filesystem::temp_directory_path() / ("regie-outcomes-" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(write_xlsx(path.string(), outcome_sheets(*table, &*instruments)));
  auto sheets = testing::read_xlsx(path.string());
  std::filesystem::remove(path);
  ASSERT_EQ(sheets.size(), 1u);
  auto& s = sheets[0];
  EXPECT_EQ(s.name, "Uitkomsten");
  std::vector<std::string> headers;
  for (const char* col : {"A1", "B1", "C1", "D1", "E1", "F1"}) headers.push_back(s.at(col));
  EXPECT_EQ(headers, (std::vector<std::string>{"Vragenlijst", "Onderdeel", "Verbeterd", "Gelijk gebleven",
                                               "Verslechterd", "Personen"}));
  // The first contract line is general,care_satisfaction,9,8,1,18: the counts stay under their headers.
  EXPECT_EQ(s.at("C2"), "9");
  EXPECT_EQ(s.at("F2"), "18");
  for (auto& [ref, text] : s.cells) EXPECT_EQ(text.find('_'), std::string::npos) << ref << ": " << text;
}

}  // namespace
}  // namespace regie::interop
