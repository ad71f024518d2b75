// concur/pipe.hpp - an anonymous pipe whose ends are awaited from coroutines.
//
// Thread safety, blocking, cancellation: as stream_fd.
// Exceptions: create() throws std::system_error.
//
//   auto p = concur::pipe::create();
//   co_await p.writer.write_all("line\n");
//   p.writer.close();
//   std::string all = co_await p.reader.read_to_end();
#pragma once

#include "concur/stream_fd.hpp"

namespace concur {

struct pipe {
  stream_fd reader;
  stream_fd writer;
  /// pipe2(O_CLOEXEC | O_NONBLOCK).
  static pipe create();
};

}  // namespace concur
