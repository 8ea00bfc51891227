// Demo data: fictional households shaped like the pilot, loaded from a JSON
// file (data/demo/households.json) into a store, with demo accounts whose
// passwords are generated on the spot and returned for printing.
#pragma once
#include <string>
#include <vector>

#include "common/result.h"
#include "common/sealer.h"
#include "store/store.h"
#include "store/bundle.h"
#include "domain/account.h"

namespace regie::service {

struct DemoLogin {
  std::string username;
  std::string display_name;
  domain::Role role;
  std::string password;
  std::string totp_secret;  // base32, for the authenticator app; empty for household members
};

struct DemoData {
  store::Bundle bundle;          // accounts without passwords yet
  Date t1, t2;                   // the measurement dates the data is shaped for
};

// Parses and validates the demo file; errors name the JSON path and the reason.
Result<DemoData> read_demo_file(const std::string& path);

// Writes the demo data and accounts (the directors of the file, a team lead
// and an administrator) in one transaction, and gives every account that needs
// a second factor a TOTP secret sealed with `sealer`. Returns the logins,
// directors first.
Result<std::vector<DemoLogin>> load_demo(store::Store& store, DemoData data, const Sealer& sealer);

// For a database created by load_demo: new passwords and TOTP secrets for
// every account. Refuses any other database, so that it can never reset real
// accounts.
Result<std::vector<DemoLogin>> reset_demo_passwords(store::Store& store, const Sealer& sealer);

}  // namespace regie::service
