// Whole-or-nothing file output: write to a temporary file beside the target,
// then rename it into place, so that a failure never leaves half a file.
#pragma once
#include <string>

#include "common/result.h"

namespace regie {

// A temporary name beside `path`, unique to this process.
std::string temporary_beside(const std::string& path, const std::string& suffix = "");
// Renames `tmp` onto `path`; on failure removes `tmp` and says why.
Status move_into_place(const std::string& tmp, const std::string& path);

}  // namespace regie
