// Rendering a message and handing it to the SMTP server; see mail.h.
#include "service/mail.h"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include "domain/limits.h"
#include "service/identity_http.h"

namespace regie::service {
namespace {

std::string base64(std::string_view data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Base64 in lines of 76 characters (RFC 2045 6.8).
std::string base64_lines(std::string_view data) {
  const std::string all = base64(data);
  std::string out;
  for (std::size_t i = 0; i < all.size(); i += 76) out += all.substr(i, 76) + "\r\n";
  return out;
}

// RFC 2047 encoded words of at most 45 bytes each, cut between UTF-8
// characters; the header can then hold no line break of the text's own.
std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t n = std::min<std::size_t>(45, text.size() - at);
    while (at + n < text.size() && n > 0 && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
    if (n == 0) n = std::min<std::size_t>(45, text.size() - at);
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(text.substr(at, n)) + "?=";
    at += n;
  }
  return out.empty() ? "=?UTF-8?B??=" : out;
}

std::string rfc5322_date(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// A file name for the attachment: letters, digits, '-', '_' and '.' only.
std::string safe_file_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? static_cast<char>(c) : '_';
  return out.empty() ? "bijlage" : out;
}

struct Upload {
  const std::string* text;
  std::size_t at = 0;
};

std::size_t read_upload(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  const std::size_t left = u->text->size() - u->at;
  const std::size_t take = std::min(left, size * n);
  std::memcpy(buf, u->text->data() + u->at, take);
  u->at += take;
  return take;
}

}  // namespace

Result<std::string> render_message(const MailMessage& m, const std::string& from, const std::string& from_name,
                                   std::int64_t now, const std::string& message_id) {
  using domain::limits::is_valid_email;
  if (!is_valid_email(m.to)) return invalid("to: not a plain e-mail address");
  if (!is_valid_email(from)) return invalid("from: not a plain e-mail address");
  if (!m.reply_to.empty() && !is_valid_email(m.reply_to)) return invalid("reply_to: not a plain e-mail address");
  const std::string host = from.substr(from.find('@') + 1);
  std::string out;
  out += "From: " + encoded_words(from_name) + " <" + from + ">\r\n";
  out += "To: <" + m.to + ">\r\n";
  if (!m.reply_to.empty()) out += "Reply-To: <" + m.reply_to + ">\r\n";
  out += "Subject: " + encoded_words(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(now) + "\r\n";
  out += "Message-ID: <" + safe_file_name(message_id) + "@" + host + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  const std::string text_part = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                                base64_lines(m.body);
  if (m.attachment_name.empty()) return out + text_part;
  const std::string boundary = "=_regie_" + message_id;
  const std::string file = safe_file_name(m.attachment_name);
  out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + text_part;
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=\"" + file + "\"\r\n";
  out += "Content-Disposition: attachment; filename=\"" + file + "\"\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n" + base64_lines(m.attachment);
  out += "--" + boundary + "--\r\n";
  return out;
}

SmtpOutcome send_smtp(const MailOptions& o, const std::string& password, const std::string& recipient,
                      const std::string& message) {
  curl_global();
  SmtpOutcome out;
  std::unique_ptr<CURL, void (*)(CURL*)> c(curl_easy_init(), curl_easy_cleanup);
  if (!c) {
    out.error = "libcurl could not start";
    return out;
  }
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> rcpt(curl_slist_append(nullptr, ("<" + recipient + ">").c_str()),
                                                          curl_slist_free_all);
  Upload upload{&message};
  const std::string from = "<" + o.from + ">";
  curl_easy_setopt(c.get(), CURLOPT_URL, o.smtp_url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 15L);
  // smtp:// with STARTTLS required: no mail, and no password, over a plain connection.
  if (o.starttls) curl_easy_setopt(c.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(c.get(), CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c.get(), CURLOPT_SSL_VERIFYHOST, 2L);
  if (!o.ca_file.empty()) curl_easy_setopt(c.get(), CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.smtp_user.empty()) {
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, o.smtp_user.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(c.get(), CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c.get(), CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c.get(), CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(c.get(), CURLOPT_UPLOAD, 1L);
  const CURLcode rc = curl_easy_perform(c.get());
  long code = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &code);
  if (rc == CURLE_OK) {
    out.sent = true;
    return out;
  }
  // 5xx refuses the mail itself; 530 and 535 are our credentials, which the operator can fix.
  out.permanent = code >= 500 && code < 600 && code != 530 && code != 535;
  out.error = std::string(curl_easy_strerror(rc)) + (code ? " (SMTP " + std::to_string(code) + ")" : "");
  return out;
}

Result<std::string> check_mail_options(const MailOptions& o) {
  if (!o.enabled()) return std::string();
  if (!o.smtp_url.starts_with("smtp://") && !o.smtp_url.starts_with("smtps://"))
    return invalid("smtp-url: smtp://host:587 (STARTTLS) or smtps://host:465");
  if (!domain::limits::is_valid_email(o.from)) return invalid("mail-from: the address mail is sent from, such as regie@gemeente.nl");
  if (o.smtp_user.empty()) return std::string();
  if (o.smtp_password_file.empty()) return invalid("smtp-password-file: name the file that holds the SMTP password");
  std::ifstream in(o.smtp_password_file, std::ios::binary);
  if (!in) return invalid("smtp-password-file: cannot read " + o.smtp_password_file);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string s = buf.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  if (s.empty()) return invalid("smtp-password-file: " + o.smtp_password_file + " is empty");
  return s;
}

}  // namespace regie::service
