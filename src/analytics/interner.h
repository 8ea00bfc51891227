// Interning of identifiers for the streaming analyses: each distinct string
// gets a dense integer id, so per-row work is arithmetic on arrays.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace regie::analytics {

// Gives each distinct string (household, client, provider, neighbourhood id) a
// dense integer id, so that the per-row work is integer arithmetic on arrays
// instead of string-keyed trees. Keys are copied once into one arena; the
// table is open addressing with linear probing (no allocation per key). The
// last key looked up is remembered: exports list a household's rows together,
// so most lookups are a repeat of the previous one.
class Interner {
 public:
  // The id of `key`, adding it when new.
  std::uint32_t id(std::string_view key) {
    if (last_ != kNone && key == this->key(last_)) return last_;
    if ((count() + 1) * 2 > slots_.size()) grow();
    std::size_t i = slot(key, hash(key));
    if (slots_[i] == kNone) {
      slots_[i] = static_cast<std::uint32_t>(count());
      offsets_.push_back(arena_.size());
      arena_.append(key);
    }
    return last_ = slots_[i];
  }
  // The id of `key`, or kNone.
  std::uint32_t find(std::string_view key) {
    if (last_ != kNone && key == this->key(last_)) return last_;
    if (slots_.empty()) return kNone;
    auto found = slots_[slot(key, hash(key))];
    if (found != kNone) last_ = found;
    return found;
  }
  std::string_view key(std::uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], (id + 1 < offsets_.size() ? offsets_[id + 1] : arena_.size()) - offsets_[id]);
  }
  std::size_t count() const { return offsets_.size(); }
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

 private:
  static std::size_t hash(std::string_view k) { return std::hash<std::string_view>{}(k); }
  std::size_t slot(std::string_view key, std::size_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask)
      if (slots_[i] == kNone || key == this->key(slots_[i])) return i;
  }
  void grow() {
    std::vector<std::uint32_t> old(std::max<std::size_t>(64, slots_.size() * 2), kNone);
    old.swap(slots_);
    for (std::uint32_t id = 0; id < count(); ++id) slots_[slot(key(id), hash(key(id)))] = id;
  }
  std::vector<std::uint32_t> slots_;
  std::vector<std::size_t> offsets_;
  std::string arena_;
  std::uint32_t last_ = kNone;
};

// Ids ordered by their key's bytes, as the contracts sort identifiers. Exports
// usually come sorted already; then this is one linear check.
inline std::vector<std::uint32_t> sorted_ids(const Interner& in) {
  std::vector<std::uint32_t> order(in.count());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto less = [&](std::uint32_t a, std::uint32_t b) { return in.key(a) < in.key(b); };
  if (!std::is_sorted(order.begin(), order.end(), less)) std::sort(order.begin(), order.end(), less);
  return order;
}

// Number of distinct values per group in (group << 32 | value) pairs; sorts them.
inline void count_distinct(std::vector<std::uint64_t>& pairs, std::vector<std::uint32_t>& per_group) {
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (i == 0 || pairs[i] != pairs[i - 1]) ++per_group[pairs[i] >> 32];
}

}  // namespace regie::analytics
