// libFuzzer target: any bytes as a query. The parser either compiles a query (and the
// highlighter's phrases are never empty) or throws nsearch::Error with a message; anything
// else (another exception, a crash, a sanitizer report) is a bug.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/analyzer.h"
#include "common/errors.h"
#include "searcher/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const nsearch::Analyzer analyzer;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // No database here: each word stands for its stem, as one indexed form.
    nsearch::ParsedQuery q = nsearch::parse_query(text, analyzer, [](std::string_view prefix, const nsearch::Token& w) {
      return nsearch::WordForms{{std::string(prefix) + w.term}, {true}};
    });
    for (const auto& phrase : q.highlight.phrases) {
      if (phrase.empty()) std::abort();
    }
    (void)q.query.get_description();
  } catch (const nsearch::Error& e) {
    if (std::string(e.what()).empty()) std::abort();
  }
  return 0;
}
