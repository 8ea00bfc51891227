// Builds the VCALENDAR/VEVENT with libical and serialises it.
#include "interop/ics.h"

#include <libical/ical.h>

#include "domain/limits.h"

#include <cstdlib>
#include <memory>
#include <string_view>

namespace regie::interop {
namespace {

icaltimetype utc_time(std::int64_t t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, icaltimezone_get_utc_timezone());
}

// A text value without the characters that could end its line: CR and a CR LF
// pair become LF, which libical escapes as "\n" in TEXT values (RFC 5545
// 3.3.11); any other control character becomes a space. `quote_safe` also
// replaces the double quote, which a parameter value cannot hold (3.2).
std::string clean(std::string_view in, bool keep_newlines, bool quote_safe) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '\r') {
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      out += keep_newlines ? '\n' : ' ';
    } else if (c == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (quote_safe && c == '"') {
      out += '\'';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string text(std::string_view in) { return clean(in, true, false); }
std::string param(std::string_view in) { return clean(in, false, true); }

// An address that is not a plain e-mail address (stored before addresses were
// checked, or mistyped) is left out, so it cannot carry a line of its own.
std::string address(const IcsAttendee& a, const std::string& fallback_id) {
  if (domain::limits::is_valid_email(a.email)) return "mailto:" + a.email;
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
  icalcomponent_add_property(ev, icalproperty_new_uid(param(inv.uid).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(inv.sequence));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(inv.stamp)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(inv.start)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(inv.end)));
  icalcomponent_add_property(ev, icalproperty_new_summary(text(inv.summary).c_str()));
  if (!inv.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(text(inv.description).c_str()));
  if (!inv.location.empty()) icalcomponent_add_property(ev, icalproperty_new_location(text(inv.location).c_str()));
  icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
  icalproperty* org = icalproperty_new_organizer(address(inv.organizer, "organizer").c_str());
  icalproperty_add_parameter(org, icalparameter_new_cn(param(inv.organizer.name).c_str()));
  icalcomponent_add_property(ev, org);
  int n = 0;
  for (auto& a : inv.attendees) {
    icalproperty* p = icalproperty_new_attendee(address(a, std::to_string(++n)).c_str());
    icalproperty_add_parameter(p, icalparameter_new_cn(param(a.name).c_str()));
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
