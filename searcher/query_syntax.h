#pragma once

namespace nsearch {

// The text of `nsearch help query` (docs/query-syntax.md holds the same with more examples).
const char* query_syntax_help();

}  // namespace nsearch
