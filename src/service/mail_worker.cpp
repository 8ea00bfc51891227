// Queuing invitations and reminders, and sending the queue; see mail_worker.h.
#include "service/mail_worker.h"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "common/log.h"
#include "domain/consent.h"
#include "domain/limits.h"
#include "interop/ics.h"
#include "schedule/zone.h"
#include "service/audit.h"
#include "service/auth.h"
#include "service/mail.h"
#include "service/mail_due.h"
#include "store/account_store.h"
#include "store/consent_store.h"
#include "store/household_store.h"
#include "store/mail_store.h"
#include "store/organisation_store.h"
#include "store/plan_store.h"

namespace regie::service {
namespace {

constexpr std::int64_t kLeaseSeconds = 300;

std::string given_name_of(store::Store& store, const std::string& household_id, const std::string& member_id) {
  for (auto& m : store::HouseholdStore(store).members(household_id))
    if (m.id == member_id) return m.given_name;
  return {};
}

std::string purpose_nl(domain::ConsentPurpose p) {
  switch (p) {
    case domain::ConsentPurpose::care_coordination: return "afstemmen van de hulp";
    case domain::ConsentPurpose::information_exchange: return "uitwisselen van gegevens";
    case domain::ConsentPurpose::business_case: return "de maatschappelijke businesscase";
    case domain::ConsentPurpose::research: return "onderzoek";
  }
  return "";
}

// "3 juni 2025 om 14:00" in the round table's own time zone.
std::string local_when(std::int64_t utc, const std::string& zone_name) {
  auto zone = schedule::TimeZone::load(zone_name);
  const auto local = zone ? zone->to_local(utc) : schedule::TimeZone::fixed("UTC", 0).to_local(utc);
  return fmt::format("{} om {:02}:{:02}", format_date_nl(local.date), local.minute / 60, local.minute % 60);
}

// The account that queues mail in the audit trail.
Principal mail_principal() { return Principal{"regie:mail", "Regie (e-mail)", domain::Role::administrator, ""}; }

}  // namespace

Mailer::Mailer(store::Store& store, const Clock& clock, MailOptions options, std::string password)
    : store_(store), clock_(clock), options_(std::move(options)), password_(std::move(password)) {}

std::int64_t Mailer::backoff_s(int attempts) {
  const int shift = std::clamp(attempts - 1, 0, 16);
  return std::min<std::int64_t>(60LL << shift, 6 * 3600);
}

std::string Mailer::link(const std::string& household_id) const {
  if (options_.public_url.empty()) return {};
  std::string base = options_.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return "\n\nOpen het huishouden in Regie: " + base + "/huishoudens/" + household_id;
}

bool Mailer::queue(const std::string& key, const std::string& kind, const std::string& household_id,
                   const std::string& to, const std::string& reply_to, const std::string& subject,
                   const std::string& body, const std::string& attachment_name, const std::string& attachment) {
  // A stored address that is not a plain address (typed before addresses
  // were checked) gets no mail: it could carry a header line of its own.
  if (!domain::limits::is_valid_email(to)) return false;
  store::MailRecord m;
  m.dedup_key = key;
  m.kind = kind;
  m.household_id = household_id;
  m.recipient = to;
  m.reply_to = domain::limits::is_valid_email(reply_to) ? reply_to : "";
  m.subject = subject;
  m.body = body;
  m.attachment_name = attachment_name;
  m.attachment = attachment;
  m.created_at = m.next_attempt_at = clock_.now_seconds();
  if (!store::MailStore(store_).enqueue(m)) return false;
  // A mail carries a household's data out of Regie: the trail says so.
  record_access(store_, clock_, mail_principal(), "mail.queue", household_id, true, kind);
  return true;
}

int Mailer::queue_round_tables() {
  if (!options_.round_tables) return 0;
  int queued = 0;
  store::MailStore mail(store_);
  store::PlanStore plans(store_);
  store::HouseholdStore households(store_);
  for (auto& up : mail.upcoming_round_tables(schedule::format_utc(clock_.now_seconds()))) {
    auto rt = plans.round_table(up.id);
    if (!rt || !rt->scheduled_at) continue;
    auto key_of = [&](std::int64_t participant) { return fmt::format("round_table:{}:{}:{}", rt->id, rt->sequence, participant); };
    bool any_new = false;
    for (auto& p : rt->participants) any_new = any_new || (!p.email.empty() && !mail.queued_before(key_of(p.id)));
    if (!any_new) continue;
    auto h = households.find(rt->household_id);
    if (!h) continue;
    auto director = store::AccountStore(store_).find(h->director);
    const std::string director_name = director ? director->display_name : "Uw gezinsregisseur";
    const std::string director_email = director ? director->email : "";
    interop::IcsInvitation inv;
    inv.uid = fmt::format("round-table-{}@regie", rt->id);  // the same as the downloaded invitation
    inv.sequence = rt->sequence;
    inv.start = *schedule::parse_utc(*rt->scheduled_at);
    inv.end = inv.start + static_cast<std::int64_t>(rt->duration_minutes) * 60;
    inv.stamp = clock_.now_seconds();
    inv.summary = "Ronde tafel: " + rt->title;
    inv.description = rt->agenda;
    inv.location = rt->location;
    inv.organizer = {director_name, director_email, true};
    for (auto& p : rt->participants) inv.attendees.push_back({p.party.name, p.email, p.required});
    auto ics = interop::write_invitation(inv);
    if (!ics) continue;
    const std::string when = local_when(inv.start, rt->time_zone);
    for (auto& p : rt->participants) {
      if (p.email.empty()) continue;
      const std::string body = fmt::format(
          "Beste {},\n\n{} (gezinsregisseur) nodigt u uit voor een ronde tafel.\n\nWat: {}\nWanneer: {} ({} minuten)\n"
          "Waar: {}\n\nDe uitnodiging zit als agendabestand bij deze e-mail. Open het om de afspraak in uw agenda te "
          "zetten. Kunt u niet? Beantwoord dan deze e-mail.\n\nMet vriendelijke groet,\n{}",
          p.party.name, director_name, rt->title, when, rt->duration_minutes,
          rt->location.empty() ? "volgt nog" : rt->location, director_name);
      queued += queue(key_of(p.id), "round_table", rt->household_id, p.email, director_email,
                      (rt->sequence > 1 ? "Gewijzigde uitnodiging: " : "Uitnodiging: ") + rt->title + " op " + when,
                      body, "uitnodiging.ics", *ics);
    }
  }
  return queued;
}

int Mailer::queue_reminders() {
  int queued = 0;
  store::HouseholdStore households(store_);
  const DuePolicy policy{options_.consent_expiry_days};
  for (auto& work : due_reminders(store_, clock_.today(), policy)) {
    const bool wanted = (work.kind == "t2" && options_.t2_reminders) ||
                        (work.kind == "aftercare" && options_.aftercare_reminders) ||
                        (work.kind == "consent_expiry" && options_.consent_expiry);
    if (!wanted || store::MailStore(store_).queued_before(work.key)) continue;
    auto h = households.find(work.household_id);
    if (!h) continue;
    auto director = store::AccountStore(store_).find(h->director);
    if (!director || director->disabled || director->email.empty()) continue;
    std::string subject, what;
    if (work.kind == "t2") {
      subject = "Tweede meting aan de beurt: huishouden " + h->family_name;
      what = fmt::format("de tweede meting (T2) van {} aan de beurt sinds {}",
                         given_name_of(store_, h->id, work.member_id), format_date_nl(work.due));
    } else if (work.kind == "aftercare") {
      subject = "Nazorgcontact aan de beurt: huishouden " + h->family_name;
      what = "een nazorgcontact aan de beurt sinds " + format_date_nl(work.due);
    } else {
      auto consent = store::ConsentStore(store_).get(work.consent_id);
      if (!consent) continue;
      auto org = store::OrganisationStore(store_).find(consent->organisation_id);
      subject = "Toestemming verloopt: huishouden " + h->family_name;
      what = fmt::format("de toestemming van {} voor {} ({}) geldig tot {}",
                         given_name_of(store_, h->id, work.member_id), org ? org->name : "een organisatie",
                         purpose_nl(consent->purpose), format_date_nl(work.due));
    }
    const std::string body = fmt::format("Beste {},\n\nBij het huishouden {} is {}.{}\n\nDit bericht stuurt Regie zelf; "
                                         "u krijgt het één keer.",
                                         director->display_name, h->family_name, what, link(h->id));
    queued += queue(work.key, work.kind, h->id, director->email, "", subject, body);
  }
  return queued;
}

int Mailer::send_due() {
  store::MailStore mail(store_);
  int sent = 0;
  for (auto& m : mail.lease_due(clock_.now_seconds(), kLeaseSeconds, 20)) {
    MailMessage msg{m.recipient, m.reply_to, m.subject, m.body, m.attachment_name, m.attachment};
    auto text = render_message(msg, options_.from, options_.from_name, clock_.now_seconds(),
                               fmt::format("mail-{}-{}", m.id, random_token(8)));
    if (!text) {
      mail.mark_attempt_failed(m.id, m.attempts + 1, clock_.now_seconds(), true, text.error().message);
      continue;
    }
    auto outcome = send_smtp(options_, password_, m.recipient, *text);
    if (outcome.sent) {
      mail.mark_sent(m.id, clock_.now_seconds());
      log::info("mail.sent", R"({"kind":")" + m.kind + "\"}");
      ++sent;
      continue;
    }
    const int attempts = m.attempts + 1;
    const bool give_up = outcome.permanent || attempts >= options_.max_attempts;
    mail.mark_attempt_failed(m.id, attempts, clock_.now_seconds() + backoff_s(attempts), give_up, outcome.error);
    log::warn(give_up ? "mail.given_up" : "mail.retry",
              nlohmann::json({{"kind", m.kind}, {"attempts", attempts}, {"error", outcome.error}}).dump());
  }
  return sent;
}

void Mailer::run_once(bool reminders) {
  try {
    queue_round_tables();
    if (reminders) queue_reminders();
    send_due();
  } catch (const std::exception& e) {
    // The database may be away for a while; the next turn tries again.
    log::error("mail.turn_failed", nlohmann::json({{"error", e.what()}}).dump(-1, ' ', false,
                                                                                nlohmann::json::error_handler_t::replace));
  }
}

MailWorker::MailWorker(store::Store& store, const Clock& clock, MailOptions options, std::string password)
    : mailer_(store, clock, options, std::move(password)), options_(options), thread_([this] { loop(); }) {}

MailWorker::~MailWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void MailWorker::loop() {
  auto last_reminders = std::chrono::steady_clock::time_point::min();
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    const auto now = std::chrono::steady_clock::now();
    const bool reminders = last_reminders == std::chrono::steady_clock::time_point::min() ||
                           now - last_reminders >= std::chrono::seconds(options_.reminder_interval_s);
    if (reminders) last_reminders = now;
    mailer_.run_once(reminders);
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(std::max<std::int64_t>(1, options_.queue_interval_s)),
                   [this] { return stop_; });
  }
}

}  // namespace regie::service
