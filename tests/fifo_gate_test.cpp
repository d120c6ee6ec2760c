// The server's search gate (searcher/server/fifo_gate.h), with real threads: never more callers
// inside than its width, and waiting callers enter in the order they arrived.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "searcher/server/fifo_gate.h"

using nsearch::server::FifoGate;

TEST(FifoGate, NeverLetsMoreThanItsWidthInside) {
  FifoGate gate(3);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        FifoGate::Pass pass(gate);
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(FifoGate, WaitingCallersEnterInArrivalOrder) {
  FifoGate gate(1);
  std::optional<FifoGate::Pass> held;
  held.emplace(gate);  // the gate is full: every caller below waits
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> threads;
  const int callers = 8;
  for (int i = 0; i < callers; ++i) {
    threads.emplace_back([&, i] {
      FifoGate::Pass pass(gate);
      std::lock_guard<std::mutex> lock(order_mutex);
      order.push_back(i);
    });
    // The next caller starts only once this one has taken its ticket.
    while (gate.waiting() < static_cast<std::size_t>(i + 1)) std::this_thread::yield();
  }
  held.reset();
  for (auto& t : threads) t.join();
  std::vector<int> expected(callers);
  for (int i = 0; i < callers; ++i) expected[i] = i;
  EXPECT_EQ(order, expected);
}
