// Sign-in through an OpenID Connect provider: staff through their
// organisation's account, household members through the municipality's DigiD
// broker (docs/identity.md). Authorization code flow with PKCE, state and
// nonce; the ID token is checked against the provider's published keys
// (service/identity_token.h). The provider only says who someone is: what
// they may do stays Regie's (an account's role), and a person Regie does not
// know gets no access, however valid their token.
//
// Pending sign-ins live in the store (store/identity_store.h), so the browser
// may come back to any server. Thread-safe.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "common/sealer.h"
#include "service/auth.h"
#include "service/identity_options.h"
#include "service/identity_token.h"
#include "store/store.h"

namespace regie::service {

// Reads the configured secret files and checks the settings; for the server's start.
Status check_identity_options(const IdentityOptions& options);

// Why a sign-in through a provider ended without a session; the web UI words each in Dutch.
enum class IdentityRefusal {
  none,
  failed,          // expired, used before, another browser, or the provider's answer did not check out
  unknown_person,  // a valid person without an (active) Regie account
  no_member,       // the BSN matches no household member
  too_young,       // a minor without an account of their own
  unavailable,     // the provider or the key file is not there
};
std::string_view to_string(IdentityRefusal r);

class Identity {
 public:
  // Reads the client secrets; check_identity_options first.
  Identity(store::Store& store, const Clock& clock, const Sealer* sealer, Auth& auth, IdentityOptions options);
  ~Identity();

  struct Provider {
    std::string key;  // "staff" or "citizen"
    std::string name;
  };
  std::vector<Provider> providers() const;
  bool staff_passwords() const { return options_.staff_passwords; }

  struct Started {
    std::string location;       // the provider's authorization address to send the browser to
    std::string browser_token;  // goes into a cookie; binds the sign-in to this browser
  };
  // `base_url` is where this request reached Regie (used without a public URL);
  // `browser_token` the one the browser has already, or empty.
  Result<Started> start(const std::string& provider, const std::string& base_url, const std::string& browser_token);
  // Takes the provider's answer (state and code), exchanges the code, checks
  // the ID token and opens a session for the linked account. A refusal is
  // unauthenticated with `why` set.
  Result<SignIn> finish(const std::string& state, const std::string& code, const std::string& browser_token,
                        const std::string& client, IdentityRefusal* why);

 private:
  struct ProviderState;
  ProviderState* provider(const std::string& key);
  Result<SignIn> staff_account(const nlohmann::json& claims, IdentityRefusal* why);
  Result<SignIn> citizen_account(const nlohmann::json& claims, const std::string& client, IdentityRefusal* why);

  store::Store& store_;
  const Clock& clock_;
  const Sealer* sealer_;
  Auth& auth_;
  IdentityOptions options_;
  std::vector<std::unique_ptr<ProviderState>> providers_;
};

}  // namespace regie::service
