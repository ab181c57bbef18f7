#!/usr/bin/env bash
# The JSON descriptor against its schema, with a real validator (Debian's python3-jsonschema,
# draft 2020-12): the schema itself is a valid schema in which every property is described and
# every object closed; the JSON of every corpus typelib (each TYPELIB resource with a listing) and
# of the writer tests' sample library validates; and documents with an unknown property or a
# wrong type are rejected, so the test cannot pass by accepting anything.
# Usage: json_schema.sh TLBKIT_EXE SOURCE_DIR. Exit 77 (skipped) only when the validator is not
# installed. Layer: tests.
set -u
tlbkit=$1
src=$2
python=/usr/bin/python3

if ! [ -x "$python" ] || ! "$python" -c 'import jsonschema' 2>/dev/null; then
  echo "SKIP: python3-jsonschema is not installed (apt-get install python3-jsonschema)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One JSON per corpus listing: X.oleaut.txt is resource 1 (or the bare file), X.N.oleaut.txt is
# resource N, as tests/driver/corpus_util.h reads them.
failed=0
count=0
while IFS= read -r listing; do
  dir=$(dirname "$listing")
  stem=$(basename "$listing" .oleaut.txt)
  args=()
  if [ -e "$dir/$stem" ]; then
    input="$dir/$stem"
  else
    input="$dir/${stem%.*}"
    args=(--resource "${stem##*.}")
  fi
  count=$((count + 1))
  out="$work/$count.json"
  if ! "$tlbkit" inspect "$input" "${args[@]}" --format json -o "$out" 2>"$work/err"; then
    echo "FAIL: tlbkit inspect $input ${args[*]} --format json: $(head -3 "$work/err")"
    failed=$((failed + 1))
    continue
  fi
  echo "$out ${input#"$src"/} ${args[*]}" >>"$work/list"
done < <(find "$src/testdata/corpus" -name '*.oleaut.txt' | sort)

# The writer tests' hand-built library uses every part of the model the corpus may not.
echo "$src/tests/writers/json_sample_library.json tests/writers/json_sample_library.json" >>"$work/list"

if [ "$count" -lt 50 ]; then
  echo "FAIL: only $count corpus listings found under $src/testdata/corpus"
  exit 1
fi

"$python" - "$src/schemas/tlbkit.schema.json" "$work/list" <<'EOF' || failed=$((failed + 1))
import copy, json, sys
from jsonschema import Draft202012Validator

schema_path, list_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)  # raises SchemaError when the schema is not valid
validator = Draft202012Validator(schema)
problems = []

# The schema's own rules: every property described, every object closed. Walks subschemas only
# (the members of "properties" are property names, whatever they are called).
def walk(node, where):
    if isinstance(node, list):
        for i, child in enumerate(node):
            walk(child, f"{where}/{i}")
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "object" and node.get("additionalProperties") is not False:
        problems.append(f"schema {where}: an object without \"additionalProperties\": false")
    for key, child in node.items():
        if key in ("properties", "$defs"):
            for name, sub in child.items():
                if key == "properties" and not (isinstance(sub, dict) and sub.get("description")):
                    problems.append(f"schema {where}/properties/{name}: no description")
                walk(sub, f"{where}/{key}/{name}")
        elif key not in ("enum", "const", "required"):
            walk(child, f"{where}/{key}")
walk(schema, "#")

def errors(doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))

docs = []
with open(list_path, encoding="utf-8") as f:
    for line in f:
        path, name = line.rstrip("\n").split(" ", 1)
        name = name.strip()
        with open(path, encoding="utf-8") as j:
            doc = json.load(j)
        errs = errors(doc)
        if errs:
            e = errs[0]
            problems.append(f"{name}: {len(errs)} schema errors; first at "
                            f"/{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
        docs.append((name, doc))
invalid = sum(1 for p in problems if not p.startswith("schema "))
print(f"{len(docs) - invalid} of {len(docs)} descriptors validate")

# Negative checks on a real descriptor with types: each broken copy must be rejected.
name, good = next(((n, d) for n, d in docs if d.get("types")), (None, None))
if good is None:
    problems.append("no corpus descriptor with types to build the negative checks from")
else:
    def broken(label, change):
        doc = copy.deepcopy(good)
        change(doc)
        if not errors(doc):
            problems.append(f"negative check '{label}' on {name}: the schema accepted it")
    broken("unknown top-level property", lambda d: d.update(colour="blue"))
    broken("unknown property in a type", lambda d: d["types"][0].update(colour="blue"))
    broken("name is a number", lambda d: d.update(name=5))
    broken("lcid is a string", lambda d: d.update(lcid="0"))
    broken("unknown kind", lambda d: d["types"][0].update(kind="struct"))
    broken("missing layout", lambda d: d["types"][0].pop("layout"))
    broken("unknown VARTYPE name", lambda d: d["types"].append(
        {"kind": "alias", "name": "A", "layout": {"size": 4, "alignment": 4, "vtableSize": 0},
         "target": "I5"}))
    broken("unknown flag name", lambda d: d.update(flags=["sideways"]))
    broken("bad GUID", lambda d: d.update(libid="{1234}"))
    broken("two data in one value", lambda d: d.update(
        custom=[{"guid": "{00000000-0000-0000-0000-000000000000}", "vt": "I4", "int": 1,
                 "text": "1"}]))
    broken("wrong format version", lambda d: d.update(formatVersion=2))
    # And an untouched copy still validates, so the rejections above are for the changes.
    if errors(copy.deepcopy(good)):
        problems.append(f"the unchanged copy of {name} does not validate")

for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
EOF

if [ "$failed" -ne 0 ]; then
  echo "json_schema: FAILED"
  exit 1
fi
echo "json_schema: the descriptors of $count corpus libraries and the sample validate against schemas/tlbkit.schema.json"
exit 0
