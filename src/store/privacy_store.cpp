// SQL for the privacy rights; portable between SQLite and PostgreSQL.
#include "store/privacy_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/rows.h"
#include "store/household_store.h"
#include "domain/household.h"

namespace regie::store {
namespace {

// Thrown inside a write to roll a dry run back, and for a member that is not
// there: both must leave the database as it was.
struct RollBack {};
struct NoSuchMember {};

const std::string kErasedText(domain::kErased);

long long count_of(soci::session& sql, const std::string& query, const std::string& arg) {
  long long n = 0;
  sql << query, soci::use(arg), soci::into(n);
  return n;
}

std::optional<Date> date_of(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return parse_date(*s);
}

const domain::RetentionRule* rule_for(const std::vector<domain::RetentionRule>& rules, const std::string& category) {
  for (auto& r : rules)
    if (r.category == category) return &r;
  return nullptr;
}

std::vector<RetentionException> exceptions_of(soci::session& sql, long long erasure_id) {
  std::vector<RetentionException> out;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT category, records, legal_ground, retain_until FROM "
                                               "erasure_exception WHERE erasure_id = :e ORDER BY id",
                                soci::use(erasure_id));
  for (auto& r : rs)
    out.push_back({str(r, "category"), i64(r, "records"), str(r, "legal_ground"), date_of(opt_str(r, "retain_until"))});
  return out;
}

std::vector<ErasureRecord> erasure_rows(soci::session& sql, soci::rowset<soci::row>& rs) {
  std::vector<ErasureRecord> out;
  for (auto& r : rs)
    out.push_back({i64(r, "id"),
                   str(r, "household_id"),
                   str(r, "member_id"),
                   str(r, "kind"),
                   str(r, "reason"),
                   str(r, "erased_by"),
                   str(r, "erased_at"),
                   str(r, "erased"),
                   {}});
  for (auto& e : out) e.exceptions = exceptions_of(sql, e.id);
  return out;
}

long long insert_erasure(soci::session& sql, const ErasureRecord& e) {
  long long id = 0;
  sql << "INSERT INTO erasure (household_id, member_id, kind, reason, erased_by, erased_at, erased) "
         "VALUES (:h, :m, :k, :r, :b, :a, :e) RETURNING id",
      soci::use(e.household_id), soci::use(e.member_id), soci::use(e.kind), soci::use(e.reason), soci::use(e.erased_by),
      soci::use(e.erased_at), soci::use(e.erased), soci::into(id);
  for (auto& x : e.exceptions) {
    long long n = x.records;
    std::string until = x.retain_until ? format_date(*x.retain_until) : "";
    soci::indicator ind = x.retain_until ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO erasure_exception (erasure_id, category, records, legal_ground, retain_until) "
           "VALUES (:e, :c, :n, :g, :u)",
        soci::use(id), soci::use(x.category), soci::use(n), soci::use(x.legal_ground), soci::use(until, ind);
  }
  return id;
}

// Takes the names out of one text column of the household's rows; returns
// how many texts changed. `numeric_id`: the table's id is a number (binding
// it as text would fail on PostgreSQL).
long long redact_column(soci::session& sql, const std::string& table, const std::string& column,
                        const std::string& household_id, const std::vector<std::string>& names, bool numeric_id,
                        const std::string& household_column) {
  std::vector<std::pair<std::string, std::string>> changed;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << fmt::format("SELECT id, {} AS body_text FROM {} WHERE {} = :h AND {} IS NOT NULL", column, table,
                                    household_column, column),
         soci::use(household_id));
    for (auto& r : rs) {
      auto text = str(r, "body_text");
      auto redacted = domain::redact_names(text, names);
      if (redacted != text)
        changed.emplace_back(numeric_id ? std::to_string(i64(r, "id")) : str(r, "id"), std::move(redacted));
    }
  }
  for (auto& [id, text] : changed) {
    const auto update = fmt::format("UPDATE {} SET {} = :t WHERE id = :i", table, column);
    if (numeric_id) {
      long long n = std::stoll(id);
      sql << update, soci::use(text), soci::use(n);
    } else {
      sql << update, soci::use(text), soci::use(id);
    }
  }
  return static_cast<long long>(changed.size());
}

