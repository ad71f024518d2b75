// Waits n times; n comes from main.
#include "../measure.hpp"

#include <cstdio>
#include <unistd.h>

long work(int n) {
  long done = 0;
  int i = 0;
  do {
    usleep(20000);
    done += i;
    ++i;
  } while (i < n);
  return done;
}

int main() {
  long r = 0;
  concur_measure("work", [&] { r = work(5); });
  std::fprintf(stderr, "%ld\n", r);
}
