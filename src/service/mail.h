// One mail as it leaves Regie: an RFC 5322 message (plain text, and an
// iCalendar invitation as an attachment when there is one) handed to the
// configured SMTP server with libcurl (STARTTLS, authentication).
//
// Every header is made from checked values: addresses must be plain e-mail
// addresses (domain::limits::is_valid_email, no CR, LF or quotes), and
// texts (subject, names) are always written as RFC 2047 encoded words, so no
// stored value can end a header line and start another (a Bcc: of its own).
#pragma once
#include <cstdint>
#include <string>

#include "common/result.h"
#include "service/mail_options.h"

namespace regie::service {

struct MailMessage {
  std::string to;
  std::string reply_to;  // empty: none
  std::string subject;
  std::string body;      // plain text, UTF-8
  std::string attachment_name;  // e.g. "uitnodiging.ics"; empty: no attachment
  std::string attachment;       // the iCalendar text (METHOD:REQUEST)
};

// The whole message with CRLF line ends; invalid_input when an address is not
// a plain e-mail address. `message_id` is the part before the '@'.
Result<std::string> render_message(const MailMessage& m, const std::string& from, const std::string& from_name,
                                   std::int64_t now, const std::string& message_id);

struct SmtpOutcome {
  bool sent = false;
  bool permanent = false;  // the server refused the mail itself (5xx): sending again will not help
  std::string error;       // for the operator; never holds the password or the mail's text
};
SmtpOutcome send_smtp(const MailOptions& options, const std::string& password, const std::string& recipient,
                      const std::string& message);

// Reads the password file and checks the settings; for the server's start.
Result<std::string> check_mail_options(const MailOptions& options);

}  // namespace regie::service
