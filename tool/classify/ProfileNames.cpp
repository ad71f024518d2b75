#include "classify/ProfileNames.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace concur {

namespace {

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

/// Length of the operator name at `i` ('operator<<', 'operator()'), 0 if
/// there is none. 'operator bool' and 'operator new' end at the keyword.
size_t operatorLength(std::string_view s, size_t i) {
  constexpr std::string_view keyword = "operator";
  if (s.substr(i, keyword.size()) != keyword || (i > 0 && isIdentChar(s[i - 1])))
    return 0;
  size_t j = i + keyword.size();
  if (j < s.size() && isIdentChar(s[j]))
    return 0; // 'operators'
  if (s.substr(j, 2) == "()" || s.substr(j, 2) == "[]")
    return j + 2 - i;
  while (j < s.size() && std::string_view("+-*/%^&|~!=<>,").find(s[j]) != std::string_view::npos)
    ++j;
  return j - i;
}

/// `s` with the symbols of operator names replaced by '#', so that the
/// '<' of 'operator<' or the '()' of 'operator()' are not taken for
/// brackets. Same length as `s`: positions carry over.
std::string maskOperators(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < s.size(); ++i)
    if (size_t n = operatorLength(s, i)) {
      std::fill(out.begin() + i + 8, out.begin() + i + n, '#');
      i += n - 1;
    }
  return out;
}

int bracketDelta(char c) {
  if (c == '(' || c == '<' || c == '[' || c == '{')
    return 1;
  if (c == ')' || c == '>' || c == ']' || c == '}')
    return -1;
  return 0;
}

/// Removes what follows a function's name in a demangled symbol and does
/// not name it: ' const', ' &&', '[abi:cxx11]', ' [clone .cold]', ' (.resume)'.
std::string stripDecorations(std::string_view name) {
  std::string s(name);
  for (size_t at; (at = s.find("[abi:")) != std::string::npos;) {
    size_t close = s.find(']', at);
    s.erase(at, close == std::string::npos ? std::string::npos : close - at + 1);
  }
  for (bool changed = true; changed;) {
    changed = false;
    std::string_view t = trim(s);
    if (endsWith(t, "]") && t.rfind(" [clone ") != std::string_view::npos)
      t = t.substr(0, t.rfind(" [clone ")), changed = true;
    if (endsWith(t, ")") && t.rfind(" (.") != std::string_view::npos && t.rfind(" (.") + 1 == t.rfind('('))
      t = t.substr(0, t.rfind(" (.")), changed = true;
    for (std::string_view q : {" const", " volatile", " restrict", " noexcept", " &&", " &"})
      if (endsWith(t, q))
        t.remove_suffix(q.size()), changed = true;
    s = std::string(t);
  }
  return s;
}

/// Splits 'f(int, char)' into 'f' and 'int, char'; false when `s` does not
/// end with a parameter list.
bool splitParameters(const std::string &s, std::string &name, std::string &params) {
  const std::string masked = maskOperators(s);
  if (masked.empty() || masked.back() != ')')
    return false;
  int depth = 0;
  for (size_t i = masked.size(); i-- > 0;) {
    if (masked[i] == ')')
      ++depth;
    else if (masked[i] == '(' && --depth == 0) {
      if (i == 0)
        return false; // '(anonymous namespace)' alone is no parameter list
      name = s.substr(0, i);
      params = s.substr(i + 1, s.size() - i - 2);
      return true;
    }
  }
  return false;
}

int countParameters(std::string_view params) {
  params = trim(params);
  if (params.empty() || params == "void")
    return 0;
  const std::string masked = maskOperators(params);
  int depth = 0, count = 1;
  for (char c : masked) {
    depth += bracketDelta(c);
    count += depth == 0 && c == ',';
  }
  return count;
}

/// 'app::run(int) const::{lambda()#1}' -> 'app::run::{lambda()#1}': the
/// parameter lists (and qualifiers) of enclosing functions, which name
/// the scope of a lambda or a local class.
std::string stripEnclosingParameters(const std::string &s) {
  const std::string masked = maskOperators(s);
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    // A parameter list follows a name ('run(', 'tpl<int>('); '(anonymous
    // namespace)' follows '::'.
    if (depth == 0 && masked[i] == '(' && i > 0 && (isIdentChar(s[i - 1]) || s[i - 1] == '>')) {
      size_t close = i;
      for (int open = 1; open > 0 && ++close < s.size();)
        open += bracketDelta(masked[close]) * (masked[close] == '(' || masked[close] == ')');
      const size_t scope = s.find("::", close);
      if (scope != std::string::npos &&
          s.find_first_not_of(" constvolatile&", close + 1) == scope) {
        i = scope - 1; // resume at the '::' after the list and its qualifiers
        continue;
      }
    }
    depth += bracketDelta(masked[i]);
    out += s[i];
  }
  return out;
}

