// Retry and spin loops: loops that go round again only when another thread
// interfered (a failed compare-and-swap, a failed try_lock), that wait for
// a flag another thread sets, or that hand a call all that remains and go
// round only when it did part of it (a short write). Their trip count is
// not a size of the data: uncontended they run once, contended they wait,
// so they are not computation (issue 9/10: CAS loops had been charged
// ~1000 iterations each).
#pragma once

namespace clang {
class ASTContext;
class Stmt;
} // namespace clang

namespace concur {

/// `loop` is a for/while/do loop whose condition is constant, absent or
/// itself an atomic operation, and whose condition or body (outside nested
/// loops) makes a compare-and-swap, test-and-set or try-lock, or whose
/// condition reads an atomic; or whose condition tests a remainder
/// (`left > 0`) that the body decreases by the result of a call given all
/// of it (`left -= write(fd, p, left)`).
bool isRetryLoop(const clang::Stmt *loop, clang::ASTContext &ctx);

} // namespace concur
