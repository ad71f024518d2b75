#include <cstdint>
#include <string>
#include "../loop.hpp"

static uint64_t out;

lp::task handle(const std::string& body) {
  co_await lp::sleep_ms(2);
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  out = h;
  co_await lp::sleep_ms(2);
}

int main() {
  std::string body;
  for (int i = 0; i < 2000000; ++i) {
    body += "GET /items/";
    body += std::to_string(i);
    body += " HTTP/1.1\r\nHost: example\r\n";
  }
  lp::measure(handle(body));
  return out == 0 ? 1 : 0;
}
