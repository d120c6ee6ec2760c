#include "indexer/shard_writer.h"

#include <utility>

#include "indexer/facet_code_writer.h"

namespace nsearch {

namespace {

// Documents queued per shard before put() waits for the writer.
constexpr std::size_t kQueueLimit = 512;

}  // namespace

ShardWriter::ShardWriter(Xapian::WritableDatabase db) : db_(std::move(db)), thread_([this] { loop(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::put(BuiltDocument built) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kQueueLimit || error_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(Item{std::move(built)});
  changed_.notify_all();
}

void ShardWriter::request_commit() {
  std::lock_guard lock(mutex_);
  queue_.push_back(Item{});
  ++commits_requested_;
  changed_.notify_all();
}

void ShardWriter::wait_committed() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return commits_done_ == commits_requested_ || error_; });
  if (error_) std::rethrow_exception(error_);
}

void ShardWriter::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    if (queue_.empty()) return;  // stopping, nothing left
    Item item = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();  // room in the queue
    lock.unlock();
    try {
      if (item.built)
        write(*item.built);
      else
        commit();
    } catch (...) {
      lock.lock();
      error_ = std::current_exception();
      queue_.clear();
      changed_.notify_all();
      return;
    }
    lock.lock();
    if (!item.built) {
      ++commits_done_;
      changed_.notify_all();
    }
  }
}

void ShardWriter::write(const BuiltDocument& built) {
  db_.replace_document(built.id_term, built.doc);
  written_ = true;
}

void ShardWriter::commit() {
  // A sealed database 0 commits at every checkpoint; its codes only change when it is written.
  if (written_) store_facet_codes(db_);
  db_.commit();
  written_ = false;
}

}  // namespace nsearch
