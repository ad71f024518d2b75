#include <unistd.h>

int load(int key) {
  usleep(30000);
  return key + 1;
}

long crunch(int value) {
  unsigned long x = static_cast<unsigned long>(value) * 0x9E3779B97F4A7C15ul | 1;
  long acc = 0;
  for (long i = 0; i < 12'000'000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    acc += static_cast<long>(x % 1000003);
  }
  return acc;
}
