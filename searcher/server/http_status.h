// The one place where library errors become HTTP status codes, as exit_codes.cpp makes them
// exit codes for the command line.
#pragma once

#include "common/errors.h"

namespace nsearch::server {

// 400 for a request that cannot be carried out as given, 503 while the index cannot be read,
// 500 for an index that is broken or an I/O failure.
int http_status_for(ErrorCode code);

}  // namespace nsearch::server
