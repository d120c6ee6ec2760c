#include "searcher/query_syntax.h"

namespace nsearch {

const char* query_syntax_help() {
  return R"(Query syntax

  صدام حفتر أنقرة           words, ranked: more of the words, rarer words and more of them
                             in a shorter article rank higher; an article need not have
                             every word (AND requires them), so a question always gets
                             results. Words are
                             normalized and stemmed like the articles (وبالكتاب finds الكتاب).
                             Stopwords (في، من، على …) are left out of ranking unless the
                             query has nothing else.
  "جزيرة الحنة"              exact phrase, in this order; diacritics, tatweel, hamza forms and
                             attached و/ال/بال still match ("صدام حفتر" finds وصدام حفتر).
                             Stopwords inside a phrase are kept: they must be there.
  =قالن                      exact form: the word as written (normalized), not stemmed.
  حفتر AND أنقرة             both required.   حفتر OR الدبيبة   either.
  حفتر NOT طرابلس            exclude (also: حفتر -طرابلس).   ( … )   grouping.
  title:حفتر                 in the title; title:"صدام حفتر" a phrase in the title.
  source:الجزيرة             from that outlet (variants such as الجزيره are the same);
                             source:"ميدل إيست أون لاين" for a name with spaces.
  date:2024  date:2024-10  date:2024-10-23
  date:2024-01..2024-06  date:..2020  date:2025..
                             articles whose date lies wholly inside (an article dated only
                             2025-10 is inside date:2025 but not inside date:2025-10-01..2025-10-15).

Flags: --source S (repeatable, OR-ed), --since DATE, --until DATE filter the same way;
--sort newest|oldest; --facets source,year,month; --format text|json|jsonl|ids|trec.

Repairs: an unbalanced quote or parenthesis is closed at the end of the query and an unknown
field (foo:bar) is searched as words; each repair is reported on stderr (and in "warnings" in
JSON). A bad date is an error (exit 2).
)";
}

}  // namespace nsearch
