// Each part interns what it meets (clients, providers, households outside the
// list) in its own tables, so the threads share nothing but the read-only
// household list. The merge maps every part's ids onto the first part's and
// counts distinct pairs by bucketing them per household (a counting sort), as
// the rows may come in any order.
#include "analytics/population_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstring>
#include <exception>
#include <thread>
#include <cstdlib>

namespace regie::analytics {
namespace {

constexpr std::uint32_t kNone = Interner::kNone;

// A household's sums for the analyses, together so that a row touches one
// place in memory.
struct Sums {
  std::int64_t cent_days = 0;  // year costs
  std::int32_t provisions = 0;
  std::int32_t stacked = 0;  // stacking
  std::uint32_t domains = 0;
  std::uint32_t unused = 0;
};
using SumsVector = std::vector<Sums, HugePageAllocator<Sums>>;

// A client as the distinct count keeps it: a short id whole (most are), a
// longer one by its id among the part's long client ids. Keeping short ids
// whole spares a lookup in a table of millions of clients per row.
struct ClientPair {
  std::uint32_t household;
  std::uint8_t size;  // 0xFF: a long id, its number in `head`
  char head[11];
  // The client's 12 bytes as two integers: compared without a call to memcmp.
  std::pair<std::uint64_t, std::uint32_t> client() const {
    std::uint64_t a;
    std::uint32_t b;
    std::memcpy(&a, &size, 8);
    std::memcpy(&b, head + 7, 4);
    return {a, b};
  }
  bool operator<(const ClientPair& o) const { return client() < o.client(); }
  bool operator==(const ClientPair& o) const { return client() == o.client(); }
};
static_assert(sizeof(ClientPair) == 16);

struct Part {
  SumsVector sums;  // by list id, then list size + extra id
  Interner long_clients;
  std::vector<ClientPair> client_pairs;
  std::size_t unknown = 0;
  std::string first_unknown;
  Interner extra;  // households outside the list
  Interner providers;
  std::vector<std::uint64_t> provider_pairs;  // household << 32 | provider
  std::uint64_t last_provider_pair = ~0ull;
  // Providers per neighbourhood: a flag per (neighbourhood, provider).
  Interner neighbourhoods;
  std::vector<std::vector<bool>> seen;
  // The last household met: exports often list a household's rows together.
  std::uint32_t last = kNone;
  std::string last_key;
};

class Engine : public AllocationSink {
 public:
  Engine(const HouseholdList* list, const EngineRequest& r)
      : list_(list), r_(r), listed_(list ? list->ids.count() : 0) {}

  void begin(int parts) override {
    parts_.clear();
    parts_.resize(static_cast<std::size_t>(parts));
    for (auto& p : parts_) p.sums.assign(listed_, Sums{});
  }

  void rows(int part, const Allocation* a, std::size_t n) override {
    Part& p = parts_[static_cast<std::size_t>(part)];
    for (std::size_t from = 0; from < n; from += kBatch) batch(p, a + from, std::min(kBatch, n - from));
  }

 private:
  static constexpr std::size_t kBatch = 64;
  enum : std::uint8_t { kYear = 1, kStacking = 2, kProviders = 4 };

  // On rows in any order nearly every household lookup, and the household's
  // sums after it, miss the cache. Asking memory for a whole batch's slots,
  // then for its sums, lets those misses overlap instead of queueing.
  void batch(Part& p, const Allocation* a, std::size_t n) {
    std::array<std::uint8_t, kBatch> what;
    std::array<std::uint32_t, kBatch> hs;
    for (std::size_t i = 0; i < n; ++i) {
      const auto d = static_cast<std::size_t>(a[i].domain);
      what[i] = static_cast<std::uint8_t>(
          (r_.year && r_.year_domains[d] && a[i].start <= r_.y1 && a[i].end >= r_.y0 ? kYear : 0) |
          (r_.stacking && r_.stacking_domains[d] && a[i].active_on(r_.stacking_date) ? kStacking : 0) |
          (r_.providers && r_.provider_domains[d] && a[i].active_on(r_.provider_date) ? kProviders : 0));
      if (list_ && (what[i] & (kYear | kStacking))) list_->ids.prefetch(a[i].household_id);
    }
    for (std::size_t i = 0; i < n; ++i) {
      hs[i] = what[i] & (kYear | kStacking) ? household(p, a[i].household_id, what[i] & kStacking) : kNone;
      if (hs[i] < p.sums.size()) __builtin_prefetch(&p.sums[hs[i]], 1);
    }
    for (std::size_t i = 0; i < n; ++i) add(p, a[i], what[i], hs[i]);
  }

