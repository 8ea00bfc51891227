// SQL of households and members; see household_store.h.
#include "store/household_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"
#include "domain/household.h"

namespace regie::store {

using namespace regie::domain;

domain::Household household_from(const soci::row& r) {
  domain::Household h;
  h.id = str(r, "id");
  h.family_name = str(r, "family_name");
  h.address = str(r, "address");
  h.postcode = str(r, "postcode");
  h.city = str(r, "city");
  h.neighbourhood = str(r, "neighbourhood");
  h.status = must(parse_household_status(str(r, "status")), "household status");
  h.director = str(r, "director");
  if (auto src = opt_str(r, "referral_source")) {
    Referral ref;
    ref.source = must(parse_referral_source(*src), "referral source");
    ref.reason = str(r, "referral_reason");
    ref.date = must_date(str(r, "referral_date"));
    ref.referrer = opt_str(r, "referral_referrer").value_or("");
    h.referral = ref;
  }
  h.drop_reason = str(r, "drop_reason");
  h.version = static_cast<int>(i64(r, "version"));
  return h;
}

void insert_member(soci::session& sql, const Member& m) {
  std::string role(to_string(m.role)), consent(to_string(m.consent));
  std::string born = m.birth_date ? format_date(*m.birth_date) : "";
  soci::indicator born_ind = m.birth_date ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO member (id, household_id, given_name, family_name, role, birth_year, birth_date, "
         "consent_status) VALUES (:i, :h, :g, :f, :r, :b, :bd, :c)",
      soci::use(m.id), soci::use(m.household_id), soci::use(m.given_name), soci::use(m.family_name), soci::use(role),
      soci::use(m.birth_year), soci::use(born, born_ind), soci::use(consent);
}

std::vector<HouseholdSummary> HouseholdStore::list(const std::optional<std::string>& director, Date on) {
  std::string day = format_date(on);
  std::string who = director.value_or("");
  int all = director ? 0 : 1;
  std::vector<HouseholdSummary> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT h.*, a.display_name AS director_name, "
                        "(SELECT COUNT(*) FROM member m WHERE m.household_id = h.id) AS member_count, "
                        "(SELECT COUNT(*) FROM provision p WHERE p.household_id = h.id AND p.start_date <= :d1 "
                        "   AND (p.end_date IS NULL OR p.end_date >= :d2)) AS provision_count "
                        "FROM household h LEFT JOIN account a ON a.username = h.director "
                        "WHERE (:all1 = 1 OR h.director = :who) ORDER BY h.id",
         soci::use(day, "d1"), soci::use(day, "d2"), soci::use(all, "all1"), soci::use(who, "who"));
    for (auto& r : rs) {
      HouseholdSummary s;
      s.household = household_from(r);
      s.director_display_name = str(r, "director_name");
      s.member_count = static_cast<int>(i64(r, "member_count"));
      s.provision_count = static_cast<int>(i64(r, "provision_count"));
      out.push_back(std::move(s));
    }
  });
  return out;
}

std::optional<Household> HouseholdStore::find(const std::string& id) {
  std::optional<Household> out;
  store_.query("SELECT * FROM household WHERE id = :id", {id}, [&](const soci::row& r) { out = household_from(r); });
  return out;
}

std::vector<Member> HouseholdStore::members(const std::string& household_id) {
  std::vector<Member> out;
  store_.query("SELECT * FROM member WHERE household_id = :h ORDER BY id", {household_id}, [&](const soci::row& r) {
    Member m;
    m.id = str(r, "id");
    m.household_id = str(r, "household_id");
    m.given_name = str(r, "given_name");
    m.family_name = str(r, "family_name");
    m.role = must(parse_member_role(str(r, "role")), "member role");
    m.birth_year = static_cast<int>(i64(r, "birth_year"));
    if (auto born = opt_str(r, "birth_date")) m.birth_date = parse_date(*born);
    m.consent = must(parse_consent_status(str(r, "consent_status")), "consent status");
    m.bsn_sealed = opt_str(r, "bsn_sealed");
    out.push_back(std::move(m));
  });
  return out;
}

Status HouseholdStore::add_member(const Member& m) {
  return write_checked(
      store_, [&](soci::session& sql) { insert_member(sql, m); },
      [](const soci::soci_error&) {
        return Error{ErrorCode::conflict, "the member could not be stored (unknown household or duplicate id)"};
      });
}

Status HouseholdStore::set_member_bsn(const std::string& member_id, const std::string& sealed) {
  Status out = ok_status();
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "UPDATE member SET bsn_sealed = :b, version = version + 1 WHERE id = :i",
                          soci::use(sealed), soci::use(member_id));
    st.execute(true);
    if (st.get_affected_rows() == 0) out = not_found("no member with this id");
  });
  return out;
}

