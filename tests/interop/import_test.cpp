// iJw/iWmo import: each message type, the end-to-end path into the care map
// and the business case, and every refusal path (nothing stored).
#include "interop/import_fixture.h"
#include "service/businesscase.h"
#include "service/interop.h"
#include "store/interop_store.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/audit_store.h"
#include "store/organisation_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/funding.h"
#include "domain/account.h"

#include <soci/soci.h>

namespace regie::service {
namespace {

using domain::Role;
using interop::Standard;

using testing_interop::message;

class ImportTest : public testing_interop::ImportFixture {};

TEST_P(ImportTest, AnAllocationBecomesProvisionsOnTheClientsCareMap) {
  auto r = import("jw301_allocation.xml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->message, "jw301 TW-2019-001");
  EXPECT_EQ(r->provisions, (std::vector<std::string>{"IJW-0363-1001", "IJW-0363-1002"}));
  auto p = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->household_id, "H1");
  EXPECT_EQ(p->member_id, "H1-M2");
  EXPECT_EQ(p->domain, domain::Domain::jeugd);
  EXPECT_EQ(p->provider_id, "AGB12345678");
  EXPECT_EQ(format_date(p->start), "2019-01-07");
  EXPECT_EQ(format_date(*p->end), "2019-12-31");
  EXPECT_EQ(p->hours_per_week_centi, 200);  // 2 hours (04) per week (2)
  EXPECT_EQ(p->basis, domain::CostBasis::estimate);
  auto q = regie::store::ProvisionStore(*store).find("IJW-0363-1002");
  ASSERT_TRUE(q);
  EXPECT_FALSE(q->end);
  EXPECT_EQ(q->hours_per_week_centi, 369);  // 4 parts of a day (16) per month (4): 16 h x 12 / 52
  EXPECT_EQ(regie::store::OrganisationStore(*store).find("AGB12345678")->kind, "provider");
  auto changes = regie::store::ProvisionStore(*store).changes("H1");
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().by, "admin");
}

TEST_P(ImportTest, ReimportingTheSameMessageChangesNothing) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto before = footprint();
  auto again = import("jw301_allocation.xml");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(footprint(), before);
}

TEST_P(ImportTest, AReusedMessageIdWithOtherContentIsAConflict) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto before = footprint();
  auto changed = message("jw301_allocation.xml");
  changed.replace(changed.find("2019-12-31"), 10, "2019-11-30");
  auto r = interop->import_message(admin, changed, Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(footprint(), before);
}

TEST_P(ImportTest, AChangeKeepsTheAllocationNumberAndItsProvision) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto r = import("jw301_change.xml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->provisions, (std::vector<std::string>{"IJW-0363-1001"}));
  auto p = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  EXPECT_EQ(format_date(*p->end), "2020-06-30");
  EXPECT_EQ(p->hours_per_week_centi, 300);
  EXPECT_EQ(rows("interop_allocation"), 2u);
}

TEST_P(ImportTest, StartAndStopSetTheActualDates) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  ASSERT_TRUE(import("jw305_start.xml"));
  EXPECT_EQ(format_date(regie::store::ProvisionStore(*store).find("IJW-0363-1001")->start), "2019-01-14");
  EXPECT_EQ(format_date(regie::store::ProvisionStore(*store).find("IJW-0363-1002")->start), "2019-02-04");
  auto stop = import("jw307_stop.xml");
  ASSERT_TRUE(stop) << stop.error().message;
  auto p = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  EXPECT_EQ(format_date(*p->end), "2019-09-30");
  EXPECT_GT(p->version, 1);
  EXPECT_EQ(regie::store::ProvisionStore(*store).changes("H1").back().change, "ended");
}

TEST_P(ImportTest, ADeclarationGivesTheAnnualisedDeclaredCost) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto r = import("jw323_declaration.xml");
  ASSERT_TRUE(r) << r.error().message;
  auto p = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  EXPECT_EQ(p->basis, domain::CostBasis::declared);
  EXPECT_EQ(p->annual_cost, 706452);  // 600.00 in March (31 days) x 365 / 31
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IJW-0363-1002")->annual_cost, 565161);
  EXPECT_EQ(rows("interop_declared_line"), 2u);
}

TEST_P(ImportTest, WmoMessagesGoToTheWmoDomain) {
  auto a = import("wmo301_allocation.xml", Standard::iwmo);
  ASSERT_TRUE(a) << a.error().message;
  auto p = regie::store::ProvisionStore(*store).find("IWMO-0363-2001");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->domain, domain::Domain::wmo);
  EXPECT_EQ(p->member_id, "H1-M1");
  EXPECT_EQ(p->annual_cost, 520000);  // the budget over the whole year 2019
  ASSERT_TRUE(import("wmo323_declaration.xml", Standard::iwmo));
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("IWMO-0363-2001")->annual_cost, 476855);  // 405.00 x 365 / 31
}

