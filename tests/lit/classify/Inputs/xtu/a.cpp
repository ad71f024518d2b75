// Only calls a helper from another translation unit, in a loop.
long helper(int fd);

long step(int fd) {
  long total = 0;
  for (int i = 0; i < 50; ++i)
    total += helper(fd);
  return total;
}
