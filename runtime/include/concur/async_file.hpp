// concur/async_file.hpp - whole-file reads and writes that never block the
// loop: the blocking calls run on the blocking pool (see to_thread.hpp).
//
// Thread safety: any loop, any number of concurrent calls.
// Blocking: never blocks the loop. Cancellation: none once started.
// Exceptions: std::system_error (e.g. ENOENT) rethrown on the loop.
//
//   std::string conf = co_await concur::async_file::read_all("app.conf");
//   co_await concur::async_file::write_all("out.txt", conf);
#pragma once

#include <string>

#include "concur/task.hpp"

namespace concur::async_file {

task<std::string> read_all(std::string path);
/// Replaces the file's contents (created with mode 0644 if missing).
task<void> write_all(std::string path, std::string data);
/// Appends to the file.
task<void> append(std::string path, std::string data);

}  // namespace concur::async_file
