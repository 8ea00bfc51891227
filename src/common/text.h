// Checks on text that arrives from outside (request lines, headers, file
// fields) before it is used as a key, logged or written as JSON.
#pragma once
#include <string_view>

namespace regie {

// True when the bytes are well-formed UTF-8: no overlong forms, no surrogates,
// nothing above U+10FFFF, no truncated sequence.
bool is_valid_utf8(std::string_view text);

// True when the text holds a C0 control character or DEL (tab included).
bool has_control_chars(std::string_view text);

}  // namespace regie