// The household's free-text columns that may name a member.
struct FreeText {
  const char* table;
  const char* column;
  bool numeric_id;
  const char* household_column = "household_id";
};
constexpr FreeText kFreeText[] = {
    {"household_plan", "body", true},    {"round_table", "title", true},
    {"round_table", "agenda", true},     {"round_table", "minutes", true},
    {"aftercare_contact", "note", true}, {"signal_ack", "note", true},
    {"virtual_saving", "note", true},    {"wish", "text", true},
    {"provision", "goal", false},        {"care_map_change", "detail", true},
    // Who agreed to a plan is stored with their name; why the file was opened may name them too.
    {"household_plan", "agreed_by", true},
    {"household", "referral_reason", false, "id"},
    {"contact", "note", true},
    {"mandate_grant", "scope", true},      {"external_plan", "note", true},
    {"decision", "withdrawal_reason", true},
};

struct ProvisionDates {
  std::string id, domain;
  std::optional<std::string> member_id;
  Date start;
  std::optional<Date> end;
};

std::vector<ProvisionDates> provision_dates(soci::session& sql, const std::string& household_id) {
  std::vector<ProvisionDates> out;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, member_id, domain, start_date, end_date FROM provision "
                                               "WHERE household_id = :h ORDER BY id",
                                soci::use(household_id));
  for (auto& r : rs)
    out.push_back({str(r, "id"), str(r, "domain"), opt_str(r, "member_id"), must_date(str(r, "start_date")),
                   date_of(opt_str(r, "end_date"))});
  return out;
}

}  // namespace

std::optional<domain::Member> PrivacyStore::member(const std::string& id) {
  std::string household;
  soci::indicator ind = soci::i_null;
  store_.read([&](soci::session& sql) {
    sql << "SELECT household_id FROM member WHERE id = :m", soci::use(id), soci::into(household, ind);
  });
  if (ind != soci::i_ok) return std::nullopt;
  for (auto& m : store::HouseholdStore(store_).members(household))
    if (m.id == id) return m;
  return std::nullopt;
}

std::vector<AllocationRecord> PrivacyStore::allocations_of(const std::string& member_id) {
  std::vector<AllocationRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT * FROM interop_allocation WHERE member_id = :m ORDER BY allocated_start, "
                        "allocation_number",
         soci::use(member_id));
    for (auto& r : rs)
      out.push_back({str(r, "standard"), str(r, "municipality"), str(r, "allocation_number"), str(r, "provision_id"),
                     str(r, "provider_agb"), str(r, "product_category"), str(r, "product_code"),
                     str(r, "allocated_start"), opt_str(r, "allocated_end")});
  });
  return out;
}

std::vector<ErasureRecord> PrivacyStore::erasures_of(const std::string& member_id, const std::string& household_id) {
  std::vector<ErasureRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM erasure WHERE member_id = :m OR (household_id = :h "
                                                 "AND member_id = '') ORDER BY id",
                                  soci::use(member_id), soci::use(household_id));
    out = erasure_rows(sql, rs);
  });
  return out;
}

std::vector<ErasureRecord> PrivacyStore::erasures() {
  std::vector<ErasureRecord> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM erasure ORDER BY id");
    out = erasure_rows(sql, rs);
  });
  return out;
}

