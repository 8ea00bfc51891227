// Money is kept in integer euro cents everywhere; decimals exist only at the
// edges (parsing input, printing output). Rounding is half away from zero.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace regie {

using Cents = std::int64_t;

// Parses a decimal euro amount with at most two decimals ("1234", "1234.5",
// "-12.34"). Returns nothing for anything else (thousands separators, comma
// decimals, exponents, more than two decimals, overflow).
std::optional<Cents> parse_euros(std::string_view text);

// Rounds numerator/denominator half away from zero. denominator must be > 0.
std::int64_t div_round(std::int64_t numerator, std::int64_t denominator);
__int128 div_round128(__int128 numerator, __int128 denominator);

// Formats cents as euros with two decimals: "1234.56", "-0.50".
std::string format_cents(Cents cents);
// Whole euros, rounded half away from zero: "1235".
std::string format_whole_euros(Cents cents);

// Parses a non-negative decimal with up to `max_decimals` decimals into an
// integer scaled by 10^max_decimals ("2.5" with 2 -> 250).
std::optional<std::int64_t> parse_fixed(std::string_view text, int max_decimals);
std::string format_fixed(std::int64_t scaled, int decimals, bool trim_zeros);

}  // namespace regie
