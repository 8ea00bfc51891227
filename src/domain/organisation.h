// The organisations around a household (providers, municipality, insurer,
// housing, …) and their professionals.
#pragma once

#include <string>

namespace regie::domain {

struct Organisation {
  std::string id;
  std::string name;
  std::string kind;  // provider, municipality, insurer, housing, uwv, social_work, neighbourhood_team
};

struct Professional {
  std::string id;
  std::string name;
  std::string organisation_id;
  std::string role;
  std::string phone;
};

}  // namespace regie::domain
