// An abstract Stage with three implementations (a pass-through, a sampler and
// a mixer that does many rounds of integer mixing). The function under test
// calls through a Stage reference; main passes it the mixer.
#include "../measure.hpp"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

namespace pipeline {

struct Stage {
  virtual ~Stage() = default;
  virtual uint64_t run(const std::vector<uint32_t> &data) = 0;
};

struct Passthrough : Stage {
  uint64_t run(const std::vector<uint32_t> &data) override { return data.size(); }
};

struct Sampler : Stage {
  explicit Sampler(size_t stride) : stride(stride) {}
  uint64_t run(const std::vector<uint32_t> &data) override {
    return data.empty() ? 0 : data[stride % data.size()];
  }
  size_t stride;
};

struct Mixer : Stage {
  explicit Mixer(int rounds) : rounds(rounds) {}
  uint64_t run(const std::vector<uint32_t> &data) override {
    uint64_t acc = 0;
    for (int r = 0; r < rounds; ++r)
      for (uint32_t v : data) {
        uint64_t x = v ^ acc;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdull;
        x ^= x >> 33;
        acc += x;
      }
    return acc;
  }
  int rounds;
};

uint64_t apply(Stage &stage, const std::vector<uint32_t> &data) {
  const uint64_t out = stage.run(data);
  return out ^ data.size();
}

} // namespace pipeline

int main() {
  std::vector<uint32_t> data(2'000'000);
  for (size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<uint32_t>(i * 2654435761u);
  std::vector<std::unique_ptr<pipeline::Stage>> stages;
  stages.push_back(std::make_unique<pipeline::Passthrough>());
  stages.push_back(std::make_unique<pipeline::Sampler>(17));
  stages.push_back(std::make_unique<pipeline::Mixer>(30));
  uint64_t r = 0;
  concur_measure("pipeline::apply", [&] { r = pipeline::apply(*stages[2], data); });
  std::fprintf(stderr, "%llu\n", static_cast<unsigned long long>(r));
}
