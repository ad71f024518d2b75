#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include "../loop.hpp"

static std::string got;

lp::task handle(const char* path) {
  co_await lp::sleep_ms(1);
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  got = s;
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
    (void)!write(fd, "line\n", 5);
    close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  lp::measure(handle(path));
  w.join();
  unlink(path);
  return got == "line" ? 0 : 1;
}
