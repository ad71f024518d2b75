// Measurement harness for the labelled classification suite.
//
// Each program's main calls every function under test exactly once, through
// concur_measure, as that function would run alone:
//
//     concur_measure("ns::Widget::handle", [&] { w.handle(n); });      // C++
//     concur_measure("step", run_step, &args);                         // C
//
// It measures the wall time (steady clock) and the CPU time of the calling
// thread (CLOCK_THREAD_CPUTIME_ID) of that call, and the time the thread spent
// runnable but waiting for a core (the run-queue delay, from Linux's
// /proc/thread-self/schedstat; -1 when unavailable), and prints one JSON line
// on stdout:
//
//     {"function": "step", "wall_ms": 101.234, "cpu_ms": 0.512, "runq_ms": 0.020}
//
// The run-queue delay is what other programs on a busy machine add to the
// wall time; subtracting it gives the wall time the call would take alone.
//
// scripts/measure-classification runs the programs and turns these lines into
// tests/labelled/classify/labels.json. Only the calling thread's CPU counts:
// helper threads and child processes that a case starts (a peer that replies
// late, a child that sleeps) are the outside world the function waits for.
//
// The header works from C (a function pointer and an argument) and from C++
// (any callable). The programs write their own results to stderr, so stdout
// carries only the measurement lines.
#ifndef CONCUR_LABELLED_MEASURE_HPP
#define CONCUR_LABELLED_MEASURE_HPP

#include <stdio.h>
#include <time.h>

static inline double concur_measure_thread_cpu_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// Milliseconds this thread has spent on a run queue waiting for a CPU, or -1.
static inline double concur_measure_runq_ms(void) {
  FILE *f = fopen("/proc/thread-self/schedstat", "r");
  if (!f)
    return -1.0;
  unsigned long long run_ns = 0, wait_ns = 0;
  int n = fscanf(f, "%llu %llu", &run_ns, &wait_ns);
  fclose(f);
  return n == 2 ? (double)wait_ns / 1e6 : -1.0;
}

static inline void concur_measure_print(const char *name, double wall_ms,
                                        double cpu_ms, double runq0,
                                        double runq1) {
  double runq_ms = (runq0 < 0 || runq1 < 0) ? -1.0 : runq1 - runq0;
  printf("{\"function\": \"%s\", \"wall_ms\": %.6f, \"cpu_ms\": %.6f, "
         "\"runq_ms\": %.6f}\n",
         name, wall_ms, cpu_ms, runq_ms);
  fflush(stdout);
}

#ifdef __cplusplus

#include <chrono>
#include <type_traits>

template <class F> void concur_measure_invoke(F *body) { (*body)(); }

template <class F> void concur_measure(const char *name, F &&body) {
  // The body is called through a volatile function pointer: the compiler
  // cannot see what it does, so it cannot move a pure computation (a
  // recursive calc(38) whose result is only stored afterwards) out of the
  // timed interval, nor fold it into main.
  using Body = std::remove_reference_t<F>;
  void (*volatile invoke)(Body *) = &concur_measure_invoke<Body>;
  // The CPU interval is nested inside the wall interval, so that the cost of
  // reading the clocks never makes cpu exceed wall.
  const double runq0 = concur_measure_runq_ms();
  const auto wall0 = std::chrono::steady_clock::now();
  const double cpu0 = concur_measure_thread_cpu_ms();
  invoke(&body);
  const double cpu1 = concur_measure_thread_cpu_ms();
  const auto wall1 = std::chrono::steady_clock::now();
  const double runq1 = concur_measure_runq_ms();
  const double wall_ms =
      std::chrono::duration<double, std::milli>(wall1 - wall0).count();
  concur_measure_print(name, wall_ms, cpu1 - cpu0, runq0, runq1);
}

#else

static inline double concur_measure_wall_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline void concur_measure(const char *name, void (*body)(void *),
                                  void *arg) {
  void (*volatile invoke)(void *) = body; /* opaque to the optimiser */
  const double runq0 = concur_measure_runq_ms();
  const double wall0 = concur_measure_wall_ms();
  const double cpu0 = concur_measure_thread_cpu_ms();
  invoke(arg);
  const double cpu1 = concur_measure_thread_cpu_ms();
  const double wall1 = concur_measure_wall_ms();
  const double runq1 = concur_measure_runq_ms();
  concur_measure_print(name, wall1 - wall0, cpu1 - cpu0, runq0, runq1);
}

#endif

#endif // CONCUR_LABELLED_MEASURE_HPP
