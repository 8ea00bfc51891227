// The mail that Regie sends by itself (docs/identity.md, "Mail"): it queues
// round-table invitations (with the .ics) when a round table is scheduled or
// moved, and reminders of due work (service/mail_due.h) for the household's
// director; then it hands the queue to the SMTP server, trying again with
// growing pauses when that fails. The queue is in the store: it survives a
// restart, and several servers share it (each mail is leased by one).
//
// What a mail says stays within what its recipient may see: a participant
// gets the invitation they are on, a director reminders about their own
// households. No BSN, no care detail beyond that.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "common/clock.h"
#include "service/mail_options.h"
#include "store/store.h"

namespace regie::service {

class Mailer {
 public:
  Mailer(store::Store& store, const Clock& clock, MailOptions options, std::string password);

  // Invitations for every participant (with an e-mail address) of scheduled
  // round tables still to come, once per time the round table is set.
  int queue_round_tables();
  // Reminders of due work, once per piece of work.
  int queue_reminders();
  // Sends the queued mail that is due; returns how many went out.
  int send_due();
  // One turn of the worker: queues (reminders when `reminders`), then sends.
  void run_once(bool reminders);

  // Pause before attempt `attempts + 1`: 1, 2, 4, ... minutes, at most 6 hours.
  static std::int64_t backoff_s(int attempts);

 private:
  bool queue(const std::string& key, const std::string& kind, const std::string& household_id,
             const std::string& to, const std::string& reply_to, const std::string& subject, const std::string& body,
             const std::string& attachment_name = {}, const std::string& attachment = {});
  std::string link(const std::string& household_id) const;

  store::Store& store_;
  const Clock& clock_;
  MailOptions options_;
  std::string password_;
};

// Runs a Mailer on its own thread: the queue every queue_interval_s, due work
// at the start and every reminder_interval_s. Stops (and joins) on destruction.
class MailWorker {
 public:
  MailWorker(store::Store& store, const Clock& clock, MailOptions options, std::string password);
  ~MailWorker();
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

 private:
  void loop();
  Mailer mailer_;
  MailOptions options_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace regie::service
