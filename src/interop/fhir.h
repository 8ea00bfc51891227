// A household as a FHIR R4 Bundle (type "collection"): the household as a
// Group, each member as a Patient, the director and the professionals as
// Practitioner and PractitionerRole, providers as Organization, everyone
// around the household as a CareTeam, the care map and each household plan
// as a CarePlan, each consent record as a Consent and questionnaire scores as
// QuestionnaireResponse, and audit records (when given) as AuditEvent. Every reference points at an entry of the same
// Bundle (fullUrl urn:uuid:..., stable for the same record).
//
// Pure mapping: no I/O, no access checks (the service layer does those).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/consent.h"
#include "domain/household.h"
#include "domain/organisation.h"
#include "domain/provision.h"
#include "domain/audit_event.h"

namespace regie::interop {

inline constexpr const char* kBsnSystem = "http://fhir.nl/fhir/NamingSystem/bsn";
inline constexpr const char* kAgbSystem = "http://fhir.nl/fhir/NamingSystem/agb-z";

struct FhirPlan {
  std::int64_t id = 0;
  int version = 0;
  std::string status;  // as stored: draft, active, ...
  std::string created_at;
  std::optional<std::string> agreed_at;
};

struct FhirMeasurement {
  std::string member_id, instrument, moment, measured_on, item;
  std::optional<std::int64_t> score_milli;
};

struct FhirInput {
  domain::Household household;
  std::string director_username, director_display_name;
  std::vector<domain::Member> members;
  std::map<std::string, std::string> bsn;  // member id -> BSN, only for the members whose BSN is exported
  std::vector<domain::Provision> provisions;
  std::map<std::string, domain::Organisation> organisations;
  std::map<std::string, domain::Professional> professionals;
  std::map<std::string, std::string> allocation_numbers;  // provision id -> iJw/iWmo allocation number
  std::vector<FhirPlan> plans;
  std::vector<FhirMeasurement> measurements;
  // Each consent record of the members; a member who refused and has no
  // record gets one "rejected" Consent from their consent status.
  std::vector<domain::Consent> consents;
  // Audit records about the members (a person's own export): each becomes an
  // AuditEvent whose entity is that member's Patient.
  std::vector<domain::AuditEvent> audit_events;
  std::string generated_at;  // ISO 8601 UTC
  Date today;
};

nlohmann::json fhir_bundle(const FhirInput& in);

}  // namespace regie::interop
