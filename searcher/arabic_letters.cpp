#include "searcher/arabic_letters.h"

namespace nsearch {

bool arabic_letters(std::string_view w) {
  for (std::size_t i = 0; i + 1 < w.size(); i += 2) {
    auto a = static_cast<unsigned char>(w[i]), b = static_cast<unsigned char>(w[i + 1]);
    // U+0621..U+064A: D8 A1..D8 BF and D9 80..D9 8A
    bool ok = (a == 0xD8 && b >= 0xA1 && b <= 0xBF) || (a == 0xD9 && b >= 0x80 && b <= 0x8A);
    if (!ok) return false;
  }
  return w.size() % 2 == 0;
}

}  // namespace nsearch
