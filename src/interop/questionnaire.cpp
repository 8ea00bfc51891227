// FHIR Questionnaire <-> instruments. Only the parts Regie relies on are read;
// everything else in a definition is allowed and ignored.
#include "interop/questionnaire.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "common/csv.h"
#include "common/money.h"
#include "common/problems.h"
#include "common/text.h"

namespace regie::interop {
namespace {

using nlohmann::json;
constexpr const char* kScoringExtension = "urn:regie:questionnaire:scoring";
constexpr const char* kAudienceExtension = "urn:regie:questionnaire:audience";
constexpr const char* kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr const char* kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

const json* extension(const json& element, const char* url) {
  if (!element.contains("extension") || !element["extension"].is_array()) return nullptr;
  for (auto& e : element["extension"])
    if (e.is_object() && e.value("url", "") == url) return &e;
  return nullptr;
}

std::string text_of(const json& j, const char* name) {
  return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
}

bool is_key(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

// A question: integer with min/max extensions, or choice with integer-coded options.
void read_question(const json& j, const std::string& path, domain::QuestionItem& out, ProblemList& problems) {
  out.key = text_of(j, "linkId");
  out.label = text_of(j, "text");
  if (!is_key(out.key)) problems.add(fmt::format("{}.linkId: expected lower-case letters, digits and _", path));
  auto type = text_of(j, "type");
  if (type == "integer") {
    auto* lo = extension(j, kMinValue);
    auto* hi = extension(j, kMaxValue);
    if (!lo || !hi || !(*lo).contains("valueInteger") || !(*hi).contains("valueInteger") ||
        !(*lo)["valueInteger"].is_number_integer() || !(*hi)["valueInteger"].is_number_integer()) {
      problems.add(fmt::format("{}: an integer item needs minValue and maxValue extensions with valueInteger", path));
      return;
    }
    out.min = (*lo)["valueInteger"].get<int>();
    out.max = (*hi)["valueInteger"].get<int>();
    if (out.min > out.max) problems.add(fmt::format("{}: minValue is above maxValue", path));
  } else if (type == "choice") {
    if (!j.contains("answerOption") || !j["answerOption"].is_array() || j["answerOption"].empty()) {
      problems.add(fmt::format("{}.answerOption: a choice item needs its options", path));
      return;
    }
    for (std::size_t k = 0; k < j["answerOption"].size(); ++k) {
      auto& o = j["answerOption"][k];
      auto opath = fmt::format("{}.answerOption[{}]", path, k);
      if (!o.is_object() || !o.contains("valueCoding") || !o["valueCoding"].is_object()) {
        problems.add(opath + ": needs a valueCoding");
        continue;
      }
      auto code = text_of(o["valueCoding"], "code");
      auto v = parse_fixed(code, 0);
      if (!v) {
        problems.add(fmt::format("{}.valueCoding.code: '{}' is not a whole number", opath, code));
        continue;
      }
      out.choices.push_back({static_cast<int>(*v), text_of(o["valueCoding"], "display")});
    }
    if (!out.choices.empty()) {
      out.min = out.choices.front().value;
      out.max = out.choices.front().value;
      for (auto& c : out.choices) {
        out.min = std::min(out.min, c.value);
        out.max = std::max(out.max, c.value);
      }
    }
  } else {
    problems.add(fmt::format("{}.type: '{}' is not supported (integer, choice or group)", path, type));
  }
}

}  // namespace

const domain::Instrument* Instruments::find(const std::string& key) const {
  auto it = by_key.find(key);
  return it == by_key.end() ? nullptr : &it->second;
}

Result<domain::Instrument> instrument_from_fhir(const json& r, const std::string& where) {
  ProblemList problems;
  if (!r.is_object() || r.value("resourceType", "") != "Questionnaire")
    return invalid(where + ": resourceType: expected a FHIR Questionnaire");
  domain::Instrument in;
  in.key = text_of(r, "name");
  in.url = text_of(r, "url");
  in.version = text_of(r, "version");
  in.title = text_of(r, "title");
  if (!is_key(in.key)) problems.add(where + ": name: the instrument key, lower-case letters, digits and _");
  if (in.version.empty()) problems.add(where + ": version: required");
  if (in.url.empty()) problems.add(where + ": url: required");
  auto* scoring = extension(r, kScoringExtension);
  auto scoring_code = scoring ? text_of(*scoring, "valueCode") : std::string();
  if (scoring_code == "group-mean")
    in.scoring = domain::Scoring::group_mean;
  else if (scoring_code == "item")
    in.scoring = domain::Scoring::item;
  else
    problems.add(fmt::format("{}: extension {}: valueCode group-mean or item required", where, kScoringExtension));
  auto* audience = extension(r, kAudienceExtension);
  in.audience = audience ? text_of(*audience, "valueCode") : "all";
  if (in.audience != "adult" && in.audience != "child" && in.audience != "all")
    problems.add(where + ": audience: adult, child or all");
  if (!r.contains("item") || !r["item"].is_array() || r["item"].empty()) {
    problems.add(where + ": item: the questionnaire has no items");
    return problems.error();
  }
  std::map<std::string, std::string> seen;  // key -> path, for duplicates across groups
  auto note_key = [&](const std::string& key, const std::string& path) {
    if (auto [it, fresh] = seen.emplace(key, path); !fresh)
      problems.add(fmt::format("{}: {}.linkId '{}' is used before at {}", where, path, key, it->second));
  };
  for (std::size_t g = 0; g < r["item"].size(); ++g) {
    auto& gj = r["item"][g];
    auto gpath = fmt::format("item[{}]", g);
    if (!gj.is_object()) {
      problems.add(where + ": " + gpath + ": expected an object");
      continue;
    }
    domain::QuestionGroup group;
    if (text_of(gj, "type") == "group") {
      group.key = text_of(gj, "linkId");
      group.label = text_of(gj, "text");
      if (!is_key(group.key)) problems.add(fmt::format("{}: {}.linkId: lower-case letters, digits and _", where, gpath));
      note_key(group.key, gpath);
      if (!gj.contains("item") || !gj["item"].is_array() || gj["item"].empty()) {
        problems.add(fmt::format("{}: {}.item: a group needs items", where, gpath));
        continue;
      }
      for (std::size_t i = 0; i < gj["item"].size(); ++i) {
        domain::QuestionItem item;
        auto ipath = fmt::format("{}.item[{}]", gpath, i);
        ProblemList local;
        read_question(gj["item"][i], ipath, item, local);
        if (!local.empty()) problems.add(where + ": " + local.error().message);
        note_key(item.key, ipath);
        group.items.push_back(std::move(item));
      }
    } else {
      // A question outside any group forms a group of its own.
      domain::QuestionItem item;
      ProblemList local;
      read_question(gj, gpath, item, local);
      if (!local.empty()) problems.add(where + ": " + local.error().message);
      note_key(item.key, gpath);
      group.key = item.key;
      group.label = item.label;
      group.items.push_back(std::move(item));
    }
    in.groups.push_back(std::move(group));
  }
  if (!problems.empty()) return problems.error();
  return in;
}

Status apply_texts(domain::Instrument& instrument, const std::string& csv_path) {
  auto opened = CsvReader::open(csv_path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"linkId", "text"});
  if (!cols) return cols.error();
  ProblemList problems;
  std::map<std::string, std::string> texts;
  while (r.next()) {
    std::string key(r.field((*cols)[0])), text(r.field((*cols)[1]));
    if (text.empty()) problems.add(r.where((*cols)[1]) + ": empty text");
    // Labels go out in every JSON answer and QuestionnaireResponse, which
    // must be UTF-8; a file in another encoding is refused here, where the
    // line can still be named.
    if (!is_valid_utf8(text)) {
      problems.add(r.where((*cols)[1]) + ": not UTF-8 text (save the file as UTF-8)");
      continue;
    }
    texts[key] = text;
  }
  if (r.error()) problems.add(r.error()->message);
  for (auto& [key, text] : texts) {
    bool found = false;
    for (auto& g : instrument.groups) {
      if (g.key == key) g.label = text, found = true;
      for (auto& i : g.items)
        if (i.key == key) i.label = text, found = true;
    }
    if (!found) problems.add(fmt::format("{}: linkId '{}' is not in {}", csv_path, key, instrument.key));
  }
  if (!problems.empty()) return problems.error();
  return ok_status();
}

Result<domain::Tariff> read_tariff(const std::string& csv_path, const domain::Instrument& instrument) {
  auto opened = CsvReader::open(csv_path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"attribute", "level", "value"});
  if (!cols) return cols.error();
  ProblemList problems;
  domain::Tariff tariff;
  while (r.next()) {
    std::string attribute(r.field((*cols)[0]));
    auto* item = instrument.item(attribute);
    auto level = parse_fixed(r.field((*cols)[1]), 0);
    auto value = parse_fixed(r.field((*cols)[2]), 6);
    if (!item) problems.add(r.where((*cols)[0]) + fmt::format(": '{}' is not an item of {}", attribute, instrument.key));
    if (!level || (item && (*level < item->min || *level > item->max)))
      problems.add(r.where((*cols)[1]) + ": not a level of that item");
    if (!value) problems.add(r.where((*cols)[2]) + ": not a decimal number");
    if (item && level && value) tariff[attribute][static_cast<int>(*level)] = *value;
  }
  if (r.error()) problems.add(r.error()->message);
  for (auto& g : instrument.groups)
    for (auto& i : g.items)
      for (int l = i.min; l <= i.max; ++l)
        if (!tariff[i.key].contains(l))
          problems.add(fmt::format("{}: no value for {} level {}", csv_path, i.key, l));
  if (!problems.empty()) return problems.error();
  return tariff;
}

