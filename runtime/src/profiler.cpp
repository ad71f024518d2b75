// profiler.cpp - concur::profiler and the naming of coroutines by address.
#include "concur/profiler.hpp"

#include <cxxabi.h>
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <unistd.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <unordered_map>

#include "concur/detail/frame_name.hpp"
#include "concur/task.hpp"

namespace concur {
namespace detail {

std::atomic<bool> g_profile_on{false};

std::uint64_t now_ns() noexcept {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull + ts.tv_nsec;
}

std::uint64_t thread_cpu_now_ns() noexcept {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull + ts.tv_nsec;
}

namespace {
std::string demangle(const char* s) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> d(abi::__cxa_demangle(s, nullptr, nullptr, &status),
                                           std::free);
  return status == 0 && d ? std::string(d.get()) : std::string(s);
}

struct coro_stats {
  std::uint64_t calls = 0, wall = 0, cpu = 0, blocked = 0;
};

struct state {
  std::mutex mu;
  std::unordered_map<void*, coro_stats> coros;  // by resume function
  std::map<std::pair<std::string, std::string>, coro_stats> named;
  std::unordered_map<void*, std::string> names;
  std::string path;
};
state& st() {
  static auto* s = new state;  // never destroyed: used from atexit and late threads
  return *s;
}

struct env_init {
  env_init() {
    if (const char* p = std::getenv("CONCUR_PROFILE"); p && *p) {
      st().path = p;
      g_profile_on.store(true);
      std::atexit([] {
        try {
          profiler::write_json(st().path);
        } catch (const std::exception& e) {
          std::fprintf(stderr, "concur: cannot write profile: %s\n", e.what());
        }
      });
    }
  }
} g_env_init;
}  // namespace

namespace {
// Local symbols (a coroutine's resume function is one) are not in the
// dynamic symbol table: read the object's .symtab once.
struct elf_symbols {
  std::vector<std::pair<std::uintptr_t, std::pair<std::size_t, std::string>>> syms;  // sorted by value
  bool pie = false;
};
const elf_symbols& symbols_of(const std::string& file) {
  static std::mutex mu;
  static auto* cache = new std::map<std::string, elf_symbols>;
  std::lock_guard lk(mu);
  auto [it, inserted] = cache->try_emplace(file);
  if (!inserted) return it->second;
  std::ifstream f(file, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (data.size() < sizeof(ElfW(Ehdr))) return it->second;
  const auto* eh = reinterpret_cast<const ElfW(Ehdr)*>(data.data());
  if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_shoff == 0 ||
      eh->e_shoff + eh->e_shnum * sizeof(ElfW(Shdr)) > data.size())
    return it->second;
  it->second.pie = eh->e_type == ET_DYN;
  const auto* sh = reinterpret_cast<const ElfW(Shdr)*>(data.data() + eh->e_shoff);
  for (int i = 0; i < eh->e_shnum; ++i) {
    if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum) continue;
    const auto& strs = sh[sh[i].sh_link];
    if (sh[i].sh_offset + sh[i].sh_size > data.size() || strs.sh_offset + strs.sh_size > data.size()) continue;
    const auto* sym = reinterpret_cast<const ElfW(Sym)*>(data.data() + sh[i].sh_offset);
    const std::size_t n = sh[i].sh_size / sizeof(ElfW(Sym));
    for (std::size_t k = 0; k < n; ++k) {
      if (ELF64_ST_TYPE(sym[k].st_info) != STT_FUNC || sym[k].st_value == 0 || sym[k].st_name >= strs.sh_size) continue;
      it->second.syms.push_back({sym[k].st_value, {sym[k].st_size, data.data() + strs.sh_offset + sym[k].st_name}});
    }
  }
  std::sort(it->second.syms.begin(), it->second.syms.end());
  return it->second;
}
const char* symtab_lookup(const Dl_info& info, void* fn) {
  if (!info.dli_fname) return nullptr;
  std::string file = info.dli_fname;
  // The main program is reported by argv[0], which may be relative or gone.
  if (file.empty() || file[0] != '/' || ::access(file.c_str(), R_OK) != 0) file = "/proc/self/exe";
  const elf_symbols& es = symbols_of(file);
  std::uintptr_t addr = reinterpret_cast<std::uintptr_t>(fn);
  if (es.pie) addr -= reinterpret_cast<std::uintptr_t>(info.dli_fbase);
  auto it = std::upper_bound(es.syms.begin(), es.syms.end(), addr,
                             [](std::uintptr_t a, const auto& e) { return a < e.first; });
  if (it == es.syms.begin()) return nullptr;
  --it;
  if (addr >= it->first + std::max<std::size_t>(it->second.first, 1)) return nullptr;
  return it->second.second.c_str();
}
}  // namespace

