// iCalendar invitations (RFC 5545, METHOD:REQUEST) for round tables, written
// with libical. Times are written in UTC, so every calendar shows them in its
// own zone without a VTIMEZONE block. Thread-safe: no shared state.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace regie::interop {

struct IcsAttendee {
  std::string name;
  std::string email;  // empty: listed by name only (urn address)
  bool required = true;
};

struct IcsInvitation {
  std::string uid;                  // stable per round table, so updates replace the event
  int sequence = 0;                 // goes up when the time changes
  std::int64_t start = 0, end = 0;  // Unix seconds
  std::int64_t stamp = 0;           // when the invitation was made
  std::string summary, description, location;
  IcsAttendee organizer;
  std::vector<IcsAttendee> attendees;
};

// The VCALENDAR text; invalid_input when the event has no positive length.
Result<std::string> write_invitation(const IcsInvitation& inv);

}  // namespace regie::interop
