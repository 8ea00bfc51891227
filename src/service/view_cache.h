// Rendered household views, reused while the data under them is unchanged.
//
// The store keeps a revision per household and one for shared data (price
// list, settings, organisations, professionals, accounts), bumped by database
// triggers in the same transaction as every change (migration 0012). A view is
// reused only while both revisions and the day are the ones it was rendered
// under. The revisions are read before the data, so a rendered view holds at
// least everything up to its revision: it can be too new, never too old.
// Both backends (migrations 0012 and 0019). The revisions are read from the
// database on every view, so each of several servers on one PostgreSQL
// database keeps its own cache and never serves what another server changed
// as it was before: that read is the cross-process validity check.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/store.h"
#include "domain/household.h"

namespace regie::service {

class ViewCache {
 public:
  explicit ViewCache(store::Store& store) : store_(store) {}

  bool enabled();
  struct Lookup {
    std::optional<domain::Household> household;  // none: no such household
    std::optional<std::string> revision;          // the key a view of it on `day` is valid under; none: not enabled
  };
  // The household and its revision key in one statement (a household view
  // needs both, and every statement counts under load).
  Lookup household(const std::string& household_id, const std::string& day);
  std::shared_ptr<const std::string> find(const std::string& household_id, const std::string& revision);
  void put(const std::string& household_id, const std::string& revision, std::shared_ptr<const std::string> body);

  // find(), and on a miss one rendering per household and revision: the
  // first caller gets nothing and a claim (it renders, then put()s or
  // release()s); callers for the same revision meanwhile wait for its
  // rendering instead of reading and rendering the same file again. After a
  // change many requests for the household arrive at once, and each
  // rendering is some twenty statements (on PostgreSQL twenty round trips).
  struct Claim {
    std::shared_ptr<const std::string> body;  // the cached or just rendered view
    bool mine = false;                        // no body: render it, then put() or release()
  };
  Claim find_or_claim(const std::string& household_id, const std::string& revision);
  void release(const std::string& household_id, const std::string& revision);

 private:
  struct Entry {
    std::string revision;
    std::shared_ptr<const std::string> body;
  };
  static constexpr std::size_t kMaxEntries = 2048;  // about 25 KB each
  store::Store& store_;
  std::once_flag checked_;  // the schema is looked at once, on first use
  bool enabled_ = false;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::condition_variable rendered_;
  std::unordered_map<std::string, std::string> rendering_;  // household -> revision being rendered
};

}  // namespace regie::service
