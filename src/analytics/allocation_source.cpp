// The file source: a fast path that splits allocations.csv at line ends and
// parses the parts on their own threads, and the full CSV reader, which every
// file it cannot vouch for goes through. The fast path accepts a line only
// when the full reader would accept it with the same values, so the two can
// only differ in speed.
#include "analytics/allocation_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <cstring>
#include <mutex>
#include <thread>

#include "common/csv.h"
#include "common/problems.h"
#include "domain/limits.h"

namespace regie::analytics {
namespace {

using domain::Domain;

constexpr std::string_view kColumns[] = {"allocation_id", "household_id", "client_id", "neighbourhood",
                                         "domain", "provider_id", "product_code", "start_date",
                                         "end_date", "yearly_cost_eur"};
enum { kId, kHh, kClient, kNbh, kDomain, kProvider, kProduct, kStart, kEnd, kCost, kNeeded };

// The domains of an allocation export, for a lookup without building strings.
struct DomainNames {
  std::vector<std::pair<std::string_view, Domain>> names;
  DomainNames() {
    for (int i = 0; i <= static_cast<int>(Domain::vrijwilligers); ++i) {
      auto d = static_cast<Domain>(i);
      if (domain::is_allocation_domain(d)) names.emplace_back(domain::to_string(d), d);
    }
  }
  std::optional<Domain> find(std::string_view s) const {
    for (auto& [name, d] : names)
      if (name.size() == s.size() && name[0] == s[0] && name == s) return d;
    return std::nullopt;
  }
};

// Where the needed columns are in a line, and how many fields a line has.
struct Layout {
  std::array<int, kNeeded> at{};
  int fields = 0;
};

// The header as the fast path reads it, or nullopt when the full reader must
// (quotes, a byte-order mark, a missing column: the full reader says which).
std::optional<Layout> fast_layout(std::string_view header) {
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  if (header.empty() || header.find('"') != std::string_view::npos || static_cast<unsigned char>(header[0]) == 0xEF)
    return std::nullopt;
  std::vector<std::string_view> names;
  for (std::size_t b = 0;;) {
    auto comma = header.find(',', b);
    names.push_back(header.substr(b, comma == std::string_view::npos ? std::string_view::npos : comma - b));
    if (comma == std::string_view::npos) break;
    b = comma + 1;
  }
  Layout l;
  l.fields = static_cast<int>(names.size());
  for (int c = 0; c < kNeeded; ++c) {
    auto it = std::find(names.begin(), names.end(), kColumns[c]);
    if (it == names.end()) return std::nullopt;
    l.at[c] = static_cast<int>(it - names.begin());
  }
  return l;
}

// Parses one line (without its line end) into `a`; false when the full reader
// must decide (a problem to report, or a shape the fast path does not handle).
bool parse_line(const char* b, const char* e, const Layout& l, const DomainNames& domains,
                std::vector<std::string_view>& f, Allocation& a) {
  f.clear();
  const char* s = b;
  for (const char* p = b; p != e; ++p)
    if (*p == ',') {
      f.emplace_back(s, p - s);
      s = p + 1;
    }
  f.emplace_back(s, e - s);
  if (static_cast<int>(f.size()) != l.fields) return false;
  a.allocation_id = f[l.at[kId]];
  a.household_id = f[l.at[kHh]];
  a.client_id = f[l.at[kClient]];
  a.neighbourhood = f[l.at[kNbh]];
  a.provider_id = f[l.at[kProvider]];
  a.product_code = f[l.at[kProduct]];
  if (a.allocation_id.empty() || a.household_id.empty() || a.client_id.empty()) return false;
  auto d = f[l.at[kDomain]].empty() ? std::nullopt : domains.find(f[l.at[kDomain]]);
  if (!d) return false;
  a.domain = *d;
  auto start = parse_date(f[l.at[kStart]]);
  if (!start) return false;
  a.start = *start;
  a.end = kOpenEnd;
  if (!f[l.at[kEnd]].empty()) {
    auto end = parse_date(f[l.at[kEnd]]);
    if (!end || *end < *start) return false;
    a.end = *end;
  }
  auto cost = parse_euros(f[l.at[kCost]]);
  if (!cost || *cost < 0 || *cost > domain::limits::kAnnualCost) return false;
  a.yearly_cost = *cost;
  return true;
}

bool read_at(int fd, char* into, std::size_t n, off_t at) {
  while (n > 0) {
    auto got = ::pread(fd, into, n, at);
    if (got <= 0) return false;
    into += got;
    n -= static_cast<std::size_t>(got);
    at += got;
  }
  return true;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads [from, to) of the file in blocks and hands every line to the sink as
// part `part`. Returns false as soon as something needs the full reader, or
// when another part has already found such a thing.
bool scan_range(int fd, off_t from, off_t to, const Layout& l, int part, AllocationSink& sink,
                std::atomic<bool>& give_up) {
  constexpr std::size_t kBlock = 4 << 20, kLongestLine = 1 << 20;
  static const DomainNames domains;
  std::vector<char> buf(kBlock + kLongestLine);
  std::vector<std::string_view> fields;
  fields.reserve(static_cast<std::size_t>(l.fields) + 1);
  // Rows go on in batches that never outlive the block their views point into.
  constexpr std::size_t kBatch = 64;
  std::array<Allocation, kBatch> batch;
  std::size_t batched = 0;
  auto flush = [&] {
    if (batched) sink.rows(part, batch.data(), batched);
    batched = 0;
  };
  std::size_t carry = 0;
  auto line = [&](const char* b, const char* e) {
    if (e != b && e[-1] == '\r') --e;
    if (e == b) return true;  // a blank line is not a record
    // A carriage return of its own ends a record for the full reader.
    if (std::memchr(b, '\r', static_cast<std::size_t>(e - b))) return false;
    if (!parse_line(b, e, l, domains, fields, batch[batched])) return false;
    if (++batched == kBatch) flush();
    return true;
  };
  for (off_t at = from; at < to;) {
    if (give_up.load(std::memory_order_relaxed)) return false;
    const std::size_t n = static_cast<std::size_t>(std::min<off_t>(kBlock, to - at));
    char* fresh = buf.data() + carry;
    if (!read_at(fd, fresh, n, at)) return false;
    at += static_cast<off_t>(n);
    if (std::memchr(fresh, '"', n)) return false;  // quoted fields may span lines: the full reader decides
    const char* b = buf.data();
    const char* end = fresh + n;
    for (const char* nl; (nl = static_cast<const char*>(std::memchr(b, '\n', static_cast<std::size_t>(end - b))));
         b = nl + 1)
      if (!line(b, nl)) return false;
    flush();
    carry = static_cast<std::size_t>(end - b);
    if (carry > kLongestLine) return false;
    std::memmove(buf.data(), b, carry);
  }
  const bool ok = carry == 0 || line(buf.data(), buf.data() + carry);
  flush();
  return ok;
}

}  // namespace

Status AllocationFile::scan(AllocationSink& sink) {
  fast_ = false;
  auto full_reader = [&] {
    sink.begin(1);
    return for_each_allocation(path_, [&](const Allocation& a) { sink.row(0, a); });
  };
  if (path_ == "-") return full_reader();
  Fd f;
  f.fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return full_reader();
  const off_t size = st.st_size;
  // The header line; the first line end after it starts the data.
  std::string head(static_cast<std::size_t>(std::min<off_t>(size, 64 << 10)), '\0');
  if (!read_at(f.fd, head.data(), head.size(), 0)) return full_reader();
  const auto header_end = head.find('\n');
  if (header_end == std::string::npos) return full_reader();
  auto layout = fast_layout(std::string_view(head).substr(0, header_end));
  if (!layout) return full_reader();

  // One part per core, each starting just after a line end.
  const off_t data = static_cast<off_t>(header_end + 1);
  int parts = threads_ > 0 ? threads_ : static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  if (threads_ == 0 && size - data < (8 << 20)) parts = 1;  // small files: a thread costs more than it saves
  std::vector<off_t> cut{data};
  std::string window(64 << 10, '\0');
  for (int i = 1; i < parts; ++i) {
    off_t at = std::max(cut.back(), data + (size - data) * i / parts - 1);
    for (;;) {  // the first line end at or after `at`
      const auto n = static_cast<std::size_t>(std::min<off_t>(static_cast<off_t>(window.size()), size - at));
      if (n == 0 || !read_at(f.fd, window.data(), n, at)) {
        at = size;
        break;
      }
      const auto nl = std::string_view(window.data(), n).find('\n');
      if (nl != std::string_view::npos) {
        at += static_cast<off_t>(nl);
        break;
      }
      at += static_cast<off_t>(n);
    }
    cut.push_back(std::min(size, at + 1));
  }
  cut.push_back(size);

  sink.begin(parts);
  std::atomic<bool> give_up{false};
  std::vector<char> ok(static_cast<std::size_t>(parts), 0);
  std::vector<std::exception_ptr> failed(static_cast<std::size_t>(parts));
  auto run = [&](int p) {
    try {
      ok[p] = scan_range(f.fd, cut[p], cut[p + 1], *layout, p, sink, give_up);
    } catch (...) {  // out of memory, say: the caller hears of it, the process does not end
      failed[p] = std::current_exception();
    }
    if (!ok[p]) give_up = true;
  };
  {
    std::vector<std::jthread> threads;
    for (int p = 1; p < parts; ++p) threads.emplace_back(run, p);
    run(0);
  }
  for (auto& e : failed)
    if (e) std::rethrow_exception(e);
  if (std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; })) {
    fast_ = true;
    return ok_status();
  }
  return full_reader();
}

