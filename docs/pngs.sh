#!/usr/bin/env bash
# Regenerate the form previews shown in the README: the first page of one record per form,
# from a build of the bundled cases. Needs pdftoppm (Debian: poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
# CERTDOC=target/debug/certdoc docs/pngs.sh uses a binary already built.
${CERTDOC:-cargo run --release --quiet --} build --out "$out" >/dev/null
page() { pdftoppm -r 72 -f 1 -l 1 -png -singlefile "$out/$1" "docs/$2"; }
page TB-PIC-2026-003/TB-PIC-2026-003-PL-S2_A-1.pdf audit-plan
page TB-PIC-2026-003/TB-PIC-2026-003-AT-S2_A-0.pdf audit-time
page TB-PIC-2026-003/TB-PIC-2026-003-NC02_A-1.pdf nc-report
page TB-PIC-2026-003/TB-PIC-2026-003-RP-S2_A-0.pdf audit-report
page TB-PIC-2026-003/TB-PIC-2026-003-DC-D1_A-0.pdf decision
page TB-PIC-2026-003/TB-PIC-2026-0003_A-0.pdf certificate
page HZL-TS-2024-017/HZL-TS-2024-017-ZT-D2_A-0.pdf suspension
page HZL-TS-2024-017/HZL-TS-2024-017-HF-D3_A-0.pdf restoration
rm -rf "$out"
