// Requests a batch from a loader thread through a mutex/condition variable
// mailbox (the loader answers 150 ms after the request), then reduces the
// 2 M samples of the batch with a few passes of floating-point work.
#include "../measure.hpp"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace batch {

class Mailbox {
public:
  void ask() {
    std::lock_guard<std::mutex> lk(m_);
    asked_ = true;
    cv_.notify_all();
  }
  void wait_asked() {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this] { return asked_; });
  }
  void put(std::vector<double> v) {
    std::lock_guard<std::mutex> lk(m_);
    items_ = std::move(v);
    ready_ = true;
    cv_.notify_all();
  }
  std::vector<double> take() {
    std::unique_lock<std::mutex> lk(m_);
    cv_.wait(lk, [this] { return ready_; });
    ready_ = false;
    return std::move(items_);
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<double> items_;
  bool asked_ = false, ready_ = false;
};

double handle(Mailbox &box, int passes) {
  box.ask();
  std::vector<double> samples = box.take();
  double acc = 0;
  for (int p = 0; p < passes; ++p)
    for (double &v : samples) {
      v = std::sqrt(v * v + 1.0) * 0.5;
      acc += v;
    }
  return acc;
}

} // namespace batch

int main() {
  batch::Mailbox box;
  std::thread loader([&] {
    std::vector<double> v(2'000'000);
    for (size_t i = 0; i < v.size(); ++i)
      v[i] = static_cast<double>(i % 5000) * 0.001;
    box.wait_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    box.put(std::move(v));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20)); // let the loader fill its batch
  double r = 0;
  concur_measure("batch::handle", [&] { r = batch::handle(box, 30); });
  loader.join();
  std::fprintf(stderr, "%f\n", r);
}
