// concur/concur.hpp - the umbrella header of the concur:: runtime.
//
// Async:      task, run, event_loop, spawn, sleep_for, sleep_until, yield,
//             gather, when_all, when_any, semaphore, channel, to_thread,
//             net::{tcp_stream, tcp_listener, connect, udp_socket,
//             unix_stream, unix_listener, resolve, endpoint}, pipe,
//             process::{spawn, child, run}, signal_set, async_file.
// Threads:    thread_pool, future, parallel_for.
// Processes:  process_pool, serialize.
// Measuring:  profiler, event_loop::stall_report.
#pragma once

#include "concur/async_file.hpp"
#include "concur/channel.hpp"
#include "concur/endpoint.hpp"
#include "concur/errors.hpp"
#include "concur/event_loop.hpp"
#include "concur/future.hpp"
#include "concur/gather.hpp"
#include "concur/pipe.hpp"
#include "concur/process.hpp"
#include "concur/process_pool.hpp"
#include "concur/profiler.hpp"
#include "concur/semaphore.hpp"
#include "concur/serialize.hpp"
#include "concur/signal_set.hpp"
#include "concur/stream_fd.hpp"
#include "concur/task.hpp"
#include "concur/tcp.hpp"
#include "concur/thread_pool.hpp"
#include "concur/to_thread.hpp"
#include "concur/udp.hpp"
#include "concur/unix_socket.hpp"
