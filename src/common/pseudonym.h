// Pseudonyms for analysts: a keyed hash (BLAKE2b) of an identifier. The same
// id and key give the same pseudonym; without the key it cannot be reversed
// or recomputed. The key stays with the municipality.
#pragma once
#include <string>
#include <string_view>

#include "common/result.h"

namespace regie {

// "HH-" followed by 16 hex digits. `key` must be 16 to 64 bytes.
std::string pseudonymise(std::string_view id, std::string_view key);

// Reads a key file of at least 16 bytes (the first 64 are used).
Result<std::string> read_key_file(const std::string& path);

}  // namespace regie
