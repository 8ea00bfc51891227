// The business-case workbook is for people: every header, label and note in
// Dutch, and each figure under its own header. Read back from the written
// file, as a spreadsheet program would.
#include "interop/businesscase_sheets.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "support/xlsx_reader.h"

namespace regie::interop {
namespace {

class BusinessCaseSheetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lines = analytics::read_cost_lines(std::string(REGIE_SHARED_DATA) + "/pilot/costs.csv");
    ASSERT_TRUE(lines) << lines.error().message;
    auto bc = analytics::compute_business_case(*lines, analytics::director_cost_fixed(800000));
    ASSERT_TRUE(bc);
    path = std::filesystem::temp_directory_path() / ("regie-bc-" + std::to_string(::getpid()) + ".xlsx");
    ASSERT_TRUE(write_xlsx(path.string(), business_case_sheets(*bc)));
    sheets = testing::read_xlsx(path.string());
  }
  void TearDown() override { std::filesystem::remove(path); }
  const testing::XlsxSheet& sheet(const std::string& name) {
    for (auto& s : sheets)
      if (s.name == name) return s;
    static const testing::XlsxSheet none;
    ADD_FAILURE() << "no sheet " << name;
    return none;
  }
  std::filesystem::path path;
  std::vector<testing::XlsxSheet> sheets;
};

TEST_F(BusinessCaseSheetsTest, Table5HasDutchHeadersAndEachTotalUnderItsOwnHeader) {
  auto& t5 = sheet("Tabel 5 saldo");
  EXPECT_EQ(t5.at("A1"), "Regel");
  EXPECT_EQ(t5.at("B1"), "Totale kosten (€)");
  EXPECT_EQ(t5.at("C1"), "Gemiddeld per gezin (€)");
  EXPECT_EQ(t5.at("D1"), "");  // nothing stands beside the figures
  // The report's table 5: the total under "Totale kosten", the average under "Gemiddeld per gezin".
  EXPECT_EQ(t5.at("A2"), "Verschil kosten ondersteuning");
  EXPECT_EQ(t5.at("B2"), "-359164");
  EXPECT_EQ(t5.at("C2"), "-29930");
  EXPECT_EQ(t5.at("A3"), "Kosten gezinsregisseur");
  EXPECT_EQ(t5.at("B3"), "96000");
  EXPECT_EQ(t5.at("C3"), "8000");
  EXPECT_EQ(t5.at("A4"), "Saldo");
  EXPECT_EQ(t5.at("B4"), "-263164");
  EXPECT_EQ(t5.at("C4"), "-21930");
  EXPECT_EQ(t5.at("D2") + t5.at("D3") + t5.at("D4"), "");
}

TEST_F(BusinessCaseSheetsTest, Tables3And4NameFundersAndTotalsAsTheReportDoes) {
  auto& t3 = sheet("Tabel 3 huishoudens");
  EXPECT_EQ(t3.at("A1"), "Huishouden");
  EXPECT_EQ(t3.at("B1"), "Meetmoment 1 (€)");
  EXPECT_EQ(t3.at("E1"), "Verschil (%)");
  EXPECT_EQ(t3.at("A2"), "BZHH01");
  EXPECT_EQ(t3.at("D2"), "-49416");
  EXPECT_EQ(t3.at("A14"), "Totaal");
  EXPECT_EQ(t3.at("B14"), "1074904");
  EXPECT_EQ(t3.at("C14"), "715741");
  EXPECT_EQ(t3.at("D14"), "-359164");
  EXPECT_EQ(t3.at("E14"), "-33");

  auto& t4 = sheet("Tabel 4 per onderdeel");
  EXPECT_EQ(t4.at("A1"), "Aantal huishoudens");
  EXPECT_EQ(t4.at("B1"), "Categorie");
  EXPECT_EQ(t4.at("G1"), "Gemiddeld per huishouden (€)");
  std::vector<std::string> labels;
  for (int r = 2; !t4.at("B" + std::to_string(r)).empty(); ++r) labels.push_back(t4.at("B" + std::to_string(r)));
  EXPECT_EQ(labels, (std::vector<std::string>{"Geïndiceerd gemeente", "Niet-geïndiceerd", "Geïndiceerd UWV",
                                              "Geïndiceerd Zvw/GGZ", "Totaal"}));
  EXPECT_EQ(t4.at("A6"), "12");
  EXPECT_EQ(t4.at("F6"), "-33");
  EXPECT_EQ(t4.at("G6"), "-29930");
}

TEST_F(BusinessCaseSheetsTest, NoSheetHasCodesOrEnglishInItsHeadersLabelsOrNotes) {
  ASSERT_EQ(sheets.size(), 5u);
  EXPECT_EQ(sheets[0].name, "Businesscase");
  EXPECT_EQ(sheets[0].at("A1"), "Tabel");
  EXPECT_EQ(sheets[0].at("B2"), "BZHH01");
  for (auto& s : sheets)
    for (auto& [ref, text] : s.cells) {
      EXPECT_EQ(text.find('_'), std::string::npos) << s.name << " " << ref << ": " << text;
      for (const char* english : {"TOTAL", "director", "cost", "household", "support"})
        EXPECT_EQ(text.find(english), std::string::npos) << s.name << " " << ref << ": " << text;
    }
  EXPECT_EQ(sheet("Toelichting").at("A2"), "Kosten gezinsregisseur: € 8.000 per huishouden (vast bedrag).");
}

}  // namespace
}  // namespace regie::interop
