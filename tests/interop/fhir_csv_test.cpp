// FHIR R4 export of a household and the CSV import of households and
// allocations, on every store backend.
#include <gtest/gtest.h>

#include "store/consent_store.h"
#include "store/measurement_store.h"
#include <soci/soci.h>

#include <filesystem>
#include <functional>
#include <set>

#include "interop/fhir.h"
#include "service/interop.h"
#include "support/backends.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"
#include "store/audit_store.h"
#include "store/bundle.h"
#include "store/household_store.h"
#include "store/provision_store.h"
#include "domain/funding.h"
#include "domain/household.h"
#include "domain/account.h"

namespace regie::service {
namespace {

using domain::Role;
using nlohmann::json;

// The source tree, found from the demo data path the test build already knows.
const std::string kMessages =
    std::filesystem::path(REGIE_DEMO_DATA).parent_path().parent_path().parent_path().string() +
    "/tests/interop/messages/";

void walk(const json& j, const std::function<void(const std::string&, const json&)>& fn) {
  if (j.is_object()) {
    for (auto& [k, v] : j.items()) {
      fn(k, v);
      walk(v, fn);
    }
  } else if (j.is_array()) {
    for (auto& v : j) walk(v, fn);
  }
}

class InteropExportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(regie::store::write_bundle(*store, testing::small_bundle()));
    auto s = Sealer::from_key_file(keys.file("regie.key"), true);
    ASSERT_TRUE(s);
    sealer.emplace(*s);
    ASSERT_TRUE(regie::store::HouseholdStore(*store).set_member_bsn("H1-M2", sealer->seal("111222333")));
    interop.emplace(*store, clock, &*sealer);
    ASSERT_TRUE(interop->import_message(admin, testing::read_file(kMessages + "jw301_allocation.xml"),
                                        interop::Standard::ijw));
    // A household plan and questionnaire scores, as the plan and measurement areas write them.
    store->write([](soci::session& sql) {
      sql << "INSERT INTO household_plan (household_id, plan_version, status, body, created_by, created_at) "
             "VALUES ('H1', 1, 'active', '{}', 'dir.a', '2019-01-10T09:00:00Z')";
    });
    domain::Measurement m;
    m.household_id = "H1";
    m.member_id = "H1-M1";
    m.instrument = "positive_health";
    m.instrument_version = "1.0";
    m.moment = "T1";
    m.measured_on = make_date(2018, 11, 1);
    m.filled_by = "member";
    m.recorded_by = "dir.a";
    m.answers = {{"meaningfulness_1", 7}};
    ASSERT_TRUE(store::MeasurementStore(*store).add(m));
    // Consent records: Els allows the neighbourhood team; Tim's was given by
    // Els, verbally with a witness, for the youth-care provider, and withdrawn.
    store::ConsentStore consents(*store);
    domain::Consent c;
    c.household_id = "H1";
    c.member_id = "H1-M1";
    c.organisation_id = "O2";
    c.given_on = make_date(2019, 1, 15);
    c.expires_on = make_date(2020, 1, 15);
    c.recorded_by = "dir.a";
    ASSERT_TRUE(consents.add(c));
    c.member_id = "H1-M2";
    c.guardian_member_id = "H1-M1";
    c.organisation_id = "O1";
    c.method = domain::ConsentMethod::verbal_witnessed;
    c.witness = "Piet Getuige";
    c.purpose = domain::ConsentPurpose::information_exchange;
    c.expires_on.reset();
    auto withdrawn = consents.add(c);
    ASSERT_TRUE(withdrawn);
    ASSERT_TRUE(consents.withdraw(*withdrawn, 1, make_date(2019, 3, 1)));
  }
  testing::TestDatabase db{GetParam()};
  std::unique_ptr<store::Store> store = db.open();
  testing::TempDir keys;
  ManualClock clock{1'559'347'200};  // 2019-06-01
  std::optional<Sealer> sealer;
  std::optional<Interop> interop;
  Principal admin{"admin", "Administrator", Role::administrator, ""};
  Principal dir_a{"dir.a", "Director A", Role::director, ""};
  Principal dir_b{"dir.b", "Director B", Role::director, ""};
};

TEST_P(InteropExportTest, TheBundleHoldsTheHouseholdAndEveryReferenceResolvesInsideIt) {
  auto b = interop->export_fhir(dir_a, "H1");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ((*b)["resourceType"], "Bundle");
  EXPECT_EQ((*b)["type"], "collection");
  std::set<std::string> urls;
  std::map<std::string, int> types;
  for (auto& e : (*b)["entry"]) {
    std::string url = e["fullUrl"];
    EXPECT_TRUE(url.starts_with("urn:uuid:")) << url;
    EXPECT_TRUE(urls.insert(url).second) << "duplicate " << url;
    ++types[e["resource"]["resourceType"].get<std::string>()];
  }
  EXPECT_EQ(types["Group"], 1);
  EXPECT_EQ(types["Patient"], 2);
  EXPECT_EQ(types["Consent"], 2);
  EXPECT_EQ(types["CareTeam"], 1);
  EXPECT_EQ(types["CarePlan"], 2);  // the care map and household plan version 1
  EXPECT_EQ(types["QuestionnaireResponse"], 1);
  EXPECT_GE(types["Practitioner"], 2);  // the director and the professional on the care map
  EXPECT_GE(types["PractitionerRole"], 2);
  EXPECT_GE(types["Organization"], 2);  // O1, O2 and the imported provider
  std::set<std::string> allowed = {"Group", "Patient", "Consent", "CareTeam", "CarePlan", "QuestionnaireResponse",
                                   "Practitioner", "PractitionerRole", "Organization"};
  for (auto& [t, n] : types) EXPECT_TRUE(allowed.contains(t)) << t;

  int references = 0;
  std::set<std::string> systems;
  walk(*b, [&](const std::string& key, const json& v) {
    if (key == "reference" && v.is_string()) {  // Consent.provision.actor.reference is itself a Reference
      ++references;
      EXPECT_TRUE(urls.contains(v.get<std::string>())) << "dangling " << v;
    }
    if (key == "system") systems.insert(v.get<std::string>());
  });
  EXPECT_GT(references, 10);
  for (auto& s : systems)
    EXPECT_TRUE(s.starts_with("urn:regie:") || s == interop::kAgbSystem ||
                s == "http://terminology.hl7.org/CodeSystem/consentscope" || s == "http://loinc.org" ||
                s == "http://terminology.hl7.org/CodeSystem/v3-ActCode" ||
                s == "http://terminology.hl7.org/CodeSystem/v3-ParticipationType")
        << s;
  EXPECT_FALSE(systems.contains(interop::kBsnSystem));  // not without asking for it
  EXPECT_EQ(b->dump().find("111222333"), std::string::npos);

  // Required elements (FHIR R4 cardinality 1..1 / 1..*).
  for (auto& e : (*b)["entry"]) {
    auto& r = e["resource"];
    std::string t = r["resourceType"];
    if (t == "Group") {
      EXPECT_EQ(r["type"], "person");
      EXPECT_EQ(r["actual"], true);
      EXPECT_EQ(r["member"].size(), 2u);
    } else if (t == "CarePlan") {
      EXPECT_TRUE(r.contains("status") && r.contains("intent") && r.contains("subject"));
    } else if (t == "Consent") {
      EXPECT_TRUE(r.contains("status") && r.contains("scope") && r.contains("category") && r.contains("policyRule"));
    } else if (t == "QuestionnaireResponse") {
      EXPECT_EQ(r["status"], "completed");
      EXPECT_EQ(r["item"][0]["linkId"], "positive_health.meaningfulness_1");
      EXPECT_DOUBLE_EQ(r["item"][0]["answer"][0]["valueDecimal"].get<double>(), 7.0);
    } else if (t == "PractitionerRole") {
      EXPECT_TRUE(r.contains("practitioner"));
    } else if (t == "Organization") {
      EXPECT_TRUE(r.contains("name"));
    }
  }
  // The imported allocation is on the care map with its allocation number.
  EXPECT_NE(b->dump().find("allocation 1001"), std::string::npos);
}

TEST_P(InteropExportTest, ConsentResourcesAreTheConsentRecordsWithScopePurposeMethodAndPeriod) {
  auto b = interop->export_fhir(dir_a, "H1");
  ASSERT_TRUE(b) << b.error().message;
  std::map<std::string, std::string> url_of;  // identifier value -> fullUrl, for Patients and Organizations
  std::vector<json> consents;
  for (auto& e : (*b)["entry"]) {
    auto& r = e["resource"];
    if (r["resourceType"] == "Consent") consents.push_back(r);
    if (r["resourceType"] == "Patient" || r["resourceType"] == "Organization")
      url_of[r["identifier"][0]["value"].get<std::string>()] = e["fullUrl"];
  }
  ASSERT_EQ(consents.size(), 2u);
  const json* els = nullptr;
  const json* tim = nullptr;
  for (auto& c : consents) (c["patient"]["reference"] == url_of["H1-M1"] ? els : tim) = &c;
  ASSERT_TRUE(els && tim);
  // In force on 2019-06-01, for the neighbourhood team, until its expiry.
  EXPECT_EQ((*els)["status"], "active");
  EXPECT_EQ((*els)["dateTime"], "2019-01-15");
  EXPECT_EQ((*els)["provision"]["period"]["end"], "2020-01-15");
  EXPECT_EQ((*els)["provision"]["purpose"][0]["code"], "care_coordination");
  EXPECT_EQ((*els)["provision"]["actor"][0]["reference"]["reference"], url_of["O2"]);
  EXPECT_EQ((*els)["category"][1]["text"], "signed form");
  EXPECT_FALSE(els->contains("verification"));
  // Withdrawn: inactive from the withdrawal; given by the parent, verbally before a witness.
  EXPECT_EQ((*tim)["status"], "inactive");
  EXPECT_EQ((*tim)["provision"]["period"]["end"], "2019-03-01");
  EXPECT_EQ((*tim)["provision"]["purpose"][0]["code"], "information_exchange");
  EXPECT_EQ((*tim)["provision"]["actor"][0]["reference"]["reference"], url_of["O1"]);
  EXPECT_EQ((*tim)["performer"][0]["reference"], url_of["H1-M1"]);
  EXPECT_EQ((*tim)["verification"][0]["verifiedWith"]["display"], "Piet Getuige");
  EXPECT_EQ((*tim)["category"][1]["text"], "verbal, witnessed");
}

TEST(FhirConsent, AMemberWhoRefusedWithoutARecordHasARejectedConsent) {
  interop::FhirInput in;
  in.household.id = "H9";
  in.members = {{"H9-M1", "H9", "Ria", "Roos", domain::MemberRole::parent, 1970, domain::ConsentStatus::refused,
                 std::nullopt},
                {"H9-M2", "H9", "Rob", "Roos", domain::MemberRole::parent, 1971, domain::ConsentStatus::given,
                 std::nullopt}};
  in.today = make_date(2019, 6, 1);
  auto b = interop::fhir_bundle(in);
  int rejected = 0, consents = 0;
  for (auto& e : b["entry"])
    if (e["resource"]["resourceType"] == "Consent") {
      ++consents;
      rejected += e["resource"]["status"] == "rejected";
    }
  EXPECT_EQ(consents, 1);  // Rob's "given" status has no record behind it, so no Consent is made up
  EXPECT_EQ(rejected, 1);
}

TEST_P(InteropExportTest, TheBsnIsAnIdentifierOnlyWhenAskedFor) {
  auto b = interop->export_fhir(dir_a, "H1", true);
  ASSERT_TRUE(b) << b.error().message;
  int found = 0;
  walk(*b, [&](const std::string& key, const json& v) {
    if (key == "identifier" && v.is_array())
      for (auto& i : v)
        if (i.value("system", "") == interop::kBsnSystem) {
          EXPECT_EQ(i["value"], "111222333");
          ++found;
        }
  });
  EXPECT_EQ(found, 1);  // only Tim has a stored BSN
  bool audited = false;
  for (auto& e : regie::store::AuditStore(*store).recent(std::string("H1"), 50)) audited |= e.action == "household.export_fhir_bsn";
  EXPECT_TRUE(audited);
}

TEST_P(InteropExportTest, OnlyTheAssignedDirectorExportsAndADenialIsAudited) {
  auto r = interop->export_fhir(dir_b, "H1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  auto admin_try = interop->export_fhir(admin, "H1");
  ASSERT_FALSE(admin_try);
  auto events = regie::store::AuditStore(*store).recent(std::string("H1"), 50);
  int denied = 0;
  for (auto& e : events) denied += e.action == "household.export_fhir" && e.outcome == "denied";
  EXPECT_EQ(denied, 2);
}

TEST_P(InteropExportTest, CsvImportStoresHouseholdsAndAllocationsWholeOrNotAtAll) {
  testing::TempDir dir;
  // Columns in another order, with an extra column, and CRLF line ends.
  auto hh = dir.write("households.csv", "members,note,household_id,neighbourhood\r\n2,x,HH1,Noord\r\n1,y,HH2,Zuid\r\n");
  auto al = dir.write("allocations.csv",
                      "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,"
                      "end_date,hours_per_week,yearly_cost_eur,extra\n"
                      "A1,HH1,C1,Noord,jeugd,PRV1,J01,2019-01-01,,2.5,12000.50,z\n"
                      "A2,HH1,C2,Noord,wmo,PRV2,W01,2019-02-01,2019-12-31,4,5000,z\n"
                      "A3,HH2,C3,Zuid,niet_geindiceerd,O1,N01,2019-01-01,,,800,z\n");
  auto r = interop->import_csv(admin, hh, al);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->households, 2u);
  EXPECT_EQ(r->members, 3u);
  EXPECT_EQ(r->provisions, 3u);
  EXPECT_EQ(r->organisations, 2u);  // O1 existed
  auto p = regie::store::ProvisionStore(*store).find("A1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->annual_cost, 1200050);
  EXPECT_EQ(p->hours_per_week_centi, 250);
  EXPECT_EQ(p->basis, domain::CostBasis::declared);
  EXPECT_EQ(regie::store::HouseholdStore(*store).find("HH1")->neighbourhood, "Noord");
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("A3")->basis, domain::CostBasis::estimate);
  EXPECT_FALSE(regie::store::ProvisionStore(*store).find("A3")->indicated);

  // Importing again: the households exist, so nothing is stored.
  auto again = interop->import_csv(admin, hh, al);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find(hh + ":2: column 'household_id': household 'HH1' is already stored"),
            std::string::npos)
      << again.error().message;
}

