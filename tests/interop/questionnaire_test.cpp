#include "interop/questionnaire.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "support/temp_dir.h"

namespace regie::interop {
namespace {

using nlohmann::json;

TEST(QuestionnaireFhirTest, LoadsTheShippedDefinitions) {
  auto loaded = load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto* ph = loaded->find("positive_health");
  ASSERT_NE(ph, nullptr);
  EXPECT_EQ(ph->item_count(), 42u);
  ASSERT_EQ(ph->groups.size(), 6u);
  for (auto& g : ph->groups) {
    EXPECT_EQ(g.items.size(), 7u) << g.key;
    for (auto& i : g.items) EXPECT_TRUE(i.min == 0 && i.max == 10) << i.key;
  }
  std::vector<std::string> dims;
  for (auto& [k, _] : ph->score_keys()) dims.push_back(k);
  EXPECT_EQ(dims, (std::vector<std::string>{"bodily_functions", "mental_wellbeing", "meaningfulness",
                                            "quality_of_life", "participation", "daily_functioning"}));
  auto* child = loaded->find("positive_health_child");
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->audience, "child");
  EXPECT_EQ(child->groups.size(), 6u);
  auto* icecap = loaded->find("icecap_a");
  ASSERT_NE(icecap, nullptr);
  EXPECT_EQ(icecap->score_keys().size(), 5u);
  EXPECT_EQ(icecap->item("stability")->choices.size(), 4u);
  EXPECT_TRUE(loaded->tariffs.empty());  // not shipped: the index shows as unavailable
  auto* general = loaded->find("general");
  ASSERT_NE(general, nullptr);
  EXPECT_EQ(general->item("health")->choices.size(), 5u);
  EXPECT_EQ(general->item("care_satisfaction")->choices.size(), 5u);
  EXPECT_EQ(general->item("life_grade")->min, 1);
  EXPECT_EQ(general->item("life_grade")->max, 10);
}

// A director asks about each aspect of the spider web, so a label naming only
// the dimension and a question number ("vraag 1 van 7") gives nothing to ask.
TEST(QuestionnaireFhirTest, ShippedPositiveHealthLabelsAreTheAspectsOfEachDimension) {
  auto loaded = load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto* ph = loaded->find("positive_health");
  ASSERT_NE(ph, nullptr);
  std::vector<std::string> body;
  for (auto& i : ph->groups.at(0).items) body.push_back(i.label);
  EXPECT_EQ(body, (std::vector<std::string>{"Me gezond voelen", "Fit zijn", "Klachten en pijn", "Slapen", "Eten",
                                            "Conditie", "Bewegen"}));
  EXPECT_EQ(ph->item("mental_wellbeing_1")->label, "Dingen kunnen onthouden");
  EXPECT_EQ(ph->item("meaningfulness_1")->label, "Zinvol leven");
  EXPECT_EQ(ph->item("quality_of_life_7")->label, "Rondkomen met mijn geld");
  EXPECT_EQ(ph->item("participation_1")->label, "Sociale contacten");
  EXPECT_EQ(ph->item("daily_functioning_7")->label, "Hulp kunnen vragen");
  std::set<std::string> seen;
  for (auto& g : ph->groups)
    for (auto& i : g.items) {
      EXPECT_EQ(i.label.find("vraag"), std::string::npos) << i.key << ": " << i.label;
      EXPECT_NE(i.label, g.label) << i.key;
      EXPECT_TRUE(seen.insert(i.label).second) << "twice: " << i.label;
    }
  EXPECT_EQ(seen.size(), 42u);
}

TEST(QuestionnaireFhirTest, ALicensedWordingStillReplacesTheShippedAspectNames) {
  testing::TempDir dir;
  dir.write("positive-health-adult.json",
            testing::read_file(std::string(REGIE_QUESTIONNAIRES) + "/positive-health-adult.json"));
  dir.write("positive-health-adult.texts.csv", "linkId,text\nbodily_functions_4,Hoe slaapt u de laatste tijd?\n");
  auto loaded = load_instruments(dir.path());
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto* ph = loaded->find("positive_health");
  ASSERT_NE(ph, nullptr);
  EXPECT_EQ(ph->item("bodily_functions_4")->label, "Hoe slaapt u de laatste tijd?");
  EXPECT_EQ(ph->item("bodily_functions_5")->label, "Eten");  // not in the file: the aspect name stays
}

json minimal() {
  return json::parse(R"({"resourceType":"Questionnaire","name":"q","url":"urn:x:q","version":"2",
    "extension":[{"url":"urn:regie:questionnaire:scoring","valueCode":"item"}],
    "item":[{"linkId":"a","type":"integer","extension":[
      {"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":1},
      {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":5}]}]})");
}

TEST(QuestionnaireFhirTest, ABadDefinitionIsRefusedWithThePathOfTheProblem) {
  ASSERT_TRUE(instrument_from_fhir(minimal(), "q.json"));
  auto no_range = minimal();
  no_range["item"][0].erase("extension");
  auto e = instrument_from_fhir(no_range, "q.json");
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("q.json: item[0]: an integer item needs minValue and maxValue"), std::string::npos)
      << e.error().message;
  auto bad_option = minimal();
  bad_option["item"][0] = json::parse(R"({"linkId":"a","type":"choice","answerOption":[{"valueCoding":{"code":"x"}}]})");
  e = instrument_from_fhir(bad_option, "q.json");
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("item[0].answerOption[0].valueCoding.code: 'x' is not a whole number"),
            std::string::npos)
      << e.error().message;
  auto twice = minimal();
  twice["item"].push_back(twice["item"][0]);
  e = instrument_from_fhir(twice, "q.json");
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("linkId 'a' is used before at item[0]"), std::string::npos) << e.error().message;
  auto no_scoring = minimal();
  no_scoring.erase("extension");
  EXPECT_FALSE(instrument_from_fhir(no_scoring, "q.json"));
  EXPECT_FALSE(instrument_from_fhir(json::parse(R"({"resourceType":"Patient"})"), "q.json"));
}

TEST(QuestionnaireFhirTest, ALicensedTextFileReplacesTheLabelsAndATariffGivesTheIndex) {
  testing::TempDir dir;
  dir.write("q.json", minimal().dump());
  dir.write("q.texts.csv", "linkId,text\na,Hoe gaat het?\n");
  dir.write("q.tariff.csv", "attribute,level,value\na,1,0\na,2,0.25\na,3,0.5\na,4,0.75\na,5,1\n");
  auto loaded = load_instruments(dir.path());
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->find("q")->item("a")->label, "Hoe gaat het?");
  auto idx = domain::capability_index_millionths(*loaded->find("q"), {{"a", 2}}, loaded->tariffs.at("q"));
  EXPECT_EQ(idx, 250000);
  dir.write("q.tariff.csv", "attribute,level,value\na,1,0\n");
  auto incomplete = load_instruments(dir.path());
  ASSERT_FALSE(incomplete);
  EXPECT_NE(incomplete.error().message.find("no value for a level 2"), std::string::npos);
  dir.write("q.tariff.csv", "attribute,level,value\na,1,0\na,2,0.25\na,3,0.5\na,4,0.75\na,5,1\n");
  dir.write("q.texts.csv", "linkId,text\nzz,Onbekend\n");
  auto unknown = load_instruments(dir.path());
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("linkId 'zz' is not in q"), std::string::npos);
}

