// The largest numbers Regie accepts, and the one rule for ids that a client
// chooses. Every entry path (API, imports, demo file, costs CSV, price list)
// checks against these, so that no stored figure can make a sum overflow: the
// maxima are far above anything the Dutch social domain pays or plans, and far
// below what a 64-bit total of many households could not hold. The numbers
// are documented in docs/reliability.md ("Numbers"); keep the two in step.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/money.h"
#include "common/result.h"

namespace regie::domain::limits {

// Annual cost of one provision, and of one category line of a costs file: EUR 10 000 000.
inline constexpr Cents kAnnualCost = 1'000'000'000;
// One price-list amount (per intervention, hour, month or year): EUR 1 000 000.
inline constexpr Cents kPrice = 100'000'000;
// Hours per week, ×100: a week has 168 hours.
inline constexpr std::int64_t kHoursPerWeekCenti = 168'00;
// Units per year of a priced provision, ×100: 100 000 (a year has 8 760 hours).
inline constexpr std::int64_t kUnitsPerYearCenti = 100'000'00;
// One virtual saving (a prevented placement, eviction, ...): EUR 10 000 000.
inline constexpr Cents kVirtualSaving = 1'000'000'000;
// One time entry: a day.
inline constexpr int kMinutesPerEntry = 24 * 60;
// Director cost: a fixed amount per household per year, an hourly rate, norm hours per week.
inline constexpr Cents kDirectorCostPerHousehold = 1'000'000'000;
inline constexpr Cents kHourlyRate = 100'000;  // EUR 1 000
// One declared amount of an iJw/iWmo declaration line, either sign, and an allocated budget.
inline constexpr Cents kDeclaredAmount = 1'000'000'000;
// A volume in an iJw/iWmo message (units per frequency).
inline constexpr std::int64_t kMessageVolume = 1'000'000'000;

// "field: 0 to <max>" when value is outside [0, max]; money maxima are
// named in euros so that the message reads as the documentation does.
Status check_cents(std::string_view field, Cents value, Cents max);
Status check_centi(std::string_view field, std::int64_t value, std::int64_t max);  // ×100 quantities
Status check_whole(std::string_view field, std::int64_t value, std::int64_t min, std::int64_t max);

// The director-cost figures of a business case: fixed amount per household,
// hourly rate and norm hours per week (the same maxima for the API and the CLI).
Status check_director_cost(Cents fixed_per_household, Cents hourly_rate, std::int64_t hours_per_week_centi);

// a + b, or nothing when the sum does not fit: a total that would overflow
// is an error for the caller to report, never a wrapped number.
std::optional<Cents> checked_add(Cents a, Cents b);

// A client-chosen id: a letter or digit, then up to 63 letters, digits, '_',
// '.' or '-', and no "..". Ids end up in URLs, file names and exports; this
// keeps "../", quotes, spaces and control characters out of all of them.
bool is_valid_id(std::string_view id);
inline constexpr std::string_view kIdRule =
    "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit, without '..'";
// invalid_input "<field>: ..." naming the rule when `id` breaks it.
Status check_id(std::string_view field, std::string_view id);
// The same for an optional id: empty is allowed (the caller assigns one).
Status check_optional_id(std::string_view field, std::string_view id);

// An e-mail address as people type it: local@domain.tld, at most 254
// characters, no spaces, control characters, quotes, angle brackets or
// anything else that could end a header or a calendar line.
bool is_valid_email(std::string_view email);

}  // namespace regie::domain::limits
