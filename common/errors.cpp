#include "common/errors.h"

namespace nsearch {

const char* exit_code_help() {
  return "  0  search: hits found; index: every input indexed\n"
         "  1  search: no hits\n"
         "  2  usage error, or a query the parser rejects\n"
         "  3  index: finished, but some inputs were skipped or a root is missing (each reported on stderr)\n"
         "  4  no index at that location (run `nsearch index PATH`)\n"
         "  5  index written by another version (run `nsearch index --rebuild`)\n"
         "  6  index locked by another `nsearch index` (try again, or pass --wait)\n"
         "  7  I/O or database error\n";
}

}  // namespace nsearch
