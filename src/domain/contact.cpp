// Codes, checks and time entries of the contact log; see contact.h.
#include "domain/contact.h"

#include <array>
#include <utility>

namespace regie::domain {
namespace {

constexpr std::array<std::pair<ContactKind, std::string_view>, 4> kKinds{{
    {ContactKind::phone_call, "phone_call"},
    {ContactKind::home_visit, "home_visit"},
    {ContactKind::professional, "professional"},
    {ContactKind::no_show, "no_show"},
}};

constexpr int kMinutesPerDay = 24 * 60;

}  // namespace

std::string_view to_string(ContactKind k) {
  for (auto& [v, s] : kKinds)
    if (v == k) return s;
  return "phone_call";
}

std::optional<ContactKind> parse_contact_kind(std::string_view s) {
  for (auto& [v, code] : kKinds)
    if (code == s) return v;
  return std::nullopt;
}

Status check_contact(const Contact& c) {
  if (c.minutes < 1 || c.minutes > kMinutesPerDay) return invalid("minutes: from 1 to 1440 (a day)");
  if (c.travel_minutes < 0 || c.travel_minutes > kMinutesPerDay)
    return invalid("travel_minutes: from 0 to 1440 (a day)");
  if (c.minutes + c.travel_minutes > kMinutesPerDay)
    return invalid("travel_minutes: the contact and the travel together are more than a day");
  const bool with_professional = c.kind == ContactKind::professional;
  if (with_professional && !c.professional_id) return invalid("professional_id: name the professional spoken to");
  if (!with_professional && c.professional_id)
    return invalid("professional_id: only a talk with a professional names one");
  if (c.note.size() > kContactNoteMax) return invalid("note: at most 2000 characters");
  return ok_status();
}

std::vector<TimeEntry> time_entries_for(const Contact& c) {
  const bool met = c.kind == ContactKind::phone_call || c.kind == ContactKind::home_visit;
  std::vector<TimeEntry> out;
  out.push_back(TimeEntry{0, c.household_id, c.recorded_by, c.on, c.minutes, met ? TimeKind::direct : TimeKind::indirect});
  if (c.travel_minutes > 0)
    out.push_back(TimeEntry{0, c.household_id, c.recorded_by, c.on, c.travel_minutes, TimeKind::travel});
  return out;
}

}  // namespace regie::domain
