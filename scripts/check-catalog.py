#!/usr/bin/python3
"""Check concur API catalogues against the schema in docs/catalog.md.

Usage: scripts/check-catalog.py [FILE.yaml ...]

Without arguments, checks every rules/catalog/*.yaml of this repository.
Errors are printed as FILE:LINE:COL: error: MESSAGE (the place of the
offending YAML node); the exit code is 1 when there is any error, else 0.
Duplicate `match` names and `match` names that another entry's `regex` also
matches are checked across all the files given together.
"""

import glob
import os
import re
import sys

import yaml

EFFECTS = {
    "io", "cpu", "blocking", "wait", "lock", "unlock", "mt-unsafe",
    "spawn-thread", "spawn-process", "suspend", "offload",
    "resume-on-pool", "resume-on-loop", "start-on-pool", "cold", "async-lock",
}
KEYS = {
    "match", "regex", "effects", "category", "description", "on_type",
    "nonblocking_flags", "callable_arg", "mutex_arg", "async_alternative",
    "safe_alternative", "source", "duration_arg", "duration_unit", "deferred_by",
    "on_object", "effects_if_discarded", "nonblocking_arg_flags", "only_blocks",
}
REQUIRED = ("effects", "category", "description", "source")
CALLABLE_EFFECTS = {"spawn-thread", "offload", "spawn-process"}
MUTEX_EFFECTS = {"lock", "unlock"}

CATEGORY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FLAG_RE = re.compile(r"^[A-Z_][A-Z0-9_]*$")
# '::a::b::c' -- identifiers, destructors ('~x') and operator names
# ('operator>>', 'operator()', 'operator++'); no template arguments.
NAME_RE = re.compile(
    r"^(::(~?[A-Za-z_][A-Za-z0-9_]*|operator(\(\)|\[\]|[-+*/%^&|~!=<>,]+|new|delete|co_await)))+$")
# Python-only regex syntax that std::regex (ECMAScript) rejects or reads differently.
NON_ECMASCRIPT = [
    (re.compile(r"\(\?P"), "named groups (?P...) are Python-only"),
    (re.compile(r"\(\?<[=!]"), "lookbehind is not ECMAScript"),
    (re.compile(r"\(\?[aiLmsux]"), "inline flags are not ECMAScript"),
    (re.compile(r"\\[AZz]"), "\\A, \\Z and \\z are not ECMAScript; use ^ and $"),
]


