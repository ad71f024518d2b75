/* C: splits a large text into words with strtok, several times. */
#include "../measure.hpp"

#include <stdlib.h>
#include <string.h>

struct text {
  const char *src;
  size_t len;
  long words;
};

void tokenize(void *arg) {
  struct text *t = (struct text *)arg;
  char *copy = malloc(t->len + 1);
  for (int pass = 0; pass < 30; pass++) {
    memcpy(copy, t->src, t->len + 1);
    for (char *w = strtok(copy, " ,.\n"); w; w = strtok(NULL, " ,.\n"))
      t->words += (long)strlen(w);
  }
  free(copy);
}

int main(void) {
  const char *phrase = "the quick brown fox, jumps over. the lazy dog\n";
  size_t plen = strlen(phrase);
  size_t reps = 100000;
  char *src = malloc(plen * reps + 1);
  for (size_t i = 0; i < reps; i++)
    memcpy(src + i * plen, phrase, plen);
  src[plen * reps] = '\0';
  struct text t = {src, plen * reps, 0};
  concur_measure("tokenize", tokenize, &t);
  fprintf(stderr, "%ld\n", t.words);
  free(src);
  return 0;
}
