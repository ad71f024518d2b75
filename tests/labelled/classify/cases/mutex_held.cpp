// Updates a balance under a mutex that another thread is holding for a while.
#include "../measure.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace bank {

class Account {
public:
  void deposit(long amount) {
    std::lock_guard<std::mutex> g(m_);
    balance_ += amount;
  }
  std::mutex &guard() { return m_; }
  long balance() const { return balance_; }

private:
  std::mutex m_;
  long balance_ = 0;
};

} // namespace bank

int main() {
  bank::Account acct;
  std::thread holder([&] {
    std::lock_guard<std::mutex> g(acct.guard());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  });
  // Wait until the holder owns the account's mutex.
  while (acct.guard().try_lock()) {
    acct.guard().unlock();
    std::this_thread::yield();
  }
  concur_measure("bank::Account::deposit", [&] { acct.deposit(5); });
  holder.join();
  std::fprintf(stderr, "%ld\n", acct.balance());
}
