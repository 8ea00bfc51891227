// The iJw/iWmo 3.2 rules between messages (issue #18): a batch of two
// allocations, a start, a stop and a declaration with a line of an earlier
// period; a re-sent declaration counted once; every rule's refusal names its
// code, path and reason and leaves the store as it was.
#include "interop/import_fixture.h"
#include "service/households.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/organisation_store.h"
#include "store/provision_store.h"
#include "domain/funding.h"
#include "domain/household.h"

namespace regie::service {
namespace {

using interop::Standard;
using testing_interop::message;

class RulesTest : public testing_interop::ImportFixture {
 protected:
  void add_second_child() {
    store::Bundle b;
    b.members = {{"H1-M3", "H1", "Noor", "Aarts", domain::MemberRole::child, 2012, domain::ConsentStatus::given,
                  std::nullopt}};
    ASSERT_TRUE(regie::store::write_bundle(*store, b));
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M3", sealer->seal("222333443")));
  }
};

// Done-when 1 of issue #18.
TEST_P(RulesTest, ABatchForTwoChildrenGivesTheCareMapAndTheAnnualisedDeclaredCosts) {
  add_second_child();
  for (auto* f : {"jw301_allocation.xml", "jw301_second_child.xml", "jw305_start.xml", "jw307_stop.xml",
                  "jw323_april.xml"}) {
    auto r = import(f);
    ASSERT_TRUE(r) << f << ": " << r.error().message;
    EXPECT_FALSE(r->already_imported) << f;
  }
  // The care map: Tim's two provisions with the actual start and stop, Noor's one.
  auto tim = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  ASSERT_TRUE(tim);
  EXPECT_EQ(tim->member_id, "H1-M2");
  EXPECT_EQ(format_date(tim->start), "2019-01-14");
  EXPECT_EQ(format_date(*tim->end), "2019-09-30");
  EXPECT_EQ(tim->goal, "Jeugdhulp ambulant (productcode 45A01)");
  EXPECT_EQ(regie::store::OrganisationStore(*store).find(tim->provider_id)->name, "Aanbieder met AGB-code 12345678");
  auto noor = regie::store::ProvisionStore(*store).find("IJW-0363-1003");
  ASSERT_TRUE(noor);
  EXPECT_EQ(noor->member_id, "H1-M3");
  EXPECT_EQ(format_date(noor->start), "2019-03-01");
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1002")->basis, domain::CostBasis::estimate);  // nothing declared yet
  // The declared costs, annualised: April for Tim (30 days), March for Noor (31 days, the earlier period).
  EXPECT_EQ(tim->basis, domain::CostBasis::declared);
  EXPECT_EQ(tim->annual_cost, 730000);   // 600.00 x 365 / 30
  EXPECT_EQ(noor->annual_cost, 353226);  // 300.00 x 365 / 31
  EXPECT_EQ(rows("interop_declared_line"), 2u);

  // The same declaration under a new message id changes nothing.
  auto before = footprint();
  auto state = provisions_state();
  auto again = import("jw323_april_resent.xml");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(footprint(), before);
  EXPECT_EQ(provisions_state(), state);
  // Each file's outcome is kept: five accepted, one recognised as imported before.
  auto outcomes = interop->outcomes(admin);
  ASSERT_TRUE(outcomes);
  ASSERT_EQ(outcomes->size(), 6u);
  EXPECT_EQ(outcomes->front().outcome, "already_imported");
  EXPECT_EQ(outcomes->front().file_name, "jw323_april_resent.xml");
  EXPECT_EQ(outcomes->front().by, "admin");
  EXPECT_EQ(outcomes->back().outcome, "accepted");
}

TEST_P(RulesTest, AStartAndAStopMayShareAMessageIdButNotTwoAllocations) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto start = import("jw305_start.xml");
  ASSERT_TRUE(start) << start.error().message;
  auto stop = import("jw307_stop.xml");  // the same id ST-2019-001 as the start: another message type
  ASSERT_TRUE(stop) << stop.error().message;
  EXPECT_FALSE(stop->already_imported);
  EXPECT_EQ(format_date(*regie::store::ProvisionStore(*store).find("IJW-0363-1001")->end), "2019-09-30");
}

TEST_P(RulesTest, ACorrectionCreditsExactlyTheLineItNamesAndDeclaresItAgain) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  ASSERT_TRUE(import("jw323_declaration.xml"));
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1001")->annual_cost, 706452);  // 600.00 in March
  auto r = import("jw323_correction.xml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1001")->annual_cost, 529839);  // 450.00 x 365 / 31: the credited line is gone
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1002")->annual_cost, 565161);  // the other line stands
}

// A provision whose every declared line was credited is still allocated: it
// goes back to the allocation's estimate, not to a declared cost of nothing.
TEST_P(RulesTest, AProvisionWhoseDeclarationsAreAllCreditedShowsItsEstimateAgain) {
  ASSERT_TRUE(import("wmo301_allocation.xml", Standard::iwmo));
  const auto estimate = *regie::store::ProvisionStore(*store).find("IWMO-0363-2001");
  ASSERT_EQ(estimate.basis, domain::CostBasis::estimate);
  ASSERT_EQ(estimate.annual_cost, 520000);  // the budget over the whole year
  ASSERT_TRUE(import("wmo323_declaration.xml", Standard::iwmo));
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IWMO-0363-2001")->basis, domain::CostBasis::declared);
  auto r = import("wmo323_withdrawal.xml", Standard::iwmo);
  ASSERT_TRUE(r) << r.error().message;
  auto after = *regie::store::ProvisionStore(*store).find("IWMO-0363-2001");
  EXPECT_EQ(after.basis, domain::CostBasis::estimate);
  EXPECT_EQ(after.annual_cost, 520000);
}

