// The director's contacts with a household (report appendix 2, steps 1, 2
// and 6): phone calls, home visits, one-to-one talks with a professional
// about the family, and appointments the family did not keep. Each one is
// also registered time, so the director's time registration (report §8.1)
// follows from the log instead of being typed in twice.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/time_entry.h"

namespace regie::domain {

enum class ContactKind { phone_call, home_visit, professional, no_show };

std::string_view to_string(ContactKind k);
// Accepts exactly the codes above; anything else is nullopt.
std::optional<ContactKind> parse_contact_kind(std::string_view s);

struct Contact {
  std::int64_t id = 0;
  std::string household_id;
  ContactKind kind = ContactKind::phone_call;
  Date on;
  int minutes = 0;         // the contact itself (for a no-show: the time lost waiting)
  int travel_minutes = 0;  // there and back, registered as travel
  std::optional<std::string> professional_id;  // the professional spoken to (kind professional)
  std::string note;
  std::string recorded_by;  // the director's user name
  std::string recorded_at;  // ISO 8601 UTC
};

// The note is short: what was agreed or seen, not a report.
inline constexpr std::size_t kContactNoteMax = 2000;

// The contact's own fields: a known kind, 1 to 24 hours of minutes, travel
// within a day, a professional only for a talk with one (and required there),
// a note within kContactNoteMax. Errors name the field.
Status check_contact(const Contact& c);

// The time entries a contact stands for: its minutes as direct client time
// (a phone call, a home visit), or as indirect client-bound time (a talk with
// a professional, and a visit the family did not keep: work for the family
// without meeting them); travel apart, as travel. Without ids.
std::vector<TimeEntry> time_entries_for(const Contact& c);

}  // namespace regie::domain
