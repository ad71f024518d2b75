#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <chrono>
#include <thread>
#include "../loop.hpp"

static char got;

lp::task step(const char* path) {
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  if (fd < 0) co_return;
  char buf[8];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      got = buf[0];
      break;
    }
    co_await lp::sleep_ms(1);
  }
  close(fd);
}

int main() {
  char path[] = "/tmp/concur-lbl-fifo-XXXXXX";
  int tmp = mkstemp(path);
  close(tmp);
  unlink(path);
  if (mkfifo(path, 0600) != 0) return 2;
  std::thread w([&] {
    int fd = open(path, O_WRONLY);
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    (void)!write(fd, "f", 1);
    close(fd);
  });
  lp::measure(step(path));
  w.join();
  unlink(path);
  return got == 'f' ? 0 : 1;
}