struct RuleCase {
  const char* file;
  const char* rule;   // the code the refusal starts with
  const char* where;  // part of the element path
  ErrorCode code = ErrorCode::invalid_input;
};

// Done-when 2 of issue #18: each rule has a refused message, and a refused
// file leaves the store as it was.
TEST_P(RulesTest, EveryRuleRefusesWithItsCodePathAndReasonAndStoresNothing) {
  for (auto* f : {"jw301_allocation.xml", "jw323_declaration.xml", "jw323_correction.xml"}) {
    auto r = import(f);
    ASSERT_TRUE(r) << f << ": " << r.error().message;
  }
  const RuleCase cases[] = {
      {"declaration_total_mismatch.xml", "TR358", "/Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag"},
      {"declaration_amount_not_volume_times_tariff.xml", "TR346", "Prestatie[1]/IngediendBedrag/Bedrag"},
      {"declaration_line_after_period.xml", "TR319", "Prestatie[1]/ProductPeriode/Einddatum"},
      {"declaration_wrong_product.xml", "TR340", "Prestatie[1]/ProductCode"},
      {"declaration_number_reused.xml", "TR333", "/Bericht/Declaratie/DeclaratieNummer"},
      {"reference_reused.xml", "TR314", "/Prestatie/ProductReferentie/ReferentieNummer"},
      {"credit_unknown_line.xml", "TR323", "/ProductReferentie/VorigReferentieNummer"},
      {"credit_without_previous.xml", "TR323", "/ProductReferentie/VorigReferentieNummer"},
      {"credit_other_amount.xml", "TR323", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie"},
      {"credit_twice.xml", "TR390", "/ProductReferentie/VorigReferentieNummer"},
      {"credit_same_message.xml", "TR316", "Prestatie[2]/ProductReferentie/VorigReferentieNummer"},
      {"declaration_line_twice.xml", "TR389", "/Prestatie/ProductPeriode"},
      {"message_id_reused.xml", "TR056", "/Bericht/Header/BerichtIdentificatie/Identificatie", ErrorCode::conflict},
      {"start_unknown_allocation.xml", "TR019", "StartProduct[2]/ToewijzingNummer"},
      {"stop_other_provider.xml", "TR019", "StopProduct/ToewijzingNummer"},
      {"duplicate_allocation_number.xml", "TR101", "ToegewezenProduct[2]/ToewijzingNummer"},
      {"end_before_start.xml", "TR018", "ToegewezenProduct[1]/Einddatum"},
      {"unknown_bsn.xml", "TR304", "/Bericht/Client/Bsn (******010)"},
  };
  auto state = provisions_state();
  for (auto& c : cases) {
    SCOPED_TRACE(c.file);
    auto before = footprint();
    auto r = import(std::string("refused/") + c.file);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().message.rfind(std::string(c.rule) + " ", 0), 0u) << r.error().message;
    EXPECT_NE(r.error().message.find(c.where), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find("111222333"), std::string::npos);  // never a BSN in a message
    EXPECT_EQ(footprint(), before);
    EXPECT_EQ(provisions_state(), state);
  }
  // The refusals are kept as outcomes with their rule.
  auto outcomes = interop->outcomes(admin);
  ASSERT_TRUE(outcomes);
  EXPECT_EQ(outcomes->front().outcome, "refused");
  EXPECT_EQ(outcomes->front().rule, "TR304");
}

TEST_P(RulesTest, ABsnMatchWithAnotherBirthYearIsImportedWithAWarning) {
  auto xml = message("jw301_allocation.xml");
  xml.replace(xml.find("2010-05-01"), 10, "2011-05-01");  // Tim was born in 2010
  auto r = interop->import_message(admin, xml, Standard::ijw);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("geboren in 2010"), std::string::npos) << r->warnings[0];
  EXPECT_EQ(r->warnings[0].find("111222333"), std::string::npos);
  auto kept = store::InteropStore(*store).warnings("H1");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].member_id, "H1-M2");
  // The director sees it with the household, in plain words and without the BSN.
  service::Households households(*store, clock, &*sealer);
  auto file = households.get(dir_a, "H1");
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->import_warnings.size(), 1u);
  EXPECT_NE(file->import_warnings[0].text.find("1 mei 2011"), std::string::npos) << file->import_warnings[0].text;
  EXPECT_EQ(file->import_warnings[0].text.find("/Bericht"), std::string::npos);
  EXPECT_EQ(file->import_warnings[0].text.find("111222333"), std::string::npos);
}

TEST_P(RulesTest, AnAdministratorLinksAnAgbCodeToAnOrganisation) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto before = interop->providers(admin);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->size(), 1u);
  EXPECT_FALSE(before->front().linked);
  EXPECT_EQ(before->front().organisation_name, "Aanbieder met AGB-code 12345678");
  EXPECT_FALSE(interop->link_provider(dir_a, "12345678", "ORG1"));
  auto org = regie::store::OrganisationStore(*store).list().front().id;
  ASSERT_TRUE(interop->link_provider(admin, "12345678", org));
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1001")->provider_id, org);
  ASSERT_TRUE(import("jw301_change.xml"));  // later messages of that code land on the organisation too
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1001")->provider_id, org);
  EXPECT_TRUE(interop->providers(admin)->front().linked);
  EXPECT_FALSE(interop->link_provider(admin, "99999999", org));
}

INSTANTIATE_TEST_SUITE_P(Backends, RulesTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
