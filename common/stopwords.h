// Arabic function words, stored already normalized (one entry covers أن/إن/ان/آن alike).
#pragma once

#include <span>
#include <string_view>

namespace nsearch {

bool is_arabic_stopword(std::string_view normalized);
// The whole list, for tests and `docs/analyzer.md`.
std::span<const std::string_view> arabic_stopwords();

}  // namespace nsearch
