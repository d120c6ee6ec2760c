// The help topics about searching, as `nsearch help query` and `nsearch help formats` print
// them; docs/query-syntax.md is generated from the same text (scripts/gen-docs). They name
// flags and exit codes, so they are the CLI's.
#pragma once

#include <string>

namespace nsearch::cli {

std::string query_syntax_help();
std::string output_formats_help();

}  // namespace nsearch::cli
