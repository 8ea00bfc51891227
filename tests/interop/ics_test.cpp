#include "interop/ics.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <string>
#include <vector>

namespace regie::interop {
namespace {

TEST(Ics, InvitationParsesBackWithUtcTimesAndRoles) {
  IcsInvitation inv;
  inv.uid = "round-table-7@regie";
  inv.sequence = 2;
  inv.start = 1'780'000'000;
  inv.end = inv.start + 5400;
  inv.stamp = 1'770'000'000;
  inv.summary = "Ronde tafel: plan, afspraken";
  inv.description = "1. Opening\n2. Plan";
  inv.organizer = {"Director A", "", true};
  inv.attendees = {{"Anna Prof", "anna@example.org", true}, {"Els Aarts", "", false}};
  auto text = write_invitation(inv);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_NE(text->find("METHOD:REQUEST"), std::string::npos);
  icalcomponent* cal = icalparser_parse_string(text->c_str());
  ASSERT_NE(cal, nullptr);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(ev, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "round-table-7@regie");
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(ev)), inv.start);
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtend(ev)), inv.end);
  EXPECT_STREQ(icalcomponent_get_summary(ev), "Ronde tafel: plan, afspraken");
  int attendees = 0, optional = 0;
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
    ++attendees;
    icalparameter* role = icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER);
    if (role && icalparameter_get_role(role) == ICAL_ROLE_OPTPARTICIPANT) ++optional;
  }
  EXPECT_EQ(attendees, 2);
  EXPECT_EQ(optional, 1);
  icalcomponent_free(cal);
  inv.end = inv.start;
  EXPECT_FALSE(write_invitation(inv));
}

// Unfolded content lines (RFC 5545 3.1): a CRLF followed by a space or tab continues the line.
std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find("\r\n", at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    if (!out.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t')) out.back() += line.substr(1);
    else out.push_back(line);
    at = end + 2;
  }
  return out;
}

TEST(Ics, StoredValuesWithLineBreaksCannotInjectProperties) {
  IcsInvitation inv;
  inv.uid = "rt-1@regie\r\nX-UID-INJECTED:1";
  inv.start = 1'780'000'000;
  inv.end = inv.start + 3600;
  inv.stamp = inv.start;
  inv.summary = "Ronde tafel\r\nX-SUMMARY-INJECTED:1";
  inv.description = "regel 1\rX-DESCRIPTION-INJECTED:1\nregel 3";
  inv.location = "Wijkcentrum\nX-LOCATION-INJECTED:1";
  inv.organizer = {"Director\r\nX-ORGANIZER-INJECTED:1", "", true};
  inv.attendees = {{"Anna \"Prof\"\r\nX-CN-INJECTED:1", "anna@example.org\r\nATTENDEE:mailto:evil@example.org", true},
                   {"Els", "els@example.org", false}};
  auto text = write_invitation(inv);
  ASSERT_TRUE(text) << text.error().message;
  // Every line break in the output is a CRLF the writer meant: no bare CR or LF.
  for (std::size_t i = 0; i < text->size(); ++i) {
    if ((*text)[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ((*text)[i - 1], '\r') << *text;
    }
    if ((*text)[i] == '\r') {
      EXPECT_EQ((*text)[i + 1], '\n') << *text;
    }
  }
  int attendee_lines = 0;
  for (auto& line : content_lines(*text)) {
    EXPECT_NE(line.rfind("X-", 0), 0u) << "injected property line: " << line;
    attendee_lines += line.rfind("ATTENDEE", 0) == 0;
  }
  EXPECT_EQ(attendee_lines, 2) << *text;
  EXPECT_EQ(text->find("evil@example.org"), std::string::npos) << *text;
  icalcomponent* cal = icalparser_parse_string(text->c_str());
  ASSERT_NE(cal, nullptr);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(ev, ICAL_X_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 2);
  // The text survives as text: the line break is kept, escaped.
  EXPECT_STREQ(icalcomponent_get_description(ev), "regel 1\nX-DESCRIPTION-INJECTED:1\nregel 3");
  icalcomponent_free(cal);
}

}  // namespace
}  // namespace regie::interop
