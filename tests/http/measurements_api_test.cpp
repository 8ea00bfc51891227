// The measurement API: starting, answering in parts, refusing bad answers,
// wishes, the FHIR QuestionnaireResponse and the outcome report.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/api_server.h"

namespace regie::http {
namespace {

using nlohmann::json;

class MeasurementsApiTest : public testing::ApiServerTest {
 protected:
  json start(const httplib::Headers& h, const std::string& moment) {
    auto r = client->Post("/api/v1/households/H1/measurements", h,
                          json({{"member_id", "H1-M1"}, {"instrument", "positive_health"}, {"instrument_version", "1.0"},
                                {"moment", moment}, {"measured_on", "2018-11-01"}, {"filled_by", "member"}})
                              .dump(),
                          "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body);
  }
  httplib::Result answer(const httplib::Headers& h, const json& m, const json& answers, bool complete = false) {
    return client->Put("/api/v1/households/H1/measurements/" + m["id"].get<std::string>(), h,
                       json({{"version", m["version"]}, {"instrument_version", "1.0"}, {"answers", answers},
                             {"complete", complete}})
                           .dump(),
                       "application/json");
  }
};

TEST_P(MeasurementsApiTest, ListsTheQuestionnairesWithTheirScales) {
  auto h = signed_in("dir.a");
  auto r = client->Get("/api/v1/questionnaires", h);
  ASSERT_EQ(r->status, 200);
  std::map<std::string, json> by_key;
  auto body = json::parse(r->body);
  for (auto& q : body["questionnaires"]) by_key[q["key"]] = q;
  ASSERT_EQ(by_key.size(), 4u);
  EXPECT_EQ(by_key["positive_health"]["scores"].size(), 6u);
  EXPECT_EQ(by_key["positive_health"]["groups"][0]["items"].size(), 7u);
  EXPECT_EQ(by_key["general"]["groups"][0]["items"][0]["choices"].size(), 5u);
  EXPECT_EQ(by_key["positive_health"]["groups"][0]["items"][0]["label"], "Me gezond voelen");
  // The tariff file is not shipped: the screen shows the levels instead of an index.
  EXPECT_EQ(by_key["icecap_a"]["index_tariff"], false);
  EXPECT_EQ(by_key["positive_health"]["index_tariff"], false);
  EXPECT_EQ(client->Get("/api/v1/questionnaires")->status, 401);
}

TEST_P(MeasurementsApiTest, SavesAnswersInPartsAndShowsMissingItemsAsMissing) {
  auto h = signed_in("dir.a");
  auto m = start(h, "T1");
  EXPECT_EQ(m["status"], "in_progress");
  auto r = answer(h, m, {{"bodily_functions_1", 7}, {"bodily_functions_2", 8}});
  ASSERT_EQ(r->status, 200) << r->body;
  auto saved = json::parse(r->body);
  EXPECT_EQ(saved["scores"]["bodily_functions"], 7.5);
  EXPECT_TRUE(saved["scores"]["mental_wellbeing"].is_null());
  EXPECT_EQ(saved["missing"].size(), 40u);
  EXPECT_TRUE(saved["index"].is_null());
  auto done = answer(h, saved, {{"bodily_functions_3", 0}}, true);
  ASSERT_EQ(done->status, 200) << done->body;
  EXPECT_EQ(json::parse(done->body)["status"], "completed");
  auto list = json::parse(client->Get("/api/v1/households/H1/measurements", h)->body)["measurements"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["answers"].size(), 3u);
  EXPECT_EQ(list[0]["scores"]["bodily_functions"], 5.0);  // (7 + 8 + 0) / 3
  // The timeline shows the moment.
  auto detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  bool on_timeline = false;
  for (auto& e : detail["timeline"]) on_timeline |= e["kind"] == "measurement" && e["date"] == "2018-11-01";
  EXPECT_TRUE(on_timeline);
}

TEST_P(MeasurementsApiTest, RefusesOutOfRangeUnknownAndWrongVersionAnswersWithAClearMessage) {
  auto h = signed_in("dir.a");
  auto m = start(h, "T1");
  auto r = answer(h, m, {{"bodily_functions_1", 12}, {"no_such_item", 1}, {"bodily_functions_2", "7"}});
  ASSERT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("answers.bodily_functions_2: a whole number or null"), std::string::npos) << r->body;
  r = answer(h, m, {{"bodily_functions_1", 12}, {"no_such_item", 1}});
  ASSERT_EQ(r->status, 400);
  auto message = json::parse(r->body)["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("answers.bodily_functions_1: 12 is outside 0..10"), std::string::npos) << message;
  EXPECT_NE(message.find("answers.no_such_item"), std::string::npos) << message;
  auto wrong = client->Put("/api/v1/households/H1/measurements/" + m["id"].get<std::string>(), h,
                           json({{"version", 1}, {"instrument_version", "2.0"}, {"answers", {{"bodily_functions_1", 5}}}})
                               .dump(),
                           "application/json");
  ASSERT_EQ(wrong->status, 400);
  EXPECT_NE(wrong->body.find("instrument_version"), std::string::npos);
  auto unchanged = json::parse(client->Get("/api/v1/households/H1/measurements", h)->body)["measurements"][0];
  EXPECT_TRUE(unchanged["answers"].empty());
  EXPECT_EQ(unchanged["version"], 1);
  auto stale = answer(h, m, {{"bodily_functions_1", 5}});
  ASSERT_EQ(stale->status, 200);
  EXPECT_EQ(answer(h, m, {{"bodily_functions_1", 6}})->status, 409);  // still version 1
}

TEST_P(MeasurementsApiTest, AnotherDirectorGets403AndCannotWrite) {
  auto h = signed_in("dir.a");
  auto m = start(h, "T1");
  auto b = signed_in("dir.b");
  EXPECT_EQ(client->Get("/api/v1/households/H1/measurements", b)->status, 403);
  EXPECT_EQ(answer(b, m, {{"bodily_functions_1", 1}})->status, 403);
  EXPECT_EQ(client->Delete("/api/v1/households/H1/measurements/" + m["id"].get<std::string>() + "?version=1", b)->status,
            403);
  EXPECT_EQ(client->Delete("/api/v1/households/H1/measurements/" + m["id"].get<std::string>() + "?version=1", h)->status,
            204);
}

TEST_P(MeasurementsApiTest, ExportsAnswersAsAFhirQuestionnaireResponse) {
  auto h = signed_in("dir.a");
  auto m = start(h, "T1");
  ASSERT_EQ(answer(h, m, {{"participation_4", 9}})->status, 200);
  auto r = client->Get("/api/v1/households/H1/measurements/" + m["id"].get<std::string>() + "/questionnaire-response", h);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("application/fhir+json"), std::string::npos);
  auto qr = json::parse(r->body);
  EXPECT_EQ(qr["resourceType"], "QuestionnaireResponse");
  EXPECT_EQ(qr["item"][0]["linkId"], "participation");
  EXPECT_EQ(qr["item"][0]["item"][0]["answer"][0]["valueInteger"], 9);
}

TEST_P(MeasurementsApiTest, WishesAndTheOutcomeReportInEveryFormat) {
  auto h = signed_in("dir.a");
  auto w = client->Post("/api/v1/households/H1/wishes", h,
                        R"({"member_id":"H1-M1","dimension":"participation","text":"Weer aan het werk"})",
                        "application/json");
  ASSERT_EQ(w->status, 201) << w->body;
  auto wish = json::parse(w->body);
  auto edit = client->Put("/api/v1/households/H1/wishes/" + wish["id"].get<std::string>(), h,
                          R"({"version":1,"dimension":"participation","text":"Twee dagen per week werken"})",
                          "application/json");
  ASSERT_EQ(edit->status, 200) << edit->body;
  EXPECT_EQ(json::parse(client->Get("/api/v1/households/H1/wishes", h)->body)["wishes"][0]["text"],
            "Twee dagen per week werken");

  auto t1 = start(h, "T1");
  auto t2 = start(h, "T2");
  ASSERT_EQ(answer(h, t1, {{"participation_1", 3}})->status, 200);
  ASSERT_EQ(answer(h, t2, {{"participation_1", 6}})->status, 200);
  auto report = json::parse(client->Get("/api/v1/outcomes", h)->body);
  EXPECT_EQ(report["columns"].back(), "mean_change");
  ASSERT_EQ(report["rows"].size(), 1u);
  EXPECT_EQ(report["rows"][0]["item"], "participation");
  EXPECT_EQ(report["rows"][0]["improved"], 1);
  EXPECT_EQ(report["rows"][0]["mean_change"], 3.0);
  auto csv = client->Get("/api/v1/households/H1/outcomes?format=csv", h);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body,
            "instrument,item,improved,same,declined,persons,mean_change\n"
            "positive_health,participation,1,0,0,1,3.00\n");
  auto xlsx = client->Get("/api/v1/outcomes?format=xlsx", h);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  EXPECT_EQ(client->Get("/api/v1/outcomes?households=H2", h)->status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeasurementsApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

// A municipality that has the tariff file: the questionnaire says so, and a
// fully answered ICECAP-A measurement carries its index.
class MeasurementsWithTariffApiTest : public MeasurementsApiTest {
 protected:
  void configure(http::ServerOptions& o) override {
    definitions.write("icecap-a.json",
                      testing::read_file(std::string(REGIE_QUESTIONNAIRES) + "/icecap-a.json"));
    std::string tariff = "attribute,level,value\n";
    for (auto attribute : {"stability", "attachment", "autonomy", "achievement", "enjoyment"})
      for (int level = 1; level <= 4; ++level) tariff += fmt::format("{},{},0.{:02}\n", attribute, level, 5 * level);
    definitions.write("icecap-a.tariff.csv", tariff);
    o.questionnaires_dir = definitions.path();
  }
  testing::TempDir definitions;
};

TEST_P(MeasurementsWithTariffApiTest, SaysTheTariffIsThereAndGivesTheIndexOnceEveryAttributeIsAnswered) {
  auto h = signed_in("dir.a");
  auto list = json::parse(client->Get("/api/v1/questionnaires", h)->body)["questionnaires"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["index_tariff"], true);
  auto r = client->Post("/api/v1/households/H1/measurements", h,
                        json({{"member_id", "H1-M1"}, {"instrument", "icecap_a"}, {"instrument_version", "1.0"},
                              {"moment", "T1"}, {"measured_on", "2018-11-01"}, {"filled_by", "member"}})
                            .dump(),
                        "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  auto m = json::parse(r->body);
  auto part = json::parse(answer(h, m, {{"stability", 4}})->body);
  EXPECT_TRUE(part["index"].is_null());
  auto full = answer(h, part, {{"attachment", 4}, {"autonomy", 4}, {"achievement", 4}, {"enjoyment", 4}});
  ASSERT_EQ(full->status, 200) << full->body;
  EXPECT_DOUBLE_EQ(json::parse(full->body)["index"].get<double>(), 1.0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeasurementsWithTariffApiTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