TEST_P(InteropExportTest, CsvImportRefusesNumbersBeyondTheMaximaAndIdsBreakingTheRule) {
  testing::TempDir dir;
  auto hh = dir.write("households.csv", "household_id,neighbourhood,members\nHH1,Noord,1\n../HH2,Zuid,1\n");
  auto al = dir.write("allocations.csv",
                      "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,"
                      "end_date,hours_per_week,yearly_cost_eur\n"
                      "A1,HH1,C1,Noord,jeugd,PRV1,J01,2019-01-01,,2.5,92233720368547758.07\n"
                      "A2,HH1,C'2,Noord,wmo,PRV2,W01,2019-02-01,2019-12-31,169,5000\n"
                      "A3,HH1,C3,Noord,wmo,PRV2,W01,2019-02-01,2019-12-31,4,10000000.01\n");
  auto provisions = store->count("provision");
  auto r = interop->import_csv(admin, hh, al);
  ASSERT_FALSE(r);
  const auto& m = r.error().message;
  for (auto* part : {"households.csv:3: column 'household_id': 1 to 64 letters",
                     "allocations.csv:2: column 'yearly_cost_eur'", "allocations.csv:3: column 'client_id': 1 to 64",
                     "allocations.csv:3: column 'hours_per_week': 0 to 168 hours per week",
                     "allocations.csv:4: column 'yearly_cost_eur': 0 to 10000000 euros a year"})
    EXPECT_NE(m.find(part), std::string::npos) << part << "\n" << m;
  EXPECT_EQ(store->count("provision"), provisions);
}

