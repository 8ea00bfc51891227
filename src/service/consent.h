// Use cases around consent: recording it per member, purpose and
// organisation (a guardian gives it for a child below the configured age),
// withdrawing it, and the plain-language text the household reads and signs.
// Only the household's assigned director records or reads consents here.
#pragma once
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/consent.h"
#include "service/auth.h"
#include "store/consent_store.h"

namespace regie::service {

// Below this age (in whole years on the day of consent, by birth year) a
// guardian gives consent; setting "consent.guardian_below_age", default 16.
int guardian_below_age(store::Store& store);

class Consents {
 public:
  Consents(store::Store& store, const Clock& clock) : store_(store), consents_(store), clock_(clock) {}

  Result<std::vector<domain::Consent>> list(const Principal& who, const std::string& household_id);
  // given_on defaults to today; nothing is stored when any field is wrong.
  Result<domain::Consent> add(const Principal& who, const std::string& household_id, domain::Consent c);
  // From today on the consent no longer counts.
  Result<domain::Consent> withdraw(const Principal& who, const std::string& household_id, std::int64_t id,
                                   int version);
  // The text of a stored consent, or of a scope before it is given.
  Result<std::string> text(const Principal& who, const std::string& household_id, std::int64_t id);
  Result<std::string> preview(const Principal& who, const std::string& household_id, const domain::Consent& scope);

 private:
  Result<domain::ConsentScope> scope_of(const std::string& household_id, const domain::Consent& c);
  Status owned(const Principal& who, const std::string& household_id, std::int64_t id,
               const std::optional<domain::Consent>& c, const std::string& action);

  store::Store& store_;
  store::ConsentStore consents_;
  const Clock& clock_;
};

}  // namespace regie::service
