#!/usr/bin/env bash
# The C-MAPSS remaining-useful-life benchmark on all four subsets, side by side with scikit-learn's
# HistGradientBoostingRegressor on the same features. Installs scikit-learn first if it is missing
# (scripts/ensure-sklearn.sh). Prints one JSON document per subset on stdout; progress goes to stderr.
#
# Usage: scripts/bench-rul.sh [CMAPSS_DIR] [WORK_DIR]   (defaults: ../shared/data/cmapss, fleetcast-bench/rul)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/data/cmapss}"
work="${2:-$root/fleetcast-bench/rul}"

"$root/scripts/ensure-sklearn.sh"
for subset in FD001 FD002 FD003 FD004; do
    "$root/fleetcast" bench rul --cmapss "$data" --subset "$subset" --peer --work "$work" --json
done
