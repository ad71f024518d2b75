#include "fetch.h"

#include <sys/socket.h>
#include <unistd.h>

namespace demo {

std::string read_record(int fd) {
  unsigned char header[4];
  if (recv(fd, header, sizeof header, MSG_WAITALL) != sizeof header)
    return {};
  std::string body(header[0] | header[1] << 8, '\0');
  recv(fd, body.data(), body.size(), MSG_WAITALL);
  return body;
}

std::vector<std::string> read_all(const std::vector<int> &fds) {
  std::vector<std::string> out;
  for (int fd : fds)
    out.push_back(read_record(fd));
  return out;
}

} // namespace demo
