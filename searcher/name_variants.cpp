#include "searcher/name_variants.h"

#include <algorithm>
#include <array>
#include <map>

#include "searcher/arabic_letters.h"
#include "searcher/possessive_forms.h"

namespace nsearch {

namespace {

// The letters a foreign g is written with (غولر, جولر; قوقل in the Gulf), and those of a foreign
// k or q (قالن, كالين): a letter is respelled within its set, so ج never becomes ك.
constexpr std::array<std::string_view, 3> kForeignG = {"غ", "ج", "ق"};
constexpr std::array<std::string_view, 2> kForeignK = {"ق", "ك"};
constexpr std::array<std::string_view, 3> kLongVowels = {"ا", "و", "ي"};
// The person prefixes of an imperfect verb.
constexpr std::array<std::string_view, 4> kPersons = {"ي", "ت", "ن", "ا"};
// Shorter words have too many neighbours one letter away for a letter to tell a name.
constexpr std::size_t kMinLetters = 4;
// A name may take the article now and then (السلمان, as a family name, is native evidence only
// above this share: one article in a hundred).
constexpr Xapian::doccount kArticleShare = 100;
constexpr std::size_t kMaxVariants = 8;

bool contains(const auto& set, std::string_view letter) {
  return std::find(set.begin(), set.end(), letter) != set.end();
}

std::string_view letter_at(const std::string& w, std::size_t i) {
  return std::string_view(w).substr(i * kLetter, kLetter);
}

// w with `removed` letters from letter `at` on replaced by `inserted`.
std::string spliced(const std::string& w, std::size_t at, std::size_t removed, std::string_view inserted) {
  std::string out = w;
  out.replace(at * kLetter, removed * kLetter, inserted);
  return out;
}

std::string replaced(const std::string& w, std::size_t i, std::string_view letter) { return spliced(w, i, 1, letter); }

// w with one of the letters of `set` respelled as another: one occurrence, or every one (غوغل ->
// جوجل); each with the edit that made it.
void respell_within(const std::string& w, const auto& set, std::map<std::string, std::string>& out) {
  const std::size_t n = w.size() / kLetter;
  for (auto from : set) {
    if (w.find(from) == std::string::npos) continue;  // a letter's second byte never starts one
    for (auto to : set) {
      if (to == from) continue;
      std::string why = std::string(from) + "→" + std::string(to);
      std::string all = w;
      for (std::size_t i = 0; i < n; ++i) {
        if (letter_at(w, i) != from) continue;
        out.emplace(replaced(w, i, to), why);
        all = replaced(all, i, to);
      }
      out.emplace(all, why);
    }
  }
}

std::map<std::string, std::string> velar_respellings(const std::string& w) {
  std::map<std::string, std::string> out;
  respell_within(w, kForeignG, out);
  respell_within(w, kForeignK, out);
  return out;
}

bool vowel(std::string_view letter) { return contains(kLongVowels, letter); }

// w with one long vowel written or left out inside the word (ترمب/ترامب, بوتن/بوتين), never first
// or last (a last ي or ا is an ending, a first one a person prefix or the article's alef), and
// never beside the same letter (ووزير is و + وزير).
std::map<std::string, std::string> vowel_respellings(const std::string& w) {
  std::map<std::string, std::string> out;
  const std::size_t n = w.size() / kLetter;
  for (std::size_t i = 1; i < n; ++i) {
    for (auto v : kLongVowels) {
      if (letter_at(w, i - 1) != v && letter_at(w, i) != v)
        out.emplace(spliced(w, i, 0, v), std::string("+").append(v));
    }
  }
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (vowel(letter_at(w, i))) out.emplace(spliced(w, i, 1, ""), std::string("-").append(letter_at(w, i)));
  }
  return out;
}

}  // namespace

bool looks_like_name(const Xapian::Database& db, const std::string& word) {
  if (starts_with(word, "ال") && db.term_exists(word.substr(2 * kLetter))) return false;
  if (possessed_noun(db, "", word)) return false;
  // After the conjunction و, the word is judged without it (ووزير, والوزير).
  if (starts_with(word, "و") && word.size() > kMinLetters * kLetter) {
    std::string rest = word.substr(kLetter);
    if (db.term_exists(rest) && !looks_like_name(db, rest)) return false;
  }
  if (db.get_termfreq("ال" + word) * kArticleShare > db.get_termfreq(word)) return false;
  auto first = letter_at(word, 0);
  if (!contains(kPersons, first)) return true;
  int persons = 0;
  for (auto p : kPersons) {
    if (p != first) persons += db.term_exists(replaced(word, 0, p));
  }
  return persons < 2;
}

std::vector<NameVariant> name_variants(const Xapian::Database& db, const Analyzer& analyzer, std::string_view prefix,
                                       const std::string& word) {
  if (word.size() < kMinLetters * kLetter || !arabic_letters(word) || analyzer.is_stopword(word)) return {};
  const std::string field(prefix);
  if (db.term_exists(word) && !looks_like_name(db, word)) return {};
  std::map<std::string, std::string> letters = velar_respellings(word), vowels;
  for (const auto& [respelled, why] : letters) {
    for (const auto& [v, edit] : vowel_respellings(respelled)) vowels.emplace(v, why + " " + edit);
  }
  for (const auto& [v, edit] : vowel_respellings(word)) vowels.emplace(v, edit);
  std::vector<std::pair<Xapian::doccount, NameVariant>> found;
  auto consider = [&](const std::string& v, const std::string& why) {
    if (v == word || v.size() < kMinLetters * kLetter) return;
    Xapian::doccount freq = db.get_termfreq(field + v);
    if (freq && looks_like_name(db, v)) found.push_back({freq, {v, why}});
  };
  for (const auto& [v, why] : letters) consider(v, why);
  for (const auto& [v, why] : vowels) {
    if (!letters.count(v)) consider(v, why);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<NameVariant> out;
  for (std::size_t i = 0; i < found.size() && i < kMaxVariants; ++i) out.push_back(found[i].second);
  return out;
}

}  // namespace nsearch
