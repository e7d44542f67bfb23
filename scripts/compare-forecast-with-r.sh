#!/usr/bin/env bash
# Fleetcast's forecasting next to R's forecast package (ets, auto.arima) on the same M4 series, in one run:
# accuracy (sMAPE, MASE, OWA as M4 scores them) and milliseconds per series, each on one core.
# Usage: scripts/compare-forecast-with-r.sh hourly|weekly [SERIES] [M4DIR] [R_METHODS]
# (SERIES: the first N series, default 40; M4DIR default ../shared/data/m4; R_METHODS comma-separated among ETS,
# ARIMA, MSTL, default all: R's auto.arima takes minutes per hourly series). Installs R when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frequency="${1:?usage: $0 hourly|weekly [SERIES] [M4DIR]}"
series="${2:-40}"
m4="${3:-$root/../shared/data/m4}"
r_methods="${4:-ETS,ARIMA,MSTL}"

bash "$root/scripts/ensure-r.sh"
echo "== R ==" >&2
Rscript "$root/scripts/m4-r.R" "$m4" "$frequency" "$series" "$r_methods"
echo "== Fleetcast ==" >&2
"$root/fleetcast" bench forecast --m4 "$m4" --frequency "$frequency" --series "$series" 2>&1 | grep -v ': [0-9]* series in '
