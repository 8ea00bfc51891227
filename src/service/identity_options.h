// How a municipality's identity providers are configured (docs/identity.md):
// one OpenID Connect provider for staff (Entra ID, ADFS, Keycloak, ...) and
// one for household members, the broker through which the municipality
// reaches DigiD. Both are optional; secrets only ever come from files.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace regie::service {

struct OidcProviderOptions {
  std::string name;                 // on the sign-in button: "Inloggen met <name>"
  std::string issuer;               // empty: not configured
  std::string client_id;
  std::string client_secret_file;   // the client secret, read at start; never on a command line
  std::vector<std::string> scopes;  // "openid" is always asked for
  // Staff: the claim that names the person (email, preferred_username, oid,
  // ...) and the account field it must equal ("email" or "username").
  // Citizen broker: the claim that holds the BSN.
  std::string claim;
  std::string link_to = "email";
  std::string ca_file;              // extra trusted certificates for this provider (PEM); empty: the system's
  bool configured() const { return !issuer.empty(); }
};

struct IdentityOptions {
  OidcProviderOptions staff{"de organisatie", "", "", "", {"openid", "email", "profile"}, "email", "email", ""};
  OidcProviderOptions citizen{"DigiD", "", "", "", {"openid"}, "bsn", "", ""};
  // Passwords with a second factor for staff; false: staff sign in through
  // the staff provider only (household members keep theirs).
  bool staff_passwords = true;
  // Where browsers reach Regie (https://regie.gemeente.nl), for the address
  // the provider sends people back to; empty: taken from the request's Host.
  std::string public_url;
  std::int64_t clock_skew_s = 120;
  // Fetch the provider's keys again for a key id we do not know, at most this often.
  std::int64_t jwks_refetch_s = 5;
};

}  // namespace regie::service
