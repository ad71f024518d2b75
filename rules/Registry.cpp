// The list of checks. scripts/new-check adds one line per check here.
#include "checks/Check.h"

#include "rules/BlockingInCoroutine.h"
#include "rules/LockAcrossSuspend.h"
#include "rules/CpuInEventLoop.h"
#include "rules/Advice.h"
// CHECK-INCLUDES (scripts/new-check inserts includes above this line)

#include <algorithm>

namespace concur {

const std::vector<CheckInfo> &checkRegistry() {
  static const std::vector<CheckInfo> registry = [] {
    std::vector<CheckInfo> checks = {
        BlockingInCoroutineCheck::info(),
        LockAcrossSuspendCheck::info(),
        CpuInEventLoopCheck::info(),
        AdviceCheck::info(),
        // CHECK-REGISTRATIONS (scripts/new-check inserts registrations above this line)
    };
    std::sort(checks.begin(), checks.end(),
              [](const CheckInfo &a, const CheckInfo &b) { return std::string(a.name) < b.name; });
    return checks;
  }();
  return registry;
}

} // namespace concur
