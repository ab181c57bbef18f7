#!/usr/bin/env bash
# Regenerates the widl headers of this folder (the header reader's agreement tests' inputs) from
# testdata/idl/wine-include with widl 8.0, in a scratch folder, with relative paths so the
# headers name no absolute path. Usage: testdata/cheader/widl-h/regen.sh (from anywhere).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
widl -V 2>&1 | grep -q 'version 8\.0' || { echo "widl 8.0 needed" >&2; exit 1; }
scratch=$(mktemp -d /tmp/widl-h.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
ln -s "$root/testdata/idl/wine-include" "$scratch/wine-include"
ln -s "$root/testdata/idl/wine-headers" "$scratch/wine-headers"
# The sample: README.md says why each is here. One name per line in sample.txt.
while read -r n _; do
  { [ -z "$n" ] || [ "${n#\#}" != "$n" ]; } && continue
  (cd "$scratch" && widl -h -o "$n.h" -I wine-include -I wine-headers "wine-include/$n.idl")
  cp "$scratch/$n.h" "$here/$n.h"
done <"$here/sample.txt"