Status for_each_row(AllocationSource& source, const std::function<void()>& restart,
                    const std::function<void(const Allocation&)>& fn) {
  struct Serial : AllocationSink {
    const std::function<void()>& restart;
    const std::function<void(const Allocation&)>& fn;
    std::mutex mu;
    Serial(const std::function<void()>& r, const std::function<void(const Allocation&)>& f) : restart(r), fn(f) {}
    void begin(int) override { restart(); }
    void rows(int, const Allocation* a, std::size_t n) override {
      std::lock_guard lock(mu);
      for (std::size_t i = 0; i < n; ++i) fn(a[i]);
    }
  } serial(restart, fn);
  return source.scan(serial);
}

Status for_each_allocation(const std::string& path, const std::function<void(const Allocation&)>& fn) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({kColumns, kColumns + kNeeded});
  if (!cols) return cols.error();
  const auto& c = *cols;
  ProblemList problems;
  while (r.next()) {
    Allocation a;
    a.allocation_id = r.field(c[kId]);
    a.household_id = r.field(c[kHh]);
    a.client_id = r.field(c[kClient]);
    a.neighbourhood = r.field(c[kNbh]);
    a.provider_id = r.field(c[kProvider]);
    a.product_code = r.field(c[kProduct]);
    bool ok = true;
    auto require = [&](int col, std::string_view v) {
      if (v.empty()) {
        problems.add(r.where(c[col]) + ": empty");
        ok = false;
      }
    };
    require(kId, a.allocation_id);
    require(kHh, a.household_id);
    require(kClient, a.client_id);
    // The care map's further domains are not in an allocation export (DATA-FORMATS.md).
    auto d = domain::parse_domain(r.field(c[kDomain]));
    if (!d || !domain::is_allocation_domain(*d)) {
      problems.add(r.where(c[kDomain]) + fmt::format(": unknown domain '{}'", r.field(c[kDomain])));
      ok = false;
    } else {
      a.domain = *d;
    }
    auto start = parse_date(r.field(c[kStart]));
    if (!start) {
      problems.add(r.where(c[kStart]) + fmt::format(": not a date (yyyy-mm-dd): '{}'", r.field(c[kStart])));
      ok = false;
    } else {
      a.start = *start;
    }
    a.end = kOpenEnd;
    if (!r.field(c[kEnd]).empty()) {
      auto end = parse_date(r.field(c[kEnd]));
      if (!end) {
        problems.add(r.where(c[kEnd]) + fmt::format(": not a date (yyyy-mm-dd): '{}'", r.field(c[kEnd])));
        ok = false;
      } else if (start && *end < *start) {
        problems.add(r.where(c[kEnd]) + ": ends before it starts");
        ok = false;
      } else {
        a.end = *end;
      }
    }
    auto cost = parse_euros(r.field(c[kCost]));
    if (!cost || *cost < 0) {
      problems.add(r.where(c[kCost]) +
                   fmt::format(": not a non-negative amount with at most 2 decimals: '{}'", r.field(c[kCost])));
      ok = false;
    } else if (*cost > domain::limits::kAnnualCost) {
      // Bounded so that the cent-days of a household (cost x days, summed) stay far from overflow.
      problems.add(r.where(c[kCost]) + fmt::format(": 0 to {} euros a year", domain::limits::kAnnualCost / 100));
      ok = false;
    } else {
      a.yearly_cost = *cost;
    }
    if (ok && problems.empty()) fn(a);
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();
  return ok_status();
}

