#include "domain/costs.h"

#include <gtest/gtest.h>

namespace regie::domain {
namespace {

Date d(const char* s) { return *parse_date(s); }

PriceList prices() {
  return PriceList({{"MW-01", "Maatschappelijk werk", PriceUnit::intervention, 9500, d("2018-01-01")},
                    {"MW-01", "Maatschappelijk werk", PriceUnit::intervention, 9900, d("2019-07-01")},
                    {"WT-01", "Wijkteam", PriceUnit::hour, 6250, d("2019-01-01")}});
}

Provision priced(const char* code, std::int64_t units_centi) {
  Provision p;
  p.id = "P";
  p.domain = Domain::niet_geindiceerd;
  p.basis = CostBasis::price_list;
  p.start = d("2018-01-01");
  p.price_code = code;
  p.units_per_year_centi = units_centi;
  return p;
}

TEST(PriceList, PicksTheVersionValidOnTheDate) {
  auto list = prices();
  EXPECT_EQ(list.on("MW-01", d("2017-12-31")), nullptr);
  EXPECT_EQ(list.on("MW-01", d("2018-01-01"))->amount, 9500);
  EXPECT_EQ(list.on("MW-01", d("2019-06-30"))->amount, 9500);
  EXPECT_EQ(list.on("MW-01", d("2019-07-01"))->amount, 9900);
  EXPECT_EQ(list.on("NOPE", d("2019-07-01")), nullptr);
}

TEST(Costs, APricedProvisionCostsThePriceOnTheDateTimesItsUnitsAndSaysSo) {
  auto list = prices();
  auto p = priced("MW-01", 2400);
  auto t1 = annual_cost_on(p, d("2018-11-01"), list);
  auto t2 = annual_cost_on(p, d("2019-11-01"), list);
  EXPECT_EQ(t1.annual, 228000);
  EXPECT_EQ(t2.annual, 237600);
  EXPECT_EQ(t1.basis, CostBasis::price_list);
  EXPECT_NE(t1.explanation.find("MW-01"), std::string::npos);
  EXPECT_NE(t1.explanation.find("x 24 per year"), std::string::npos);
  // Fractional units round half away from zero to the cent.
  EXPECT_EQ(annual_cost_on(priced("WT-01", 1), d("2019-11-01"), list).annual, 63);  // 62.50 cents
}

TEST(Costs, AMissingPriceIsShownAsMissingNotAsZeroSilently) {
  auto f = annual_cost_on(priced("WT-01", 100), d("2018-11-01"), prices());
  EXPECT_TRUE(f.missing_price);
  EXPECT_NE(f.explanation.find("no price valid on 2018-11-01"), std::string::npos);
}

TEST(Costs, OtherProvisionsKeepTheirRecordedCostAndBasis) {
  Provision p;
  p.domain = Domain::zvw_ggz;
  p.basis = CostBasis::estimate;
  p.annual_cost = 451200;
  p.start = d("2018-01-01");
  p.end = d("2019-03-31");
  auto f = annual_cost_on(p, d("2018-11-01"), prices());
  EXPECT_EQ(f.annual, 451200);
  EXPECT_NE(f.explanation.find("estimate"), std::string::npos);
  auto snap1 = cost_snapshot({p, priced("MW-01", 1000)}, d("2018-11-01"), prices());
  EXPECT_EQ(snap1[Category::zvw_ggz], 451200);
  EXPECT_EQ(snap1[Category::niet_geindiceerd], 95000);
  auto snap2 = cost_snapshot({p}, d("2019-11-01"), prices());
  EXPECT_FALSE(snap2.contains(Category::zvw_ggz));
}

TEST(Domain, MapsFundingDomainsToTheReportsCostCategories) {
  EXPECT_EQ(category_of(Domain::jeugd), Category::gemeente);
  EXPECT_EQ(category_of(Domain::schuldhulp), Category::gemeente);
  EXPECT_EQ(category_of(Domain::niet_geindiceerd), Category::niet_geindiceerd);
  EXPECT_EQ(category_of(Domain::uwv), Category::uwv);
  EXPECT_EQ(category_of(Domain::zvw_ggz), Category::zvw_ggz);
  EXPECT_EQ(default_basis(Domain::uwv), CostBasis::price_list);
  EXPECT_EQ(default_basis(Domain::zvw_ggz), CostBasis::estimate);
  EXPECT_EQ(default_basis(Domain::wmo), CostBasis::declared);
  for (auto code : {"jeugd", "wmo", "niet_geindiceerd", "beschermd_wonen"})
    EXPECT_EQ(to_string(*parse_domain(code)), code);
  EXPECT_FALSE(parse_domain("Jeugd"));
}

}  // namespace
}  // namespace regie::domain
