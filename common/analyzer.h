// The one Arabic analyzer: the indexer and the searcher call exactly this, so a query word
// and the same word in an article always yield the same term.
//
// Pipeline per token: ICU word boundaries -> normalization table (normalizer.h) ->
// stopword check (on the normalized form) -> light stemming (stemmer.h).
// See docs/analyzer.md for every rule and why it is there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

enum TokenFlag : std::uint8_t {
  kFlagStopword = 1,  // normalized form is in the stopword list
  kFlagNumber = 2,    // all digits (after folding every Unicode decimal digit to ASCII)
  kFlagLatin = 4,     // contains Latin letters (never stemmed)
};

struct Token {
  std::size_t start = 0;     // byte offset of the token in the original text
  std::size_t end = 0;       // one past its last byte
  std::string_view surface;  // the original bytes [start, end)
  std::string normalized;    // after the normalization table (no diacritics, alef folded, ...)
  std::string term;          // stem: normalized + light stemming ("" never happens)
  std::uint8_t flags = 0;

  bool stopword() const { return flags & kFlagStopword; }
  bool number() const { return flags & kFlagNumber; }
  bool latin() const { return flags & kFlagLatin; }
};

// Switches exist for the ablation benchmark (bench/run --variant); the defaults are the
// measured choice. Any change of the defaults bumps Analyzer::kVersion.
struct AnalyzerOptions {
  bool stem = true;               // light stemming on (else term == normalized)
  bool strip_prefixes = true;     // conjunction/article/preposition prefixes
  bool strip_suffixes = true;     // ها and the sound plural suffixes ات ون ين
  bool extra_endings = false;     // light10's ان ه ي too: measured worse, so off
  bool pronoun_suffixes = false;  // the extra pronoun suffixes (هم هن كم نا ...): measured
                                  // slightly worse on the development questions, so off
  bool fold_hamza_seats = true;   // ؤ ئ -> ء
  bool stopwords = true;          // flag stopwords (the searcher drops them from ranked queries)
  std::string endings;            // ablation only: "ات,ون,ين" keeps just those endings

  // Named variants for bench/run --variant: "default", "nostem", "noprefix", "nosuffix",
  // "pronoun" (pronoun suffixes on), "light10" (ان ه ي endings on), "nohamzafold", "nostop",
  // "endings=ات,ون,ين" (only those endings). Throws std::invalid_argument on an unknown name.
  // The variant of a new index is an option of the indexer (IndexStore::Options), stored in
  // the index (schema::kMetaAnalyzerVariant) and read back by the searcher.
  static AnalyzerOptions variant(std::string_view name);
};

class Analyzer {
 public:
  // Stored in every index; a searcher with another version refuses to search it.
  static constexpr int kVersion = 3;

  explicit Analyzer(AnalyzerOptions options = {});

  // Calls sink for every word token of text, in order. Punctuation and spaces yield nothing.
  // Invalid UTF-8 never stops the analysis: each bad byte is treated as U+FFFD and analysis
  // continues; spans still refer to the original bytes. Thread-safe.
  void analyze(std::string_view text, const std::function<void(const Token&)>& sink) const;
  std::vector<Token> analyze(std::string_view text) const;

  // Normalization alone (no tokenization): used for source names and spelling keys.
  std::string normalize(std::string_view text) const;
  // Light stemming of an already normalized word.
  std::string stem(std::string_view normalized) const;
  // Every word that can have this stem is one of these (prefix + stem + endings); not all of
  // them do (check with stem()). The index is unstemmed: the searcher looks these up.
  std::vector<std::string> candidate_forms(const std::string& stem) const;
  bool is_stopword(std::string_view normalized) const;

  const AnalyzerOptions& options() const { return options_; }

 private:
  // Whether stem() may change this word (stemming on, Arabic letters only).
  bool stems(std::string_view normalized) const;
  AnalyzerOptions options_;
};

// Keys made of whole values (a source, an author's byline) are boolean terms, values and
// metadata keys, which Xapian bounds (245 and 255 bytes with their prefixes): a key keeps at
// most this many bytes, so a hostile or run-on byline still indexes.
inline constexpr std::size_t kMaxKeyBytes = 200;

// Appends a normalized word to a key, space-separated, cut at a character boundary where the
// key would pass kMaxKeyBytes; nothing once the key is full.
void append_key_word(std::string& key, std::string_view word);

// Key under which a source is indexed and filtered: normalized, spaces collapsed, so
// "الجزيرة" and "الجزيره" are one source. "" for an empty source.
std::string normalize_source(std::string_view source);

}  // namespace nsearch
