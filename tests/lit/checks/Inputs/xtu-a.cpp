int b(int fd);
int a(int fd) { return b(fd) * 2; }
