// JSON body parsing and the field checks the routes share.
#include "http/bodies.h"

#include <fmt/format.h>

#include "common/date.h"
#include "common/money.h"
#include "common/problems.h"
#include "domain/funding.h"
#include "domain/provision.h"

namespace regie::http {
namespace {

// Deepest nesting of arrays and objects, counting outside strings only; stops
// counting once past `limit`.
int nesting_depth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

}  // namespace

Result<json> parse_object(std::string_view text) {
  // The parser would stop at a NUL byte and accept what came before it.
  if (text.find('\0') != std::string_view::npos) return invalid("the body must not contain NUL bytes");
  if (nesting_depth(text, kMaxJsonDepth) > kMaxJsonDepth)
    return invalid(fmt::format("the body nests deeper than {} levels", kMaxJsonDepth));
  // The parser refuses invalid UTF-8 inside strings, so no such text gets stored.
  json body = json::parse(text.begin(), text.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return invalid("the body must be a JSON object (in UTF-8)");
  return body;
}

Result<std::string> string_field(const json& body, const char* name, bool required) {
  if (!body.contains(name) || body[name].is_null()) {
    if (required) return invalid(fmt::format("{}: required", name));
    return std::string();
  }
  if (!body[name].is_string()) return invalid(fmt::format("{}: must be a string", name));
  return body[name].get<std::string>();
}

Result<std::int64_t> integer_field(const json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_number_integer())
    return invalid(fmt::format("{}: required, a whole number", name));
  return body[name].get<std::int64_t>();
}

std::string FieldReader::text(const char* name, bool required) {
  auto v = string_field(body_, name, required);
  if (!v) problems_.add(v.error().message);
  return v ? *v : std::string();
}

std::int64_t FieldReader::integer(const char* name) {
  auto v = integer_field(body_, name);
  if (!v) problems_.add(v.error().message);
  return v ? *v : 0;
}

std::int64_t FieldReader::integer(const char* name, std::int64_t min, std::int64_t max) {
  auto v = integer_field(body_, name);
  if (!v) problems_.add(v.error().message);
  else if (*v < min || *v > max) problems_.add(fmt::format("{}: between {} and {}", name, min, max));
  return v ? *v : 0;
}

std::int64_t FieldReader::integer_or(const char* name, std::int64_t fallback) {
  if (!body_.contains(name)) return fallback;
  return integer(name);
}

Date FieldReader::date(const char* name) {
  auto v = string_field(body_, name, true);
  if (!v) {
    problems_.add(v.error().message);
    return Date{};
  }
  auto d = parse_date(*v);
  if (!d) problems_.add(fmt::format("{}: not a date (yyyy-mm-dd)", name));
  return d.value_or(Date{});
}

std::optional<Date> FieldReader::optional_date(const char* name) {
  auto v = text(name, false);
  if (v.empty()) return std::nullopt;
  auto d = parse_date(v);
  if (!d) problems_.add(fmt::format("{}: not a date (yyyy-mm-dd)", name));
  return d;
}

// A provision from a request body; fields are checked one by one so that
// the message names the field.
Result<domain::Provision> provision_from_json(const json& body, const std::string& household_id) {
  domain::Provision p;
  p.household_id = household_id;
  auto id = string_field(body, "id", false), domain_code = string_field(body, "domain"),
       provider = string_field(body, "provider_id"), start = string_field(body, "start_date"),
       end = string_field(body, "end_date", false), member = string_field(body, "member_id", false),
       professional = string_field(body, "professional_id", false), goal = string_field(body, "goal", false),
       hours = string_field(body, "hours_per_week", false), basis = string_field(body, "cost_basis", false),
       price = string_field(body, "price_code", false), units = string_field(body, "units_per_year", false);
  // Every field is checked, so one answer names every problem (one line each).
  ProblemList problems;
  for (auto* f : {&id, &domain_code, &provider, &start, &end, &member, &professional, &goal, &hours, &basis, &price,
                  &units})
    if (!*f) problems.add(f->error().message);
  if (!problems.empty()) return problems.error();
  auto d = domain::parse_domain(*domain_code);
  if (!d) problems.add("domain: unknown funding domain");
  else {
    p.domain = *d;
    p.basis = domain::default_basis(*d);
    p.indicated = domain::indicated_by_default(*d);
  }
  p.id = *id;
  p.provider_id = *provider;
  p.goal = *goal;
  if (!member->empty()) p.member_id = *member;
  if (!professional->empty()) p.professional_id = *professional;
  auto s = parse_date(*start);
  if (!s) problems.add("start_date: not a date (yyyy-mm-dd)");
  else p.start = *s;
  if (!end->empty()) {
    auto e = parse_date(*end);
    if (!e) problems.add("end_date: not a date (yyyy-mm-dd)");
    else p.end = *e;
  }
  if (!hours->empty()) {
    auto h = parse_fixed(*hours, 2);
    if (!h || *h < 0) problems.add("hours_per_week: a decimal like \"2.5\"");
    else p.hours_per_week_centi = *h;
  }
  if (!basis->empty()) {
    auto b = domain::parse_cost_basis(*basis);
    if (!b) problems.add("cost_basis: declared, price_list or estimate");
    else p.basis = *b;
  }
  if (body.contains("indicated")) {
    if (!body["indicated"].is_boolean()) problems.add("indicated: true or false");
    else p.indicated = body["indicated"].get<bool>();
  }
  if (!price->empty()) {
    p.price_code = *price;
    auto u = parse_fixed(*units, 2);
    if (!u || *u <= 0) problems.add("units_per_year: a positive decimal like \"24\"");
    else p.units_per_year_centi = *u;
  }
  if (body.contains("coaching")) {
    if (!body["coaching"].is_boolean()) problems.add("coaching: true or false");
    else p.coaching = body["coaching"].get<bool>();
  }
  if (body.contains("version")) {
    if (!body["version"].is_number_integer()) problems.add("version: the version number you read");
    else p.version = body["version"].get<int>();
  }
  if (!p.price_code && body.contains("annual_cost_cents")) {
    if (!body["annual_cost_cents"].is_number_integer()) problems.add("annual_cost_cents: a whole number of cents");
    else if ((p.annual_cost = body["annual_cost_cents"].get<std::int64_t>()) < 0)
      problems.add("annual_cost_cents: not negative");
  }
  if (p.end && s && *p.end < *s) problems.add("end_date: before start_date");
  if (!problems.empty()) return problems.error();
  return p;
}

}  // namespace regie::http
