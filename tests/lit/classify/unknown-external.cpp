// A call to a function defined nowhere lowers confidence and shows in the
// evidence instead of being guessed.
// RUN: %concur check --format=json --quiet %s -- %mockflags > %t.json
// RUN: %json-query evidence %t.json step | FileCheck %s
// RUN: /usr/bin/python3 -c "import json,sys; d=json.load(open('%t.json')); f=[x for x in d['functions'] if x['name']=='step'][0]; sys.exit(0 if f['confidence'] < 0.9 else 1)"

void mystery(int);

// CHECK: calls 'mystery', defined in no analysed file and not in the catalogue (cost unknown)
void step() { mystery(3); }
