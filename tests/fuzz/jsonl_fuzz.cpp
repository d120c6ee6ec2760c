// libFuzzer target: any bytes as a JSON Lines file, plain, gzip or xz (the first byte picks
// the file name the reader sees), read line by line and parsed as the indexer does. A broken
// stream must end in std::runtime_error with a message; nothing may crash.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "indexer/article_parser.h"
#include "indexer/line_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::string dir = [] {
    char tmpl[] = "/tmp/nsearch-fuzz-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  const char* names[] = {"/in.jsonl", "/in.jsonl.gz", "/in.jsonl.xz"};
  std::string path = dir + names[data[0] % 3];
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  try {
    auto reader = nsearch::LineReader::open(path);
    std::string line;
    std::uint64_t last = 0;
    while (reader->next(line)) {
      if (reader->raw_bytes() < last) std::abort();  // progress never goes back
      last = reader->raw_bytes();
      (void)nsearch::parse_json_article(line);
    }
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).empty()) std::abort();
  }
  ::unlink(path.c_str());
  return 0;
}
