// Civil-date conversions (the days-from-civil algorithm) and ISO parsing.
#include "common/date.h"

#include <fmt/format.h>

#include <chrono>

namespace regie {
namespace {

std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

Date make_date(int year, unsigned month, unsigned day) { return Date{days_from_civil(year, month, day)}; }

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return std::nullopt;
  int max_day = kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
  if (d > max_day) return std::nullopt;
  return make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(Date date) {
  int y;
  unsigned m, d;
  civil_from_days(date.days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

int year_of(Date date) {
  int y;
  unsigned m, d;
  civil_from_days(date.days, y, m, d);
  return y;
}

int days_in_year(int year) { return leap(year) ? 366 : 365; }

Date today_utc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<std::int32_t>(now.time_since_epoch().count())};
}

std::int64_t overlap_days(Date a_start, Date a_end, Date b_start, Date b_end) {
  auto lo = std::max(a_start.days, b_start.days);
  auto hi = std::min(a_end.days, b_end.days);
  return hi < lo ? 0 : static_cast<std::int64_t>(hi) - lo + 1;
}

}  // namespace regie

#include "common/clock.h"

namespace regie {

std::string Clock::now_iso8601() const {
  auto s = now_seconds();
  auto day = static_cast<std::int32_t>(s >= 0 ? s / 86400 : (s - 86399) / 86400);
  auto rest = s - static_cast<std::int64_t>(day) * 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(Date{day}), rest / 3600, rest / 60 % 60, rest % 60);
}

std::string format_date_nl(Date d) {
  static const char* const kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                        "juli",    "augustus", "september", "oktober", "november", "december"};
  auto iso = format_date(d);  // yyyy-mm-dd
  int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

}  // namespace regie
