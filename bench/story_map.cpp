// Every article's story, for judging runs one hit per story (bench/eval.py --stories): each
// line "ID<TAB>STORY", STORY the id of the story's first member, or the article's own id when
// no other article joins it.
//   story_map INDEX_DIR > stories.tsv
#include <cstdio>
#include <string>

#include "common/open_index.h"
#include "common/schema.h"
#include "common/story_key.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: story_map INDEX_DIR\n", stderr);
    return 2;
  }
  Xapian::Database db = nsearch::open_index_for_reading(argv[1]);
  const std::string id_prefix(nsearch::schema::kId);
  for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
    const std::string id = (*t).substr(id_prefix.size());
    const std::string key = db.get_document(*db.postlist_begin(*t)).get_value(nsearch::schema::kSlotStory);
    const std::string first = nsearch::story_first_id(key);
    std::printf("%s\t%s\n", id.c_str(), first.empty() ? id.c_str() : first.c_str());
  }
  return 0;
}
