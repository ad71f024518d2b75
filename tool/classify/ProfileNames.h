// Names of a runtime profile (demangled symbols) and names of analysed
// functions (as concur prints them), reduced to one comparable key.
//
// A key is the qualified name without parameters, cv/ref qualifiers, return
// type, ABI tags and template arguments (the demangler spells them in full,
// 'std::vector<int, std::allocator<int> >', clang in short); a lambda is
// '(lambda)' under its enclosing function ('$_0', '{lambda(int)#1}' and
// '(lambda at f.cpp:3:5)' alike).
#pragma once

#include <string>
#include <string_view>

namespace concur {

struct NameKey {
  std::string key;       // 'app::Box::get', 'main::(lambda)'
  bool lambda = false;   // names a lambda (its call operator or its type)
  int lambdaOrdinal = 0; // '{lambda(int)#2}': 2; 0 when the name does not tell ('$_0')
  int arity = -1;        // parameters, -1 when the name has no parameter list
};

/// The key of a demangled name from a profile: 'int app::sum<int>(std::vector<int,
/// std::allocator<int> > const&)' -> 'app::sum'.
NameKey profileNameKey(std::string_view demangled);

/// The key of a function's qualified name as concur prints it:
/// 'app::Box<int>::get' -> 'app::Box::get'.
std::string functionNameKey(std::string_view qualifiedName);

} // namespace concur
