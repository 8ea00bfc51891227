// The limits of domain/limits.h and their messages.
#include "domain/limits.h"

#include <fmt/format.h>

namespace regie::domain::limits {

namespace {

// "EUR 10000000" rather than the cents: the maximum as a person reads it.
std::string euros(Cents c) { return "EUR " + format_whole_euros(c); }

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

bool alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

Status check_cents(std::string_view field, Cents value, Cents max) {
  if (value < 0 || value > max)
    return invalid(fmt::format("{}: 0 to {} cents ({})", field, max, euros(max)));
  return ok_status();
}

Status check_centi(std::string_view field, std::int64_t value, std::int64_t max) {
  if (value < 0 || value > max) return invalid(fmt::format("{}: 0 to {}", field, format_fixed(max, 2, true)));
  return ok_status();
}

Status check_whole(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max) {
  if (value < min || value > max) return invalid(fmt::format("{}: {} to {}", field, min, max));
  return ok_status();
}

Status check_director_cost(Cents fixed_per_household, Cents hourly_rate, std::int64_t hours_per_week_centi) {
  if (auto st = check_cents("director cost per household", fixed_per_household, kDirectorCostPerHousehold); !st)
    return st;
  if (auto st = check_cents("hourly rate", hourly_rate, kHourlyRate); !st) return st;
  return check_centi("director hours per week", hours_per_week_centi, kHoursPerWeekCenti);
}

std::optional<Cents> checked_add(Cents a, Cents b) {
  Cents out;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || !alnum(id[0])) return false;
  for (char c : id)
    if (!id_char(c)) return false;
  return id.find("..") == std::string_view::npos;
}

Status check_id(std::string_view field, std::string_view id) {
  if (is_valid_id(id)) return ok_status();
  return invalid(fmt::format("{}: {}", field, kIdRule));
}

Status check_optional_id(std::string_view field, std::string_view id) {
  return id.empty() ? ok_status() : check_id(field, id);
}

bool is_valid_email(std::string_view e) {
  if (e.size() < 3 || e.size() > 254) return false;
  const auto at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos) return false;
  const auto local = e.substr(0, at), host = e.substr(at + 1);
  if (local.size() > 64 || host.empty() || host.front() == '.' || host.back() == '.' ||
      host.find('.') == std::string_view::npos || host.find("..") != std::string_view::npos)
    return false;
  // Printable ASCII without the characters that quote, separate or escape in
  // mail headers and iCalendar lines; letters beyond ASCII are allowed as UTF-8.
  for (unsigned char c : e) {
    if (c < 0x21 || c == 0x7f) return false;
    if (c >= 0x80) continue;
    if (std::string_view("\"'(),:;<>[\\]`").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  for (unsigned char c : host)
    if (c < 0x80 && !alnum(static_cast<char>(c)) && c != '-' && c != '.') return false;
  return true;
}

}  // namespace regie::domain::limits
