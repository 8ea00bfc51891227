// How Regie sends mail (docs/identity.md, "Mail"): the SMTP server, who the
// mail is from, which kinds are sent and how often the queue is looked at.
// The SMTP password only ever comes from a file.
#pragma once
#include <cstdint>
#include <string>

namespace regie::service {

struct MailOptions {
  std::string smtp_url;            // smtp://mail.gemeente.nl:587 (STARTTLS) or smtps://...:465; empty: no mail
  std::string smtp_user;           // empty: no authentication
  std::string smtp_password_file;  // the password, read at start
  bool starttls = true;            // smtp://: insist on STARTTLS before anything is sent
  std::string ca_file;             // extra trusted certificates (PEM) for the SMTP server
  std::string from;                // regie@gemeente.nl
  std::string from_name = "Regie";
  std::string public_url;          // for links in the mail (the same as --public-url)
  // Each kind of mail can be switched off.
  bool round_tables = true;        // invitations with the .ics when a round table is scheduled
  bool t2_reminders = true;        // a member's second measurement (T2) is due
  bool aftercare_reminders = true; // an aftercare contact is due
  bool consent_expiry = true;      // a consent expires within consent_expiry_days
  int consent_expiry_days = 30;
  std::int64_t queue_interval_s = 30;      // how often the queue is looked at
  std::int64_t reminder_interval_s = 3600; // how often due work is looked for
  int max_attempts = 8;                    // then a mail is given up (status failed)
  bool enabled() const { return !smtp_url.empty(); }
};

}  // namespace regie::service
