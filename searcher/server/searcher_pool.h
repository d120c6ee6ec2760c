// Searchers for the server's threads: a Xapian handle serves one thread at a time, so each
// request borrows an idle Searcher (or opens one) and gives it back. At most `width` requests
// search at once, the others wait their turn in arrival order (FifoGate). Each search reopens its
// handles onto the latest revision (Searcher::search), so a commit by `nsearch index` is seen
// by the next request without restarting.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "searcher/index_set.h"
#include "searcher/searcher.h"
#include "searcher/server/fifo_gate.h"

namespace nsearch::server {

class SearcherPool {
 public:
  // open: the index set as the server was told to open it (throws Error when it cannot).
  SearcherPool(std::function<IndexSet()> open, std::size_t width) : open_(std::move(open)), gate_(width) {}

  // Runs use with a Searcher. After an nsearch::Error (a bad query, an unknown id) the
  // Searcher goes back to the pool; after any other exception (a Xapian failure) it is
  // dropped, and the next request opens the index afresh.
  void with_searcher(const std::function<void(Searcher&)>& use);

 private:
  std::function<IndexSet()> open_;
  FifoGate gate_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace nsearch::server
