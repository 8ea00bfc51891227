// TZif reader (RFC 8536, version 2+ 64-bit block) and local/UTC conversion.
#include "schedule/zone.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace regie::schedule {
namespace {

std::int64_t be(const unsigned char* p, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
  if (n == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<LocalTime> parse_local_time(std::string_view s) {
  if (s.size() != 16 && !(s.size() == 19 && s.substr(16) == ":00")) return std::nullopt;
  if (s[10] != 'T' || s[13] != ':') return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  int h = 0, m = 0;
  if (!d || !digits(s, 11, 2, h) || !digits(s, 14, 2, m) || h > 23 || m > 59) return std::nullopt;
  return LocalTime{*d, h * 60 + m};
}

std::string format_local_time(LocalTime t) {
  return fmt::format("{}T{:02}:{:02}", format_date(t.date), t.minute / 60, t.minute % 60);
}

std::string format_utc(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  std::int64_t rest = t - days * 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(Date{static_cast<std::int32_t>(days)}), rest / 3600,
                     rest / 60 % 60, rest % 60);
}

std::optional<std::int64_t> parse_utc(std::string_view s) {
  if (s.empty() || s.back() != 'Z') return std::nullopt;
  s.remove_suffix(1);
  int sec = 0;
  if (s.size() == 19) {
    if (s[16] != ':' || !digits(s, 17, 2, sec) || sec > 59) return std::nullopt;
    s = s.substr(0, 16);
  }
  auto l = parse_local_time(s);
  if (!l) return std::nullopt;
  return static_cast<std::int64_t>(l->date.days) * 86400 + l->minute * 60 + sec;
}

Result<TimeZone> TimeZone::load(const std::string& name, const std::string& dir) {
  bool plausible = !name.empty() && name.size() <= 64 && name.find("..") == std::string::npos && name[0] != '/';
  for (char c : name)
    plausible &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                 c == '+' || c == '/';
  if (!plausible) return invalid("time_zone: not a time-zone name such as Europe/Amsterdam");
  std::ifstream in(dir + "/" + name, std::ios::binary);
  if (!in) return invalid(fmt::format("time_zone: unknown time zone {}", name));
  std::vector<unsigned char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&] { return invalid(fmt::format("time_zone: {} is not a readable time-zone file", name)); };
  auto header = [&](std::size_t at, std::int64_t c[6]) {
    if (b.size() < at + 44 || b[at] != 'T' || b[at + 1] != 'Z' || b[at + 2] != 'i' || b[at + 3] != 'f') return false;
    // A count is a 32-bit signed field; one that is negative or larger than
    // the file cannot be right, and the offsets computed from it would wrap.
    for (int i = 0; i < 6; ++i) {
      c[i] = be(&b[at + 20 + 4 * i], 4);
      if (c[i] < 0 || c[i] > static_cast<std::int64_t>(b.size())) return false;
    }
    return true;
  };
  // Counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
  std::int64_t c[6];
  if (!header(0, c)) return bad();
  std::size_t at = 44;
  int width = 4;
  if (b[4] >= '2') {  // skip the 32-bit block; the 64-bit one follows
    at += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
    if (!header(at, c)) return bad();
    at += 44;
    width = 8;
  }
  const std::size_t need = c[3] * width + c[3] + c[4] * 6;
  if (c[4] < 1 || b.size() < at + need) return bad();
  TimeZone z;
  z.name_ = name;
  std::vector<int> type_offset(c[4]);
  const std::size_t types_at = at + c[3] * width + c[3];
  for (std::int64_t i = 0; i < c[4]; ++i) type_offset[i] = static_cast<int>(be(&b[types_at + 6 * i], 4));
  for (std::int64_t i = 0; i < c[3]; ++i) {
    std::size_t idx = b[at + c[3] * width + i];
    if (idx >= type_offset.size()) return bad();
    z.transitions_.push_back(be(&b[at + i * width], width));
    z.offsets_.push_back(type_offset[idx]);
  }
  z.initial_offset_ = type_offset[0];
  return z;
}

TimeZone TimeZone::fixed(const std::string& name, int offset_seconds) {
  TimeZone z;
  z.name_ = name;
  z.initial_offset_ = offset_seconds;
  return z;
}

int TimeZone::offset_at(std::int64_t utc) const {
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
  if (it == transitions_.begin()) return initial_offset_;
  return offsets_[static_cast<std::size_t>(it - transitions_.begin()) - 1];
}

std::int64_t TimeZone::to_utc(LocalTime local) const {
  const std::int64_t wall = static_cast<std::int64_t>(local.date.days) * 86400 + local.minute * 60;
  // Try the offsets in force around this wall time; the earliest instant that
  // shows exactly this wall time wins (first occurrence in autumn).
  const int before = offset_at(wall - 86400), after = offset_at(wall + 86400);
  std::int64_t best = 0;
  bool found = false;
  for (int off : {std::max(before, after), std::min(before, after)}) {
    std::int64_t t = wall - off;
    if (offset_at(t) == off && (!found || t < best)) {
      best = t;
      found = true;
    }
  }
  if (found) return best;
  // Skipped by a spring-forward change: move forward by the gap.
  return wall - before;
}

LocalTime TimeZone::to_local(std::int64_t utc) const {
  std::int64_t wall = utc + offset_at(utc);
  std::int64_t days = wall >= 0 ? wall / 86400 : -((-wall + 86399) / 86400);
  return LocalTime{Date{static_cast<std::int32_t>(days)}, static_cast<int>((wall - days * 86400) / 60)};
}

}  // namespace regie::schedule
