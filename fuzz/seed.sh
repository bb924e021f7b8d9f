#!/bin/sh
# Seed fuzz/corpus/<target>/ from the repository's own files (nothing large is committed):
#   yaml_case  every bundled case and rule fixture (cases/**/*.yaml, tests/fixtures/**/*.yaml)
#   markdown   fuzz/seeds/markdown/*.md and the bundled cases' text
#   pipeline   the same YAML files, read as structured edits (`arbitrary`) of a bundled case
# plus, for yaml_case and markdown, the regression inputs under tests/fuzz-regressions/.
# Run from anywhere; existing corpus files are kept.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
for t in yaml_case markdown pipeline; do mkdir -p "$fuzz/corpus/$t"; done
find "$root/cases" "$root/tests/fixtures" -name '*.yaml' | sort | while read -r f; do
    name=$(echo "$f" | sed "s|$root/||; s|/|_|g")
    cp "$f" "$fuzz/corpus/yaml_case/$name"
    cp "$f" "$fuzz/corpus/pipeline/$name"
done
for f in "$root"/cases/*/*.yaml "$fuzz"/seeds/markdown/*.md; do
    cp "$f" "$fuzz/corpus/markdown/$(basename "$f")"
done
for t in yaml_case markdown; do
    if [ -d "$root/tests/fuzz-regressions/$t" ]; then
        for f in "$root/tests/fuzz-regressions/$t"/*; do
            [ -f "$f" ] && cp "$f" "$fuzz/corpus/$t/regression-$(basename "$f")"
        done
    fi
done
for t in yaml_case markdown pipeline; do
    echo "$t: $(ls "$fuzz/corpus/$t" | wc -l) seeds"
done