Result<Instruments> load_instruments(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return invalid(fmt::format("{}: not a folder of questionnaire definitions", folder));
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(folder, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Instruments out;
  for (auto& path : files) {
    std::ifstream in(path);
    json resource = json::parse(in, nullptr, false);
    if (resource.is_discarded()) return invalid(fmt::format("{}: not valid JSON", path.string()));
    auto instrument = instrument_from_fhir(resource, path.string());
    if (!instrument) return instrument.error();
    auto texts = path.parent_path() / (path.stem().string() + ".texts.csv");
    if (fs::exists(texts))
      if (auto st = apply_texts(*instrument, texts.string()); !st) return st.error();
    auto tariff = path.parent_path() / (path.stem().string() + ".tariff.csv");
    if (fs::exists(tariff)) {
      auto t = read_tariff(tariff.string(), *instrument);
      if (!t) return t.error();
      out.tariffs[instrument->key] = std::move(*t);
    }
    auto key = instrument->key;
    if (out.by_key.contains(key))
      return invalid(fmt::format("{}: a second definition of '{}'", path.string(), key));
    out.by_key.emplace(key, std::move(*instrument));
  }
  if (out.by_key.empty()) return invalid(fmt::format("{}: no questionnaire definitions (*.json)", folder));
  return out;
}

json questionnaire_response(const domain::Instrument& instrument, const domain::Answers& answers,
                            const ResponseInfo& info) {
  json groups = json::array();
  for (auto& g : instrument.groups) {
    json items = json::array();
    for (auto& i : g.items) {
      auto a = answers.find(i.key);
      if (a == answers.end()) continue;  // unanswered items are left out, as FHIR expects
      json answer;
      if (i.choices.empty()) {
        answer = {{"valueInteger", a->second}};
      } else {
        json coding = {{"code", std::to_string(a->second)}};
        for (auto& c : i.choices)
          if (c.value == a->second) coding["display"] = c.label;
        answer = {{"valueCoding", coding}};
      }
      items.push_back({{"linkId", i.key}, {"text", i.label}, {"answer", json::array({answer})}});
    }
    if (items.empty()) continue;
    bool single = g.items.size() == 1 && g.items[0].key == g.key;
    if (single)
      groups.push_back(items[0]);
    else
      groups.push_back({{"linkId", g.key}, {"text", g.label}, {"item", items}});
  }
  json out = {{"resourceType", "QuestionnaireResponse"},
              {"id", info.id},
              {"questionnaire", instrument.url + "|" + instrument.version},
              {"status", info.status},
              {"subject", {{"reference", info.subject}}},
              {"authored", info.authored},
              {"author", {{"display", info.author}}}};
  if (!groups.empty()) out["item"] = groups;
  return out;
}

}  // namespace regie::interop
