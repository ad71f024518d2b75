/* C: joins worker threads that pause before finishing. */
#include "../measure.hpp"

#include <pthread.h>
#include <unistd.h>

#define WORKERS 3

static void *body(void *arg) {
  usleep(100000);
  return arg;
}

struct group {
  pthread_t ids[WORKERS];
  long done;
};

void finish(void *arg) {
  struct group *g = (struct group *)arg;
  for (int i = 0; i < WORKERS; i++) {
    void *ret;
    pthread_join(g->ids[i], &ret);
    g->done += (long)ret;
  }
}

int main(void) {
  struct group g = {.done = 0};
  for (long i = 0; i < WORKERS; i++)
    pthread_create(&g.ids[i], NULL, body, (void *)i);
  concur_measure("finish", finish, &g);
  fprintf(stderr, "%ld\n", g.done);
  return 0;
}
