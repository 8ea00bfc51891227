// The mail queue (table mail_queue): mail waits here until a server has
// handed it to the SMTP server, so it survives a restart; several servers
// share it, each sending what it has leased. On Store::read / Store::write.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace regie::store {

struct MailRecord {
  std::int64_t id = 0;
  std::string dedup_key;  // what the mail is about; the same key is queued once, ever
  std::string kind;       // round_table, t2, aftercare, consent_expiry
  std::string household_id;
  std::string recipient, reply_to;
  std::string subject, body;
  std::string attachment_name, attachment;  // an iCalendar invitation, or empty
  std::string status = "queued";            // queued, sent, failed
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::string last_error;
};

// A scheduled round table that is still to come.
struct UpcomingRoundTable {
  std::int64_t id = 0;
  std::string household_id;
  int sequence = 0;
};

class MailStore {
 public:
  explicit MailStore(Store& store) : store_(store) {}

  // Queues the mail unless its key was queued before; true when it was added.
  bool enqueue(const MailRecord& m);
  bool queued_before(const std::string& dedup_key);
  // Leases up to `limit` queued mails that are due (`now`), for `lease_s`
  // seconds; a mail leased by another server is left alone.
  std::vector<MailRecord> lease_due(std::int64_t now, std::int64_t lease_s, int limit);
  // Sent: the text and attachment are emptied; key, recipient and time stay.
  void mark_sent(std::int64_t id, std::int64_t now);
  // Not sent this time: tried again at `next_attempt_at`, or given up (`failed`).
  void mark_attempt_failed(std::int64_t id, int attempts, std::int64_t next_attempt_at, bool give_up,
                           const std::string& error);
  // For tests and the operator: every mail of a kind (all when empty), oldest first.
  std::vector<MailRecord> list(const std::string& kind = {});

  // Scheduled round tables from `now_utc` (yyyy-mm-ddThh:mm:ssZ) on.
  std::vector<UpcomingRoundTable> upcoming_round_tables(const std::string& now_utc);

 private:
  Store& store_;
};

}  // namespace regie::store
