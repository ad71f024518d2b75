// Profile entries name functions as the demangler prints their symbols;
// they match the functions concur names by qualified name.
// RUN: %concur check --format=json --quiet --profile=%S/Inputs/names.json %s -- %mockflags > %t.json
// RUN: %json-query measured %t.json | FileCheck %s --match-full-lines
// RUN: %json-query profile %t.json | FileCheck %s --check-prefix=PROFILE

#include <string>
#include <vector>

namespace app {

// Overloads told apart by their number of parameters.
// CHECK: app::parse cpu 7 {{.*}}
// CHECK-NEXT: app::parse io 11 {{.*}}
long parse(const std::string &text) { return long(text.size()); }
long parse(const char *text, int length) { return text[0] + length; }

// Overloads with as many parameters: one name, so both get the sum.
struct Codec {
  // CHECK-NEXT: app::Codec::encode cpu 11 {{.*}}
  long encode(int x) const { return x * 3; }
  // CHECK-NEXT: app::Codec::encode cpu 11 {{.*}}
  long encode(double x) const { return long(x * 3); }
};

// A member with a ref-qualifier, measured as a coroutine and as a pool job
// (two entries under one name: summed).
struct Server {
  // CHECK-NEXT: app::Server::handle io 5 {{.*}}
  void handle(int fd) const &;
};
void Server::handle(int fd) const & { (void)fd; }

// A function template (the demangler adds the return type and the
// template arguments) and a member of a class template.
// CHECK-NEXT: app::sum cpu 13 {{.*}}
template <class T> T sum(const std::vector<T> &v) {
  T acc{};
  for (const T &x : v)
    acc += x;
  return acc;
}
template <class T> struct Box {
  // CHECK-NEXT: app::Box<int>::get mixed 17 {{.*}}
  T get() const { return value; }
  T value{};
};

namespace {
// CHECK-NEXT: app::(anonymous namespace)::hidden cpu 19 {{.*}}
int hidden(int x) { return x + 1; }
} // namespace

// Lambdas: clang's '$_0' matches the only lambda of its function; Itanium's
// '{lambda(int)#2}' the second lambda taking one parameter.
int run(int n) {
  // CHECK-NEXT: app::run::(lambda at {{.*}}names.cpp:[[@LINE+1]]:{{[0-9]+}}) io 23 {{.*}}
  auto add = [n](int y) { return y + n; };
  // CHECK-NEXT: app::run::(lambda at {{.*}}names.cpp:[[@LINE+1]]:{{[0-9]+}}) cpu 29 {{.*}}
  auto twice = [n](int y) { return 2 * y - n; };
  return add(1) + twice(2);
}
int solo() {
  // CHECK-NEXT: app::solo::(lambda at {{.*}}names.cpp:[[@LINE+1]]:{{[0-9]+}}) cpu 31 {{.*}}
  auto only = [](long y) { return int(y); };
  return only(3);
}

} // namespace app

int main() {
  app::Box<int> box;
  std::vector<int> v;
  app::Server server;
  server.handle(0);
  return int(app::parse(std::string()) + app::parse("x", 1) + app::Codec().encode(1) +
             app::Codec().encode(1.0) + app::sum(v) + box.get() + app::hidden(1) + app::run(2) + app::solo());
}

// Not analysed here: the runtime's own functions, std, a symbol-less address.
// PROFILE: matched 12 unmatched 3
