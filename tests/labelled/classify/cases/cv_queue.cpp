// A queue whose consumer waits on a condition variable; the producer is a
// thread that pauses before each push.
#include "../measure.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

namespace app {

class Queue {
public:
  void push(int v) {
    {
      std::lock_guard<std::mutex> g(m_);
      items_.push_back(v);
    }
    cv_.notify_one();
  }
  int pop() {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this] { return !items_.empty(); });
    int v = items_.front();
    items_.pop_front();
    return v;
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<int> items_;
};

} // namespace app

int main() {
  app::Queue q;
  std::thread producer([&q] {
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    q.push(42);
  });
  int r = 0;
  concur_measure("app::Queue::pop", [&] { r = q.pop(); });
  producer.join();
  std::fprintf(stderr, "%d\n", r);
}
