#include "searcher/server/http_status.h"

namespace nsearch::server {

int http_status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage:
    case ErrorCode::no_input:
    case ErrorCode::unknown_root:
    case ErrorCode::unknown_source:
    case ErrorCode::query:
    case ErrorCode::shard_count:
    case ErrorCode::root_missing: return 400;
    case ErrorCode::no_index:
    case ErrorCode::unreadable:
    case ErrorCode::incompatible:
    case ErrorCode::locked:
    case ErrorCode::unreachable: return 503;
    case ErrorCode::inconsistent:
    case ErrorCode::io: return 500;
  }
  return 500;
}

}  // namespace nsearch::server
