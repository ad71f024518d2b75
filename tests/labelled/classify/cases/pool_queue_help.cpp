// A small hand-written thread pool (a std::queue of std::function tasks, a
// mutex and a condition variable). The function under test submits 64 tasks
// and then drains the queue itself alongside the pool's worker, waiting only
// for the last task in flight.
#include "../measure.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace exec {

class Pool {
public:
  explicit Pool(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      threads_.emplace_back([this] { loop(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lk(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread &t : threads_)
      t.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lk(m_);
      tasks_.push(std::move(task));
      ++pending_;
    }
    cv_.notify_one();
  }
  // Runs queued tasks on the calling thread until the queue is empty.
  void help() {
    for (;;) {
      std::function<void()> task;
      {
        std::lock_guard<std::mutex> lk(m_);
        if (tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
      finish();
    }
  }
  void drain() {
    std::unique_lock<std::mutex> lk(m_);
    done_.wait(lk, [this] { return pending_ == 0; });
  }

private:
  void finish() {
    std::lock_guard<std::mutex> lk(m_);
    if (--pending_ == 0)
      done_.notify_all();
  }
  void loop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk, [this] { return stop_ || !tasks_.empty(); });
        if (stop_ && tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
      finish();
    }
  }
  std::mutex m_;
  std::condition_variable cv_, done_;
  std::queue<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  int pending_ = 0;
  bool stop_ = false;
};

uint64_t process(Pool &pool, const std::vector<uint32_t> &keys, int blocks) {
  std::vector<uint64_t> out(static_cast<size_t>(blocks), 0);
  const size_t per = keys.size() / static_cast<size_t>(blocks);
  for (int b = 0; b < blocks; ++b)
    pool.submit([&keys, &out, b, per] {
      uint64_t acc = 0;
      for (size_t i = b * per; i < (b + 1) * per; ++i) {
        uint64_t v = keys[i];
        for (int r = 0; r < 40; ++r)
          v = (v * 6364136223846793005ull + 1442695040888963407ull) ^ (v >> 29);
        acc += v % 1000;
      }
      out[b] = acc;
    });
  pool.help();
  pool.drain();
  uint64_t total = 0;
  for (uint64_t v : out)
    total += v;
  return total;
}

} // namespace exec

int main() {
  std::vector<uint32_t> keys(8'000'000);
  for (size_t i = 0; i < keys.size(); ++i)
    keys[i] = static_cast<uint32_t>(i * 2654435761u);
  const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  exec::Pool pool(cores - 1);
  uint64_t r = 0;
  concur_measure("exec::process", [&] { r = exec::process(pool, keys, 64); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}
