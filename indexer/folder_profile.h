// What recurs across the files of one folder: a site's banner, share buttons, comment prompts,
// "منذ N …" stamps (compared with their digits folded), and the fixed part of its datelines
// (`سبق- الرياض:`, `سبق- جدة:` -> سبق). Measured from the folder's own files, not listed by hand:
// a short line that recurs in many files of the folder is chrome, not text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/text_lines.h"

namespace nsearch {

class FolderProfile {
 public:
  // Lines of more words than this are text even when they recur (a story filed twice).
  static constexpr size_t kMaxChromeWords = 12;
  // A line longer than this has more words than that: not counted, not even tokenized.
  static constexpr size_t kMaxChromeBytes = 400;
  // A line is chrome when it is in at least this many files and this share of them.
  static constexpr std::uint32_t kMinChromeFiles = 3;
  static constexpr double kMinChromeShare = 0.05;

  // Counts each distinct short line of one file's text once, and the parts of its dateline.
  void add_text(std::string_view text);

  std::uint32_t files() const { return files_; }
  // Files in which a line with the same key as line occurs.
  std::uint32_t line_files(const TextLine& line) const;
  bool is_chrome(const TextLine& line) const;
  // Files whose dateline has a part with this key (see dateline_parts).
  std::uint32_t dateline_files(const std::string& part_key) const;
  // The dateline part in most of the folder's files, when it is in at least kMinChromeFiles
  // and kMinChromeShare of them: the folder's own outlet (`سبق` of `سبق- الرياض:`), not a city,
  // which shares the datelines with reporters and agencies.
  const std::string& top_dateline_part() const { return top_part_; }

 private:
  std::uint32_t files_ = 0;
  std::unordered_map<std::string, std::uint32_t> lines_;
  std::unordered_map<std::string, std::uint32_t> dateline_parts_;
  std::string top_part_;
  std::uint32_t top_count_ = 0;
};

// The two sides of a dateline that opens a line: `الرياض - واس` -> {"الرياض", "واس"},
// `سبق- جدة: ...` -> {"سبق", "جدة"}; empty when the line does not open with one (each side at
// most three words, separated by a dash, then the end of the line or a colon).
struct DatelineParts {
  std::string first, second;          // as written, trimmed
  std::string first_key, second_key;  // line_key of each
  size_t end = 0;                     // byte offset just past the dateline (and its colon)
  bool empty() const { return first.empty(); }
};
DatelineParts dateline_parts(const TextLine& line);

// Where the dateline of a text would be: its first lines, title line excluded or not.
inline constexpr size_t kDatelineLines = 3;

// A profile of the article files (.txt, .md) directly in dir, or of the given files. Files
// that cannot be read, or are too big to be articles, are left out.
FolderProfile profile_files(const std::vector<std::filesystem::path>& files);
std::vector<std::filesystem::path> article_files_in(const std::filesystem::path& dir);

}  // namespace nsearch