Result<ErasureRecord> PrivacyStore::erase(const ErasureRequest& req) {
  ErasureRecord rec;
  rec.household_id = req.household_id;
  rec.member_id = req.member_ids.size() == 1 && !req.household_data ? req.member_ids[0] : "";
  rec.kind = req.kind;
  rec.reason = req.reason;
  rec.erased_by = req.by;
  rec.erased_at = req.at;
  const std::string today = format_date(req.today);
  try {
    store_.write([&](soci::session& sql) {
      std::map<std::string, long long> erased;
      std::vector<std::string> names;
      std::string family_name, household_name;
      {
        soci::indicator ind = soci::i_null;
        sql << "SELECT family_name FROM household WHERE id = :h", soci::use(req.household_id),
            soci::into(household_name, ind);
        if (ind != soci::i_ok) throw NoSuchMember{};
      }
      for (auto& m : req.member_ids) {
        std::string given, family;
        soci::indicator ind = soci::i_null;
        sql << "SELECT given_name, family_name FROM member WHERE id = :m AND household_id = :h", soci::use(m),
            soci::use(req.household_id), soci::into(given, ind), soci::into(family);
        if (ind != soci::i_ok) throw NoSuchMember{};
        if (given != kErasedText) {
          names.push_back(given + " " + family);
          names.push_back(given);
          // A family name of their own (a step-parent, say) names only them;
          // the household's name is shared and goes only with the household.
          if (family != household_name && family != kErasedText) names.push_back(family);
        }
        family_name = family;
      }
      if (req.household_data) {
        if (household_name != kErasedText) names.push_back(household_name);
        if (!family_name.empty() && family_name != kErasedText) names.push_back(family_name);
      }

      // Free text of the household that names them, before the names go.
      long long texts = 0;
      for (auto& t : kFreeText)
        texts += redact_column(sql, t.table, t.column, req.household_id, names, t.numeric_id, t.household_column);
      erased["free_text"] = texts;

      long long bsn = 0, measurements = 0, wishes = 0, participations = 0, accounts = 0, consents = 0, audit = 0;
      for (auto& m : req.member_ids) {
        bsn += count_of(sql, "SELECT COUNT(*) FROM member WHERE bsn_sealed IS NOT NULL AND id = :m", m);
        measurements += count_of(sql, "SELECT COUNT(*) FROM measurement WHERE member_id = :m", m);
        sql << "DELETE FROM measurement_answer WHERE measurement_id IN (SELECT id FROM measurement WHERE member_id = "
               ":m)",
            soci::use(m);
        sql << "DELETE FROM measurement WHERE member_id = :m", soci::use(m);
        wishes += count_of(sql, "SELECT COUNT(*) FROM wish WHERE member_id = :m", m);
        sql << "DELETE FROM wish WHERE member_id = :m", soci::use(m);
        participations += count_of(
            sql, "SELECT COUNT(*) FROM round_table_participant WHERE party_kind = 'member' AND party_id = :m", m);
        sql << "UPDATE round_table_participant SET name = :e, email = '', availability = '[]' WHERE party_kind = "
               "'member' AND party_id = :m",
            soci::use(kErasedText), soci::use(m);
        accounts += count_of(sql, "SELECT COUNT(*) FROM account WHERE member_id = :m", m);
        sql << "DELETE FROM session WHERE username IN (SELECT username FROM account WHERE member_id = :m)",
            soci::use(m);
        // The user name stays: the audit trail names the account by it.
        sql << "UPDATE account SET display_name = :e, disabled = 1, password_hash = '!' WHERE member_id = :m",
            soci::use(kErasedText), soci::use(m);
        sql << "UPDATE consent SET withdrawn_on = :d, version = version + 1 WHERE member_id = :m AND withdrawn_on "
               "IS NULL",
            soci::use(today), soci::use(m);
        consents += count_of(sql, "SELECT COUNT(*) FROM consent WHERE member_id = :m", m);
        audit += count_of(sql, "SELECT COUNT(*) FROM audit_event WHERE person = :m", m);
        sql << "UPDATE member SET given_name = :e, family_name = :f, bsn_sealed = NULL, birth_year = 0, "
               "birth_date = NULL, version = version + 1 WHERE id = :m",
            soci::use(kErasedText), soci::use(kErasedText), soci::use(m);
      }
      erased["member_identity"] = static_cast<long long>(req.member_ids.size());
      erased["bsn"] = bsn;
      erased["measurements"] = measurements;
      erased["wishes"] = wishes;
      erased["round_table_participations"] = participations;
      erased["accounts"] = accounts;
      if (req.household_data) {
        audit += count_of(sql, "SELECT COUNT(*) FROM audit_event WHERE subject = :h AND person = ''", req.household_id);
        sql << "UPDATE household SET family_name = :e, address = '', postcode = '', city = '', referral_reason = "
               "CASE WHEN referral_reason IS NULL THEN NULL ELSE :e2 END, referral_referrer = NULL, erased_on = :d, version = version + 1 "
               "WHERE id = :h",
            soci::use(kErasedText), soci::use(kErasedText), soci::use(today), soci::use(req.household_id);
        erased["household_data"] = 1;
      }

      // What stays, and until when.
      auto add_exception = [&](const std::string& category, long long n, std::optional<Date> until) {
        auto* rule = rule_for(req.rules, category);
        if (!rule || n == 0) return;
        rec.exceptions.push_back({category, n, rule->legal_ground, rule->never_removed ? std::nullopt : until});
      };
      long long financial = 0, youth = 0;
      Date financial_last{0}, youth_last{0};
      std::vector<std::string> kept_provisions;
      for (auto& p : provision_dates(sql, req.household_id)) {
        bool concerns = req.household_data || (p.member_id && std::find(req.member_ids.begin(), req.member_ids.end(),
                                                                        *p.member_id) != req.member_ids.end());
        if (!concerns) continue;
        kept_provisions.push_back(p.id);
        // An open provision is still being paid: its records count from today.
        Date last = std::max(p.end.value_or(req.today), p.start);
        if (p.domain == "jeugd") {
          ++youth;
          youth_last = std::max(youth_last, last);
        } else {
          ++financial;
          financial_last = std::max(financial_last, last);
        }
      }
      for (auto& id : kept_provisions) {
        long long lines = count_of(sql, "SELECT COUNT(*) FROM interop_declared_line WHERE provision_id = :p", id);
        long long allocations = count_of(sql, "SELECT COUNT(*) FROM interop_allocation WHERE provision_id = :p", id);
        financial += lines + allocations;
        if (lines + allocations > 0 && financial_last.days == 0) financial_last = req.today;
      }
      if (req.household_data) {
        long long decisions = count_of(sql, "SELECT COUNT(*) FROM decision WHERE household_id = :h", req.household_id);
        financial += decisions;
        if (decisions > 0) financial_last = std::max(financial_last, req.today);
      }
      auto until = [&](const char* category, Date last) -> std::optional<Date> {
        auto* rule = rule_for(req.rules, category);
        if (!rule) return std::nullopt;
        return domain::retain_until(last, rule->years);
      };
      std::optional<Date> financial_until = financial ? until("financial", financial_last) : std::nullopt;
      std::optional<Date> youth_until = youth ? until("youth_care", youth_last) : std::nullopt;
      add_exception("audit_trail", std::max(audit, 1LL), std::nullopt);
      add_exception("financial", financial, financial_until);
      add_exception("youth_care", youth, youth_until);
      // Consent records show what the kept records were processed under, so
      // they stay as long as the longest of those.
      std::optional<Date> consent_until = financial_until;
      if (youth_until && (!consent_until || *youth_until > *consent_until)) consent_until = youth_until;
      add_exception("consent", consents, consent_until ? consent_until : std::optional<Date>(req.today));

      nlohmann::json e = nlohmann::json::object();
      for (auto& [k, v] : erased) e[k] = v;
      if (rec.member_id.empty()) e["members"] = req.member_ids;
      rec.erased = e.dump();
      if (req.dry_run) throw RollBack{};
      rec.id = insert_erasure(sql, rec);
    });
  } catch (const NoSuchMember&) {
    return not_found("no such member in this household");
  } catch (const RollBack&) {
    rec.id = 0;
  }
  return rec;
}

