"""Writes a C++ file to stdout: a coroutine 'serve' calls f0, f0 calls f1, ...,
f<N-1> calls recv. One function per line, callees first, so the call of
f<i+1> is on line N - i + 2 and the call of recv on line 3."""
import sys

n = int(sys.argv[1])
print("#include <sys/socket.h>")
print("#include <task.h>")
print(f"int f{n - 1}(int fd) {{ char buf[8]; return int(recv(fd, buf, sizeof buf, 0)); }}")
for i in range(n - 2, -1, -1):
    print(f"int f{i}(int fd) {{ return f{i + 1}(fd) + 1; }}")
print("task<> serve(int fd) {")
print("  int n = f0(fd);")
print("  (void)n;")
print("  co_return;")
print("}")
