// The audit trail for administrators: GET /api/v1/audit (docs/audit.md).
#include "common/problems.h"
#include "http/handler.h"
#include "service/audit.h"

namespace regie::http {

void add_audit_routes(Api& api) {
  Routes routes(api);
  routes.get("/api/v1/audit", [&api](const Call& c) -> Answer {
    store::AuditQuery q;
    ProblemList problems;
    auto text = [&](const char* name) -> std::optional<std::string> {
      if (c.param(name).empty()) return std::nullopt;
      return c.param(name);
    };
    q.person = text("person");
    q.subject = text("subject");
    auto day = [&](const char* name) -> std::optional<Date> {
      auto v = text(name);
      if (!v) return std::nullopt;
      auto d = parse_date(*v);
      if (!d) problems.add(std::string(name) + ": not a date (yyyy-mm-dd)");
      return d;
    };
    q.from = day("from");
    q.to = day("to");
    if (q.from && q.to && *q.to < *q.from) problems.add("to: the last day comes before from");
    auto format = text("format").value_or("json");
    if (format != "json" && format != "csv" && format != "xlsx") problems.add("format: json, csv or xlsx");
    // Who may read comes first: anyone else is refused (and recorded) whatever they asked.
    if (service::may_read_audit(c.who) && !problems.empty()) return problems.error();
    auto t = service::audit_export(api.store, api.clock, c.who, q);
    if (!t) return t.error();
    send_table(c.req, c.res, *t, "audit");
    return written();
  });
}

}  // namespace regie::http
