// Calendar dates as a count of days since 1970-01-01, so that overlap and
// proration are plain integer arithmetic. Only ISO yyyy-mm-dd is accepted.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie {

struct Date {
  std::int32_t days = 0;  // days since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

std::optional<Date> parse_date(std::string_view iso);
std::string format_date(Date d);
// "1 november 2019": for texts a household reads.
std::string format_date_nl(Date d);
Date make_date(int year, unsigned month, unsigned day);
int year_of(Date d);
int days_in_year(int year);
Date today_utc();

// Inclusive overlap in days of [a_start, a_end] and [b_start, b_end]; 0 if none.
std::int64_t overlap_days(Date a_start, Date a_end, Date b_start, Date b_end);

// An open-ended period ends here; far enough to outlast any analysis.
inline constexpr Date kOpenEnd{2932896};  // 9999-12-31

}  // namespace regie
