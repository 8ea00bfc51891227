#include "domain/mandate.h"

#include <fmt/format.h>

#include <algorithm>

namespace regie::domain {
namespace {

// Names end up on one line of a screen or a printed plan; notes may have lines.
Status check_text(std::string_view field, const std::string& text, std::size_t max, bool lines) {
  if (text.size() > max) return invalid(fmt::format("{}: at most {} characters", field, max));
  for (unsigned char c : text)
    if ((c < 0x20 && !(lines && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
      return invalid(fmt::format("{}: control characters are not allowed", field));
  return ok_status();
}
constexpr std::size_t kName = 200, kNote = 4000;

}  // namespace

Status check_grant(const MandateGrant& g, Date today) {
  if (g.granted_by.empty()) return invalid("granted_by: required, the name and function of who granted the mandate");
  if (g.kinds.empty()) return invalid("kinds: name at least one kind of decision (stop, start, scale_up, scale_down, replace)");
  if (g.granted_on > today) return invalid("granted_on: cannot lie in the future");
  if (g.valid_to && *g.valid_to < g.valid_from) return invalid("valid_to: before valid_from");
  if (auto st = check_text("granted_by", g.granted_by, kName, false); !st) return st;
  if (auto st = check_text("scope", g.scope, kNote, true); !st) return st;
  return ok_status();
}

Status grant_covers(const MandateGrant& g, DecisionKind kind, Date effective) {
  if (std::find(g.kinds.begin(), g.kinds.end(), kind) == g.kinds.end())
    return invalid(fmt::format("kind: the mandate granted by {} does not cover '{}'", g.granted_by, to_string(kind)));
  if (effective < g.valid_from || (g.valid_to && *g.valid_to < effective))
    return invalid(fmt::format("effective_date: outside the mandate's period ({} to {})", format_date(g.valid_from),
                               g.valid_to ? format_date(*g.valid_to) : std::string("open")));
  return ok_status();
}

Status check_external_plan(const ExternalPlan& p) {
  if (p.organisation.empty()) return invalid("organisation: required");
  if (p.title.empty()) return invalid("title: required");
  if (p.ends_on && *p.ends_on < p.starts_on) return invalid("ends_on: before starts_on");
  if (auto st = check_text("organisation", p.organisation, kName, false); !st) return st;
  if (auto st = check_text("title", p.title, kName, false); !st) return st;
  if (auto st = check_text("coordinator", p.coordinator, kName, false); !st) return st;
  if (auto st = check_text("note", p.note, kNote, true); !st) return st;
  return ok_status();
}

}  // namespace regie::domain