  void add(Part& p, const Allocation& a, std::uint8_t what, std::uint32_t h) {
    const auto d = static_cast<std::size_t>(a.domain);
    const bool year = what & kYear, stacking = what & kStacking;
    if (year) {
      if (h == kNone || h >= listed_) {
        if (p.unknown++ == 0) p.first_unknown = std::string(a.household_id);
      } else {
        Sums& s = p.sums[h];
        s.cent_days += a.yearly_cost * overlap_days(a.start, a.end, r_.y0, r_.y1);
        ++s.provisions;
        ClientPair c{h, 0, {}};
        if (a.client_id.size() <= sizeof c.head) {
          c.size = static_cast<std::uint8_t>(a.client_id.size());
          std::memcpy(c.head, a.client_id.data(), a.client_id.size());
        } else {
          c.size = 0xFF;
          const std::uint32_t id = p.long_clients.id(a.client_id);
          std::memcpy(c.head, &id, sizeof id);
        }
        if (p.client_pairs.empty() || !(p.client_pairs.back().household == h && p.client_pairs.back() == c))
          p.client_pairs.push_back(c);
      }
    }
    std::uint32_t provider = kNone;
    if (stacking) {
      ++p.sums[h].stacked;
      p.sums[h].domains |= 1u << d;
      provider = p.providers.id(a.provider_id);
      const std::uint64_t pair = std::uint64_t{h} << 32 | provider;
      if (pair != p.last_provider_pair) p.provider_pairs.push_back(p.last_provider_pair = pair);
    }
    if (what & kProviders) {
      const auto nb = p.neighbourhoods.id(a.neighbourhood);
      const auto pr = stacking ? provider : p.providers.id(a.provider_id);
      if (nb == p.seen.size()) p.seen.emplace_back();
      auto& seen = p.seen[nb];
      if (pr >= seen.size()) seen.resize(std::max<std::size_t>(64, p.providers.count() * 2));
      seen[pr] = true;
    }
  }

 public:
  EngineResult finish();

 private:
  // The household's id: in the list, or (when `add`) among this part's extras.
  std::uint32_t household(Part& p, std::string_view id, bool add) {
    if (p.last != kNone && p.last_key == id) return p.last;
    std::uint32_t h = list_ ? list_->ids.lookup(id) : kNone;
    if (h == kNone) {
      if (!add) {
        auto e = p.extra.find(id);
        if (e == kNone) return kNone;
        h = static_cast<std::uint32_t>(listed_ + e);
      } else {
        h = static_cast<std::uint32_t>(listed_ + p.extra.id(id));
        if (h >= p.sums.size()) p.sums.resize(h + 1);
      }
    }
    p.last_key.assign(id);
    return p.last = h;
  }

