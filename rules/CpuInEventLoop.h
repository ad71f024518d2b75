// concur-cpu-in-event-loop: CPU-heavy work executed synchronously inside a coroutine, on the event loop.
#pragma once

#include "checks/Check.h"

namespace concur {

class CpuInEventLoopCheck : public Check {
public:
  static CheckInfo info();
  void run(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace concur
