// A dispatcher holding four std::function handlers that main registers; the
// function under test calls each once for one event.
#include "../measure.hpp"

#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ev {

struct Event {
  int code = 0;
  std::string source;
  int seen = 0;
};

class Dispatcher {
public:
  void add(std::function<void(Event &)> h) { handlers_.push_back(std::move(h)); }
  int run(Event &e);

private:
  std::vector<std::function<void(Event &)>> handlers_;
};

int Dispatcher::run(Event &e) {
  for (auto &h : handlers_)
    h(e);
  return e.seen;
}

} // namespace ev

int main() {
  ev::Dispatcher d;
  int logged = 0;
  d.add([&](ev::Event &e) { ++e.seen; logged += e.code; });
  d.add([](ev::Event &e) { e.seen += e.source.size() > 3 ? 2 : 1; });
  d.add([](ev::Event &e) { if (e.code > 100) ++e.seen; });
  d.add([](ev::Event &e) { e.source += "!"; ++e.seen; });
  ev::Event e{404, "http"};
  int r = 0;
  concur_measure("ev::Dispatcher::run", [&] { r = d.run(e); });
  std::fprintf(stderr, "%d %d %s\n", r, logged, e.source.c_str());
}