// Found by the texts_csv fuzz target: a wording file that is not UTF-8 was
// accepted, and the label then made every QuestionnaireResponse dump throw.
TEST(QuestionnaireFhirTest, AWordingFileThatIsNotUtf8IsRefusedWithItsLine) {
  testing::TempDir dir;
  dir.write("q.json", minimal().dump());
  dir.write("q.texts.csv", "linkId,text\na,Hoe gaat het met u\xe9?\n");  // Latin-1, not UTF-8
  auto loaded = load_instruments(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("q.texts.csv:2: column 'text': not UTF-8 text"), std::string::npos)
      << loaded.error().message;
}

TEST(QuestionnaireFhirTest, WritesAnswersAsAQuestionnaireResponse) {
  auto loaded = load_instruments(REGIE_QUESTIONNAIRES);
  ASSERT_TRUE(loaded);
  auto* ph = loaded->find("positive_health");
  auto r = questionnaire_response(*ph, {{"bodily_functions_1", 7}, {"meaningfulness_3", 0}},
                                  {"12", "Patient/H1-M1", "2019-01-01", "dir.a", "in-progress"});
  EXPECT_EQ(r["resourceType"], "QuestionnaireResponse");
  EXPECT_EQ(r["questionnaire"], "urn:regie:questionnaire:positive_health|1.0");
  EXPECT_EQ(r["status"], "in-progress");
  EXPECT_EQ(r["subject"]["reference"], "Patient/H1-M1");
  ASSERT_EQ(r["item"].size(), 2u);  // only groups with answers; unanswered items are absent
  EXPECT_EQ(r["item"][0]["linkId"], "bodily_functions");
  EXPECT_EQ(r["item"][0]["item"][0]["answer"][0]["valueInteger"], 7);
  EXPECT_EQ(r["item"][1]["item"][0]["answer"][0]["valueInteger"], 0);
  auto g = questionnaire_response(*loaded->find("general"), {{"health", 4}},
                                  {"13", "Patient/H1-M1", "2019-01-01", "dir.a", "completed"});
  EXPECT_EQ(g["item"][0]["linkId"], "health");
  EXPECT_EQ(g["item"][0]["answer"][0]["valueCoding"]["code"], "4");
  EXPECT_EQ(g["item"][0]["answer"][0]["valueCoding"]["display"], "Goed");
}

}  // namespace
}  // namespace regie::interop
