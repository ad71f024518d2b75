/* C: sets up a few globals, once. */
#include "../measure.hpp"

static int ready;
static int limit;
static const char *mode;

void init(void *arg) {
  (void)arg;
  ready = 1;
  limit = 64;
  mode = "default";
}

int main(void) {
  concur_measure("init", init, NULL);
  fprintf(stderr, "%d %d %s\n", ready, limit, mode);
  return 0;
}
