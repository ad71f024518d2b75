// concur-advice: Where concurrency pays, how to get it with the concur runtime: gather, parallel_for, a process pool.
#pragma once

#include "checks/Check.h"

namespace concur {

class AdviceCheck : public Check {
public:
  static CheckInfo info();
  void run(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace concur
