#include <cstddef>
#include <cstdint>

// Folds `len` bytes into a 32-bit word, eight rounds of mixing per byte.
uint32_t fold(const uint8_t *data, size_t len, uint32_t seed) {
  uint32_t h = seed;
  for (size_t i = 0; i < len; ++i) {
    h ^= data[i];
    for (int r = 0; r < 8; ++r)
      h = (h >> 1) ^ (0xEDB88320u & (0u - (h & 1u)));
  }
  return h;
}
