// A worker drains items that a producer thread hands over one at a time,
// waiting on a condition variable and computing over each item. The producer
// makes an item on request, which takes it 30 ms.
#include "../measure.hpp"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>
#include <thread>

class Worker {
public:
  void put(int v) {
    {
      std::lock_guard<std::mutex> g(m_);
      q_.push(v);
    }
    cv_.notify_all();
  }
  void wait_request(int served) {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this, served] { return requests_ > served; });
  }
  double drain(int count) {
    double total = 0;
    for (int n = 0; n < count; ++n) {
      int v;
      {
        std::unique_lock<std::mutex> lk(m_);
        ++requests_;
        cv_.notify_all();
        cv_.wait(lk, [this] { return !q_.empty(); });
        v = q_.front();
        q_.pop();
      }
      for (int i = 0; i < 3'000'000; ++i)
        total += std::sqrt(static_cast<double>(i + v)) * std::sin(i * 1e-3);
    }
    return total;
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::queue<int> q_;
  int requests_ = 0;
};

int main() {
  Worker w;
  std::thread producer([&w] {
    for (int i = 0; i < 4; ++i) {
      w.wait_request(i);
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      w.put(i);
    }
  });
  double r = 0;
  concur_measure("Worker::drain", [&] { r = w.drain(4); });
  producer.join();
  std::fprintf(stderr, "%f\n", r);
}
