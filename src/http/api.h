// What every group of API routes shares: the server to register on, the
// store and clock behind the services, authentication, and the translation
// of Results and JSON bodies into HTTP answers. Each area of the API
// registers its routes from its own routes_<area>.cpp.
#pragma once
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "analytics/table.h"
#include "interop/questionnaire.h"
#include "interop/xlsx.h"
#include "http/bodies.h"
#include "service/auth.h"
#include "service/identity_options.h"
#include "store/store.h"

namespace regie::service {
struct MeasurementView;
}

namespace regie::http {

using nlohmann::json;

struct Api {
  httplib::Server& http;
  store::Store& store;
  const Clock& clock;
  const Sealer* sealer;  // null when the server has no secret key file
  // Questionnaire definitions read at start; null when none are configured.
  std::shared_ptr<const interop::Instruments> instruments;
  // Authenticates the request (and its CSRF header when it changes state);
  // on failure writes the 401/403 answer and returns nullopt.
  std::function<std::optional<service::Principal>(const httplib::Request&, httplib::Response&)> require_principal;
  // Sign-in and sessions (routes_session.cpp).
  service::Auth& auth;
  bool secure_cookies = false;
  // Tells the connection guard the body is in, for a route that answers
  // without require_principal (sign-in).
  std::function<void(const httplib::Request&)> body_read;
};

// Path prefix of one household's resources; matches[1] is the household id.
inline const std::string kHouseholdPath = R"(/api/v1/households/([A-Za-z0-9_.\-]{1,64}))";
// A path segment holding a record id.
inline const std::string kIdSegment = R"(([A-Za-z0-9_.\-]{1,64}))";

int status_of(ErrorCode code);
void send_json(httplib::Response& res, int status, const json& body);
void send_error(httplib::Response& res, const Error& e);
std::string cookie_value(const httplib::Request& req, const std::string& name);
bool is_state_changing(const std::string& method);

// Answers a report as JSON (default), CSV or XLSX according to ?format=;
// `name` is the download's file name without extension. XLSX holds `sheets`
// (the first is the table itself when `sheets` is empty).
void send_table(const httplib::Request& req, httplib::Response& res, const analytics::Table& table,
                const std::string& name, std::vector<interop::Sheet> sheets = {});

// A numeric record id from a path segment; anything else is simply not found.
Result<std::int64_t> record_id(const std::string& text);

// Parses a JSON object body (see parse_object); the error says what is wrong with it.
Result<json> object_body(const httplib::Request& req);

// A measurement with its answers, scores and index: the shape of the
// measurements API, shared by the household's own view.
json measurement_json(const service::MeasurementView& v);

// One function per area (routes_<area>.cpp, in the shape of http/handler.h);
// server.cpp calls each once, before the catch-all that answers unknown /api paths.
void add_session_routes(Api& api);
void add_household_routes(Api& api);
void add_cost_routes(Api& api);
void add_analytics_routes(Api& api);
void add_measurement_routes(Api& api);
void add_interop_routes(Api& api);
void add_plan_routes(Api& api);
void add_consent_routes(Api& api);
void add_audit_routes(Api& api);
void add_me_routes(Api& api);
void add_account_routes(Api& api);
void add_assignment_routes(Api& api);
void add_privacy_routes(Api& api);
void add_shared_plan_routes(Api& api);
// Registered by add_household_routes: the contact log, status history,
// measurement moments, the director's due list and the referral funnel.
void add_progress_routes(Api& api);
// Sign-in through an OpenID Connect provider (routes_identity.cpp).
void add_identity_routes(Api& api, const service::IdentityOptions& options);
void add_mandate_routes(Api& api);

}  // namespace regie::http
