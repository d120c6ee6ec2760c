#include "common/analyzer.h"

#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "common/normalizer.h"
#include "common/stemmer.h"
#include "common/stopwords.h"

namespace nsearch {

namespace {

// ICU break iterators are not thread-safe and costly to create: one per thread, reused.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !b) throw std::runtime_error("ICU word break iterator unavailable");
    return b;
  }();
  return *breaker;
}

StemRules stem_rules(const AnalyzerOptions& o) {
  return StemRules{o.strip_prefixes, o.strip_suffixes, o.extra_endings, o.pronoun_suffixes, o.endings};
}

}  // namespace

AnalyzerOptions AnalyzerOptions::variant(std::string_view name) {
  AnalyzerOptions o;
  if (name.empty() || name == "default") return o;
  if (name == "nostem")
    o.stem = false;
  else if (name == "noprefix")
    o.strip_prefixes = false;
  else if (name == "nosuffix")
    o.strip_suffixes = o.pronoun_suffixes = false;
  else if (name == "pronoun")
    o.pronoun_suffixes = true;
  else if (name == "light10")
    o.extra_endings = true;
  else if (name == "nohamzafold")
    o.fold_hamza_seats = false;
  else if (name == "nostop")
    o.stopwords = false;
  else if (name.substr(0, 8) == "endings=")
    o.endings = name.substr(8);
  else
    throw std::invalid_argument("unknown analyzer variant '" + std::string(name) + "'");
  return o;
}

Analyzer::Analyzer(AnalyzerOptions options) : options_(options) {}

void Analyzer::analyze(std::string_view text, const std::function<void(const Token&)>& sink) const {
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("cannot read text for analysis");
  std::unique_ptr<UText, decltype(&utext_close)> guard(ut, utext_close);
  icu::BreakIterator& breaker = word_breaker();
  breaker.setText(ut, status);
  if (U_FAILURE(status)) throw std::runtime_error("cannot segment text");

  const StemRules rules = stem_rules(options_);
  Token token;
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
    // Rule status below UBRK_WORD_NONE_LIMIT marks spaces and punctuation.
    if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    token.start = static_cast<size_t>(start);
    token.end = static_cast<size_t>(end);
    token.surface = text.substr(token.start, token.end - token.start);
    NormalizedWord info = normalize_word(token.surface, options_.fold_hamza_seats, token.normalized);
    if (token.normalized.empty()) continue;  // only diacritics, tatweel or invisible marks
    token.flags = 0;
    if (info.has_latin) token.flags |= kFlagLatin;
    if (info.all_digits) token.flags |= kFlagNumber;
    if (options_.stopwords && info.all_arabic && is_arabic_stopword(token.normalized)) token.flags |= kFlagStopword;
    if (options_.stem && info.all_arabic) {
      token.term = light_stem(token.normalized, rules);
    } else {
      token.term = token.normalized;
    }
    sink(token);
  }
  breaker.setText(icu::UnicodeString());  // drop the pointer into text
}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  std::vector<Token> tokens;
  analyze(text, [&](const Token& t) { tokens.push_back(t); });
  return tokens;
}

std::string Analyzer::normalize(std::string_view text) const {
  std::string out;
  normalize_word(text, options_.fold_hamza_seats, out);
  return out;
}

bool Analyzer::stems(std::string_view normalized) const {
  if (!options_.stem) return false;
  for (size_t i = 0; i < normalized.size(); i += 2) {
    // Stemming applies to pure Arabic-letter words only (two-byte sequences D8 A1..D9 8A).
    auto b0 = static_cast<unsigned char>(normalized[i]);
    if (i + 1 >= normalized.size() || (b0 != 0xD8 && b0 != 0xD9 && b0 != 0xDA && b0 != 0xDB)) return false;
  }
  return true;
}

std::string Analyzer::stem(std::string_view normalized) const {
  if (!stems(normalized)) return std::string(normalized);
  return light_stem(normalized, stem_rules(options_));
}

std::vector<std::string> Analyzer::candidate_forms(const std::string& stem) const {
  if (!stems(stem)) return {stem};  // Latin, digits: a word the stemmer leaves is its only form
  StemRules rules = stem_rules(options_);
  std::vector<std::string_view> prefixes = rules.prefixes ? strippable_prefixes() : std::vector<std::string_view>{""};
  std::vector<std::string> suffixes = strippable_suffixes(rules);
  std::vector<std::string> out;
  out.reserve(prefixes.size() * suffixes.size());
  for (auto p : prefixes) {
    for (const auto& s : suffixes) out.push_back(std::string(p) + stem + s);
  }
  return out;
}

bool Analyzer::is_stopword(std::string_view normalized) const {
  return options_.stopwords && is_arabic_stopword(normalized);
}

void append_key_word(std::string& key, std::string_view word) {
  const std::size_t sep = key.empty() ? 0 : 1;
  if (word.empty() || key.size() + sep >= kMaxKeyBytes) return;
  std::size_t room = kMaxKeyBytes - key.size() - sep;
  if (word.size() > room) {
    while (room > 0 && (static_cast<unsigned char>(word[room]) & 0xC0) == 0x80) --room;  // no split character
    if (room == 0) return;
    word = word.substr(0, room);
  }
  if (sep) key.push_back(' ');
  key += word;
}

std::string normalize_source(std::string_view source) {
  static const Analyzer analyzer;
  std::string key;
  analyzer.analyze(source, [&](const Token& t) { append_key_word(key, t.normalized); });
  return key;
}

}  // namespace nsearch
