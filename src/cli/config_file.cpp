#include "cli/config_file.h"

#include <algorithm>
#include <cstdlib>

namespace regie::cli {

std::vector<CLI::ConfigItem> EnvironmentBeforeFile::from_config(std::istream& input) const {
  auto items = CLI::ConfigTOML::from_config(input);
  std::erase_if(items, [&](const CLI::ConfigItem& item) { return set_in_environment(item); });
  return items;
}

bool EnvironmentBeforeFile::set_in_environment(const CLI::ConfigItem& item) const {
  // Section markers ("++", "--") open and close a subcommand's section.
  if (item.name == "++" || item.name == "--") return false;
  const CLI::App* at = &app_;
  for (const auto& section : item.parents) {
    try {
      at = at->get_subcommand(section);
    } catch (const CLI::OptionNotFound&) {
      return false;  // not ours to judge; the library reports it as it would
    }
  }
  // The library's own order of looking a key up.
  const CLI::Option* option = at->get_option_no_throw("--" + item.name);
  if (!option && item.name.size() == 1) option = at->get_option_no_throw("-" + item.name);
  if (!option) option = at->get_option_no_throw(item.name);
  if (!option || option->get_envname().empty()) return false;
  const char* value = std::getenv(option->get_envname().c_str());
  return value && *value;
}

}  // namespace regie::cli
