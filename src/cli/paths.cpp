#include "cli/paths.h"

#include <filesystem>
#include <system_error>

namespace regie::cli {
namespace fs = std::filesystem;

std::string installed_share_dir() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto share = exe.parent_path().parent_path() / "share" / "regie";
  // The questionnaires are in every installation; a build tree has no share/.
  return fs::is_directory(share / "questionnaires", ec) ? share.string() : std::string{};
}

namespace {
std::string pick(const std::string& installed, const std::string& source) {
  const auto share = installed_share_dir();
  return share.empty() ? std::string(REGIE_SOURCE_DIR) + "/" + source : share + "/" + installed;
}
}  // namespace

std::string default_web_root() { return pick("web", "web/dist"); }
std::string default_questionnaires_dir() { return pick("questionnaires", "data/questionnaires"); }
std::string default_demo_data() { return pick("demo/households.json", "data/demo/households.json"); }

std::string default_config_file() {
  if (installed_share_dir().empty()) return {};
  std::error_code ec;
  // The prefix's etc: /usr → /etc, /opt/regie → /opt/regie/etc... kept simple: the system's.
  return fs::exists("/etc/regie/regie.toml", ec) ? "/etc/regie/regie.toml" : std::string{};
}

}  // namespace regie::cli
