#include "classify/Decision.h"

namespace concur {

namespace {

/// "'strtok' and 'rand'": the non-thread-safe calls a rationale names.
std::string unsafeCalls(const DecisionFacts &facts) {
  if (facts.mtUnsafeNames.empty())
    return "functions that are not thread-safe";
  std::string list;
  for (size_t i = 0; i < facts.mtUnsafeNames.size(); ++i) {
    if (i > 0)
      list += i + 1 == facts.mtUnsafeNames.size() ? " and " : ", ";
    list += "'" + facts.mtUnsafeNames[i] + "'";
  }
  return list;
}

/// A coroutine with heavy synchronous work stays a coroutine: it offloads
/// that work, to a thread, or to a process when the work touches
/// process-global state that is not thread-safe.
Decision decideCoroutineCpu(const DecisionFacts &facts) {
  const std::string what = facts.heaviest.empty() ? "the computation" : facts.heaviest;
  if (facts.cpuOnPool && !facts.mtUnsafe)
    return {Recommendation::Threads, "CPU-bound, and it already runs on a thread pool (the coroutine moved there "
                                     "with co_await before its computation): keep it there; split " + what +
                                     " with concur::parallel_for when it is large"};
  if (facts.mtUnsafe)
    return {Recommendation::Async, "CPU-heavy work inside a coroutine blocks its event loop, and it calls " +
                                       unsafeCalls(facts) + ": offload " + what +
                                       " to a concur::process_pool (co_await pool.submit(...)), where each "
                                       "worker has its own copy of that state"};
  return {Recommendation::Async, "CPU-heavy work inside a coroutine blocks its event loop: keep the coroutine and "
                                 "offload " + what + " with co_await concur::to_thread(...) or a thread pool"};
}

Decision decideIo(const DecisionFacts &facts) {
  if (facts.waitsOnOthers && !facts.coroutine)
    return {Recommendation::Threads,
            "its time goes to waiting for other threads or processes (joins, futures, "
            "condition variables): the work it waits for is where concurrency pays; keep "
            "it on threads, or await concur futures from a coroutine"};
  if (facts.waitsWithoutAsync && !facts.coroutine)
    return {Recommendation::Threads, "waits on I/O through APIs that only block: a pool of threads sized for "
                                     "waiting hides the latency (an event loop would stall)"};
  if (facts.structor && !facts.coroutine)
    return {Recommendation::Threads, "its time goes to waiting, and a constructor or destructor cannot be a "
                                     "coroutine: let the objects be made and destroyed on a thread that may "
                                     "block, or move the wait into a function its owner can co_await"};
  return {Recommendation::Async, facts.waitsRepeat
                                     ? "waits on I/O many times: run the waits concurrently on an event loop "
                                       "(concur::gather); threads would also work at a higher cost per wait"
                                     : "its time goes to waiting: as a coroutine on an event loop it frees the "
                                       "thread while it waits"};
}

Decision decideCpu(const DecisionFacts &facts) {
  if (facts.coroutine)
    return decideCoroutineCpu(facts);
  if (facts.mtUnsafe)
    return {Recommendation::Processes, "CPU-bound and calls " + unsafeCalls(facts) +
                                           " on its hot path, which are not thread-safe: run it on a "
                                           "concur::process_pool, where each worker has its own copy of that state"};
  if (facts.generator)
    return {Recommendation::Threads, "CPU-bound generator: its body runs on the thread that iterates it, one "
                                     "step per element, so it cannot offload itself; run the loop that consumes "
                                     "it on a thread pool (concur::parallel_for over independent parts)"};
  if (facts.forkJoin)
    return {Recommendation::Threads, "CPU-bound, and already split over threads it starts and joins (fork-join): "
                                     "keep threads; a concur::thread_pool with parallel_for spares a thread start "
                                     "per part and sizes the split to the cores"};
  if (!facts.splittable)
    return {Recommendation::Threads, "CPU-bound, but it has no loop of independent iterations to split (its "
                                     "work is a sequence of dependent steps, or lies in what it calls): run "
                                     "independent calls of it in parallel on a concur::thread_pool"};
  return {Recommendation::Threads, "CPU-bound: run independent parts in parallel on a thread pool "
                                   "(concur::parallel_for); threads share memory at no copying cost"};
}

} // namespace

Decision decide(WorkKind kind, const DecisionFacts &facts) {
  switch (kind) {
  case WorkKind::Neutral:
    return {Recommendation::None, "too little work either way to gain from concurrency"};
  case WorkKind::Io:
    return decideIo(facts);
  case WorkKind::Cpu:
    return decideCpu(facts);
  case WorkKind::Mixed:
    if (facts.mtUnsafe)
      return {Recommendation::Processes, "I/O mixed with computation that calls " + unsafeCalls(facts) +
                                             " on its hot path, which are not thread-safe: worker processes isolate "
                                             "that state"};
    return {Recommendation::Threads, "I/O mixed with computation: on a thread pool the computation of one "
                                     "item overlaps the waits of the others"};
  }
  return {};
}

} // namespace concur
