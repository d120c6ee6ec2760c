// One shard database and the thread that writes to it. Shards are written in parallel: the
// owner hands each built document to its shard's writer, and at a checkpoint every writer
// commits its own part at the same time. Between checkpoints only the writer thread touches
// the database; while a writer is idle (after wait_committed()) its owner may use db().
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace nsearch {

class ShardWriter {
 public:
  explicit ShardWriter(Xapian::WritableDatabase db);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues a document; blocks while the queue is full so memory stays bounded.
  void put(BuiltDocument built);
  // Asks the writer to commit everything queued so far; returns at once.
  void request_commit();
  // Waits for the requested commit; rethrows what the writer thread failed with.
  void wait_committed();
  // The database itself: only between wait_committed() and the next put().
  Xapian::WritableDatabase& db() { return db_; }

 private:
  struct Item {
    std::optional<BuiltDocument> built;  // empty: a commit request
  };
  void loop();
  void write(const BuiltDocument& built);
  void commit();

  Xapian::WritableDatabase db_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> queue_;
  std::size_t commits_requested_ = 0, commits_done_ = 0;
  bool written_ = false;  // documents written since the last commit (writer thread only)
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace nsearch
