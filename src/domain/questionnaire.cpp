// Scoring rules of the instruments; see questionnaire.h.
#include "domain/questionnaire.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "common/problems.h"

namespace regie::domain {

bool is_moment(const std::string& s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != 'T' || s[1] < '1' || s[1] > '9') return false;
  return s.size() == 2 || std::isdigit(static_cast<unsigned char>(s[2]));
}

bool is_filled_by(const std::string& s) { return s == "member" || s == "with_director" || s == "proxy"; }

const QuestionItem* Instrument::item(const std::string& key) const {
  for (auto& g : groups)
    for (auto& i : g.items)
      if (i.key == key) return &i;
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> Instrument::score_keys() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& g : groups) {
    if (scoring == Scoring::group_mean) {
      out.emplace_back(g.key, g.label);
    } else {
      for (auto& i : g.items) out.emplace_back(i.key, i.label);
    }
  }
  return out;
}

std::size_t Instrument::item_count() const {
  std::size_t n = 0;
  for (auto& g : groups) n += g.items.size();
  return n;
}

std::map<std::string, std::optional<std::int64_t>> score_tenths(const Instrument& instrument, const Answers& answers) {
  std::map<std::string, std::optional<std::int64_t>> out;
  for (auto& g : instrument.groups) {
    if (instrument.scoring == Scoring::group_mean) {
      std::int64_t sum = 0, n = 0;
      for (auto& i : g.items) {
        if (auto a = answers.find(i.key); a != answers.end()) {
          sum += a->second;
          ++n;
        }
      }
      if (n == 0) {
        out[g.key] = std::nullopt;
      } else {
        // Round half away from zero; answers are never negative here but the rule holds either way.
        std::int64_t num = sum * 10, q = num / n, r = num % n;
        if (2 * (r < 0 ? -r : r) >= n) q += num < 0 ? -1 : 1;
        out[g.key] = q;
      }
    } else {
      for (auto& i : g.items) {
        auto a = answers.find(i.key);
        out[i.key] = a == answers.end() ? std::nullopt : std::optional<std::int64_t>(a->second * 10);
      }
    }
  }
  return out;
}

std::vector<std::string> missing_items(const Instrument& instrument, const Answers& answers) {
  std::vector<std::string> out;
  for (auto& g : instrument.groups)
    for (auto& i : g.items)
      if (!answers.contains(i.key)) out.push_back(i.key);
  return out;
}

Status check_answers(const Instrument& instrument, const std::map<std::string, std::optional<std::int64_t>>& answers) {
  ProblemList problems;
  for (auto& [key, value] : answers) {
    auto* item = instrument.item(key);
    if (!item) {
      problems.add(fmt::format("answers.{}: {} {} has no such item", key, instrument.key, instrument.version));
      continue;
    }
    if (!value) continue;
    if (!item->choices.empty()) {
      const std::int64_t given = *value;  // a named copy: clang cannot capture structured bindings
      bool known = std::any_of(item->choices.begin(), item->choices.end(),
                               [given](const Choice& c) { return c.value == given; });
      if (!known) {
        std::string allowed;
        for (auto& c : item->choices) allowed += (allowed.empty() ? "" : ", ") + std::to_string(c.value);
        problems.add(fmt::format("answers.{}: {} is not one of the choices ({})", key, *value, allowed));
      }
    } else if (*value < item->min || *value > item->max) {
      problems.add(fmt::format("answers.{}: {} is outside {}..{}", key, *value, item->min, item->max));
    }
  }
  if (!problems.empty()) return problems.error();
  return ok_status();
}

std::optional<std::int64_t> capability_index_millionths(const Instrument& instrument, const Answers& answers,
                                                         const Tariff& tariff) {
  if (tariff.empty()) return std::nullopt;
  std::int64_t total = 0;
  for (auto& g : instrument.groups) {
    for (auto& i : g.items) {
      auto a = answers.find(i.key);
      auto t = tariff.find(i.key);
      if (a == answers.end() || t == tariff.end()) return std::nullopt;
      auto v = t->second.find(a->second);
      if (v == t->second.end()) return std::nullopt;
      total += v->second;
    }
  }
  return total;
}

}  // namespace regie::domain
