#include "interop/businesscase_sheets.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/money.h"

namespace regie::interop {
namespace {

using analytics::Table;

// "€ 8.000" or "€ 8.000,50": Dutch thousands and decimal marks.
std::string euros_nl(Cents cents) {
  const bool negative = cents < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::string digits = std::to_string(abs / 100);
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += '.';
    whole += digits[i];
  }
  std::string out = std::string(negative ? "-" : "") + "€ " + whole;
  if (abs % 100) out += fmt::format(",{:02}", abs % 100);
  return out;
}

const std::map<std::string, std::string>& table5_labels() {
  static const std::map<std::string, std::string> labels{{"support_cost_difference", "Verschil kosten ondersteuning"},
                                                         {"director_cost", "Kosten gezinsregisseur"},
                                                         {"net", "Saldo"}};
  return labels;
}

const char* kT1 = "Meetmoment 1 (€)";
const char* kT2 = "Meetmoment 2 (€)";
const char* kDiff = "Verschil meetmoment 1 en 2 (€)";
const char* kPct = "Verschil (%)";
const char* kAvg = "Gemiddeld per huishouden (€)";

// Contract columns: table, key, households, t1_eur, t2_eur, difference_eur, difference_pct, avg_per_household_eur.
enum Col { kTable, kKey, kHouseholds, kT1Col, kT2Col, kDiffCol, kPctCol, kAvgCol };

std::string key_label(const std::string& table, const std::string& key) {
  if (key == "TOTAL") return "Totaal";
  if (table == "4") return category_label(key);
  if (table == "5") {
    auto it = table5_labels().find(key);
    if (it != table5_labels().end()) return it->second;
  }
  return key;  // a household's id, as the report's table 3 names them
}

}  // namespace

std::string category_label(const std::string& category) {
  static const std::map<std::string, std::string> labels{{"gemeente", "Geïndiceerd gemeente"},
                                                         {"niet_geindiceerd", "Niet-geïndiceerd"},
                                                         {"uwv", "Geïndiceerd UWV"},
                                                         {"zvw_ggz", "Geïndiceerd Zvw/GGZ"},
                                                         {"wlz", "Geïndiceerd Wlz"}};
  if (auto it = labels.find(category); it != labels.end()) return it->second;
  std::string words = category;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string director_cost_note(const analytics::DirectorCost& d) {
  using Mode = analytics::DirectorCost::Mode;
  switch (d.mode) {
    case Mode::fixed:
      return fmt::format("Kosten gezinsregisseur: {} per huishouden (vast bedrag).", euros_nl(d.per_household));
    case Mode::norm:
      return fmt::format("Kosten gezinsregisseur: {} per huishouden, berekend als {} uur per week maal {} weken maal {} per uur.",
                         euros_nl(d.per_household), format_fixed(d.hours_per_week_centi, 2, true), d.weeks,
                         euros_nl(d.hourly_rate));
    case Mode::registered: {
      Cents total = 0;
      for (auto& [id, c] : d.by_household) total += c;
      return fmt::format(
          "Kosten gezinsregisseur: {} samen, uit de geregistreerde tijd voor de gezinnen (direct, indirect en reistijd) "
          "maal {} per uur, omgerekend naar een jaar. Projecttijd telt niet mee.",
          euros_nl(total), euros_nl(d.hourly_rate));
    }
  }
  return "";
}

std::vector<Sheet> business_case_sheets(const analytics::BusinessCase& bc) {
  const Table contract = analytics::to_table(bc);
  Table all{{"Tabel", "Regel", "Aantal huishoudens", kT1, kT2, kDiff, kPct, kAvg},
            {},
            {false, false, true, true, true, true, true, true}};
  Table t3{{"Huishouden", kT1, kT2, kDiff, kPct}, {}, {false, true, true, true, true}};
  Table t4{{"Aantal huishoudens", "Categorie", kT1, kT2, kDiff, kPct, kAvg}, {},
           {true, false, true, true, true, true, true}};
  Table t5{{"Regel", "Totale kosten (€)", "Gemiddeld per gezin (€)"}, {}, {false, true, true}};
  std::vector<std::string> total;
  for (auto& r : contract.rows) {
    const auto& table = r[kTable];
    std::vector<std::string> line = r;
    line[kTable] = "Tabel " + table;
    line[kKey] = key_label(table, r[kKey]);
    all.rows.push_back(line);
    if (table == "3") {
      t3.rows.push_back({line[kKey], r[kT1Col], r[kT2Col], r[kDiffCol], r[kPctCol]});
      if (r[kKey] == "TOTAL") total = r;
    } else if (table == "4") {
      t4.rows.push_back({r[kHouseholds], line[kKey], r[kT1Col], r[kT2Col], r[kDiffCol], r[kPctCol], r[kAvgCol]});
    } else if (table == "5") {
      t5.rows.push_back({line[kKey], r[kDiffCol], r[kAvgCol]});
    }
  }
  // The report's table 4 ends with the same total as table 3.
  if (!total.empty())
    t4.rows.push_back({total[kHouseholds], "Totaal", total[kT1Col], total[kT2Col], total[kDiffCol], total[kPctCol],
                       total[kAvgCol]});
  const std::string note = director_cost_note(bc.director);
  const std::vector<std::string> amounts{
      "Bedragen in hele euro's per jaar; meetmoment 1 en 2 zijn de twee peildata van de businesscase."};
  Table explained{{"Toelichting"},
                  {{note},
                   {amounts.front()},
                   {"Een negatief verschil is een besparing. Saldo = verschil kosten ondersteuning + kosten gezinsregisseur."}},
                  {false}};
  return {{"Businesscase", all, amounts},
          {"Tabel 3 huishoudens", t3, amounts},
          {"Tabel 4 per onderdeel", t4, amounts},
          {"Tabel 5 saldo", t5, {note}},
          {"Toelichting", explained, {}}};
}

}  // namespace regie::interop
