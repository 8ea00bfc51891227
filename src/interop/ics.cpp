// Builds the VCALENDAR/VEVENT with libical and serialises it.
#include "interop/ics.h"

#include <libical/ical.h>

#include <cstdlib>
#include <memory>

namespace regie::interop {
namespace {

icaltimetype utc_time(std::int64_t t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, icaltimezone_get_utc_timezone());
}

std::string address(const IcsAttendee& a, const std::string& fallback_id) {
  if (!a.email.empty()) return "mailto:" + a.email;
  return "urn:regie:participant:" + fallback_id;
}

}  // namespace

Result<std::string> write_invitation(const IcsInvitation& inv) {
  if (inv.end <= inv.start) return invalid("the meeting has no positive length");
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT),
                                                               icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Regie//Ronde tafel//NL"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_REQUEST));
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(inv.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(inv.sequence));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(inv.stamp)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(inv.start)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(inv.end)));
  icalcomponent_add_property(ev, icalproperty_new_summary(inv.summary.c_str()));
  if (!inv.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(inv.description.c_str()));
  if (!inv.location.empty()) icalcomponent_add_property(ev, icalproperty_new_location(inv.location.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
  icalproperty* org = icalproperty_new_organizer(address(inv.organizer, "organizer").c_str());
  icalproperty_add_parameter(org, icalparameter_new_cn(inv.organizer.name.c_str()));
  icalcomponent_add_property(ev, org);
  int n = 0;
  for (auto& a : inv.attendees) {
    icalproperty* p = icalproperty_new_attendee(address(a, std::to_string(++n)).c_str());
    icalproperty_add_parameter(p, icalparameter_new_cn(a.name.c_str()));
    icalproperty_add_parameter(
        p, icalparameter_new_role(a.required ? ICAL_ROLE_REQPARTICIPANT : ICAL_ROLE_OPTPARTICIPANT));
    icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    icalcomponent_add_property(ev, p);
  }
  icalcomponent_add_component(cal.get(), ev);
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out(text ? text : "");
  std::free(text);
  return out;
}

}  // namespace regie::interop
