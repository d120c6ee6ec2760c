// xapian-compact renumbers documents when it merges databases, so a merged layout's facet
// codes no longer fit (the searcher then counts from the value slots: exact, but slower).
// bench/scale merges shards into layouts this way; this rewrites each layout's codes with the
// function `nsearch index` runs at every commit, so every layout is timed as nsearch builds it.
//   refresh_facet_codes DB...
#include "indexer/facet_code_writer.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    Xapian::WritableDatabase db(argv[i], Xapian::DB_OPEN);
    nsearch::store_facet_codes(db);
    db.commit();
  }
  return argc > 1 ? 0 : 2;
}
