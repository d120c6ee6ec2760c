#include "searcher/match_bitmap.h"

#include <string>

namespace nsearch {

void DocBitmap::and_with(const DocBitmap& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
}

void DocBitmap::or_with(const DocBitmap& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
}

void DocBitmap::and_not(const DocBitmap& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
}

Xapian::doccount DocBitmap::count() const {
  Xapian::doccount n = 0;
  for (std::uint64_t w : words_) n += static_cast<Xapian::doccount>(__builtin_popcountll(w));
  return n;
}

namespace {

using Q = Xapian::Query;

bool is_union(Q::op type) { return type == Q::OP_OR || type == Q::OP_SYNONYM; }

// Checked before any posting is read, so that a phrase query costs nothing here.
bool boolean_only(const Q& q) {
  if (q.empty()) return true;
  switch (q.get_type()) {
    case Q::LEAF_TERM:
    case Q::LEAF_MATCH_ALL: return true;
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (!boolean_only(q.get_subquery(i))) return false;
      }
      return q.get_num_subqueries() > 0;
    default: return false;
  }
}

class Evaluator {
 public:
  explicit Evaluator(const Xapian::Database& shard) : shard_(shard), last_(shard.get_lastdocid()) {}

  DocBitmap matches(const Q& q) {
    DocBitmap out(last_);
    if (q.empty()) return out;  // MatchNothing
    const auto type = q.get_type();
    if (type == Q::LEAF_TERM || type == Q::LEAF_MATCH_ALL || is_union(type)) {
      add_to(q, out);
      return out;
    }
    out = matches(q.get_subquery(0));
    if (type == Q::OP_AND_MAYBE || type == Q::OP_SCALE_WEIGHT) return out;  // the rest only weighs
    for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) {
      DocBitmap sub = matches(q.get_subquery(i));
      if (type == Q::OP_AND_NOT)
        out.and_not(sub);
      else
        out.and_with(sub);  // OP_AND, OP_FILTER
    }
    return out;
  }

 private:
  // A union writes its terms' postings straight into one bitmap.
  void add_to(const Q& q, DocBitmap& out) {
    if (q.empty()) return;
    const auto type = q.get_type();
    if (type == Q::LEAF_TERM || type == Q::LEAF_MATCH_ALL) {
      // MatchAll's posting list is the empty term's: every document.
      std::string term = type == Q::LEAF_TERM ? *q.get_terms_begin() : std::string();
      for (auto d = shard_.postlist_begin(term); d != shard_.postlist_end(term); ++d) out.set(*d);
    } else if (is_union(type)) {
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) add_to(q.get_subquery(i), out);
    } else {
      out.or_with(matches(q));
    }
  }

  const Xapian::Database& shard_;
  Xapian::docid last_;
};

}  // namespace

std::optional<DocBitmap> match_bitmap(const Xapian::Database& shard, const Xapian::Query& query) {
  if (!boolean_only(query)) return std::nullopt;
  return Evaluator(shard).matches(query);
}

}  // namespace nsearch
