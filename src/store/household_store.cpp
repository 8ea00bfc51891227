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

void insert_status_change(soci::session& sql, const std::string& household_id, const StatusChange& c,
                          const std::string& at) {
  std::string status(to_string(c.status)), on = format_date(c.on);
  sql << "INSERT INTO status_change (household_id, status, changed_on, changed_by, changed_at, drop_reason) "
         "VALUES (:h, :s, :o, :b, :a, :r)",
      soci::use(household_id), soci::use(status), soci::use(on), soci::use(c.by), soci::use(at),
      soci::use(c.drop_reason);
}

Result<int> HouseholdStore::set_status(const std::string& id, const StatusChange& change, int version,
                                       const std::string& at) {
  std::string code(to_string(change.status));
  Result<int> out = version + 1;
  store_.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "UPDATE household SET status = :s, drop_reason = :r, version = version + 1 "
                                         "WHERE id = :i AND version = :v",
                          soci::use(code), soci::use(change.drop_reason), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      long long known = 0;
      sql << "SELECT COUNT(*) FROM household WHERE id = :i", soci::use(id), soci::into(known);
      if (!known)
        out = not_found("no household with this id");
      else
        out = Error{ErrorCode::conflict, "the household was changed by someone else; reload and try again"};
      return;
    }
    insert_status_change(sql, id, change, at);
  });
  return out;
}

namespace {

StatusChange status_change_from(const soci::row& r) {
  return StatusChange{must(parse_household_status(str(r, "status")), "status change"),
                      must_date(str(r, "changed_on")), str(r, "changed_by"), str(r, "drop_reason")};
}

}  // namespace

std::vector<StatusChange> HouseholdStore::status_history(const std::string& household_id) {
  std::vector<StatusChange> out;
  store_.query("SELECT * FROM status_change WHERE household_id = :h ORDER BY changed_on, id", {household_id},
               [&](const soci::row& r) { out.push_back(status_change_from(r)); });
  return out;
}

std::map<std::string, std::vector<StatusChange>> HouseholdStore::status_histories(
    const std::optional<std::string>& director) {
  std::string who = director.value_or("");
  int all = director ? 0 : 1;
  std::map<std::string, std::vector<StatusChange>> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT s.* FROM status_change s JOIN household h ON h.id = s.household_id "
                        "WHERE (:all1 = 1 OR h.director = :who) ORDER BY s.household_id, s.changed_on, s.id",
         soci::use(all, "all1"), soci::use(who, "who"));
    for (auto& r : rs) out[str(r, "household_id")].push_back(status_change_from(r));
  });
  return out;
}

std::vector<HouseholdStore::TimelineRecord> HouseholdStore::timeline(const std::string& household_id) {
  std::vector<TimelineRecord> out;
  // Nine kinds of record in one statement, kept prepared: on PostgreSQL every
  // statement is a round trip, and this runs for every household view that
  // is not in the view cache. `k` says which table a row comes from.
  store_.query(
      "SELECT 'measurement' AS k, measured_on AS a, instrument AS b, moment AS c, member_id AS d "
      "FROM measurement WHERE household_id = :h1 "
      "UNION ALL SELECT 'decision', effective_date, kind, reason, NULL FROM decision WHERE household_id = :h2 "
      "UNION ALL SELECT 'withdrawn', SUBSTR(withdrawn_at, 1, 10), kind, withdrawal_reason, NULL FROM decision "
      "WHERE household_id = :h3 AND withdrawn_at IS NOT NULL "
      "UNION ALL SELECT 'round_table', scheduled_at, created_at, title, NULL FROM round_table WHERE household_id = :h4 "
      "UNION ALL SELECT 'plan', CAST(plan_version AS TEXT), created_at, agreed_at, NULL FROM household_plan "
      "WHERE household_id = :h5 "
      "UNION ALL SELECT 'aftercare', start_date, CAST(interval_months AS TEXT), NULL, NULL FROM aftercare_schedule "
      "WHERE household_id = :h6 "
      "UNION ALL SELECT 'aftercare_contact', contacted_on, NULL, NULL, NULL FROM aftercare_contact "
      "WHERE household_id = :h7 "
      "UNION ALL SELECT 'contact', contact_on, kind, CAST(minutes AS TEXT), note FROM contact WHERE household_id = :h8 "
      "UNION ALL SELECT 'status', changed_on, status, drop_reason, NULL FROM status_change WHERE household_id = :h9",
      {household_id, household_id, household_id, household_id, household_id, household_id, household_id,
       household_id, household_id},
      [&](const soci::row& r) {
        const auto k = str(r, "k");
        if (k == "measurement") {
          out.push_back({str(r, "a"), "measurement", str(r, "b") + " " + str(r, "c") + " " + str(r, "d")});
        } else if (k == "decision") {
          out.push_back({str(r, "a"), "decision", str(r, "b") + ": " + str(r, "c")});
        } else if (k == "withdrawn") {
          out.push_back({str(r, "a"), "decision_withdrawn", str(r, "b") + ": " + str(r, "c")});
        } else if (k == "round_table") {
          auto at = opt_str(r, "a");
          auto title = str(r, "c");
          if (at)
            out.push_back({at->substr(0, 10), "round_table", title});
          else if (!str(r, "b").empty())
            out.push_back({str(r, "b").substr(0, 10), "round_table_planned", title});
        } else if (k == "plan") {
          auto v = "v" + str(r, "a");
          out.push_back({str(r, "b").substr(0, 10), "plan_version", v});
          if (auto agreed = opt_str(r, "c")) out.push_back({*agreed, "plan_agreed", v});
        } else if (k == "aftercare") {
          out.push_back({str(r, "a"), "aftercare_started", str(r, "b")});
        } else if (k == "aftercare_contact") {
          out.push_back({str(r, "a"), "aftercare_contact", ""});
        } else if (k == "contact") {
          out.push_back({str(r, "a"), "contact", fmt::format("{} {}: {}", str(r, "b"), str(r, "c"), str(r, "d"))});
        } else {
          auto reason = str(r, "c");
          out.push_back({str(r, "a"), "status", str(r, "b") + (reason.empty() ? "" : " " + reason)});
        }
      });
  return out;
}

bool HouseholdStore::keeps_view_revisions() {
  int n = 0;
  store_.read([&](soci::session& sql) {
    if (store_.backend() == "sqlite3")
      sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'view_revision'", soci::into(n);
    else
      sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
             "AND table_name = 'view_revision'",
          soci::into(n);
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
