// Words as the normalizer leaves them: every Arabic letter is two bytes in UTF-8, so the rules
// that edit a word letter by letter step in pairs of bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace nsearch {

inline constexpr std::size_t kLetter = 2;

// Whether w is made of Arabic letters only (U+0621..U+064A, no marks or digits).
bool arabic_letters(std::string_view w);

inline bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace nsearch
