// concur/detail/frame_name.hpp - names a coroutine or function by its code
// address (dladdr + demangling), for the profiler and the stall monitor.
#pragma once

#include <cstdint>
#include <string>
#include <typeinfo>

namespace concur::detail {

/// The resume function of a coroutine frame (first word in GCC's and Clang's ABI).
inline void* frame_fn(void* frame) noexcept { return *static_cast<void**>(frame); }
/// "handle(int)" for a coroutine's resume function or any function address;
/// "0x..." when the symbol is not exported (link with -rdynamic).
std::string fn_name(void* fn);
/// Demangled type name (used for lambdas and function objects).
std::string type_name(const std::type_info& ti);

void profile_slice(void* fn, std::uint64_t wall_ns, std::uint64_t cpu_ns) noexcept;

}  // namespace concur::detail
