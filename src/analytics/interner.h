// Interning of identifiers for the streaming analyses: each distinct string
// gets a dense integer id, so per-row work is arithmetic on arrays.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace regie::analytics {

// Allocates large tables on huge pages where the system allows it: lookups
// in a table of millions of ids land anywhere, and with 4 KiB pages nearly
// every one also misses the address translation cache.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t{1} << 21;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kHuge) return static_cast<T*>(::operator new(bytes));
    bytes = (bytes + kHuge - 1) & ~(kHuge - 1);
    void* p = std::aligned_alloc(kHuge, bytes);
    if (!p) throw std::bad_alloc();
    ::madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHuge)
      ::operator delete(p);
    else
      std::free(p);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

// Gives each distinct string (household, client, provider, neighbourhood id) a
// dense integer id, so that the per-row work is integer arithmetic on arrays
// instead of string-keyed trees. Keys are copied once into one arena; the
// table is open addressing with linear probing. A slot holds a short key
// (up to 11 bytes, as most ids are) whole, and a longer key's hash, so that
// finding a key costs one cache miss, not three: on exports in any row order
// nearly every lookup misses the cache. The last key looked up is
// remembered: exports often list a household's rows together.
class Interner {
 public:
  // The id of `key`, adding it when new.
  std::uint32_t id(std::string_view key) {
    const Slot want = pattern(key);
    if (is_last(key, want)) return last_.id;
    if ((count() + 1) * 4 > slots_.size() * 3) grow();
    Slot& s = slots_[slot(key, want)];
    if (s.id == kNone) {
      s = want;
      s.id = static_cast<std::uint32_t>(count());
      offsets_.push_back(arena_.size());
      arena_.append(key);
    }
    last_ = s;
    return s.id;
  }
  // The id of `key`, or kNone.
  std::uint32_t find(std::string_view key) {
    const Slot want = pattern(key);
    if (is_last(key, want)) return last_.id;
    if (slots_.empty()) return kNone;
    const Slot& s = slots_[slot(key, want)];
    if (s.id != kNone) last_ = s;
    return s.id;
  }
  // The id of `key`, or kNone, without touching the table: safe to call from
  // several threads at once while nobody adds keys.
  std::uint32_t lookup(std::string_view key) const {
    if (slots_.empty()) return kNone;
    return slots_[slot(key, pattern(key))].id;
  }
  // Asks memory for the slot where `key` would be, ahead of a lookup.
  void prefetch(std::string_view key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[place(pattern(key)) & (slots_.size() - 1)]);
  }
  // Room for `n` keys without growing.
  void reserve(std::size_t n) {
    std::size_t size = 64;
    while (n * 4 > size * 3) size *= 2;
    if (size > slots_.size()) {
      while (slots_.size() < size) grow();
    }
    offsets_.reserve(n);
  }
  std::string_view key(std::uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], (id + 1 < offsets_.size() ? offsets_[id + 1] : arena_.size()) - offsets_[id]);
  }
  std::size_t count() const { return offsets_.size(); }
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

 private:
  static constexpr std::size_t kShort = 11;
  struct Slot {
    std::uint32_t id = kNone;
    std::uint8_t size = 0;  // kShort + 1: a longer key, whose hash `head` holds
    char head[kShort] = {};
    bool same(const Slot& o) const { return size == o.size && std::memcmp(head, o.head, kShort) == 0; }
  };
  // Whether `key` is the last one found, without reading the arena for a short key.
  bool is_last(std::string_view key, const Slot& want) const {
    return last_.id != kNone && last_.same(want) && (want.size <= kShort || this->key(last_.id) == key);
  }
  static std::uint64_t hash(std::string_view k) { return std::hash<std::string_view>{}(k); }
  static Slot pattern(std::string_view key) {
    Slot s;
    if (key.size() <= kShort) {
      s.size = static_cast<std::uint8_t>(key.size());
      if (!key.empty()) std::memcpy(s.head, key.data(), key.size());
    } else {
      s.size = kShort + 1;
      const std::uint64_t h = hash(key);
      std::memcpy(s.head, &h, sizeof h);
    }
    return s;
  }
  static std::uint64_t place(const Slot& s) {
    std::uint64_t a, b;
    std::memcpy(&a, s.head, 8);
    std::memcpy(&b, s.head + 3, 8);
    // A mix of the slot's bytes (the key's hash for a long key, its bytes for
    // a short one) in which every input bit moves the low bits the mask keeps.
    std::uint64_t h = a ^ (b << 23 | b >> 41) ^ (std::uint64_t{s.size} << 56);
    h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
    h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
  }
  std::size_t slot(std::string_view key, const Slot& want) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = place(want) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kNone) return i;
      if (s.same(want) && (want.size <= kShort || this->key(s.id) == key)) return i;
    }
  }
  void grow() {
    std::vector<Slot, HugePageAllocator<Slot>> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == kNone) continue;
      std::size_t i = place(s) & mask;
      while (slots_[i].id != kNone) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<std::size_t> offsets_;
  std::string arena_;
  Slot last_;
};
static_assert(sizeof(std::uint32_t) + 1 + 11 == 16);

// Ids ordered by their key's bytes, as the contracts sort identifiers. Exports
// usually come sorted already; then this is one linear check.
inline std::vector<std::uint32_t> sorted_ids(const Interner& in) {
  std::vector<std::uint32_t> order(in.count());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto less = [&](std::uint32_t a, std::uint32_t b) { return in.key(a) < in.key(b); };
  if (!std::is_sorted(order.begin(), order.end(), less)) std::sort(order.begin(), order.end(), less);
  return order;
}

}  // namespace regie::analytics