std::vector<ClosedFile> PrivacyStore::closed_files() {
  std::vector<ClosedFile> out;
  store_.read([&](soci::session& sql) {
    {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, status, closed_on, erased_on, referral_date FROM "
                                                   "household WHERE status IN ('closed', 'dropped') ORDER BY id");
      for (auto& r : rs) {
        ClosedFile f;
        f.household_id = str(r, "id");
        f.status = str(r, "status");
        f.closed_on = date_of(opt_str(r, "closed_on"));
        f.erased_on = date_of(opt_str(r, "erased_on"));
        f.last_date = date_of(opt_str(r, "referral_date"));
        out.push_back(std::move(f));
      }
    }
    for (auto& f : out) {
      for (auto& p : provision_dates(sql, f.household_id)) {
        Date last = p.end ? *p.end : p.start;
        if (!f.last_date || last > *f.last_date) f.last_date = last;
      }
      std::string keep;
      soci::indicator ind = soci::i_null;
      sql << "SELECT MAX(x.retain_until) FROM erasure_exception x JOIN erasure e ON x.erasure_id = e.id WHERE "
             "e.household_id = :h",
          soci::use(f.household_id), soci::into(keep, ind);
      if (ind == soci::i_ok) f.keep_until = date_of(keep);
    }
  });
  return out;
}

