# lit configuration for concur's FileCheck tests.
import os
import lit.formats

config.name = "concur"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

site = lit_config.params.get("site")
if site:
    lit_config.load_config(config, site)

config.test_exec_root = os.path.join(os.path.dirname(config.concur_binary), "..", "lit-out")
config.substitutions.append(("%concur", config.concur_binary))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%root", config.source_root))
# Mock headers instead of the host's standard library, so that tests do not
# depend on it; the e2e tests use the real one on purpose.
config.substitutions.append(
    ("%mockflags", "-std=c++20 -nostdinc++ -isystem " + os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%json-query", "/usr/bin/python3 " + os.path.join(config.test_source_root, "json_query.py")))
# The program of profile/runtime-e2e.test, built with the runtime when the
# build has one (tests/lit/CMakeLists.txt). Not '%p...': lit's own %p would
# be substituted first.
if getattr(config, "runtime_app", ""):
    config.available_features.add("concur-runtime")
    config.substitutions.append(("%runtime-app", config.runtime_app))
config.environment["PATH"] = config.llvm_tools_dir + os.pathsep + config.environment.get("PATH", "")
