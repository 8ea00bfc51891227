#include "schedule/slots.h"

#include <gtest/gtest.h>

#include "schedule/zone.h"
#include "support/temp_dir.h"

namespace regie::schedule {
namespace {

const TimeZone& amsterdam() {
  static const TimeZone z = *TimeZone::load("Europe/Amsterdam");
  return z;
}

std::int64_t local(const char* iso, const TimeZone& z = amsterdam()) { return z.to_utc(*parse_local_time(iso)); }
std::int64_t utc(const char* iso) { return *parse_utc(iso); }
Interval at(const char* from, const char* to, const TimeZone& z = amsterdam()) {
  return {local(from, z), local(to, z)};
}

TEST(Zone, AmsterdamOffsetsFollowDaylightSaving) {
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(amsterdam().offset_at(utc("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(amsterdam().offset_at(utc("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(amsterdam().offset_at(utc("2026-10-25T00:59:59Z")), 7200);
  EXPECT_EQ(amsterdam().offset_at(utc("2026-10-25T01:00:00Z")), 3600);
  EXPECT_EQ(format_utc(local("2026-03-27T09:00")), "2026-03-27T08:00:00Z");
  EXPECT_EQ(format_utc(local("2026-03-30T09:00")), "2026-03-30T07:00:00Z");
  EXPECT_EQ(format_local_time(amsterdam().to_local(utc("2026-03-30T07:00:00Z"))), "2026-03-30T09:00");
}

TEST(Zone, SkippedTimesMoveForwardAndRepeatedTimesTakeTheFirst) {
  // 02:30 does not exist on 29 March 2026: it is read as 03:30 summer time.
  EXPECT_EQ(format_utc(local("2026-03-29T02:30")), "2026-03-29T01:30:00Z");
  // 02:30 happens twice on 25 October 2026; the first (summer time) counts.
  EXPECT_EQ(format_utc(local("2026-10-25T02:30")), "2026-10-25T00:30:00Z");
}

TEST(Zone, RefusesNamesThatAreNotZones) {
  EXPECT_FALSE(TimeZone::load("../../etc/passwd"));
  EXPECT_FALSE(TimeZone::load("Europe/Atlantis"));
  EXPECT_EQ(TimeZone::load("Mars/Olympus").error().code, ErrorCode::invalid_input);
}

// Found by the timezone fuzz target: a TZif header with a negative
// transition count made the reader compute wrapped offsets and read outside
// the file (a crash under AddressSanitizer, garbage offsets without it).
TEST(Zone, RefusesAFileWithANegativeCount) {
  testing::TempDir dir;
  std::string file = "TZif" + std::string(16, '\0');  // version 1: one block of 32-bit times
  const unsigned char counts[24] = {0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
                                    0xff, 0xff, 0xff, 0xb4,  // timecnt -76
                                    0, 0, 0, 100,  0, 0, 0, 0};
  file.append(reinterpret_cast<const char*>(counts), sizeof counts);
  file += std::string(1000, '\0');
  dir.write("Bad", file);
  auto z = TimeZone::load("Bad", dir.path());
  ASSERT_FALSE(z);
  EXPECT_EQ(z.error().code, ErrorCode::invalid_input);
}

TEST(Slots, MergesOverlappingAvailabilityAndIntersects) {
  auto a = normalise({{10, 20}, {15, 30}, {40, 50}, {50, 55}}, {0, 100});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].start, 10);
  EXPECT_EQ(a[0].end, 30);
  EXPECT_EQ(a[1].end, 55);  // touching intervals join
  auto i = intersect(a, normalise({{25, 45}}, {0, 100}));
  ASSERT_EQ(i.size(), 2u);
  EXPECT_EQ(i[0].start, 25);
  EXPECT_EQ(i[0].end, 30);
  EXPECT_EQ(i[1].start, 40);
  EXPECT_EQ(i[1].end, 45);
}

TEST(Slots, TheEarliestCommonSlotLongEnoughForTheMeeting) {
  SlotQuery q;
  q.window = at("2026-05-04T00:00", "2026-05-09T00:00");
  q.duration = 3600;
  q.participants = {
      {"a", true, {at("2026-05-04T09:00", "2026-05-04T12:00"), at("2026-05-05T13:00", "2026-05-05T17:00")}},
      // Overlaps a on Monday for 30 minutes only: too short for one hour.
      {"b", true, {at("2026-05-04T11:30", "2026-05-04T15:00"), at("2026-05-05T14:10", "2026-05-05T16:00")}},
  };
  auto s = earliest_slot(q);
  ASSERT_TRUE(s);
  // 14:10 is rounded up to the quarter hour.
  EXPECT_EQ(format_local_time(amsterdam().to_local(s->meeting.start)), "2026-05-05T14:15");
  EXPECT_EQ(s->meeting.end - s->meeting.start, 3600);
}

TEST(Slots, SaysSoWhenNoSlotExistsInTheWindow) {
  SlotQuery q;
  q.window = at("2026-05-04T00:00", "2026-05-09T00:00");
  q.participants = {{"a", true, {at("2026-05-04T09:00", "2026-05-04T10:00")}},
                    {"b", true, {at("2026-05-04T10:00", "2026-05-04T11:00")}}};
  EXPECT_FALSE(earliest_slot(q));
  // Availability outside the window does not count.
  q.participants = {{"a", true, {at("2026-05-11T09:00", "2026-05-11T10:00")}},
                    {"b", true, {at("2026-05-11T09:00", "2026-05-11T10:00")}}};
  EXPECT_FALSE(earliest_slot(q));
  q.participants = {{"a", false, {at("2026-05-04T09:00", "2026-05-04T10:00")}}};
  EXPECT_FALSE(earliest_slot(q));  // nobody required
}

TEST(Slots, OptionalParticipantsDoNotBlockButAreReported) {
  SlotQuery q;
  q.window = at("2026-05-04T00:00", "2026-05-09T00:00");
  q.participants = {{"director", true, {at("2026-05-04T09:00", "2026-05-04T17:00")}},
                    {"mother", true, {at("2026-05-04T13:00", "2026-05-04T17:00")}},
                    {"school", false, {at("2026-05-04T13:00", "2026-05-04T14:30")}},
                    {"gp", false, {}}};
  auto s = earliest_slot(q);
  ASSERT_TRUE(s);
  EXPECT_EQ(format_local_time(amsterdam().to_local(s->meeting.start)), "2026-05-04T13:00");
  EXPECT_EQ(s->optional_available, std::vector<std::string>{"school"});
  EXPECT_EQ(s->optional_missing, std::vector<std::string>{"gp"});
}

TEST(Slots, AvailabilityInDifferentZonesAcrossTheDaylightSavingChange) {
  // A participant in London states 08:00-09:00 their time. Before 29 March
  // that is 09:00-10:00 in Amsterdam; after it, still 09:00-10:00 (both zones
  // move). A participant who states UTC 07:00-08:00 meets Amsterdam 09:00 only
  // once summer time has started.
  const TimeZone london = *TimeZone::load("Europe/London");
  SlotQuery q;
  q.window = at("2026-03-26T00:00", "2026-04-01T00:00");
  q.participants = {
      {"amsterdam", true, {at("2026-03-27T09:00", "2026-03-27T10:00"), at("2026-03-30T09:00", "2026-03-30T10:00")}},
      {"utc",
       true,
       {{utc("2026-03-27T07:00:00Z"), utc("2026-03-27T08:00:00Z")},
        {utc("2026-03-30T07:00:00Z"), utc("2026-03-30T08:00:00Z")}}},
      {"london", false, {at("2026-03-30T08:00", "2026-03-30T09:00", london)}},
  };
  auto s = earliest_slot(q);
  ASSERT_TRUE(s);
  EXPECT_EQ(format_utc(s->meeting.start), "2026-03-30T07:00:00Z");
  EXPECT_EQ(format_local_time(amsterdam().to_local(s->meeting.start)), "2026-03-30T09:00");
  EXPECT_EQ(s->optional_available, std::vector<std::string>{"london"});
}

TEST(Slots, TwelveParticipantsOverThreeWeeks) {
  // Weekdays 9-17 for the director; everyone else has a scattered pattern.
  // The only hour that all eleven required participants share is Thursday of
  // week three, 15:00-16:00; participant 12 is optional and cannot come then.
  SlotQuery q;
  q.window = at("2026-10-12T00:00", "2026-11-02T00:00");  // three weeks, across the October DST change
  q.duration = 3600;
  const Date monday = *parse_date("2026-10-12");
  auto day = [&](int n, int h1, int h2) {
    return Interval{amsterdam().to_utc({Date{monday.days + n}, h1 * 60}),
                    amsterdam().to_utc({Date{monday.days + n}, h2 * 60})};
  };
  for (int p = 0; p < 12; ++p) {
    SlotParticipant sp{"p" + std::to_string(p + 1), p < 11, {}};
    for (int d = 0; d < 21; ++d) {
      if (d % 7 >= 5) continue;  // weekends
      if (p == 0) {
        sp.available.push_back(day(d, 9, 17));
        continue;
      }
      // Each participant is free on a different pair of weekday mornings/afternoons.
      if ((d + p) % 3 == 0) sp.available.push_back(day(d, 9, 12));
      if ((d + p) % 4 == 1) sp.available.push_back(day(d, 13, 15));
    }
    if (p >= 1 && p < 11) sp.available.push_back(day(17, 15, 16));  // Thursday week three
    if (p == 11) sp.available.push_back(day(17, 9, 10));
    q.participants.push_back(sp);
  }
  auto s = earliest_slot(q);
  ASSERT_TRUE(s);
  EXPECT_EQ(format_local_time(amsterdam().to_local(s->meeting.start)), "2026-10-29T15:00");
  EXPECT_EQ(format_utc(s->meeting.start), "2026-10-29T14:00:00Z");  // winter time by then
  EXPECT_EQ(s->optional_missing, std::vector<std::string>{"p12"});
  // Without the shared hour there is no slot at all.
  for (int p = 1; p < 11; ++p) q.participants[p].available.pop_back();
  EXPECT_FALSE(earliest_slot(q));
}

}  // namespace
}  // namespace regie::schedule
