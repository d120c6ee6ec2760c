#include "indexer/text_lines.h"

#include <cctype>

#include <unicode/utf8.h>

#include "common/normalizer.h"
#include "indexer/token_chars.h"

namespace nsearch {

namespace {

UChar32 decode(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// The code point that ends at byte `end` (exclusive) and where it starts.
UChar32 decode_back(std::string_view s, int32_t& end) {
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, end, c);
  return c;
}

}  // namespace

std::string_view trim_text(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t next = i;
    if (!is_blank(decode(s, next))) break;
    i = next;
  }
  int32_t end = n;
  while (end > i) {
    int32_t prev = end;
    if (!is_blank(decode_back(s, prev))) break;
    end = prev;
  }
  return s.substr(static_cast<size_t>(i), static_cast<size_t>(end - i));
}

std::vector<TextLine> non_empty_lines(std::string_view text, int first_number) {
  std::vector<TextLine> lines;
  int number = first_number;
  while (true) {
    size_t nl = text.find('\n');
    std::string_view line = trim_text(text.substr(0, nl));
    if (!line.empty()) lines.emplace_back(line, number);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
    ++number;
  }
  return lines;
}

std::vector<TextToken> tokenize(std::string_view line) {
  const TokenChars& chars = TokenChars::get();
  std::vector<TextToken> tokens;
  tokens.reserve(line.size() / 8 + 1);
  // A word's forms are written whole (two bytes each) in a buffer its own size: no form is longer
  // than its character.
  std::string forms(line.size() + sizeof TokenChar::form, '\0');
  TokenChar other;
  int32_t i = 0, n = static_cast<int32_t>(line.size());
  while (i < n) {
    int32_t start = i;
    const TokenChar* k = chars.next(line, i, other);
    if (!k || k->blank) continue;
    TextToken& t = tokens.emplace_back();
    t.begin = static_cast<size_t>(start);
    if (k->digit) {
      t.kind = TextToken::Kind::Number;
      t.key += static_cast<char>('0' + k->value);
      for (int32_t next = i; i < n; i = next) {
        k = chars.next(line, next, other);
        if (!k || !k->digit) break;
        t.key += static_cast<char>('0' + k->value);
      }
      t.value = t.key.size() > 9 ? 999999999 : std::stol(t.key);
    } else if (k->word) {
      // A word of characters that fold alone is their forms joined; any other goes whole
      // through normalize_word.
      bool alone = true;
      char* out = forms.data();
      for (int32_t next = i;; i = next) {
        alone = alone && k->folds_alone;
        if (alone) {
          out[0] = k->form[0];
          out[1] = k->form[1];
          out += k->form_size;
        }
        if (i >= n) break;
        k = chars.next(line, next, other);
        if (!k || !k->word) break;
      }
      std::string_view word = line.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
      if (alone)
        t.key.assign(forms.data(), out);
      else
        normalize_word(word, false, t.key);
      if (t.key.empty()) {  // a lone tatweel or mark: punctuation
        t.kind = TextToken::Kind::Punct;
        t.key = std::string(word);
      } else {
        t.kind = TextToken::Kind::Word;
      }
    } else {
      t.kind = TextToken::Kind::Punct;
      t.key = std::string(line.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    t.end = static_cast<size_t>(i);
  }
  return tokens;
}

std::string line_key(const std::vector<TextToken>& tokens) {
  std::string key;
  for (const TextToken& t : tokens) {
    if (t.kind == TextToken::Kind::Punct) continue;
    if (!key.empty()) key += ' ';
    key += t.key;
  }
  return key;
}

std::string line_key(std::string_view line) { return line_key(tokenize(line)); }

const std::vector<TextToken>& TextLine::tokens() const {
  if (!tokens_) tokens_ = tokenize(text);
  return *tokens_;
}

const std::string& TextLine::key() const {
  if (!key_) key_ = line_key(tokens());
  return *key_;
}

namespace {

// Whether the UTF-8 bytes at s[i] start an ASCII letter or digit or an Arabic letter or digit
// (a tatweel, a mark or Arabic punctuation is none): a test of bytes that may say no to a
// letter of another script, never yes to a non-letter.
bool starts_letter_or_digit(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::isalnum(c) != 0;
  if (i + 1 >= s.size()) return false;
  auto n = static_cast<unsigned char>(s[i + 1]);
  switch (c) {
    case 0xD8: return n >= 0xA1 && n <= 0xBA;                                             // U+0621-U+063A
    case 0xD9: return (n >= 0x81 && n <= 0x8A) || (n >= 0xA0 && n <= 0xA9) || n >= 0xB1;  // letters, digits
    case 0xDA: return true;                                                               // U+0680-U+06BF
    case 0xDB: return n <= 0x93 || (n >= 0xB0 && n <= 0xB9);                              // letters, digits
    default: return false;
  }
}

}  // namespace

bool TextLine::more_words_than(size_t n) const { return has_word_chunks(n + 1) || word_count(tokens()) > n; }

bool same_words(const TextLine& a, const TextLine& b) {
  return !a.more_words_than(word_count(b.tokens())) && a.key() == b.key();
}

bool WordChunkScan::reach(std::string_view line, size_t n) {
  // Read into locals: the line's bytes could alias the members, which would then be stored at
  // every byte.
  size_t pos = pos_, chunks = chunks_, offset = offset_;
  bool counted = counted_;
  for (; chunks < n && pos < line.size(); ++pos) {
    char c = line[pos];
    if (c == ' ' || c == '\t') {
      counted = false;
    } else if (!counted && starts_letter_or_digit(line, pos)) {
      counted = true;
      offset = pos;
      ++chunks;
    }
  }
  pos_ = pos, chunks_ = chunks, offset_ = offset, counted_ = counted;
  return chunks >= n;
}

size_t word_chunk_offset(std::string_view line, size_t n) {
  WordChunkScan scan;
  return n > 0 && scan.reach(line, n) ? scan.offset() : std::string_view::npos;
}

size_t word_count(const std::vector<TextToken>& tokens) {
  size_t n = 0;
  for (const TextToken& t : tokens) n += t.kind != TextToken::Kind::Punct;
  return n;
}

bool is_prose(const TextLine& line) {
  constexpr size_t kProseWords = 8;
  // Most lines of running text are long: their chunks tell without tokenizing them.
  if (line.has_word_chunks(kProseWords)) return true;
  const std::vector<TextToken>& tokens = line.tokens();
  if (word_count(tokens) >= kProseWords) return true;
  if (tokens.empty() || tokens.back().kind != TextToken::Kind::Punct) return false;
  const std::string& last = tokens.back().key;
  for (std::string_view end : {".", "!", "?", "؟", "…", "\"", "”", "»", "'", ")", "؛"}) {
    if (last == end) return true;
  }
  return false;
}

}  // namespace nsearch
