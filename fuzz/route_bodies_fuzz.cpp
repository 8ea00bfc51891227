// Every request body the API reads, through the real server: the input names
// a route on its first line (e.g. "provision.create"; or its first byte picks
// one) and the rest is the body, sent with correct framing and the headers of
// a user who may use the route, so the fuzzer's effort goes into the body
// readers (http/bodies.* and the per-route readers in http/routes_*.cpp),
// not into framing or sign-in. The server must survive each, as in http_request.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "answers.h"
#include "support.h"

namespace {

struct Route {
  std::string_view name, method, path, role, content_type;
};

// Ids are those of the fixture bundle (H1 of dir.a, its members and
// provisions); numbered records (measurements, plans, round tables,
// consents) exist once an earlier input created them.
constexpr Route kRoutes[] = {
    {"session.create", "POST", "/api/v1/session", "", "application/json"},
    {"household.create", "POST", "/api/v1/households", "dir", "application/json"},
    {"household.status", "PUT", "/api/v1/households/H1/status", "dir", "application/json"},
    {"member.create", "POST", "/api/v1/households/H1/members", "dir", "application/json"},
    {"member.bsn", "PUT", "/api/v1/households/H1/members/H1-M1/bsn", "dir", "application/json"},
    {"provision.create", "POST", "/api/v1/households/H1/provisions", "dir", "application/json"},
    {"provision.edit", "PUT", "/api/v1/households/H1/provisions/H1-P1", "dir", "application/json"},
    {"provision.end", "POST", "/api/v1/households/H1/provisions/H1-P1/end", "dir", "application/json"},
    {"signal.acknowledge", "POST", "/api/v1/households/H1/signals/stacking/acknowledge", "dir", "application/json"},
    {"time_entry.household", "POST", "/api/v1/households/H1/time-entries", "dir", "application/json"},
    {"time_entry.general", "POST", "/api/v1/time-entries", "dir", "application/json"},
    {"virtual_saving.create", "POST", "/api/v1/households/H1/virtual-savings", "dir", "application/json"},
    {"price_list.create", "POST", "/api/v1/price-list", "admin", "application/json"},
    {"setting.put", "PUT", "/api/v1/settings/signal.stacking_min", "admin", "application/json"},
    {"professional.create", "POST", "/api/v1/professionals", "admin", "application/json"},
    {"account.create", "POST", "/api/v1/accounts", "admin", "application/json"},
    {"account.totp", "POST", "/api/v1/accounts/prof/totp", "admin", "application/json"},
    {"team_lead.put", "PUT", "/api/v1/households/H1/team-leads/lead", "admin", "application/json"},
    {"consent.create", "POST", "/api/v1/households/H1/consents", "dir", "application/json"},
    {"consent.preview", "POST", "/api/v1/households/H1/consents/preview", "dir", "application/json"},
    {"consent.withdraw", "POST", "/api/v1/households/H1/consents/1/withdraw", "dir", "application/json"},
    {"measurement.create", "POST", "/api/v1/households/H1/measurements", "dir", "application/json"},
    {"measurement.save", "PUT", "/api/v1/households/H1/measurements/1", "dir", "application/json"},
    {"wish.create", "POST", "/api/v1/households/H1/wishes", "dir", "application/json"},
    {"wish.edit", "PUT", "/api/v1/households/H1/wishes/1", "dir", "application/json"},
    {"plan.create", "POST", "/api/v1/households/H1/plans", "dir", "application/json"},
    {"plan.agreement", "POST", "/api/v1/households/H1/plans/1/agreement", "dir", "application/json"},
    {"decision.create", "POST", "/api/v1/households/H1/decisions", "dir", "application/json"},
    {"round_table.create", "POST", "/api/v1/households/H1/round-tables", "dir", "application/json"},
    {"round_table.edit", "PUT", "/api/v1/households/H1/round-tables/1", "dir", "application/json"},
    {"round_table.schedule", "POST", "/api/v1/households/H1/round-tables/1/schedule", "dir", "application/json"},
    {"aftercare.create", "POST", "/api/v1/households/H1/aftercare", "dir", "application/json"},
    {"aftercare.contact", "POST", "/api/v1/households/H1/aftercare/contacts", "dir", "application/json"},
    {"person.erasure", "POST", "/api/v1/people/H1-M2/erasure", "admin", "application/json"},
    {"interop.ijw", "POST", "/api/v1/interop/messages?standard=ijw", "admin", "application/xml"},
    {"interop.iwmo", "POST", "/api/v1/interop/messages?standard=iwmo", "admin", "application/xml"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const Route* route = nullptr;
  std::string_view body;
  auto eol = input.find('\n');
  if (eol != std::string_view::npos)
    for (auto& r : kRoutes)
      if (input.substr(0, eol) == r.name) route = &r, body = input.substr(eol + 1);
  if (!route) route = &kRoutes[data[0] % std::size(kRoutes)], body = input.substr(1);

  auto& harness = regie::fuzz::RequestHarness::get();
  std::string request = std::string(route->method) + " " + std::string(route->path) +
                        " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\nContent-Type: " +
                        std::string(route->content_type) + "\r\nContent-Length: " + std::to_string(body.size()) +
                        "\r\n";
  if (!route->role.empty()) request += harness.headers_of(route->role) + "\r\n";
  request += "\r\n";
  request += body;
  auto answer = harness.exchange(request);
  regie::fuzz::check_answer(request, answer);
  harness.after_input();
  return 0;
}
