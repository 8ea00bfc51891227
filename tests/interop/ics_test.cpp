#include "interop/ics.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

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

}  // namespace
}  // namespace regie::interop
