#include "searcher/server/searcher_pool.h"

#include "common/errors.h"

namespace nsearch::server {

void SearcherPool::with_searcher(const std::function<void(Searcher&)>& use) {
  FifoGate::Pass pass(gate_);
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!searcher) searcher = std::make_unique<Searcher>(open_());
  auto give_back = [&] {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(searcher));
  };
  try {
    use(*searcher);
  } catch (const Error&) {
    give_back();
    throw;
  }
  give_back();
}

}  // namespace nsearch::server
