// Where the files that come with Regie are: the web UI, the questionnaire
// definitions, the demo data and the configuration file. An installed binary
// (<prefix>/bin/regie beside <prefix>/share/regie) uses its installation;
// a binary in a build tree uses the source tree it was built from.
#pragma once
#include <string>

namespace regie::cli {

// <prefix>/share/regie when the running binary is installed, else empty.
std::string installed_share_dir();
// Default location of the built web UI: <share>/web, or web/dist in the source tree.
std::string default_web_root();
// Default folder of the questionnaire definitions: <share>/questionnaires, or data/questionnaires.
std::string default_questionnaires_dir();
// Default demo data file: <share>/demo/households.json, or data/demo/households.json.
std::string default_demo_data();
// The configuration file read when --config and REGIE_CONFIG are not given:
// /etc/regie/regie.toml for an installed binary (when it exists), none in a build tree.
std::string default_config_file();

}  // namespace regie::cli