  const HouseholdList* list_;
  const EngineRequest& r_;
  const std::size_t listed_;
  std::vector<Part> parts_;
};

// Maps the ids of `from` onto `into`, adding what `into` lacks.
std::vector<std::uint32_t> map_onto(Interner& into, const Interner& from) {
  std::vector<std::uint32_t> m(from.count());
  for (std::uint32_t i = 0; i < m.size(); ++i) m[i] = into.id(from.key(i));
  return m;
}

// Distinct values per group over pairs from every part, whatever their
// order: the pairs are bucketed by group (a counting sort), then each group's
// few values are sorted.
template <class Pairs, class GroupOf>
std::vector<std::uint32_t> distinct_per_group(const std::vector<Pairs*>& lists, std::size_t groups, GroupOf group_of) {
  using Pair = typename Pairs::value_type;
  std::vector<std::uint32_t> start(groups + 1, 0);
  for (auto* l : lists)
    for (const auto& pair : *l) ++start[group_of(pair) + 1];
  for (std::size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  std::vector<Pair> values(start[groups]);
  {
    std::vector<std::uint32_t> at(start.begin(), start.end() - 1);
    for (auto* l : lists)
      for (const auto& pair : *l) values[at[group_of(pair)]++] = pair;
  }
  std::vector<std::uint32_t> out(groups, 0);
  for (std::size_t g = 0; g < groups; ++g) {
    auto b = values.begin() + start[g], e = values.begin() + start[g + 1];
    if (b == e) continue;
    std::sort(b, e);
    out[g] = static_cast<std::uint32_t>(std::unique(b, e) - b);
  }
  return out;
}

EngineResult Engine::finish() {
  EngineResult out;
  Part& first = parts_.front();
  // Households outside the list and providers, in the first part's ids.
  std::vector<std::vector<std::uint32_t>> extra_map(parts_.size()), provider_map(parts_.size());
  out.extra = std::move(first.extra);
  Interner providers = std::move(first.providers);
  for (std::size_t i = 1; i < parts_.size(); ++i) {
    extra_map[i] = map_onto(out.extra, parts_[i].extra);
    provider_map[i] = map_onto(providers, parts_[i].providers);
  }
  auto global = [&](std::size_t part, std::uint64_t h) -> std::uint64_t {
    return part == 0 || h < listed_ ? h : listed_ + extra_map[part][h - listed_];
  };

  // The year's sums and the stacking counts touch different fields: one
  // thread each.
  auto year = [&] {
    if (!r_.year) return;
    out.cent_days.assign(listed_, 0);
    out.provisions.assign(listed_, 0);
    std::vector<decltype(first.client_pairs)*> lists;
    Interner long_clients = std::move(first.long_clients);
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      auto& p = parts_[i];
      for (std::size_t h = 0; h < listed_; ++h) {
        out.cent_days[h] += p.sums[h].cent_days;
        out.provisions[h] += p.sums[h].provisions;
      }
      if (i > 0 && p.long_clients.count()) {
        auto m = map_onto(long_clients, p.long_clients);
        for (auto& c : p.client_pairs)
          if (c.size == 0xFF) {
            std::uint32_t id;
            std::memcpy(&id, c.head, sizeof id);
            std::memcpy(c.head, &m[id], sizeof id);
          }
      }
      lists.push_back(&p.client_pairs);
    }
    out.clients = distinct_per_group(lists, listed_, [](const ClientPair& c) { return c.household; });
    // Parts are in file order: the first part with one names the first.
    for (auto& p : parts_) {
      if (p.unknown && out.unknown == 0) out.first_unknown = p.first_unknown;
      out.unknown += p.unknown;
    }
  };
  std::exception_ptr year_failed;
  std::jthread year_thread;  // joined however this function is left
  auto year_guarded = [&] {
    try {
      year();
    } catch (...) {
      year_failed = std::current_exception();
    }
  };
  if (r_.stacking)
    year_thread = std::jthread(year_guarded);
  else
    year();
  if (r_.stacking) {
    const std::size_t n = listed_ + out.extra.count();
    out.stacked.assign(n, 0);
    out.stacked_domains.assign(n, 0);
    std::vector<decltype(first.provider_pairs)*> lists;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      auto& p = parts_[i];
      for (std::size_t h = 0; h < p.sums.size(); ++h) {
        if (p.sums[h].stacked == 0) continue;
        const auto g = global(i, h);
        out.stacked[g] += p.sums[h].stacked;
        out.stacked_domains[g] |= p.sums[h].domains;
      }
      if (i > 0)
        for (auto& pair : p.provider_pairs)
          pair = global(i, pair >> 32) << 32 | provider_map[i][static_cast<std::uint32_t>(pair)];
      lists.push_back(&p.provider_pairs);
    }
    out.stacked_providers = distinct_per_group(lists, n, [](std::uint64_t pair) { return pair >> 32; });
  }
  if (year_thread.joinable()) year_thread.join();
  if (year_failed) std::rethrow_exception(year_failed);

  if (r_.providers) {
    std::vector<std::vector<bool>> seen;
    std::vector<bool> any(providers.count(), false);
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      auto& p = parts_[i];
      for (std::uint32_t nb = 0; nb < p.seen.size(); ++nb) {
        const auto g = out.neighbourhoods.id(p.neighbourhoods.key(nb));
        if (g == seen.size()) seen.emplace_back(providers.count(), false);
        for (std::uint32_t pr = 0; pr < p.seen[nb].size(); ++pr)
          if (p.seen[nb][pr]) {
            const auto gp = i == 0 ? pr : provider_map[i][pr];
            seen[g][gp] = true;
            any[gp] = true;
          }
      }
    }
    for (auto& s : seen)
      out.providers_per_neighbourhood.push_back(static_cast<std::uint32_t>(std::count(s.begin(), s.end(), true)));
    out.providers_total = static_cast<std::uint32_t>(std::count(any.begin(), any.end(), true));
  }
  return out;
}

}  // namespace

DomainSet domain_set(const std::vector<domain::Domain>& domains) {
  DomainSet s{};
  for (auto d : domains) s[static_cast<std::size_t>(d)] = true;
  return s;
}

Result<EngineResult> run_engine(const HouseholdList* households, AllocationSource& rows, const EngineRequest& r) {
  Engine engine(households, r);
  const auto t0 = std::chrono::steady_clock::now();
  if (auto st = rows.scan(engine); !st) return st.error();
  const auto t1 = std::chrono::steady_clock::now();
  auto out = engine.finish();
  // REGIE_PROFILE=1 prints where the time went, for docs/performance.md.
  if (std::getenv("REGIE_PROFILE"))
    fmt::print(stderr, "engine: scan {:.3f} s, merge {:.3f} s\n", std::chrono::duration<double>(t1 - t0).count(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
  return out;
}

}  // namespace regie::analytics
