// The configuration file's place among the sources of a setting: a flag on
// the command line beats a REGIE_* environment variable, which beats the file
// (/etc/regie/regie.toml), which beats the built-in default.
#pragma once
#include <CLI/CLI.hpp>

#include <istream>
#include <vector>

namespace regie::cli {

// CLI11 2.1 fills options from the file before it reads the environment, and
// an option filled once ignores its variable, so on its own the file would
// beat the environment. This reader of the (TOML) file leaves out every
// setting whose option has its variable set and not empty: the library then
// takes that option from the environment. Flags still come first, because the
// library fills from the file only what the command line left empty.
class EnvironmentBeforeFile : public CLI::ConfigTOML {
 public:
  explicit EnvironmentBeforeFile(const CLI::App& app) : app_(app) {}
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

 private:
  bool set_in_environment(const CLI::ConfigItem& item) const;
  const CLI::App& app_;
};

}  // namespace regie::cli