std::string fn_name(void* fn) {
  Dl_info info{};
  const char* sname = nullptr;
  if (fn && dladdr(fn, &info)) {
    sname = info.dli_sname;
    if (!sname || info.dli_saddr != fn) {
      const char* local = symtab_lookup(info, fn);
      if (local) sname = local;
    }
  }
  if (sname) {
    std::string n = demangle(sname);
    for (const char* suffix : {" (.resume)", " (.destroy)", " [clone .actor]", " [clone .resume]"})
      if (auto pos = n.find(suffix); pos != std::string::npos) n.erase(pos);
    if (n.size() > 7 && n.compare(n.size() - 7, 7, ".resume") == 0) n.erase(n.size() - 7);
    if (n.size() > 6 && n.compare(n.size() - 6, 6, ".actor") == 0) n.erase(n.size() - 6);
    return n;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", fn);
  return buf;
}

std::string type_name(const std::type_info& ti) { return demangle(ti.name()); }

void profile_slice(void* fn, std::uint64_t wall_ns, std::uint64_t cpu_ns) noexcept {
  if (cpu_ns > wall_ns) cpu_ns = wall_ns;
  std::lock_guard lk(st().mu);
  auto& c = st().coros[fn];
  c.cpu += cpu_ns;
  c.blocked += wall_ns - cpu_ns;
}

void profile_task_end(void* fn, std::uint64_t start_ns) noexcept {
  const std::uint64_t wall = now_ns() - start_ns;
  std::lock_guard lk(st().mu);
  auto& c = st().coros[fn];
  c.calls += 1;
  c.wall += wall;
}
}  // namespace detail

void profiler::enable() noexcept { detail::g_profile_on.store(true); }
void profiler::disable() noexcept { detail::g_profile_on.store(false); }
bool profiler::enabled() noexcept { return detail::g_profile_on.load(std::memory_order_relaxed); }

void profiler::record(std::string_view name, std::string_view kind, std::uint64_t wall_ns,
                      std::uint64_t cpu_ns, std::uint64_t blocked_ns) {
  auto& s = detail::st();
  std::lock_guard lk(s.mu);
  auto& c = s.named[{std::string(name), std::string(kind)}];
  c.calls += 1;
  c.wall += wall_ns;
  c.cpu += cpu_ns;
  c.blocked += blocked_ns;
}

std::vector<profiler::entry> profiler::snapshot() {
  auto& s = detail::st();
  std::lock_guard lk(s.mu);
  std::map<std::pair<std::string, std::string>, detail::coro_stats> all = s.named;
  for (auto& [fn, c] : s.coros) {
    auto it = s.names.find(fn);
    if (it == s.names.end()) it = s.names.emplace(fn, detail::fn_name(fn)).first;
    auto& d = all[{it->second, "coroutine"}];
    d.calls += c.calls;
    d.wall += c.wall;
    d.cpu += c.cpu;
    d.blocked += c.blocked;
  }
  std::vector<entry> out;
  for (auto& [k, c] : all) out.push_back({k.first, k.second, c.calls, c.wall, c.cpu, c.blocked});
  return out;
}

void profiler::reset() {
  auto& s = detail::st();
  std::lock_guard lk(s.mu);
  s.coros.clear();
  s.named.clear();
}

namespace {
std::string json_escape(const std::string& in) {
  std::string o;
  for (char ch : in) {
    if (ch == '"' || ch == '\\') o += '\\', o += ch;
    else if (static_cast<unsigned char>(ch) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", ch);
      o += b;
    } else o += ch;
  }
  return o;
}
}  // namespace

// One key per function: a function measured under several kinds (a pool
// job that is also run as a process task) gets its figures summed and its
// kinds joined with '+', e.g. "process+thread". snapshot() is sorted by name.
std::string profiler::to_json() {
  std::vector<entry> merged;
  for (entry& e : snapshot()) {
    if (!merged.empty() && merged.back().name == e.name) {
      entry& m = merged.back();
      m.kind += "+" + e.kind;
      m.calls += e.calls;
      m.wall_ns += e.wall_ns;
      m.cpu_ns += e.cpu_ns;
      m.blocked_ns += e.blocked_ns;
    } else {
      merged.push_back(std::move(e));
    }
  }
  std::string o = "{\"version\":1,\"functions\":{";
  bool first = true;
  for (const entry& e : merged) {
    if (!first) o += ",";
    first = false;
    o += "\n  \"" + json_escape(e.name) + "\":{\"kind\":\"" + e.kind +
         "\",\"calls\":" + std::to_string(e.calls) + ",\"wall_ns\":" + std::to_string(e.wall_ns) +
         ",\"cpu_ns\":" + std::to_string(e.cpu_ns) + ",\"blocked_ns\":" + std::to_string(e.blocked_ns) + "}";
  }
  o += "\n}}\n";
  return o;
}

void profiler::write_json(const std::string& path) {
  std::ofstream f(path, std::ios::trunc);
  if (!f) throw std::system_error(errno, std::generic_category(), "concur::profiler: " + path);
  f << to_json();
  if (!f.flush()) throw std::system_error(errno, std::generic_category(), "concur::profiler: " + path);
}

profiler::scope::scope(std::string_view name) noexcept : name_(name) {
  if (enabled()) {
    wall0_ = detail::now_ns();
    cpu0_ = detail::thread_cpu_now_ns();
  }
}

profiler::scope::~scope() {
  if (wall0_ == 0) return;
  const auto wall = detail::now_ns() - wall0_;
  auto cpu = detail::thread_cpu_now_ns() - cpu0_;
  if (cpu > wall) cpu = wall;
  try {
    record(name_, "thread", wall, cpu, wall - cpu);
  } catch (...) {
  }
}

}  // namespace concur
