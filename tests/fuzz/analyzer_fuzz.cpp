// libFuzzer target: any bytes through the analyzer. Checks the invariants the indexer and
// highlighter rely on: spans are in order, inside the text, and terms are never empty.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const nsearch::Analyzer analyzer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t last_end = 0;
  analyzer.analyze(text, [&](const nsearch::Token& t) {
    if (t.start < last_end || t.end <= t.start || t.end > size || t.term.empty() || t.normalized.empty()) std::abort();
    last_end = t.end;
  });
  return 0;
}