/// 'int app::sum<int>' -> 'app::sum': the return type that function
/// template specialisations carry ends at the last space outside brackets
/// (spaces after 'operator' belong to the name: 'operator bool').
std::string dropReturnType(const std::string &s) {
  const std::string masked = maskOperators(s);
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < masked.size(); ++i) {
    if (depth == 0 && operatorLength(s, i))
      break;
    depth += bracketDelta(masked[i]);
    if (depth == 0 && masked[i] == ' ')
      start = i + 1;
  }
  return s.substr(start);
}

std::vector<std::string> splitComponents(std::string_view s) {
  const std::string masked = maskOperators(s);
  std::vector<std::string> parts;
  int depth = 0;
  size_t begin = 0;
  for (size_t i = 0; i < masked.size(); ++i) {
    depth += bracketDelta(masked[i]);
    if (depth == 0 && masked.compare(i, 2, "::") == 0) {
      parts.emplace_back(s.substr(begin, i - begin));
      begin = i + 2;
      ++i;
    }
  }
  parts.emplace_back(s.substr(begin));
  return parts;
}

std::string stripTemplateArguments(std::string_view component) {
  const std::string masked = maskOperators(component);
  std::string out;
  int angles = 0;
  for (size_t i = 0; i < masked.size(); ++i) {
    if (masked[i] == '<')
      ++angles;
    else if (masked[i] == '>' && angles > 0)
      --angles;
    else if (angles == 0)
      out += component[i];
  }
  return std::string(trim(out));
}

/// A lambda's closure type as __cxa_demangle prints it: '$_0' for clang's
/// lambdas in non-inline functions (numbered per translation unit, so the
/// number tells nothing), '{lambda(int)#2}' otherwise (Itanium: the second
/// lambda of that signature in its scope; GCC always). Sets the
/// ordinal and the arity where the name has them.
bool parseLambda(std::string_view c, NameKey &key) {
  if (startsWith(c, "$_") && c.size() > 2 &&
      std::all_of(c.begin() + 2, c.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
    return true;
  if (startsWith(c, "{lambda(") && endsWith(c, "}")) {
    size_t hash = c.rfind('#');
    size_t close = c.rfind(')', hash);
    if (hash == std::string_view::npos || close == std::string_view::npos)
      return true;
    key.arity = countParameters(c.substr(8, close - 8));
    key.lambdaOrdinal = std::atoi(std::string(c.substr(hash + 1)).c_str());
    return true;
  }
  return false;
}

std::string join(const std::vector<std::string> &parts) {
  std::string out;
  for (const std::string &part : parts)
    out += (out.empty() ? "" : "::") + part;
  return out;
}

} // namespace

NameKey profileNameKey(std::string_view demangled) {
  const std::string name = stripDecorations(demangled);
  std::string bare = name, params;
  const int listArity = splitParameters(name, bare, params) ? countParameters(params) : -1;
  NameKey key, lambda;
  std::vector<std::string> parts;
  const std::string qualified = dropReturnType(stripEnclosingParameters(std::string(trim(bare))));
  for (const std::string &component : splitComponents(qualified)) {
    std::string stripped = stripTemplateArguments(component);
    if (key.lambda && stripped == "operator()")
      continue; // the call operator of the lambda just named: the lambda is the function
    lambda = NameKey();
    key.lambda = parseLambda(component, lambda);
    parts.push_back(key.lambda ? "(lambda)" : stripped);
  }
  key.key = join(parts);
  key.lambdaOrdinal = key.lambda ? lambda.lambdaOrdinal : 0;
  key.arity = key.lambda && lambda.arity >= 0 ? lambda.arity : listArity;
  return key;
}

std::string functionNameKey(std::string_view qualifiedName) {
  std::vector<std::string> parts;
  // Clang spells the scope of a local class with its function's parameters
  // ('app::run(int)::Local::f'), a lambda's without.
  for (const std::string &component : splitComponents(stripEnclosingParameters(std::string(qualifiedName))))
    parts.push_back(startsWith(component, "(lambda at ") ? "(lambda)" : stripTemplateArguments(component));
  return join(parts);
}

} // namespace concur