Result<ErasureRecord> PrivacyStore::remove_household(const std::string& household_id, const std::string& reason,
                                                     const std::string& by, const std::string& at,
                                                     const std::vector<domain::RetentionRule>& rules, bool dry_run) {
  ErasureRecord rec{0, household_id, "", "removal", reason, by, at, "{}", {}};
  try {
    store_.write([&](soci::session& sql) {
      if (count_of(sql, "SELECT COUNT(*) FROM household WHERE id = :h", household_id) == 0) throw NoSuchMember{};
      // Children before parents, so that every foreign key holds at each step.
      static const std::vector<std::pair<std::string, std::string>> steps = {
          {"measurement_answer",
           "measurement_answer WHERE measurement_id IN (SELECT id FROM measurement WHERE household_id = :h)"},
          {"measurement", "measurement WHERE household_id = :h"},
          {"wish", "wish WHERE household_id = :h"},
          {"interop_declared_line",
           "interop_declared_line WHERE provision_id IN (SELECT id FROM provision WHERE household_id = :h)"},
          {"interop_allocation",
           "interop_allocation WHERE provision_id IN (SELECT id FROM provision WHERE household_id = :h)"},
          {"care_map_change", "care_map_change WHERE household_id = :h"},
          {"signal_ack", "signal_ack WHERE household_id = :h"},
          {"round_table_participant",
           "round_table_participant WHERE round_table_id IN (SELECT id FROM round_table WHERE household_id = :h)"},
          {"decision", "decision WHERE household_id = :h"},
          {"mandate_grant", "mandate_grant WHERE household_id = :h"},
          {"external_plan", "external_plan WHERE household_id = :h"},
          {"round_table", "round_table WHERE household_id = :h"},
          {"household_plan", "household_plan WHERE household_id = :h"},
          {"aftercare_contact", "aftercare_contact WHERE household_id = :h"},
          {"aftercare_schedule", "aftercare_schedule WHERE household_id = :h"},
          {"virtual_saving", "virtual_saving WHERE household_id = :h"},
          {"consent", "consent WHERE household_id = :h"},
          {"provision", "provision WHERE household_id = :h"},
          {"contact", "contact WHERE household_id = :h"},
          {"status_change", "status_change WHERE household_id = :h"},
          {"measurement_moment", "measurement_moment WHERE household_id = :h"},
      };
      if (auto* audit = rule_for(rules, "audit_trail")) {
        long long n = count_of(sql, "SELECT COUNT(*) FROM audit_event WHERE subject = :h", household_id);
        rec.exceptions.push_back({audit->category, std::max(n, 1LL), audit->legal_ground, std::nullopt});
      }
      nlohmann::json removed = nlohmann::json::object();
      // The time a contact stood for stays with the director (below), without the contact.
      sql << "UPDATE time_entry SET contact_id = NULL WHERE contact_id IN "
             "(SELECT id FROM contact WHERE household_id = :h)",
          soci::use(household_id);
      for (auto& [table, where] : steps) {
        long long n = count_of(sql, "SELECT COUNT(*) FROM " + where, household_id);
        if (n) removed[table] = n;
        sql << "DELETE FROM " + where, soci::use(household_id);
      }
      // The director's own time records stay, no longer tied to the household.
      long long time = count_of(sql, "SELECT COUNT(*) FROM time_entry WHERE household_id = :h", household_id);
      if (time) removed["time_entry_unlinked"] = time;
      sql << "UPDATE time_entry SET household_id = NULL WHERE household_id = :h", soci::use(household_id);
      sql << "UPDATE account SET member_id = NULL WHERE member_id IN (SELECT id FROM member WHERE household_id = :h)",
          soci::use(household_id);
      long long members = count_of(sql, "SELECT COUNT(*) FROM member WHERE household_id = :h", household_id);
      removed["member"] = members;
      sql << "DELETE FROM member WHERE household_id = :h", soci::use(household_id);
      sql << "DELETE FROM household WHERE id = :h", soci::use(household_id);
      removed["household"] = 1;
      rec.erased = removed.dump();
      if (dry_run) throw RollBack{};
      rec.id = insert_erasure(sql, rec);
    });
  } catch (const NoSuchMember&) {
    return not_found("no such household");
  } catch (const RollBack&) {
    rec.id = 0;
  }
  return rec;
}

}  // namespace regie::store
