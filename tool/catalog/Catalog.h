// The API catalogue: what the analyser knows about library functions.
//
// Knowledge about APIs is data (rules/catalog/*.yaml, user files through
// --catalog / `Catalogs:`); this class loads it with positions for errors and
// answers "what does calling this function do?".
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace re2 {
class RE2;
}

namespace concur {

enum Effect : uint32_t {
  EffectIo = 1u << 0,
  EffectCpu = 1u << 1,
  EffectBlocking = 1u << 2,
  EffectWait = 1u << 3,
  EffectLock = 1u << 4,
  EffectUnlock = 1u << 5,
  EffectMtUnsafe = 1u << 6,
  EffectSpawnThread = 1u << 7,
  EffectSpawnProcess = 1u << 8,
  EffectSuspend = 1u << 9,
  EffectOffload = 1u << 10,
  /// co_await of the awaitable moves the coroutine to a pool's worker
  /// thread: what follows runs there, not on the event loop.
  EffectResumeOnPool = 1u << 11,
  /// co_await of the awaitable moves the coroutine (back) to an event loop.
  EffectResumeOnLoop = 1u << 12,
  /// A coroutine task passed to the call starts on a pool's worker thread
  /// (`pool.spawn(make_task())`): its body runs there, not on an event loop.
  EffectStartOnPool = 1u << 13,
  /// The call does real work only on a rare path: a test framework's
  /// assertion, which reports (formats, writes, checks for a debugger) only
  /// when it fails. Charged as one library call; its body is not walked.
  EffectCold = 1u << 14,
  /// An awaitable that acquires a coroutine mutex (`co_await m.scoped_lock()`):
  /// the coroutine suspends only while another one holds it, a critical
  /// section rather than I/O. Charged as a lock acquisition. Not `lock`: an
  /// async mutex is meant to be held across co_await.
  EffectAsyncLock = 1u << 15,
};

/// Parses an effect name as written in the catalogue ('mt-unsafe').
std::optional<Effect> parseEffect(const std::string &name);
/// Names of every effect set in a mask, in declaration order.
std::vector<std::string> effectNames(uint32_t effects);

struct ApiEntry {
  static constexpr int NoArg = -1;
  static constexpr int AnyArg = -2;

  std::string match;   // exact qualified name, or empty when `regex` is used
  std::string pattern; // the regex source, for messages
  /// RE2, not std::regex: a user's pattern matches in time linear in the
  /// name, whatever it is ('(a+)+$' cannot hang a run).
  std::shared_ptr<const re2::RE2> regex;
  std::string regexPrefix; // literal text every match starts with: a cheap filter before the regex
  uint32_t effects = 0;
  std::string category;
  std::string description;
  std::vector<std::string> onTypes;
  std::vector<std::string> nonblockingFlags;
  std::vector<std::string> deferredBy; // guard constructor tags that do not lock
  /// The entry applies only to calls on these global objects ('::std::cin'):
  /// the object of a member call or the first argument of a free function.
  std::vector<std::string> onObjects;
  /// Effects added when the call's result is discarded (a std::async
  /// future destroyed at once waits for the task).
  uint32_t effectsIfDiscarded = 0;
  /// Flags that, written in the call's own arguments, make it non-blocking
  /// (flock(fd, LOCK_EX | LOCK_NB)).
  std::vector<std::string> nonblockingArgFlags;
  int callableArg = NoArg;
  int mutexArg = NoArg;
  int durationArg = NoArg;
  double durationUnitNs = 0;
  std::string asyncAlternative;
  /// No readiness-based form exists (a regular file, fsync, a path's
  /// metadata): an event loop can only hand the call to a thread, so code
  /// that is not a coroutine is advised threads (the decision table's
  /// "APIs that only block").
  bool onlyBlocks = false;
  std::string safeAlternative;
  std::string source;
  // Where the entry was written, for messages.
  std::string file;
  unsigned line = 0;

  bool has(uint32_t effect) const { return (effects & effect) != 0; }
  /// Can put the thread to sleep. A lock entry without `blocking` (try_lock)
  /// does not.
  bool blocks() const { return has(EffectBlocking | EffectWait); }
};

struct CallSite;
/// The effects of one call of `api`, refined by what the call site shows
/// (a discarded result, a non-blocking flag among its arguments).
uint32_t callEffects(const ApiEntry &api, const CallSite &call);

struct CatalogError {
  std::string file;
  unsigned line = 0, column = 0;
  std::string message;
  std::string str() const;
};

class Catalog {
public:
  /// Loads one file; on error returns false and appends to `errors`, leaving
  /// the catalogue unchanged. Entries of later files take precedence.
  bool loadFile(const std::string &path, std::vector<CatalogError> &errors);
  /// Loads every *.yaml in a directory, in name order.
  bool loadDirectory(const std::string &dir, std::vector<CatalogError> &errors);
  /// Loads the bundled catalogues: next to the installed binary
  /// (../share/concur/catalog) or, in a build tree, the source tree's
  /// rules/catalog. A missing or empty directory is an error naming where it
  /// looked.
  bool loadBundled(std::vector<CatalogError> &errors);

  /// The entry describing a call to `name` (normalised qualified name) whose
  /// object or first argument has the given class types; null if none.
  /// Thread-safe.
  const ApiEntry *lookup(const std::string &name, const std::vector<std::string> &receiverTypes,
                         const std::string &receiverObject = {}) const;

  size_t size() const { return entries_.size(); }

private:
  const std::vector<const ApiEntry *> &candidates(const std::string &name) const;

  std::vector<std::unique_ptr<ApiEntry>> entries_; // newest last

  mutable std::mutex cacheMutex_;
  mutable std::unordered_map<std::string, std::vector<const ApiEntry *>> cache_;
};

} // namespace concur
