// Keeps a shard's facet codes (common/facet_codes.h) in step with its documents.
#pragma once

#include <xapian.h>

namespace nsearch {

// Rewrites the shard's facet codes from its XS, XY and XM terms, as they stand with the
// changes not yet committed, so the codes go into the same commit as the documents. Chunks
// whose codes did not change are not rewritten. A deleted article keeps its old code: it never
// matches again, and docids are not reused. (A scan of the three prefixes' postings: about
// 30 ms per 250,000 articles, paid once per checkpoint.)
void store_facet_codes(Xapian::WritableDatabase& db);

}  // namespace nsearch