class Checker:
    def __init__(self):
        self.errors = 0
        self.matches = {}   # name -> (file, line) of its first `match`
        self.regexes = []   # (compiled, pattern, file, line)

    def error(self, path, node, message):
        mark = node.start_mark
        print(f"{path}:{mark.line + 1}:{mark.column + 1}: error: {message}")
        self.errors += 1

    def string(self, path, node, key, allow_empty=False):
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.error(path, node, f"'{key}' must be a string")
            return None
        if node.style == '"':
            self.error(path, node, f"'{key}': use single quotes, not double quotes")
        if not allow_empty and not node.value.strip():
            self.error(path, node, f"'{key}' must not be empty")
            return None
        return node.value

    def string_list(self, path, node, key):
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.error(path, node, f"'{key}' must be a non-empty list")
            return []
        out = []
        for item in node.value:
            value = self.string(path, item, key)
            if value is not None:
                out.append((value, item))
        return out

    def integer_or_any(self, path, node, key, allow_any):
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
            if int(node.value) < 0:
                self.error(path, node, f"'{key}' must be >= 0")
            return
        if allow_any and isinstance(node, yaml.ScalarNode) and node.value == "any":
            return
        self.error(path, node, f"'{key}' must be an argument index" + (" or 'any'" if allow_any else ""))

    def check_file(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                root = yaml.compose(f)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
            print(f"{path}:{where}: error: invalid YAML: {getattr(e, 'problem', e)}")
            self.errors += 1
            return 0
        if root is None or not isinstance(root, yaml.MappingNode):
            print(f"{path}:1:1: error: a catalogue is a mapping with one key 'apis'")
            self.errors += 1
            return 0
        apis = None
        for key, value in root.value:
            if key.value == "apis":
                apis = value
            else:
                self.error(path, key, f"unknown top-level key '{key.value}' (only 'apis')")
        if apis is None:
            self.error(path, root, "missing top-level key 'apis'")
            return 0
        if not isinstance(apis, yaml.SequenceNode):
            self.error(path, apis, "'apis' must be a list of entries")
            return 0
        for entry in apis.value:
            self.check_entry(path, entry)
        return len(apis.value)

    def check_entry(self, path, entry):
        if not isinstance(entry, yaml.MappingNode):
            self.error(path, entry, "an entry must be a mapping")
            return
        fields = {}
        for key, value in entry.value:
            name = key.value
            if name not in KEYS:
                self.error(path, key, f"unknown key '{name}'")
            elif name in fields:
                self.error(path, key, f"duplicate key '{name}'")
            else:
                fields[name] = value

        has_match, has_regex = "match" in fields, "regex" in fields
        # Entries for one name restricted to different objects or types describe
        # different calls ('::std::getline' on a file stream, on std::cin).
        restriction = tuple(
            tuple(sorted(item.value for item in fields[key].value if isinstance(item, yaml.ScalarNode)))
            if isinstance(fields.get(key), yaml.SequenceNode) else ()
            for key in ("on_type", "on_object"))
        if has_match == has_regex:
            self.error(path, entry, "an entry needs exactly one of 'match' and 'regex'")
        for key in REQUIRED:
            if key not in fields:
                self.error(path, entry, f"missing required key '{key}'")

        if has_match:
            node = fields["match"]
            name = self.string(path, node, "match")
            if name is not None:
                if not name.startswith("::"):
                    self.error(path, node, f"match '{name}' must start with '::'")
                elif "<" in name.replace("operator<<", "").replace("operator<", ""):
                    self.error(path, node, f"match '{name}' must not contain template arguments ('<')")
                elif not NAME_RE.match(name):
                    self.error(path, node, f"match '{name}' is not a qualified name like '::ns::cls::fn'")
                if (name, restriction) in self.matches:
                    other = self.matches[(name, restriction)]
                    self.error(path, node, f"duplicate match '{name}' (first at {other[0]}:{other[1]})")
                else:
                    self.matches[(name, restriction)] = (path, node.start_mark.line + 1, node)
        if has_regex:
            node = fields["regex"]
            pattern = self.string(path, node, "regex")
            if pattern is not None:
                try:
                    compiled = re.compile(pattern)
                except re.error as e:
                    self.error(path, node, f"regex does not compile: {e}")
                    compiled = None
                for bad, why in NON_ECMASCRIPT:
                    if bad.search(pattern):
                        self.error(path, node, f"regex: {why}")
                if not pattern.startswith("^::"):
                    self.error(path, node, "regex must be anchored and start with '^::'")
                if not pattern.endswith("$"):
                    self.error(path, node, "regex must end with '$'")
                if compiled is not None:
                    self.regexes.append((compiled, pattern, path, node.start_mark.line + 1, node, restriction))

        effects = set()
        if "effects" in fields:
            node = fields["effects"]
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                self.error(path, node, "'effects' must be a non-empty list")
            else:
                for item in node.value:
                    value = item.value if isinstance(item, yaml.ScalarNode) else None
                    if value not in EFFECTS:
                        self.error(path, item, f"unknown effect '{value}' (known: {', '.join(sorted(EFFECTS))})")
                    elif value in effects:
                        self.error(path, item, f"effect '{value}' listed twice")
                    else:
                        effects.add(value)
        if "lock" in effects and "unlock" in effects:
            self.error(path, fields["effects"], "an entry cannot both lock and unlock")

        if "category" in fields:
            value = self.string(path, fields["category"], "category")
            if value is not None and not CATEGORY_RE.match(value):
                self.error(path, fields["category"], f"category '{value}' must be kebab-case")
        if "description" in fields:
            node = fields["description"]
            value = self.string(path, node, "description")
            if value is not None:
                if re.match(r"[A-Z][a-z]", value):
                    self.error(path, node, "description must start in lower case, like clang's diagnostics")
                if value.rstrip().endswith("."):
                    self.error(path, node, "description must not end with a period")
        for key in ("source", "async_alternative", "safe_alternative"):
            if key in fields:
                self.string(path, fields[key], key)

        if "on_type" in fields:
            for value, item in self.string_list(path, fields["on_type"], "on_type"):
                if not value.startswith("::") or "<" in value or not NAME_RE.match(value):
                    self.error(path, item, f"on_type '{value}' must be a qualified class name like '::std::basic_ifstream'")
        if "nonblocking_flags" in fields:
            for value, item in self.string_list(path, fields["nonblocking_flags"], "nonblocking_flags"):
                if not FLAG_RE.match(value):
                    self.error(path, item, f"nonblocking_flags: '{value}' is not a macro name")
            if not effects & {"blocking", "wait"}:
                self.error(path, fields["nonblocking_flags"], "nonblocking_flags only make sense on a blocking entry")
        if "on_object" in fields:
            for value, item in self.string_list(path, fields["on_object"], "on_object"):
                if not value.startswith("::") or "<" in value or not NAME_RE.match(value):
                    self.error(path, item, f"on_object '{value}' must be a qualified variable name like '::std::cin'")
            if "on_type" in fields:
                self.error(path, fields["on_object"], "on_object and on_type cannot be combined")
        if "nonblocking_arg_flags" in fields:
            for value, item in self.string_list(path, fields["nonblocking_arg_flags"], "nonblocking_arg_flags"):
                if not FLAG_RE.match(value):
                    self.error(path, item, f"nonblocking_arg_flags: '{value}' is not a macro name")
            if not effects & {"blocking", "wait"}:
                self.error(path, fields["nonblocking_arg_flags"], "nonblocking_arg_flags only make sense on a blocking entry")
        if "effects_if_discarded" in fields:
            node = fields["effects_if_discarded"]
            values = [i.value for i in node.value] if isinstance(node, yaml.SequenceNode) else None
            if not values:
                self.error(path, node, "'effects_if_discarded' must be a non-empty list")
            else:
                for item in node.value:
                    if item.value not in EFFECTS:
                        self.error(path, item, f"unknown effect '{item.value}'")
        if "callable_arg" in fields:
            self.integer_or_any(path, fields["callable_arg"], "callable_arg", allow_any=True)
            if not effects & CALLABLE_EFFECTS:
                self.error(path, fields["callable_arg"], "callable_arg needs effect spawn-thread, offload or spawn-process")
        if "mutex_arg" in fields:
            self.integer_or_any(path, fields["mutex_arg"], "mutex_arg", allow_any=False)
            if not effects & MUTEX_EFFECTS:
                self.error(path, fields["mutex_arg"], "mutex_arg needs effect lock or unlock")
        if "async_alternative" in fields and not effects & {"blocking", "wait", "lock", "cpu"}:
            self.error(path, fields["async_alternative"], "async_alternative only makes sense on a blocking or cpu entry")
        if "safe_alternative" in fields and "mt-unsafe" not in effects:
            self.error(path, fields["safe_alternative"], "safe_alternative only makes sense on an mt-unsafe entry")
        if "only_blocks" in fields:
            node = fields["only_blocks"]
            if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
                self.error(path, node, "only_blocks must be true or false")
            elif not effects & {"blocking", "wait"}:
                self.error(path, node, "only_blocks only makes sense on a blocking entry")

    def check_overlaps(self):
        """A name given by `match` must not also be matched by a `regex` entry
        with the same on_type/on_object restriction: two entries for one call
        would give it two sets of facts."""
        for (name, restriction), (mpath, mline, mnode) in self.matches.items():
            for compiled, pattern, rpath, rline, _, other in self.regexes:
                if compiled.search(name) and restriction == other:
                    self.error(mpath, mnode, f"match '{name}' is also matched by regex '{pattern}' at {rpath}:{rline}")


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = argv[1:] or sorted(glob.glob(os.path.join(root, "rules", "catalog", "*.yaml")))
    if not files:
        print("check-catalog: no catalogue files found", file=sys.stderr)
        return 1
    checker = Checker()
    entries = 0
    for path in files:
        shown = os.path.relpath(path) if not argv[1:] else path
        entries += checker.check_file(shown)
    checker.check_overlaps()
    status = "FAILED" if checker.errors else "OK"
    print(f"check-catalog: {len(files)} files, {entries} entries, {checker.errors} errors: {status}")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
