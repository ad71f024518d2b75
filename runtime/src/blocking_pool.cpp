// blocking_pool.cpp - the elastic pool behind to_thread, async_file and resolve.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "concur/to_thread.hpp"

namespace concur::detail {
namespace {
class blocking_pool {
 public:
  void execute(unique_function job) {
    std::unique_lock lk(mu_);
    q_.push_back(std::move(job));
    if (idle_ > 0) {
      cv_.notify_one();
    } else if (threads_ < kMax) {
      ++threads_;
      std::thread([this] { loop(); }).detach();
    }
  }

 private:
  static constexpr int kMax = 64;
  void loop() {
    std::unique_lock lk(mu_);
    for (;;) {
      if (q_.empty()) {
        ++idle_;
        bool got = cv_.wait_for(lk, std::chrono::seconds(10), [&] { return !q_.empty(); });
        --idle_;
        if (!got) {
          --threads_;
          return;
        }
      }
      unique_function job = std::move(q_.front());
      q_.pop_front();
      lk.unlock();
      job();
      job.reset();
      lk.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<unique_function> q_;
  int idle_ = 0;
  int threads_ = 0;
};
}  // namespace

void blocking_execute(unique_function job) {
  static auto* pool = new blocking_pool;  // never destroyed: threads are detached
  pool->execute(std::move(job));
}
}  // namespace concur::detail
