// A supervisor reaps three worker processes that main forks (they exit after
// 60, 90 and 120 ms with different codes) with waitpid, one after another.
#include "../measure.hpp"

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace svc {

class Supervisor {
public:
  void add(pid_t pid) { children_.push_back(pid); }
  int reap();

private:
  std::vector<pid_t> children_;
};

int Supervisor::reap() {
  int failures = 0;
  for (pid_t pid : children_) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
      return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      ++failures;
  }
  children_.clear();
  return failures;
}

} // namespace svc

int main() {
  svc::Supervisor sup;
  const int delays_ms[] = {60, 90, 120};
  for (int i = 0; i < 3; ++i) {
    pid_t pid = fork();
    if (pid == 0) {
      usleep(static_cast<useconds_t>(delays_ms[i]) * 1000);
      _exit(i);
    }
    sup.add(pid);
  }
  int r = 0;
  concur_measure("svc::Supervisor::reap", [&] { r = sup.reap(); });
  std::fprintf(stderr, "%d\n", r);
}