namespace {

// households.csv without quotes, read whole and interned with the slots asked
// for ahead; nullopt when the full reader must read it (quotes, a problem).
std::optional<HouseholdList> fast_households(const std::string& path) {
  Fd f;
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return std::nullopt;
  // Mapped, not copied: the list keeps copies of the ids, so the text is only read once.
  const auto size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, f.fd, 0);
  if (map == MAP_FAILED) return std::nullopt;
  struct Unmap {
    void* p;
    std::size_t n;
    ~Unmap() { ::munmap(p, n); }
  } unmap{map, size};
  ::madvise(map, size, MADV_SEQUENTIAL);
  const std::string_view text(static_cast<const char*>(map), size);
  if (text.find('"') != std::string_view::npos || static_cast<unsigned char>(text[0]) == 0xEF) return std::nullopt;

  HouseholdList list;
  list.name = path;
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  list.ids.reserve(lines);
  list.neighbourhood.reserve(lines);
  // Ids are interned a few lines behind the reading, with their slots asked for ahead.
  constexpr std::size_t kAhead = 16;
  std::array<std::pair<std::string_view, std::string_view>, kAhead> ring;
  std::size_t read = 0, interned = 0;
  auto intern_one = [&] {
    auto [id, nbh] = ring[interned % kAhead];
    if (list.ids.id(id) != interned) return false;  // twice: the full reader says where
    list.neighbourhood.push_back(list.neighbourhoods.id(nbh));
    ++interned;
    return true;
  };
  int c_id = -1, c_nbh = -1;
  std::vector<std::string_view> fields;
  for (std::size_t b = 0, line = 0; b < text.size(); ++line) {
    auto nl = text.find('\n', b);
    std::string_view l = text.substr(b, (nl == std::string_view::npos ? text.size() : nl) - b);
    b = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find('\r') != std::string_view::npos) return std::nullopt;  // a record end for the full reader
    if (l.empty() && line > 0) continue;
    fields.clear();
    for (std::size_t fb = 0;;) {
      auto comma = l.find(',', fb);
      fields.push_back(l.substr(fb, comma == std::string_view::npos ? std::string_view::npos : comma - fb));
      if (comma == std::string_view::npos) break;
      fb = comma + 1;
    }
    if (line == 0) {
      for (int i = static_cast<int>(fields.size()) - 1; i >= 0; --i) {
        if (fields[i] == "household_id") c_id = i;
        if (fields[i] == "neighbourhood") c_nbh = i;
      }
      if (c_id < 0) return std::nullopt;
      continue;
    }
    if (c_id >= static_cast<int>(fields.size()) || fields[c_id].empty()) return std::nullopt;
    if (read - interned == kAhead && !intern_one()) return std::nullopt;
    ring[read++ % kAhead] = {fields[c_id], c_nbh >= 0 && c_nbh < static_cast<int>(fields.size()) ? fields[c_nbh]
                                                                                                 : std::string_view{}};
    list.ids.prefetch(fields[c_id]);
  }
  while (interned < read)
    if (!intern_one()) return std::nullopt;
  return list;
}

}  // namespace

Result<HouseholdList> read_households(const std::string& path) {
  if (auto fast = fast_households(path)) return std::move(*fast);
  HouseholdList list;
  list.name = path;
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"household_id"});
  if (!cols) return cols.error();
  const int c_nbh = r.column("neighbourhood");
  ProblemList problems;
  while (r.next()) {
    auto id = r.field((*cols)[0]);
    auto before = list.ids.count();
    if (id.empty())
      problems.add(r.where((*cols)[0]) + ": empty household id");
    else if (list.ids.id(id) != before)
      problems.add(r.where((*cols)[0]) + fmt::format(": household '{}' appears twice", id));
    else
      list.neighbourhood.push_back(list.neighbourhoods.id(r.field(c_nbh)));
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();
  return list;
}

}  // namespace regie::analytics