// Done-when of issue #9: 301, 305, 307 and 323 for a demo household give the
// care map and the declared costs that the business case then uses.
TEST_P(ImportTest, EndToEndTheBusinessCaseUsesTheDeclaredCosts) {
  BusinessCaseReports bc(*store, clock);
  BusinessCaseQuery q;
  q.t1 = *parse_date("2018-12-01");
  q.t2 = *parse_date("2019-06-01");
  q.household_ids = {"H1"};
  auto before = bc.report(dir_a, q);
  ASSERT_TRUE(before) << before.error().message;
  // Given out of order: the batch order of the command line is not needed by the service,
  // but 305/307/323 need the allocation first.
  for (auto* f : {"jw301_allocation.xml", "jw305_start.xml", "jw307_stop.xml", "jw323_declaration.xml"}) {
    auto r = import(f);
    ASSERT_TRUE(r) << f << ": " << r.error().message;
  }
  auto after = bc.report(dir_a, q);
  ASSERT_TRUE(after);
  auto& b = before->business_case.households.at("H1");
  auto& a = after->business_case.households.at("H1");
  EXPECT_EQ(a.t1, b.t1);  // nothing imported was active on T1
  EXPECT_EQ(a.t2 - b.t2, 706452 + 565161);
  EXPECT_EQ(after->business_case.categories.at("gemeente").t2 - before->business_case.categories.at("gemeente").t2,
            706452 + 565161);
  // The care map shows the actual dates.
  auto p = regie::store::ProvisionStore(*store).find("IJW-0363-1001");
  EXPECT_EQ(format_date(p->start), "2019-01-14");
  EXPECT_EQ(format_date(*p->end), "2019-09-30");
  EXPECT_EQ(p->basis, domain::CostBasis::declared);
  // The import is audited per household.
  bool audited = false;
  for (auto& e : regie::store::AuditStore(*store).recent(std::string("H1"), 50)) audited |= e.action == "interop.import";
  EXPECT_TRUE(audited);
}

struct Refusal {
  const char* file;
  const char* expected;  // part of the message: element path and reason
  const char* needs;     // message imported first, or ""
};

TEST_P(ImportTest, EveryRefusalNamesThePathAndStoresNothing) {
  // The structural checks, which follow the XSD; the rules between elements
  // and messages are in rules_test.cpp.
  const Refusal cases[] = {
      {"wrong_message_code.xml", "XSD /Bericht/Header/BerichtCode: '414' is niet de code van een jw301-bericht", ""},
      {"wrong_version.xml", "XSD /Bericht/Header/BerichtSubversie: subversie 1; alleen release 3.2", ""},
      {"bad_bsn.xml", "Regie /Bericht/Client/Bsn: voldoet niet aan de elfproef", ""},
      {"bad_unit_second_product.xml",
       "XSD /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Eenheid: '05' is niet een van", ""},
      {"bad_frequency.xml", "/Omvang/Frequentie: '3' is niet een van", ""},
      {"bad_category.xml", "/Product/Categorie: '12' is geen productcategorie van de Jeugdwet", ""},
      {"bad_date.xml", "ToegewezenProduct[2]/Ingangsdatum: '2019-02-30' is geen datum", ""},
      {"missing_ingangsdatum.xml", "ToegewezenProduct[1]/Ingangsdatum: dit verplichte element ontbreekt", ""},
      {"bad_sender.xml", "XSD /Bericht/Header/Afzender: '363' is geen gemeentecode", ""},
      {"bad_receiver_agb.xml", "XSD /Bericht/Header/Ontvanger: '1234567X' is geen AGB-code", ""},
      {"not_well_formed.xml", "XML /: geen geldige XML", ""},
      {"doctype.xml", "Regie /: een DOCTYPE is niet toegestaan", ""},
      {"iwmo_message_as_ijw.xml", "XSD /Bericht: namespace 'http://www.istandaarden.nl/iwmo/3_2/wmo301/schema'", ""},
  };
  for (auto& c : cases) {
    SCOPED_TRACE(c.file);
    if (*c.needs && rows("interop_message") == 0) {
      ASSERT_TRUE(import(c.needs));
    }
    auto before = footprint();
    auto r = import(std::string("refused/") + c.file);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find("111222333"), std::string::npos);  // never a BSN in a message
    EXPECT_EQ(r.error().message.find("100000010"), std::string::npos);
    EXPECT_EQ(footprint(), before);
  }
}

