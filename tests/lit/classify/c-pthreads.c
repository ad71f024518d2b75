// C files are analysed as well as C++: pthreads spawn sites, mutexes, the
// kinds of their functions.
// RUN: %concur check --format=json --quiet %s -- -std=c11 -pthread > %t.json
// RUN: %json-query functions %t.json | FileCheck %s --match-full-lines

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

// CHECK: worker cpu threads
static void *worker(void *arg) {
  long acc = 0;
  for (long i = 0; i < 50000000; ++i)
    acc += i % 7;
  pthread_mutex_lock(&lock);
  total += acc;
  pthread_mutex_unlock(&lock);
  return arg;
}

// The spawner starts workers that compute and joins them (fork-join): its
// process runs on four cores, so it is cpu; the joins are not I/O.
// CHECK-NEXT: main cpu threads
int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, worker, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  sleep(0);
  return 0;
}