std::vector<HouseholdStore::SealedBsn> HouseholdStore::sealed_bsns() {
  std::vector<SealedBsn> out;
  store_.query("SELECT id, household_id, bsn_sealed FROM member WHERE bsn_sealed IS NOT NULL ORDER BY id", {},
               [&](const soci::row& r) {
                 out.push_back({str(r, "id"), str(r, "household_id"), str(r, "bsn_sealed")});
               });
  return out;
}

std::optional<std::string> HouseholdStore::household_of_member(const std::string& member_id) {
  std::optional<std::string> out;
  store_.read([&](soci::session& sql) {
    std::string household;
    soci::indicator ind = soci::i_null;
    sql << "SELECT household_id FROM member WHERE id = :m", soci::use(member_id), soci::into(household, ind);
    if (sql.got_data() && ind == soci::i_ok) out = household;
  });
  return out;
}

Result<int> HouseholdStore::set_status(const std::string& id, HouseholdStatus status, const std::string& drop_reason,
                                       int version) {
  std::string code(to_string(status));
  Result<int> out = version + 1;
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "UPDATE household SET status = :s, drop_reason = :r, version = version + 1 "
                                         "WHERE id = :i AND version = :v",
                          soci::use(code), soci::use(drop_reason), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      long long known = 0;
      sql << "SELECT COUNT(*) FROM household WHERE id = :i", soci::use(id), soci::into(known);
      if (!known)
        out = not_found("no household with this id");
      else
        out = Error{ErrorCode::conflict, "the household was changed by someone else; reload and try again"};
    }
  });
  return out;
}

std::vector<HouseholdStore::TimelineRecord> HouseholdStore::timeline(const std::string& household_id) {
  std::vector<TimelineRecord> out;
  store_.read([&](soci::session& sql) {
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT measured_on, instrument, moment, member_id FROM measurement WHERE household_id = :h",
           soci::use(household_id));
      for (auto& r : rs)
        out.push_back({str(r, "measured_on"), "measurement",
                       str(r, "instrument") + " " + str(r, "moment") + " " + str(r, "member_id")});
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT effective_date, kind, reason FROM decision "
                                                   "WHERE household_id = :h",
                                    soci::use(household_id));
      for (auto& r : rs)
        out.push_back({str(r, "effective_date"), "decision", str(r, "kind") + ": " + str(r, "reason")});
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT withdrawn_at, kind, withdrawal_reason FROM decision "
                                                   "WHERE household_id = :h AND withdrawn_at IS NOT NULL",
                                    soci::use(household_id));
      for (auto& r : rs)
        out.push_back({str(r, "withdrawn_at").substr(0, 10), "decision_withdrawn",
                       str(r, "kind") + ": " + str(r, "withdrawal_reason")});
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT scheduled_at, created_at, title, status FROM round_table "
                                                   "WHERE household_id = :h",
                                    soci::use(household_id));
      for (auto& r : rs) {
        auto at = opt_str(r, "scheduled_at");
        auto title = str(r, "title");
        if (at)
          out.push_back({at->substr(0, 10), "round_table", title});
        else if (!str(r, "created_at").empty())
          out.push_back({str(r, "created_at").substr(0, 10), "round_table_planned", title});
      }
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT plan_version, created_at, agreed_at FROM household_plan "
                                                   "WHERE household_id = :h",
                                    soci::use(household_id));
      for (auto& r : rs) {
        auto v = "v" + std::to_string(i64(r, "plan_version"));
        out.push_back({str(r, "created_at").substr(0, 10), "plan_version", v});
        if (auto agreed = opt_str(r, "agreed_at")) out.push_back({*agreed, "plan_agreed", v});
      }
    }
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT start_date, interval_months FROM aftercare_schedule WHERE household_id = :h",
           soci::use(household_id));
      for (auto& r : rs)
        out.push_back({str(r, "start_date"), "aftercare_started", std::to_string(i64(r, "interval_months"))});
    }
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT contacted_on FROM aftercare_contact WHERE household_id = :h",
                                    soci::use(household_id));
      for (auto& r : rs) out.push_back({str(r, "contacted_on"), "aftercare_contact", ""});
    }
  });
  return out;
}

bool HouseholdStore::keeps_view_revisions() {
  if (store_.backend() != "sqlite3") return false;
  int n = 0;
  store_.read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'view_revision'", soci::into(n);
  });
  return n == 1;
}

std::optional<HouseholdStore::Revisioned> HouseholdStore::find_with_revisions(const std::string& id) {
  std::optional<Revisioned> out;
  store_.query(
      "SELECT h.*, (SELECT rev FROM view_revision WHERE scope = h.id) AS own_revision, "
      "(SELECT rev FROM view_revision WHERE scope = '*') AS shared_revision FROM household h WHERE h.id = :h",
      {id}, [&](const soci::row& r) {
        out = Revisioned{household_from(r), i64(r, "own_revision"), i64(r, "shared_revision")};
      });
  return out;
}

}  // namespace regie::store