TEST_P(ImportTest, AnAllocationBeyondTheMaximaIsRefusedAndStoresNothing) {
  auto xml = message("jw301_allocation.xml");
  auto replace = [&](const std::string& from, const std::string& to) {
    auto at = xml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    xml.replace(at, from.size(), to);
  };
  replace("<ijw:Volume>2</ijw:Volume>", "<ijw:Volume>200</ijw:Volume>");  // 200 hours a week
  replace("TW-2019-001", "TW-2019-901");
  auto before = footprint();
  auto r = interop->import_message(admin, xml, Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
  EXPECT_NE(r.error().message.find("ToegewezenProduct[1]/Omvang (uren per week): moet van 0 tot en met 168"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(footprint(), before);
}

TEST_P(ImportTest, AMessageAboutAnotherClientsAllocationIsRefused) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  auto start = message("jw305_start.xml");
  for (auto pos = start.find("111222333"); pos != std::string::npos; pos = start.find("111222333"))
    start.replace(pos, 9, "123456782");  // Els is a member too, but not this allocation's client
  auto before = footprint();
  auto r = interop->import_message(admin, start, Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("TR019 /Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer: de toewijzing hoort bij een andere cliënt"), std::string::npos);
  EXPECT_EQ(footprint(), before);
}

TEST_P(ImportTest, AStopBeforeTheActualStartAndAnAllocationNumberOfAnotherClientAreRefused) {
  ASSERT_TRUE(import("jw301_allocation.xml"));
  ASSERT_TRUE(import("jw305_start.xml"));  // care for 1001 started on 2019-01-14
  auto stop = message("jw307_stop.xml");
  stop.replace(stop.find("<jw307:Begindatum>2019-01-14"), 28, "<jw307:Begindatum>2019-01-01");
  stop.replace(stop.find("<jw307:Einddatum>2019-09-30"), 27, "<jw307:Einddatum>2019-01-10");
  auto before = footprint();
  auto r = interop->import_message(admin, stop, Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("TR018 /Bericht/Client/StopProducten/StopProduct/Einddatum: de zorg zou eindigen voordat hij begint"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(footprint(), before);

  auto other = message("jw301_allocation.xml");
  other.replace(other.find("111222333"), 9, "123456782");
  other.replace(other.find("TW-2019-001"), 11, "TW-2019-077");
  auto o = interop->import_message(admin, other, Standard::ijw);
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message.find("TR332 /Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer: dit toewijzingnummer hoort bij een andere cliënt"),
            std::string::npos)
      << o.error().message;
  EXPECT_EQ(footprint(), before);
}

TEST_P(ImportTest, EmptyAndOversizedMessagesAreRefused) {
  EXPECT_EQ(interop->import_message(admin, "", Standard::ijw).error().message, "Regie /: het bericht is leeg");
  interop::ParseOptions small;
  small.max_bytes = 100;
  auto big = interop::parse_message(message("jw301_allocation.xml"), Standard::ijw, small);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("groter dan 100 bytes"), std::string::npos);
}

TEST_P(ImportTest, OnlyAnAdministratorImportsAndAnotherMunicipalityIsRefused) {
  auto r = interop->import_message(dir_a, message("jw301_allocation.xml"), Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  regie::store::SettingsStore(*store).set("interop.municipality_code", "0344");
  auto other = import("jw301_allocation.xml");
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("Regie /Bericht/Header/Afzender: gemeente 0363"), std::string::npos);
  EXPECT_EQ(rows("interop_message"), 0u);
}

TEST_P(ImportTest, TheSchemaFolderSettingTurnsOnXsdValidation) {
  testing::TempDir schemas;
  regie::store::SettingsStore(*store).set("interop.schema_dir", schemas.path());
  auto r = import("jw301_allocation.xml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable);  // the folder has no jw301.xsd
  EXPECT_EQ(rows("interop_message"), 0u);
}

TEST_P(ImportTest, WithoutABsnKeyNothingIsMatched) {
  Interop keyless(*store, clock, nullptr);
  auto r = keyless.import_message(admin, message("jw301_allocation.xml"), Standard::ijw);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

TEST(IStandaardParser, ValidatesAgainstConfiguredSchemas) {
  testing::TempDir dir;
  interop::ParseOptions o;
  o.schema_dir = dir.path();
  auto missing = interop::parse_message(message("jw301_allocation.xml"), Standard::ijw, o);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::unavailable);
  // A stand-in schema (the official ones are not shipped): Bericht must be empty.
  dir.write("jw301.xsd",
            R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified" )"
            R"(targetNamespace="http://www.istandaarden.nl/ijw/3_2/jw301/schema">)"
            R"(<xs:element name="Bericht"><xs:complexType/></xs:element></xs:schema>)");
  auto invalid = interop::parse_message(message("jw301_allocation.xml"), Standard::ijw, o);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().code, ErrorCode::invalid_input);
  EXPECT_NE(invalid.error().message.find("voldoet niet aan jw301.xsd"), std::string::npos) << invalid.error().message;
}

TEST(IStandaardParser, CodeListsAreData) {
  EXPECT_EQ(interop::message_code(Standard::ijw, interop::MessageKind::declaration), "490");
  EXPECT_EQ(interop::message_code(Standard::iwmo, interop::MessageKind::allocation), "414");
  EXPECT_TRUE(interop::is_product_category(Standard::iwmo, "18"));
  EXPECT_FALSE(interop::is_product_category(Standard::iwmo, "40"));
  EXPECT_TRUE(interop::is_product_category(Standard::ijw, "55"));
  EXPECT_FALSE(interop::is_product_category(Standard::ijw, "56"));
  EXPECT_TRUE(interop::find_code(interop::unit_codes(), "83"));
  EXPECT_FALSE(interop::find_code(interop::frequency_codes(), "3"));
}

}  // namespace
}  // namespace regie::service
