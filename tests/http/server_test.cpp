// The API over a real socket: sign-in, cookies, CSRF, access and error shapes.
#include "http/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support/api_server.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"
#include "domain/household.h"

namespace regie::http {
namespace {

using nlohmann::json;

class ServerTest : public testing::ApiServerTest {};

TEST_P(ServerTest, AnswersHealthAndServesItsOpenApiDocument) {
  auto h = client->Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(json::parse(h->body)["status"], "ok");
  auto doc = client->Get("/api/v1/openapi.json");
  ASSERT_TRUE(doc);
  auto spec = json::parse(doc->body);
  EXPECT_EQ(spec["openapi"], "3.0.3");
  EXPECT_TRUE(spec["paths"].contains("/api/v1/households/{id}"));
}

TEST_P(ServerTest, RefusesAnonymousCallsToPersonalData) {
  for (auto path : {"/api/v1/households", "/api/v1/households/H1", "/api/v1/session"}) {
    auto r = client->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << path;
    EXPECT_EQ(json::parse(r->body)["error"]["code"], "unauthenticated");
  }
}

TEST_P(ServerTest, SignsInWithAnHttpOnlyStrictCookieAndShowsTheCaseload) {
  auto r = client->Post(
      "/api/v1/session",
      json({{"username", "dir.a"}, {"password", "secret-dir.a"}, {"code", codes.next("dir.a", clock)}}).dump(),
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto body = json::parse(r->body);
  EXPECT_EQ(body["user"]["role"], "director");
  EXPECT_EQ(r->body.find("secret"), std::string::npos);

  httplib::Headers h = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  auto list = client->Get("/api/v1/households", h);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  auto households = json::parse(list->body)["households"];
  ASSERT_EQ(households.size(), 1u);
  EXPECT_EQ(households[0]["id"], "H1");
  EXPECT_EQ(households[0]["annual_cost_cents"], 1234567 + 150000);

  auto detail = client->Get("/api/v1/households/H1", h);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->status, 200);
  auto hh = json::parse(detail->body)["household"];
  EXPECT_EQ(hh["members"].size(), 2u);
  EXPECT_EQ(hh["provisions"][0]["provider"]["name"], "Jeugdhulp Test");
  EXPECT_EQ(hh["provisions"][0]["hours_per_week"], "2.5");
  EXPECT_EQ(hh["total_annual_cost_cents"], 1234567 + 150000);
  EXPECT_EQ(hh["referral"]["source"], "gp");

  auto other = client->Get("/api/v1/households/H2", h);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
}

TEST_P(ServerTest, WrongPasswordsGet401ThenTheLockout429) {
  for (int i = 0; i < 5; ++i) {
    auto r = client->Post("/api/v1/session", R"({"username":"dir.a","password":"x"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
  }
  auto r = client->Post(
      "/api/v1/session",
      json({{"username", "dir.a"}, {"password", "secret-dir.a"}, {"code", codes.next("dir.a", clock)}}).dump(),
      "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  auto bad = client->Post("/api/v1/session", R"({"username":1})", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_P(ServerTest, SignOutNeedsTheCsrfToken) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  auto no_token = client->Delete("/api/v1/session", httplib::Headers{{"Cookie", cookie}});
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
  auto ok = client->Delete("/api/v1/session", httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 204);
  auto after = client->Get("/api/v1/households", httplib::Headers{{"Cookie", cookie}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_P(ServerTest, ServesTheUiForClientRoutesButJsonForUnknownApiPaths) {
  auto page = client->Get("/huishoudens/H1");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>Regie</title>"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
  auto api = client->Get("/api/v1/nothing-here");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(json::parse(api->body)["error"]["code"], "not_found");
}

TEST_P(ServerTest, ServesTheBusinessCaseAsJsonCsvAndXlsxAndRefusesBadParameters) {
  auto [cookie, csrf] = sign_in("lead", "secret-lead");
  httplib::Headers h = {{"Cookie", cookie}};
  auto r = client->Get("/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&director_cost=fixed&fixed_amount=8000", h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto bc = json::parse(r->body);
  EXPECT_EQ(bc["household_count"], 1);  // H2 has no support in the fixture
  EXPECT_EQ(bc["household_names"]["H1"], "Aarts");  // a screen names households, not ids
  EXPECT_EQ(bc["director_cost"]["mode"], "fixed");
  EXPECT_EQ(bc["director_cost"]["norm_per_household_cents"], 787500);
  EXPECT_EQ(bc["households"][0]["t1_cents"], 1234567 + 150000);
  EXPECT_EQ(bc["table"]["rows"].back()["key"], "net");

  auto csv = client->Get("/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&format=csv", h);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_TRUE(csv->body.starts_with("table,key,households,"));
  auto xlsx = client->Get("/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&format=xlsx", h);
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200);
  EXPECT_TRUE(xlsx->body.starts_with("PK"));  // a zip container

  for (auto bad : {"/api/v1/businesscase?t1=2018-11-01", "/api/v1/businesscase?t1=2018-11-01&t2=2018-01-01",
                   "/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&director_cost=x",
                   "/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&hourly_rate=abc",
                   "/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&format=pdf"}) {
    auto b = client->Get(bad, h);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->status, 400) << bad;
  }
  auto [dcookie, dcsrf] = sign_in("dir.b", "secret-dir.b");
  auto foreign = client->Get("/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&household=H1",
                             httplib::Headers{{"Cookie", dcookie}});
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
}

TEST_P(ServerTest, TheAssignedDirectorRecordsTimeAndVirtualSavings) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers with_token = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto t = client->Post("/api/v1/households/H1/time-entries", with_token,
                        R"({"date":"2018-12-01","kind":"direct","minutes":90})", "application/json");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->status, 201) << t->body;
  auto no_token = client->Post("/api/v1/households/H1/time-entries", httplib::Headers{{"Cookie", cookie}},
                               R"({"date":"2018-12-01","kind":"direct","minutes":90})", "application/json");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
  for (auto bad : {R"({"date":"2018-12-01","kind":"direct","minutes":0})",
                   R"({"date":"2018-12-01","kind":"sleeping","minutes":5})", R"({"date":"2099-01-01","kind":"direct","minutes":5})",
                   R"({"kind":"direct","minutes":5})", R"([1,2])"}) {
    auto b = client->Post("/api/v1/households/H1/time-entries", with_token, bad, "application/json");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->status, 400) << bad;
  }
  auto project = client->Post("/api/v1/time-entries", with_token, R"({"date":"2018-12-02","minutes":45})",
                              "application/json");
  ASSERT_TRUE(project);
  EXPECT_EQ(project->status, 201) << project->body;
  EXPECT_EQ(json::parse(project->body)["kind"], "project");
  auto mine = client->Get("/api/v1/time-entries", httplib::Headers{{"Cookie", cookie}});
  ASSERT_TRUE(mine);
  EXPECT_EQ(json::parse(mine->body)["time_entries"].size(), 1u);
  auto list = client->Get("/api/v1/households/H1/time-entries", httplib::Headers{{"Cookie", cookie}});
  ASSERT_TRUE(list);
  EXPECT_EQ(json::parse(list->body)["time_entries"].size(), 1u);

  auto v = client->Post("/api/v1/households/H1/virtual-savings", with_token,
                        R"({"kind":"eviction","amount_cents":1500000,"note":"betalingsregeling"})", "application/json");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->status, 201) << v->body;
  auto no_note = client->Post("/api/v1/households/H1/virtual-savings", with_token,
                              R"({"kind":"eviction","amount_cents":100,"note":""})", "application/json");
  ASSERT_TRUE(no_note);
  EXPECT_EQ(no_note->status, 400);
  auto foreign = client->Post("/api/v1/households/H2/virtual-savings", with_token,
                              R"({"kind":"eviction","amount_cents":100,"note":"x"})", "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  EXPECT_EQ(regie::store::PriceStore(*store).virtual_savings("H2").size(), 0u);
}

TEST_P(ServerTest, OnlyAnAdministratorAddsPriceListVersions) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  auto refused = client->Post("/api/v1/price-list", httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                              R"({"code":"MW-01","name":"Maatschappelijk werk","unit":"intervention",)"
                              R"("amount_cents":9500,"valid_from":"2018-01-01"})",
                              "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_TRUE(regie::store::PriceStore(*store).price_list().items().empty());
  auto list = client->Get("/api/v1/price-list", httplib::Headers{{"Cookie", cookie}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
}

TEST_P(ServerTest, APriceListedProvisionShowsItsCostAndBasisOnTheCareMap) {
  auto [acookie, acsrf] = sign_in("admin", "secret-admin");
  auto price = client->Post("/api/v1/price-list", httplib::Headers{{"Cookie", acookie}, {"X-CSRF-Token", acsrf}},
                            R"({"code":"MW-01","name":"Maatschappelijk werk","unit":"intervention",)"
                            R"("amount_cents":9500,"valid_from":"2018-01-01"})",
                            "application/json");
  ASSERT_TRUE(price);
  ASSERT_EQ(price->status, 201) << price->body;
  // Regression: reading the list after a version exists once read freed memory.
  auto listed = client->Get("/api/v1/price-list", httplib::Headers{{"Cookie", acookie}});
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200);
  EXPECT_EQ(json::parse(listed->body)["items"][0]["amount_cents"], 9500);

  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto add = client->Post("/api/v1/households/H1/provisions", h,
                          R"({"domain":"niet_geindiceerd","provider_id":"O2","member_id":"H1-M1",)"
                          R"("start_date":"2018-06-01","goal":"schulden op orde","price_code":"MW-01","units_per_year":"24"})",
                          "application/json");
  ASSERT_TRUE(add);
  ASSERT_EQ(add->status, 201) << add->body;
  auto id = json::parse(add->body)["id"].get<std::string>();

  auto detail = client->Get("/api/v1/households/H1", h);
  ASSERT_TRUE(detail);
  json added;
  const json doc = json::parse(detail->body);
  for (auto& p : doc["household"]["provisions"])
    if (p["id"] == id) added = p;
  ASSERT_FALSE(added.is_null()) << id << " " << detail->body.substr(0, 300);
  EXPECT_EQ(added["annual_cost_cents"], 228000);
  EXPECT_EQ(added["cost_basis"], "price_list");
  EXPECT_EQ(added["units_per_year"], "24");
  EXPECT_EQ(added["indicated"], false);
  EXPECT_NE(added["cost_explanation"].get<std::string>().find("MW-01"), std::string::npos);

  for (auto bad : {R"({"domain":"wmoo","provider_id":"O1","start_date":"2018-06-01","annual_cost_cents":5})",
                   R"({"domain":"wmo","provider_id":"NOPE","start_date":"2018-06-01","annual_cost_cents":5})",
                   R"({"domain":"wmo","provider_id":"O1","member_id":"H2-M1","start_date":"2018-06-01","annual_cost_cents":5})",
                   R"({"domain":"wmo","provider_id":"O1","start_date":"2018-06-01"})",
                   R"({"domain":"wmo","provider_id":"O1","start_date":"2018-06-01","price_code":"XX","units_per_year":"2"})",
                   R"({"domain":"wmo","provider_id":"O1","start_date":"2018-06-01","end_date":"2018-01-01","annual_cost_cents":5})"}) {
    auto b = client->Post("/api/v1/households/H1/provisions", h, bad, "application/json");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->status, 400) << bad << " " << b->body;
  }
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 3u);

  // One answer names every bad field, one line each, and nothing is stored.
  auto many = client->Post("/api/v1/households/H1/provisions", h,
                           R"({"domain":"wmoo","provider_id":"O1","start_date":"2018-02-30","end_date":"x",)"
                           R"("annual_cost_cents":-5,"hours_per_week":"a lot"})",
                           "application/json");
  ASSERT_TRUE(many);
  EXPECT_EQ(many->status, 400);
  auto message = json::parse(many->body)["error"]["message"].get<std::string>();
  for (auto field : {"domain:", "start_date:", "end_date:", "hours_per_week:", "annual_cost_cents:"})
    EXPECT_NE(message.find(field), std::string::npos) << field << " in " << message;
  EXPECT_EQ(regie::store::ProvisionStore(*store).of_household("H1").size(), 3u);
}

TEST_P(ServerTest, AnalystsGetPopulationAnalysesDirectorsDoNot) {
  auto [cookie, csrf] = sign_in("ana", "secret-ana");
  httplib::Headers h = {{"Cookie", cookie}};
  for (auto path : {"/api/v1/analytics/pareto?year=2019", "/api/v1/analytics/stacking?date=2019-12-31",
                    "/api/v1/analytics/providers", "/api/v1/analytics/targets?year=2019&threshold=10000",
                    "/api/v1/analytics/stacking-by-neighbourhood?date=2019-12-31",
                    "/api/v1/analytics/potential?year=2019&t1=2018-11-01&t2=2019-11-01"}) {
    auto r = client->Get(path, h);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << path << " " << r->body;
    EXPECT_EQ(r->body.find("H1\""), std::string::npos) << path;  // no household ids, only pseudonyms
  }
  auto targets = json::parse(client->Get("/api/v1/analytics/targets?year=2019&threshold=10000", h)->body);
  ASSERT_EQ(targets["rows"].size(), 1u);
  EXPECT_TRUE(targets["rows"][0]["pseudonym"].get<std::string>().starts_with("HH-"));
  auto bad = client->Get("/api/v1/analytics/pareto?year=twenty", h);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto [dcookie, dcsrf] = sign_in("dir.a", "secret-dir.a");
  auto refused = client->Get("/api/v1/analytics/pareto", httplib::Headers{{"Cookie", dcookie}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_P(ServerTest, RepeatedEditsOfAProvisionOnOneDayAreOneTimelineLineWithTheirCount) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  const std::string body = R"({"domain":"jeugd","provider_id":"O1","member_id":"H1-M2","professional_id":"PR1",)"
                           R"("start_date":"2018-01-01","goal":"weer naar school","annual_cost_cents":)";
  for (int v = 1; v <= 3; ++v) {
    auto put = client->Put("/api/v1/households/H1/provisions/H1-P1", h,
                           body + std::to_string(1300000 + v) + R"(,"version":)" + std::to_string(v) + "}",
                           "application/json");
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 200) << put->body;
  }
  // Every change is kept in the store; the timeline shows them as one line.
  EXPECT_EQ(regie::store::ProvisionStore(*store).changes("H1").size(), 3u);
  auto detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  int edited_lines = 0;
  for (auto& e : detail["timeline"]) {
    if (e["kind"] != "care_map_edited") {
      EXPECT_EQ(e["count"], 1) << e.dump();
      continue;
    }
    ++edited_lines;
    EXPECT_EQ(e["provision_id"], "H1-P1");
    EXPECT_EQ(e["detail"], "dir.a");
    EXPECT_EQ(e["by_name"], "Director A");  // people read the name, not the user name
    EXPECT_EQ(e["count"], 3);
  }
  EXPECT_EQ(edited_lines, 1);
}

TEST_P(ServerTest, EditsEndProvisionsAndRefusesAStaleVersion) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  const std::string body = R"({"domain":"jeugd","provider_id":"O1","member_id":"H1-M2","professional_id":"PR1",)"
                           R"("start_date":"2018-01-01","goal":"weer naar school","annual_cost_cents":1300000,)";
  auto first = client->Put("/api/v1/households/H1/provisions/H1-P1", h, body + R"("version":1})", "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(json::parse(first->body)["version"], 2);
  // A second editor who also read version 1 gets a conflict, and nothing of theirs is stored.
  auto stale = client->Put("/api/v1/households/H1/provisions/H1-P1", h,
                           body.substr(0, body.find("1300000")) + R"(999,"version":1})", "application/json");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  EXPECT_NE(json::parse(stale->body)["error"]["message"].get<std::string>().find("version 2"), std::string::npos);
  EXPECT_EQ(regie::store::ProvisionStore(*store).find("H1-P1")->annual_cost, 1300000);
  auto bad_end = client->Post("/api/v1/households/H1/provisions/H1-P1/end", h,
                              R"({"end_date":"2017-01-01","version":2})", "application/json");
  ASSERT_TRUE(bad_end);
  EXPECT_EQ(bad_end->status, 400);
  auto end = client->Post("/api/v1/households/H1/provisions/H1-P1/end", h, R"({"end_date":"2018-12-31","version":2})",
                          "application/json");
  ASSERT_TRUE(end);
  ASSERT_EQ(end->status, 200) << end->body;
  EXPECT_EQ(format_date(*regie::store::ProvisionStore(*store).find("H1-P1")->end), "2018-12-31");
  auto detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  bool ended_on_timeline = false;
  for (auto& e : detail["timeline"]) ended_on_timeline |= e["kind"] == "provision_ended" && e["date"] == "2018-12-31";
  EXPECT_TRUE(ended_on_timeline);
  EXPECT_EQ(detail["timeline"][0]["kind"], "care_map_edited");  // newest first: the edits of today
  auto changes = regie::store::ProvisionStore(*store).changes("H1");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[1].change, "ended");
  auto missing_version = client->Put("/api/v1/households/H1/provisions/H1-P1", h, body + R"("x":1})", "application/json");
  ASSERT_TRUE(missing_version);
  EXPECT_EQ(missing_version->status, 400);
  auto [bcookie, bcsrf] = sign_in("dir.b", "secret-dir.b");
  auto foreign = client->Post("/api/v1/households/H1/provisions/H1-P1/end",
                              httplib::Headers{{"Cookie", bcookie}, {"X-CSRF-Token", bcsrf}},
                              R"({"end_date":"2019-01-31","version":3})", "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
}

TEST_P(ServerTest, ShowsSignalsAndCountsAndKeepsAcknowledgedSignalsVisible) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  for (auto domain : {"wmo", "schuldhulp"}) {
    auto r = client->Post("/api/v1/households/H1/provisions", h,
                          std::string(R"({"domain":")") + domain +
                              R"(","provider_id":"O1","member_id":"H1-M1","start_date":"2018-06-01","annual_cost_cents":100})",
                          "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
  }
  auto detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  EXPECT_EQ(detail["counts"]["providers"], 2);
  EXPECT_EQ(detail["counts"]["provisions_per_domain"]["wmo"], 1);
  std::set<std::string> codes;
  for (auto& s : detail["signals"]) codes.insert(s["code"]);
  EXPECT_TRUE(codes.contains("stacking"));
  EXPECT_TRUE(codes.contains("one_provider_several_members"));
  auto ack = client->Post("/api/v1/households/H1/signals/stacking/acknowledge", h,
                          R"({"note":"Afgestemd in het rondetafeloverleg"})", "application/json");
  ASSERT_TRUE(ack);
  EXPECT_EQ(ack->status, 201) << ack->body;
  auto bad = client->Post("/api/v1/households/H1/signals/nonsense/acknowledge", h, R"({"note":"x"})",
                          "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  for (auto& s : detail["signals"])
    if (s["code"] == "stacking") {
      EXPECT_EQ(s["acknowledged"]["note"], "Afgestemd in het rondetafeloverleg");
      EXPECT_EQ(s["acknowledged"]["by_name"], "Director A");
    }
}

TEST_P(ServerTest, ADirectorAddsAProfessional) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto r = client->Post("/api/v1/professionals", h, R"({"name":"Piet Jansen","organisation_id":"O1","role":"coach"})",
                        "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto bad = client->Post("/api/v1/professionals", h, R"({"name":"X","organisation_id":"NOPE","role":"coach"})",
                          "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto list = json::parse(client->Get("/api/v1/professionals", h)->body)["professionals"];
  EXPECT_EQ(list.size(), 2u);
  EXPECT_EQ(json::parse(client->Get("/api/v1/organisations", h)->body)["organisations"].size(), 2u);
}

TEST_P(ServerTest, MovesAlongTheStatusPipelineOnly) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto detail = json::parse(client->Get("/api/v1/households/H1", h)->body)["household"];
  EXPECT_EQ(detail["allowed_next_statuses"], json({"aftercare", "dropped"}));
  auto skip = client->Put("/api/v1/households/H1/status", h, R"({"status":"closed","version":1})", "application/json");
  ASSERT_TRUE(skip);
  EXPECT_EQ(skip->status, 400);
  EXPECT_NE(skip->body.find("aftercare, dropped"), std::string::npos);
  auto no_reason = client->Put("/api/v1/households/H1/status", h, R"({"status":"dropped","version":1})",
                               "application/json");
  ASSERT_TRUE(no_reason);
  EXPECT_EQ(no_reason->status, 400);
  auto ok = client->Put("/api/v1/households/H1/status", h, R"({"status":"aftercare","version":1})", "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  auto stale = client->Put("/api/v1/households/H1/status", h, R"({"status":"active","version":1})", "application/json");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  auto back = client->Put("/api/v1/households/H1/status", h, R"({"status":"active","version":2})", "application/json");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 200);
  auto drop = client->Put("/api/v1/households/H1/status", h,
                          R"({"status":"dropped","drop_reason":"moved_away","version":3})", "application/json");
  ASSERT_TRUE(drop);
  EXPECT_EQ(drop->status, 200);
  EXPECT_EQ(regie::store::HouseholdStore(*store).find("H1")->drop_reason, "moved_away");
}

TEST_P(ServerTest, StoresABsnEncryptedAndShowsItMasked) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto bad = client->Put("/api/v1/households/H1/members/H1-M1/bsn", h, R"({"bsn":"123456789"})", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(bad->body.find("123456789"), std::string::npos);  // never echoed
  auto ok = client->Put("/api/v1/households/H1/members/H1-M1/bsn", h, R"({"bsn":"111222333"})", "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 204) << ok->body;
  auto sealed = regie::store::HouseholdStore(*store).members("H1")[0].bsn_sealed;
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed->find("111222333"), std::string::npos);
  auto detail = client->Get("/api/v1/households/H1", h);
  EXPECT_EQ(json::parse(detail->body)["household"]["members"][0]["bsn_masked"], "******333");
  EXPECT_EQ(detail->body.find("111222333"), std::string::npos);
  auto foreign = client->Put("/api/v1/households/H2/members/H2-M1/bsn", h, R"({"bsn":"111222333"})",
                             "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
}

TEST_P(ServerTest, AReferralBecomesAHouseholdWithMembers) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto bad = client->Post("/api/v1/households", h,
                          R"({"family_name":"","referral_source":"plumber","referral_reason":"x","referral_date":"2018-02-30"})",
                          "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto msg = json::parse(bad->body)["error"]["message"].get<std::string>();
  EXPECT_NE(msg.find("referral_source:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("referral_date:"), std::string::npos) << msg;
  auto ok = client->Post("/api/v1/households", h,
                         R"({"family_name":"Claessens","neighbourhood":"Malpertuis","referral_source":"gp",)"
                         R"("referral_reason":"veel hulp, weinig regie","referral_date":"2018-12-01"})",
                         "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 201) << ok->body;
  auto id = json::parse(ok->body)["id"].get<std::string>();
  auto created = regie::store::HouseholdStore(*store).find(id);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->director, "dir.a");
  EXPECT_EQ(created->status, domain::HouseholdStatus::referred);
  auto member = client->Post("/api/v1/households/" + id + "/members", h,
                             R"({"given_name":"Noor","family_name":"Claessens","role":"parent","birth_year":1984})",
                             "application/json");
  ASSERT_TRUE(member);
  EXPECT_EQ(member->status, 201) << member->body;
  auto bad_year = client->Post("/api/v1/households/" + id + "/members", h,
                               R"({"given_name":"X","role":"child","birth_year":3000})", "application/json");
  ASSERT_TRUE(bad_year);
  EXPECT_EQ(bad_year->status, 400);
  EXPECT_EQ(regie::store::HouseholdStore(*store).members(id).size(), 1u);
}

// Intake through the API as the web UI does it (docs/intake.md).
TEST_P(ServerTest, IntakeKeepsTheReferrerAndBirthDateAndChecksForAKnownBsn) {
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto made = client->Post("/api/v1/households", h,
                           R"({"family_name":"Claessens","address":"Markt 3","referral_source":"gp_with_safety_house",)"
                           R"("referral_reason":"x","referral_date":"2018-12-01","referral_referrer":"dr. Jansen"})",
                           "application/json");
  ASSERT_EQ(made->status, 201) << made->body;
  auto id = json::parse(made->body)["id"].get<std::string>();
  auto mismatch = client->Post("/api/v1/households/" + id + "/members", h,
                               R"({"given_name":"Noor","role":"parent","birth_date":"1984-03-12","birth_year":1985})",
                               "application/json");
  EXPECT_EQ(mismatch->status, 400);
  auto member = client->Post("/api/v1/households/" + id + "/members", h,
                             R"({"given_name":"Noor","role":"parent","birth_date":"1984-03-12"})", "application/json");
  ASSERT_EQ(member->status, 201) << member->body;
  auto mid = json::parse(member->body)["id"].get<std::string>();
  ASSERT_EQ(client->Put("/api/v1/households/" + id + "/members/" + mid + "/bsn", h, R"({"bsn":"111222333"})",
                        "application/json")->status, 204);

  auto file = json::parse(client->Get("/api/v1/households/" + id, h)->body)["household"];
  EXPECT_EQ(file["referral"]["source"], "gp_with_safety_house");
  EXPECT_EQ(file["referral"]["referrer"], "dr. Jansen");
  EXPECT_EQ(file["members"][0]["birth_date"], "1984-03-12");
  EXPECT_EQ(file["members"][0]["birth_year"], 1984);
  EXPECT_EQ(file["members"][0]["consent_status"], "pending");
  auto consents = json::parse(client->Get("/api/v1/households/" + id + "/consents", h)->body);
  EXPECT_EQ(consents["guardian_below_age"], 16);

  auto found = client->Post("/api/v1/intake/duplicates", h, R"({"bsns":["111222333"],"address":"markt 3"})",
                            "application/json");
  ASSERT_EQ(found->status, 200) << found->body;
  EXPECT_EQ(found->body.find("111222333"), std::string::npos);
  auto matches = json::parse(found->body)["matches"];
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0]["household_id"], id);
  EXPECT_TRUE(matches[0]["same_address"].get<bool>());
  EXPECT_EQ(matches[0]["bsn_indexes"], json::array({0}));
  EXPECT_EQ(matches[0]["member_names"], json::array({"Noor"}));

  // Another director learns only that the family exists and who directs it.
  auto [bcookie, bcsrf] = sign_in("dir.b", "secret-dir.b");
  httplib::Headers b = {{"Cookie", bcookie}, {"X-CSRF-Token", bcsrf}};
  auto other = client->Post("/api/v1/intake/duplicates", b, R"({"bsns":["111222333"]})", "application/json");
  ASSERT_EQ(other->status, 200) << other->body;
  auto hidden = json::parse(other->body)["matches"];
  ASSERT_EQ(hidden.size(), 1u);
  EXPECT_FALSE(hidden[0]["visible"].get<bool>());
  EXPECT_EQ(hidden[0]["director"], "Director A");
  EXPECT_FALSE(hidden[0].contains("household_id"));
  EXPECT_EQ(other->body.find("Claessens"), std::string::npos);
  EXPECT_EQ(other->body.find("Noor"), std::string::npos);
  auto bad = client->Post("/api/v1/intake/duplicates", b, R"({"bsns":["111222334"]})", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(bad->body.find("111222334"), std::string::npos);
}

TEST_P(ServerTest, AnAdministratorTunesSignalThresholds) {
  auto [acookie, acsrf] = sign_in("admin", "secret-admin");
  httplib::Headers admin = {{"Cookie", acookie}, {"X-CSRF-Token", acsrf}};
  auto ok = client->Put("/api/v1/settings/signal.stacking_min", admin, R"({"value":2})", "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(regie::store::SettingsStore(*store).get("signal.stacking_min"), "2");
  auto unknown = client->Put("/api/v1/settings/signal.nonsense", admin, R"({"value":2})", "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  auto [cookie, csrf] = sign_in("dir.a", "secret-dir.a");
  auto refused = client->Put("/api/v1/settings/signal.stacking_min",
                             httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, R"({"value":9})",
                             "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  // With the threshold at 2, H1's jeugd plus one wmo provision already raise stacking.
  auto add = client->Post("/api/v1/households/H1/provisions", httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                          R"({"domain":"wmo","provider_id":"O2","member_id":"H1-M1","start_date":"2018-06-01","annual_cost_cents":100})",
                          "application/json");
  ASSERT_EQ(add->status, 201);
  auto detail = json::parse(client->Get("/api/v1/households/H1", httplib::Headers{{"Cookie", cookie}})->body);
  EXPECT_EQ(detail["household"]["signals"][0]["code"], "stacking");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace regie::http