TEST_P(InteropExportTest, CsvImportNamesEveryBadLineAndStoresNothing) {
  testing::TempDir dir;
  auto hh = dir.write("households.csv", "household_id,neighbourhood,members\nHH1,Noord,two\nHH1,Noord,1\n");
  auto al = dir.write("allocations.csv",
                      "allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,"
                      "end_date,hours_per_week,yearly_cost_eur\n"
                      "A1,HH9,C1,Noord,jeugd,PRV1,J01,2019-01-01,,2.5,12000.50\n"
                      "A2,HH1,C2,Noord,sport,PRV2,W01,2019-13-01,2019-12-31,4,1.234\n");
  auto households = store->count("household"), provisions = store->count("provision");
  auto r = interop->import_csv(admin, hh, al);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
  const auto& m = r.error().message;
  for (auto* part : {":2: column 'members': not a whole number", ":3: column 'household_id': 'HH1' occurs twice",
                     "allocations.csv:2: column 'household_id': 'HH9' is not in",
                     "allocations.csv:3: column 'domain': 'sport' is not a domain",
                     "allocations.csv:3: column 'start_date': not a date",
                     "allocations.csv:3: column 'yearly_cost_eur': not an amount"})
    EXPECT_NE(m.find(part), std::string::npos) << part << "\n" << m;
  EXPECT_EQ(store->count("household"), households);
  EXPECT_EQ(store->count("provision"), provisions);

  auto missing = dir.write("bad.csv", "household_id,members\nHH5,1\n");
  auto r2 = interop->import_csv(admin, missing, al);
  ASSERT_FALSE(r2);
  EXPECT_NE(r2.error().message.find("neighbourhood"), std::string::npos);
  EXPECT_EQ(interop->import_csv(dir_a, hh, al).error().code, ErrorCode::forbidden);
}

TEST_P(InteropExportTest, TheCareMapTableHasEveryProvisionWithItsAllocationNumber) {
  auto t = interop->care_map_table(dir_a, "H1");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 4u);  // two from the fixture, two imported
  auto col = [&](const char* name) {
    return static_cast<std::size_t>(std::find(t->columns.begin(), t->columns.end(), name) - t->columns.begin());
  };
  int imported = 0;
  for (auto& r : t->rows)
    if (r[col("provision_id")] == "IJW-0363-1001") {
      ++imported;
      EXPECT_EQ(r[col("allocation_number")], "1001");
      EXPECT_EQ(r[col("member")], "Tim Aarts");
      EXPECT_EQ(r[col("hours_per_week")], "2");
      EXPECT_EQ(r[col("cost_basis")], "estimate");
    }
  EXPECT_EQ(imported, 1);
  EXPECT_FALSE(interop->care_map_table(dir_b, "H1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, InteropExportTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::service
