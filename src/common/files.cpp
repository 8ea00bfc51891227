// Temporary names and atomic replacement of output files.
#include "common/files.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

namespace regie {

std::string temporary_beside(const std::string& path, const std::string& suffix) {
  return path + ".tmp-" + std::to_string(::getpid()) + suffix;
}

Status move_into_place(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return invalid(fmt::format("{}: {}", path, ec.message()));
  }
  return ok_status();
}

}  // namespace regie
