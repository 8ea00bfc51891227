// `regie audit verify`: walks the hash-chained audit trail and names the
// first record that was changed, removed, inserted or reordered.
// `regie audit export`: the trail (or one person's part of it) for a supervisor.
#include <fmt/format.h>
#include <iostream>

#include "cli/app.h"
#include "service/audit.h"
#include "store/audit_store.h"

namespace regie::cli {

namespace {

Result<std::optional<Date>> date_option(const std::string& text, const char* name) {
  if (text.empty()) return std::optional<Date>{};
  auto d = parse_date(text);
  if (!d) return invalid(fmt::format("{}: not a date (yyyy-mm-dd): {}", name, text));
  return std::optional<Date>{*d};
}

}  // namespace

void add_audit(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", "Verify or export the audit trail");
  audit->require_subcommand(1);
  struct Opts {
    std::string db, anchor, person, subject, from, to, as, format = "csv", output;
  };
  auto o = std::make_shared<Opts>();

  auto* verify = audit->add_subcommand("verify", "Check the audit trail's hash chain; exit 1 names the first bad record");
  add_db_option(*verify, o->db);
  verify->add_option("--anchor", o->anchor,
                     "SEQ:HASH of a record noted from an earlier verify; it must still be in the trail unchanged");
  verify->callback([&ctx, o] {
    std::optional<store::AuditAnchor> anchor;
    if (!o->anchor.empty()) {
      auto colon = o->anchor.find(':');
      store::AuditAnchor a;
      try {
        a.seq = colon == std::string::npos ? 0 : std::stoll(o->anchor.substr(0, colon));
      } catch (const std::exception&) {
        a.seq = 0;
      }
      if (a.seq <= 0 || o->anchor.size() - colon - 1 != 64)
        return void(ctx.exit_code = fail(invalid("--anchor: give SEQ:HASH as printed by `regie audit verify`")));
      a.hash = o->anchor.substr(colon + 1);
      anchor = a;
    }
    auto s = open_store(o->db, false);
    if (!s) return void(ctx.exit_code = fail(s.error()));
    auto v = store::AuditStore(**s).verify(anchor);
    if (!v.intact) {
      std::cerr << "regie: the audit trail is not intact: " << v.why << "\n";
      return void(ctx.exit_code = kBadInput);
    }
    std::cout << fmt::format("audit trail intact: {} records in the chain\n", v.records);
    if (v.records > 0) std::cout << fmt::format("head: {}:{}\n", v.records, v.head_hash);
    if (v.legacy > 0)
      std::cout << fmt::format("{} older records from before the chain are not covered by it\n", v.legacy);
  });

  auto* exp = audit->add_subcommand("export", "The audit trail as a table, for a supervisor or for one person");
  add_db_option(*exp, o->db);
  exp->add_option("--person", o->person, "Only records about this household member (member id)");
  exp->add_option("--subject", o->subject, "Only records with this subject (e.g. a household id)");
  exp->add_option("--from", o->from, "First day (yyyy-mm-dd, UTC)");
  exp->add_option("--to", o->to, "Last day (yyyy-mm-dd, UTC, inclusive)");
  exp->add_option("--as", o->as, "The reading administrator's user name (default: the operating system user)");
  add_output_options(*exp, o->format, o->output);
  exp->callback([&ctx, o] {
    store::AuditQuery q;
    if (!o->person.empty()) q.person = o->person;
    if (!o->subject.empty()) q.subject = o->subject;
    auto from = date_option(o->from, "--from");
    if (!from) return void(ctx.exit_code = fail(from.error()));
    auto to = date_option(o->to, "--to");
    if (!to) return void(ctx.exit_code = fail(to.error()));
    q.from = *from;
    q.to = *to;
    if (q.from && q.to && *q.to < *q.from)
      return void(ctx.exit_code = fail(invalid("--to: the last day comes before --from")));
    auto admin = open_as_administrator(o->db, o->as);
    if (!admin) return void(ctx.exit_code = fail(admin.error()));
    SystemClock clock;
    auto t = service::audit_export(*admin->store, clock, admin->who, q);
    if (!t) return void(ctx.exit_code = fail(t.error()));
    auto st = emit_table(o->format, o->output, *t, "Audit trail");
    if (!st) ctx.exit_code = fail(st.error());
  });
}

}  // namespace regie::cli
