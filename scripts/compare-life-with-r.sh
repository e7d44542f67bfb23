#!/usr/bin/env bash
# Fleetcast's Weibull fit next to R's survival::survreg on the same fleet-sized life data, in one run: a data set of
# UNITS units (default 1,000,000) with a share SUSPENDED suspended (default 0.8) is written once, then each fits it,
# timing reading the CSV and fitting. Installs R's survival package when missing (Debian r-cran-survival).
# Usage: scripts/compare-life-with-r.sh [UNITS] [SUSPENDED] [FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
units="${1:-1000000}"
suspended="${2:-0.8}"
file="${3:-$root/fleetcast-bench/life-$units.csv}"

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'suppressMessages(library(survival))' >/dev/null 2>&1; then
    SUDO=$([[ "$(id -u)" -ne 0 ]] && echo sudo || true)
    echo "installing R's survival package with apt-get (r-base-core, r-cran-survival)" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends r-base-core r-cran-survival
fi
mkdir -p "$(dirname "$file")"
echo "== Fleetcast ==" >&2
"$root/fleetcast" bench life --units "$units" --suspended "$suspended" --out "$file" 2>&1
echo "== R ==" >&2
Rscript "$root/scripts/life-r.R" "$file"
