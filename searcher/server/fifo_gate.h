// Lets at most `width` callers through at once, in the order they arrived. The server's
// connection threads are many (a kept-alive connection holds one); searches are CPU-bound, so
// more of them at once than there are cores only slows each down, and an unordered wake-up
// lets one connection wait behind many later requests. Waiting in arrival order keeps every
// request's wait close to the queue's length times one search.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace nsearch::server {

class FifoGate {
 public:
  explicit FifoGate(std::size_t width) : width_(width ? width : 1) {}

  // Callers waiting their turn (for the server's diagnostics and its tests).
  std::size_t waiting() {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<std::size_t>(next_ticket_ - now_serving_);
  }

  // Held for the lifetime of a Pass; a pass leaves the gate when destroyed.
  class Pass {
   public:
    explicit Pass(FifoGate& gate) : gate_(gate) { gate_.enter(); }
    ~Pass() { gate_.leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FifoGate& gate_;
  };

 private:
  void enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    turn_.wait(lock, [&] { return ticket == now_serving_ && inside_ < width_; });
    ++now_serving_;
    ++inside_;
    turn_.notify_all();  // the next ticket may fit too
  }

  void leave() {
    std::lock_guard<std::mutex> lock(mutex_);
    --inside_;
    turn_.notify_all();
  }

  const std::size_t width_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0, now_serving_ = 0;
  std::size_t inside_ = 0;
};

}  // namespace nsearch::server
