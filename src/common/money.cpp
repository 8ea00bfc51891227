// Parsing, rounding and formatting of integer-cent money amounts.
#include "common/money.h"

#include <fmt/format.h>

#include <limits>

namespace regie {

std::optional<std::int64_t> parse_fixed(std::string_view s, int max_decimals) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || max_decimals < 0 || max_decimals > 18) return std::nullopt;
  std::int64_t scale = 1;
  for (int d = 0; d < max_decimals; ++d) scale *= 10;
  // The whole part times the scale, plus any fraction, must fit: the bound
  // depends on the number of decimals (with six, far less than with two).
  const std::int64_t limit = (std::numeric_limits<std::int64_t>::max() - (scale - 1)) / scale;
  std::int64_t whole = 0;
  std::size_t i = 0;
  int int_digits = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    if (whole > (limit - (s[i] - '0')) / 10) return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
    ++int_digits;
  }
  std::int64_t frac = 0;
  int frac_digits = 0;
  if (i < s.size()) {
    ++i;  // the point
    if (i == s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      if (++frac_digits > max_decimals) return std::nullopt;
      frac = frac * 10 + (s[i] - '0');
    }
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  for (int d = frac_digits; d < max_decimals; ++d) frac *= 10;
  std::int64_t v = whole * scale + frac;
  return negative ? -v : v;
}

std::optional<Cents> parse_euros(std::string_view text) { return parse_fixed(text, 2); }

std::int64_t div_round(std::int64_t n, std::int64_t d) {
  return static_cast<std::int64_t>(div_round128(n, d));
}

__int128 div_round128(__int128 n, __int128 d) {
  bool negative = n < 0;
  __int128 a = negative ? -n : n;
  __int128 q = (a * 2 + d) / (2 * d);
  return negative ? -q : q;
}

std::string format_fixed(std::int64_t scaled, int decimals, bool trim_zeros) {
  std::int64_t scale = 1;
  for (int d = 0; d < decimals; ++d) scale *= 10;
  bool negative = scaled < 0;
  std::uint64_t a = negative ? -static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  std::string out = fmt::format("{}{}", negative ? "-" : "", a / scale);
  if (decimals > 0) {
    std::string frac = fmt::format("{:0{}}", a % scale, decimals);
    if (trim_zeros) {
      while (!frac.empty() && frac.back() == '0') frac.pop_back();
    }
    if (!frac.empty()) out += "." + frac;
  }
  return out;
}

std::string format_cents(Cents cents) { return format_fixed(cents, 2, false); }

std::string format_whole_euros(Cents cents) { return fmt::format("{}", div_round(cents, 100)); }

}  // namespace regie
