// A consumer takes four messages from a mutex/condition_variable channel; the
// producer thread publishes one every 40 ms.
#include "../measure.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace msg {

class Channel {
public:
  void push(std::string s) {
    {
      std::lock_guard<std::mutex> lk(m_);
      q_.push_back(std::move(s));
    }
    cv_.notify_one();
  }
  std::string pop() {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this] { return !q_.empty(); });
    std::string s = std::move(q_.front());
    q_.pop_front();
    return s;
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::string> q_;
};

size_t process(Channel &ch, int count) {
  size_t bytes = 0;
  for (int i = 0; i < count; ++i)
    bytes += ch.pop().size();
  return bytes;
}

} // namespace msg

int main() {
  msg::Channel ch;
  std::thread producer([&] {
    for (int i = 0; i < 4; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
      ch.push("message #" + std::to_string(i));
    }
  });
  size_t r = 0;
  concur_measure("msg::process", [&] { r = msg::process(ch, 4); });
  producer.join();
  std::fprintf(stderr, "%zu\n", r);
}
