// concur-lock-across-suspend: a lock held while the coroutine suspends at co_await or co_yield.
#pragma once

#include "checks/Check.h"

namespace concur {

class LockAcrossSuspendCheck : public Check {
public:
  static CheckInfo info();
  void run(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace concur
