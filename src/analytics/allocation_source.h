// Where the population analyses get their rows from: a municipality's
// allocation export (allocations.csv, DATA-FORMATS.md) or the store. Both are
// sources of the same validated rows, so every analysis has one engine and
// gives the same figures whatever the rows come from.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/interner.h"
#include "common/date.h"
#include "common/money.h"
#include "common/result.h"
#include "domain/funding.h"

namespace regie::analytics {

// One validated allocation. Views are valid during the call that hands it on only.
struct Allocation {
  std::string_view allocation_id, household_id, client_id, neighbourhood, provider_id, product_code;
  domain::Domain domain;
  Date start;
  Date end;  // kOpenEnd when open-ended
  Cents yearly_cost = 0;
  bool active_on(Date d) const { return start <= d && d <= end; }
};

// Receives the rows of a source, in batches so that the receiver can ask
// memory for a whole batch at once. A source may hand rows on from several
// threads at once, each with its own part number below the count given to
// begin(); batches of one part come one at a time. begin() may be called again
// when a source starts over (the file reader does when its fast path meets
// something only the full CSV reader handles): all earlier rows are void then.
class AllocationSink {
 public:
  virtual ~AllocationSink() = default;
  virtual void begin(int parts) = 0;
  virtual void rows(int part, const Allocation* a, std::size_t n) = 0;
  void row(int part, const Allocation& a) { rows(part, &a, 1); }
};

class AllocationSource {
 public:
  virtual ~AllocationSource() = default;
  // Hands every row to the sink. On an error the sink's contents must be
  // discarded: the error names where the input is wrong.
  virtual Status scan(AllocationSink& sink) = 0;
  // How the rows are named in messages ("allocations.csv", "the store").
  virtual std::string name() const = 0;
};

// allocations.csv. The common case (no quoted fields) is split at line ends
// and parsed on every core; a file with quotes, or any line that fails
// validation, is read again by the full CSV reader on one thread, which gives
// the exact messages (file, line, column).
class AllocationFile : public AllocationSource {
 public:
  explicit AllocationFile(std::string path, int threads = 0) : path_(std::move(path)), threads_(threads) {}
  Status scan(AllocationSink& sink) override;
  std::string name() const override { return path_; }
  // Whether the last scan took the fast path (for tests and the benchmark).
  bool was_fast() const { return fast_; }

 private:
  std::string path_;
  int threads_;
  bool fast_ = false;
};

// Every row of `source` to `fn`, one at a time (rows from several parts are
// taken in turn), for analyses that keep state no part can own alone.
// `restart` is called before the first row and whenever the source starts
// over: what `fn` gathered until then must be dropped.
Status for_each_row(AllocationSource& source, const std::function<void()>& restart,
                    const std::function<void(const Allocation&)>& fn);

// Streams allocations.csv through the full CSV reader, validating every line.
// On any problem the callback results must be discarded: the returned error
// names file, line and column.
Status for_each_allocation(const std::string& path, const std::function<void(const Allocation&)>& fn);

// The households that exist, with their neighbourhood: households.csv or the store.
struct HouseholdList {
  Interner ids;
  Interner neighbourhoods;
  std::vector<std::uint32_t> neighbourhood;  // per household
  std::string name = "households.csv";     // for messages
  void add(std::string_view id, std::string_view neighbourhood_name) {
    ids.id(id);
    neighbourhood.push_back(neighbourhoods.id(neighbourhood_name));
  }
};
// Reads households.csv: an empty or repeated id is an input error.
Result<HouseholdList> read_households(const std::string& path);

}  // namespace regie::analytics
