#!/usr/bin/env bash
# Regenerate the form previews shown in the README: one page of one record per form, from a
# build of the bundled cases. Needs pdftoppm (Debian: poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
# CERTDOC=target/debug/certdoc docs/pngs.sh uses a binary already built.
${CERTDOC:-cargo run --release --quiet --} build --out "$out" >/dev/null
# page <record number> <page> <png name>: the record's current revision.
page() {
  local pdf
  pdf=$(ls "$out"/*/"$1"_*.pdf | sort | tail -n 1)
  pdftoppm -r 72 -f "$2" -l "$2" -png -singlefile "$pdf" "docs/$3"
}
page TB-PIC-2026-003-PL-S2 1 audit-plan
page TB-PIC-2026-003-AT-S2 1 audit-time
page TB-PIC-2026-003-NC02 1 nc-report
page TB-PIC-2026-003-RP-S2 1 audit-report
page TB-PIC-2026-003-RP-S2 2 audit-report-findings
page TB-PIC-2026-003-DC-D1 1 decision
page TB-PIC-2026-0003 1 certificate
page TB-PIC-2026-0003 2 certificate-annex
page TB-CMS-2023-011-SP-D3 1 suspension
page HZL-TS-2024-017-HF-D3 1 restoration
page TB-CMS-2023-011-WD-D4 1 withdrawal
rm -rf "$out"
