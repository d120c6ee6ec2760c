#include "indexer/document_builder.h"

#include <fmt/core.h>

#include "common/fields.h"
#include "common/schema.h"
#include "common/story_key.h"
#include "indexer/story_signature.h"

namespace nsearch {

namespace {

// Xapian refuses terms longer than this; a longer "word" (a URL, base64) is not searchable
// text anyway.
constexpr size_t kMaxTermBytes = 240;

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

bool fits(const Token& t) { return t.normalized.size() <= kMaxTermBytes; }

class FieldIndexer {
 public:
  FieldIndexer(Xapian::Document& doc, const Analyzer& analyzer) : doc_(doc), analyzer_(analyzer) {}

  // A Text field (the title): unprefixed words (weighted) and prefixed words, both positional.
  // Words are indexed as written (normalized, not stemmed): the searcher matches a stem's forms
  // (term_forms.h).
  void text(const std::string& text, std::string_view prefix) {
    analyzer_.analyze(text, [&](const Token& t) {
      if (!fits(t)) return;
      ++pos_;
      doc_.add_posting(t.normalized, pos_, schema::kTitleWdf);
      doc_.add_posting(prefixed(prefix, t.normalized), pos_);
    });
    pos_ += schema::kFieldGap;  // no phrase spans two fields, or a field and the body
  }

  void body(const std::string& text, StorySignature& signature) {
    analyzer_.analyze(text, [&](const Token& t) {
      signature.add_word(t.normalized);
      if (!fits(t)) return;
      ++pos_;
      doc_.add_posting(t.normalized, pos_);
    });
  }

 private:
  Xapian::Document& doc_;
  const Analyzer& analyzer_;
  Xapian::termpos pos_ = 0;
};

void add_date(Xapian::Document& doc, const Date& date) {
  doc.add_value(schema::kSlotOldestKey, date.empty() ? std::string("~") : date.sort_key());
  if (date.empty()) return;
  doc.add_boolean_term(prefixed(schema::kYear, date.year_key()));
  if (date.precision != Date::Precision::Year)
    doc.add_boolean_term(prefixed(schema::kMonth, date.first_day().substr(0, 6)));
  if (date.precision == Date::Precision::Day) doc.add_boolean_term(prefixed(schema::kDay, date.first_day()));
  doc.add_value(schema::kSlotDateStart, date.sort_key());
  doc.add_value(schema::kSlotDateEnd, date.last_day());
  doc.add_value(schema::kSlotYear, date.year_key());
  doc.add_value(schema::kSlotMonth, date.month_key());
  doc.add_value(schema::kSlotDateText, date.text());
}

// A Key field: its normalized value, one term and its facet value. A Words field: each word a
// term, the words together its facet value. Text and Date fields are written by position and
// by date.
void add_boolean_field(BuiltDocument& built, const fields::Field& f, const Article& article, const Analyzer& analyzer) {
  const std::string& value = article.*f.value;
  std::string key;
  if (f.kind == fields::Kind::Key) {
    key = normalize_source(value);
    if (!key.empty()) built.doc.add_boolean_term(prefixed(f.prefix, key));
  } else {
    analyzer.analyze(value, [&](const Token& t) {
      if (!fits(t)) return;
      built.doc.add_boolean_term(prefixed(f.prefix, t.normalized));
      append_key_word(key, t.normalized);
    });
  }
  if (!key.empty() && f.slot != fields::kNoSlot) built.doc.add_value(f.slot, key);
  if (!key.empty() && !f.display_names.empty())
    built.display_names.emplace_back(std::string(f.display_names) + key, value);
}

// A new article is a story of its own (empty story key) until the writer links it
// (indexer/story_linker.h).
void add_story(BuiltDocument& built, const StorySignature& signature, const Article& article) {
  Xapian::Document& doc = built.doc;
  StorySignature::Keys keys = signature.keys();
  for (const auto& band : keys.bands) {
    built.story_bands.push_back(prefixed(schema::kStoryBand, band));
    doc.add_boolean_term(built.story_bands.back());
  }
  built.signature = std::move(keys.packed);
  if (!built.signature.empty()) doc.add_value(schema::kSlotSignature, built.signature);
  built.member_key = story_key(article.date.empty() ? std::string("~") : article.date.sort_key(), article.id);
  doc.add_value(schema::kSlotMemberKey, built.member_key);
}

}  // namespace

std::string fingerprint(std::string_view bytes) { return fmt::format("{:016x}", fnv1a(bytes)); }

std::string content_hash(std::string_view head, std::string_view body) {
  return fmt::format("{:016x}", fnv1a(body, fnv1a(head)));
}

BuiltDocument build_document(const Article& article, std::string head, const std::string& hash,
                             const std::string& file_key_value, const Analyzer& analyzer) {
  BuiltDocument built;
  Xapian::Document& doc = built.doc;
  FieldIndexer words(doc, analyzer);
  for (const auto& f : fields::kFields) {
    if (f.kind == fields::Kind::Text) words.text(article.*f.value, f.prefix);
  }
  StorySignature signature;
  words.body(article.body, signature);
  // A body this short ("تعليقات ()" under a video, a link line, or none) says little of the
  // story: such an article is a copy only of one with (nearly) the same headline and body.
  if (signature.words() < story::kBodyWordsAlone) {
    signature = StorySignature();
    auto add = [&](const Token& t) { signature.add_word(t.normalized); };
    analyzer.analyze(article.title, add);
    analyzer.analyze(article.body, add);
    // Less than a shingle even so ("كاريكاتير" and no body, every day): too little to tell
    // one story from another, so the article is a story of its own.
    if (signature.words() < story::kShingleWords) signature = StorySignature();
  }
  add_story(built, signature, article);

  built.id_term = prefixed(schema::kId, article.id);
  doc.add_boolean_term(built.id_term);
  for (const auto& f : fields::kFields) {
    if (f.kind == fields::Kind::Key || f.kind == fields::Kind::Words) add_boolean_field(built, f, article, analyzer);
    if (f.kind == fields::Kind::Date) add_date(doc, article.date);
  }
  if (!file_key_value.empty()) {
    doc.add_boolean_term(prefixed(schema::kFile, file_key_value));
    doc.add_value(schema::kSlotOrigin, file_key_value);
  }
  doc.add_value(schema::kSlotContentHash, hash);
  doc.add_value(schema::kSlotHead, std::move(head));
  doc.set_data(article.body);
  return built;
}

}  // namespace nsearch
