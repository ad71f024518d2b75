// concur-blocking-in-coroutine: a call that can block the thread, directly or through a chain of calls, inside a coroutine.
#pragma once

#include "checks/Check.h"

namespace concur {

class BlockingInCoroutineCheck : public Check {
public:
  static CheckInfo info();
  void run(const CheckContext &ctx, std::vector<Finding> &out) const override;
};

} // namespace concur
