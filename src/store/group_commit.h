// Group commit for small, frequent writes that each must be durable before
// their caller goes on (the audit trail: every read of a file writes one).
//
// A caller queues its row and waits. Whoever finds no flush running becomes
// the leader: it writes every queued row in one transaction (one fsync) and
// wakes the callers whose rows it wrote. Callers that arrive meanwhile queue
// for the next flush. So under load many requests share one disk sync, while
// nobody returns before their row is committed, and an error reaches exactly
// the callers whose rows were in the failed transaction.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

namespace regie::store {

template <class Row>
class GroupCommit {
 public:
  // `flush` writes all rows in one transaction, or throws.
  explicit GroupCommit(std::function<void(const std::vector<Row>&)> flush) : flush_(std::move(flush)) {}

  void append(Row row) {
    std::unique_lock lock(mu_);
    queued_.push_back(std::move(row));
    const std::uint64_t mine = next_batch_;  // the batch my row rides in
    while (done_batch_ < mine) {
      if (!flushing_) {
        flushing_ = true;
        std::vector<Row> batch;
        batch.swap(queued_);
        const std::uint64_t number = next_batch_++;
        lock.unlock();
        std::exception_ptr failed;
        try {
          flush_(batch);
        } catch (...) {
          failed = std::current_exception();
        }
        lock.lock();
        flushing_ = false;
        done_batch_ = number;
        ++batches_;
        rows_ += batch.size();
        failures_.emplace_back(number, failed);
        if (failures_.size() > 64) failures_.erase(failures_.begin());
        cv_.notify_all();
      } else {
        cv_.wait(lock);
      }
    }
    for (auto& [number, failed] : failures_)
      if (number == mine && failed) std::rethrow_exception(failed);
  }

  // For the operator's metrics: rows waiting for the next commit, and the
  // commits and rows written so far.
  struct Counts {
    std::size_t waiting = 0;
    std::uint64_t batches = 0, rows = 0;
  };
  Counts counts() {
    std::lock_guard lock(mu_);
    return {queued_.size(), batches_, rows_};
  }

 private:
  std::function<void(const std::vector<Row>&)> flush_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Row> queued_;
  std::uint64_t next_batch_ = 1, done_batch_ = 0;
  std::uint64_t batches_ = 0, rows_ = 0;
  bool flushing_ = false;
  // Outcome of the latest batches; a waiter looks up its own.
  std::vector<std::pair<std::uint64_t, std::exception_ptr>> failures_;
};

}  // namespace regie::store
