#!/usr/bin/env bash
# The capacity plan's exhaustion check over many simulated fleets: for each seed, simulate the default fleet (2,000
# servers, 3 years), load it, plan, and compare each designed cluster's earliest date in truth.json with the plan's
# earliest P50 exhaustion. Prints one line per seed (days early < 0 < days late), and which other clusters the plan
# flags. About 12 s a seed on 2 cores.
#
# Usage: scripts/capacity-seeds.sh [WORK_DIR] SEED...   (WORK_DIR defaults to fleetcast-bench/seeds)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/fleetcast-bench/seeds"
if [ $# -gt 0 ] && ! [[ "$1" =~ ^[0-9]+$ ]]; then
    work="$1"
    shift
fi
[ $# -gt 0 ] || { echo "usage: $0 [WORK_DIR] SEED..." >&2; exit 2; }
mkdir -p "$work"

for seed in "$@"; do
    dir="$work/seed-$seed"
    rm -rf "$dir"
    "$root/fleetcast" simulate --out "$dir/data" --seed "$seed" >/dev/null 2>&1
    "$root/fleetcast" ingest all "$dir/data" --db "$dir/fleetcast.duckdb" >/dev/null 2>"$dir/ingest.log"
    "$root/fleetcast" plan --db "$dir/fleetcast.duckdb" --json >"$dir/plan.json" 2>"$dir/plan.log"
    python3 - "$seed" "$dir" <<'PY'
import datetime
import json
import sys

seed, folder = sys.argv[1], sys.argv[2]
truth = json.load(open(f"{folder}/data/truth.json"))
plan = json.load(open(f"{folder}/plan.json"))


def earliest(rows, key, keep):
    dates = {}
    for row in rows:
        if keep(row) and row.get(key):
            day = datetime.date.fromisoformat(row[key])
            dates[row["cluster"]] = min(dates.get(row["cluster"], day), day)
    return dates


designed = earliest(truth["exhaustion"], "date", lambda row: row.get("designed"))
listed = {row["cluster"] for row in truth["exhaustion"]}
flagged = earliest(plan["clusters"], "exhaustion_p50", lambda row: True)
parts = []
for cluster, day in sorted(designed.items()):
    found = flagged.get(cluster)
    parts.append(f"{cluster} {'not flagged' if found is None else f'{(found - day).days:+d} days'}")
others = sorted(set(flagged) - set(designed))
unlisted = sorted(set(others) - listed)
print(f"seed {seed}: " + "; ".join(parts)
      + f"; other clusters flagged: {others or 'none'} (not in truth.json: {unlisted or 'none'})")
PY
done
