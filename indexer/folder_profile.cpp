#include "indexer/folder_profile.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "indexer/article_parser.h"
#include "indexer/text_lines.h"

namespace nsearch {

namespace fs = std::filesystem;

namespace {

bool is_dash(const TextToken& t) { return t.is_punct("-") || t.is_punct("–") || t.is_punct("—") || t.is_punct("ـ"); }

// Digits of a short line folded to '#': "منذ 2 شهور" and "منذ 5 شهور" are the same stamp (a
// longer line that differs in its numbers is a different headline).
constexpr size_t kMaxFoldedWords = 4;

// The key a line is counted under, or "" when it has no words or too many to be chrome.
const std::string& chrome_key(const TextLine& line, std::string& scratch) {
  static const std::string none;
  if (line.text.size() > FolderProfile::kMaxChromeBytes || line.more_words_than(FolderProfile::kMaxChromeWords))
    return none;
  const std::vector<TextToken>& tokens = line.tokens();
  size_t words = word_count(tokens);
  if (words == 0) return none;
  scratch.clear();
  for (const TextToken& t : tokens) {
    if (!scratch.empty()) scratch += ' ';
    scratch +=
        t.kind == TextToken::Kind::Number && words <= kMaxFoldedWords ? std::string_view("#") : std::string_view(t.key);
  }
  return scratch;
}

// A dateline's dash comes after at most three words: a line with no dash-like character
// before its fourth word chunk opens with none (read without tokenizing, and only that far).
bool may_open_with_dateline(std::string_view line) {
  std::string_view head = line.substr(0, word_chunk_offset(line, 4));
  for (std::string_view d : {"-", "–", "—", "ـ"}) {
    if (head.find(d) != std::string_view::npos) return true;
  }
  return false;
}

std::string join_words(const std::vector<TextToken>& tokens, size_t from, size_t to) {
  std::string key;
  for (size_t i = from; i < to; ++i) {
    if (tokens[i].kind == TextToken::Kind::Punct) continue;
    if (!key.empty()) key += ' ';
    key += tokens[i].key;
  }
  return key;
}

}  // namespace

DatelineParts dateline_parts(const TextLine& text_line) {
  DatelineParts d;
  std::string_view line = text_line.text;
  if (!may_open_with_dateline(line)) return d;
  const std::vector<TextToken>& tokens = text_line.tokens();
  constexpr size_t kMaxSideWords = 3;
  // A side: up to three words, with the dots, brackets and quotes of `أ.ف.ب` and `(د ب أ)`.
  auto side_end = [&](size_t from, size_t& words) {
    size_t i = from;
    words = 0;
    for (; i < tokens.size(); ++i) {
      const TextToken& t = tokens[i];
      if (t.kind == TextToken::Kind::Word) {
        if (++words > kMaxSideWords) break;
      } else if (!(t.is_punct(".") || t.is_punct("(") || t.is_punct(")") || t.is_punct("«") || t.is_punct("»") ||
                   t.is_punct("\""))) {
        break;
      }
    }
    return i;
  };
  size_t first_words = 0, second_words = 0;
  size_t dash = side_end(0, first_words);
  if (first_words == 0 || first_words > kMaxSideWords || dash >= tokens.size() || !is_dash(tokens[dash])) return d;
  size_t stop = side_end(dash + 1, second_words);
  if (second_words == 0 || second_words > kMaxSideWords) return d;
  bool colon = stop < tokens.size() && (tokens[stop].is_punct(":") || tokens[stop].is_punct("："));
  if (stop < tokens.size() && !colon) return d;
  d.first = std::string(trim_text(line.substr(0, tokens[dash].begin)));
  d.second = std::string(trim_text(line.substr(tokens[dash].end, tokens[stop - 1].end - tokens[dash].end)));
  d.first_key = join_words(tokens, 0, dash);
  d.second_key = join_words(tokens, dash + 1, stop);
  d.end = colon ? tokens[stop].end : tokens[stop - 1].end;
  return d;
}

void FolderProfile::add_text(std::string_view text) {
  ++files_;
  std::unordered_set<std::string> seen, parts;
  size_t index = 0;
  std::string scratch;
  for (const TextLine& line : non_empty_lines(text)) {
    const std::string& key = chrome_key(line, scratch);
    if (!key.empty() && seen.insert(key).second) ++lines_[key];
    if (index++ < kDatelineLines) {
      DatelineParts d = dateline_parts(line);
      if (!d.empty()) {
        parts.insert(d.first_key);
        parts.insert(d.second_key);
      }
    }
  }
  for (const auto& p : parts) {
    std::uint32_t n = ++dateline_parts_[p];
    if (n > top_count_ || (n == top_count_ && p < top_part_)) top_count_ = n, top_part_ = p;
  }
}

std::uint32_t FolderProfile::line_files(const TextLine& line) const {
  if (lines_.empty()) return 0;
  std::string scratch;
  const std::string& key = chrome_key(line, scratch);
  if (key.empty()) return 0;
  auto it = lines_.find(key);
  return it == lines_.end() ? 0 : it->second;
}

bool FolderProfile::is_chrome(const TextLine& line) const {
  std::uint32_t n = line_files(line);
  return n >= kMinChromeFiles && n >= kMinChromeShare * files_;
}

std::uint32_t FolderProfile::dateline_files(const std::string& part_key) const {
  auto it = dateline_parts_.find(part_key);
  return it == dateline_parts_.end() ? 0 : it->second;
}

FolderProfile profile_files(const std::vector<fs::path>& files) {
  FolderProfile profile;
  std::string content;
  for (const auto& path : files) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size > kMaxArticleBytes) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    content.resize(size);
    in.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<size_t>(in.gcount()));
    // A file that grew since it was measured is read to its end, as it is when it is indexed.
    if (in) content.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (invalid_utf8_offset(content) != std::string::npos) continue;
    profile.add_text(content);
  }
  return profile;
}

std::vector<fs::path> article_files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string ext = it->path().extension().string();
    std::error_code fec;
    if ((ext == ".txt" || ext == ".md") && it->is_regular_file(fec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace nsearch
