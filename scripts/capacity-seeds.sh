#!/usr/bin/env bash
# The capacity plan's exhaustion check over many simulated fleets: for each seed, simulate the default fleet (2,000
# servers, 3 years), load it, plan, and compare each designed cluster's earliest date in truth.json with the plan's
# earliest P50 exhaustion. Prints one line per seed (days early < 0 < days late), and which other clusters the plan
# flags, and, for the designed resource that runs out first, the plan's usable supply and P50 demand on the designed
# date against the simulator's (from the plan's stored paths). About 15 s a seed on 2 cores.
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
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

for seed in "$@"; do
    dir="$work/seed-$seed"
    rm -rf "$dir"
    "$root/fleetcast" simulate --out "$dir/data" --seed "$seed" >/dev/null 2>&1
    "$root/fleetcast" ingest all "$dir/data" --db "$dir/fleetcast.duckdb" >/dev/null 2>"$dir/ingest.log"
    "$root/fleetcast" plan --db "$dir/fleetcast.duckdb" --json >"$dir/plan.json" 2>"$dir/plan.log"
    python3 - "$seed" "$dir" "$root/fleetcast" "$results" <<'PY'
import datetime
import json
import subprocess
import sys

seed, folder, fleetcast, results = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
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
# The designed resource that runs out first, per cluster, with the simulator's supply and demand on its date.
first = {}
for row in truth["exhaustion"]:
    if row.get("designed") and datetime.date.fromisoformat(row["date"]) == designed[row["cluster"]]:
        first.setdefault(row["cluster"], row)
where = " or ".join(
    f"(cluster = '{row['cluster']}' and resource = '{row['resource']}' and day = DATE '{row['date']}')"
    for row in first.values())
paths = {}
if where:
    query = ("select cluster, supply, demand_p50 from capacity_plan_paths"
             " where version = (select max(version) from capacity_plan_paths) and (" + where + ")")
    answer = subprocess.run([fleetcast, "sql", "--json", "--db", f"{folder}/fleetcast.duckdb", query],
                            capture_output=True, text=True)
    if answer.returncode == 0:
        paths = {row[0]: row[1:] for row in json.loads(answer.stdout)["rows"]}
# Days off per designed cluster (negative is early), None where it is not flagged.
days = {cluster: None if cluster not in flagged else (flagged[cluster] - day).days for cluster, day in designed.items()}
parts = []
for cluster, off in sorted(days.items()):
    part = f"{cluster} {'not flagged' if off is None else f'{off:+d} days'}"
    if cluster in paths and "usable_capacity_on_date" in first[cluster]:
        row = first[cluster]
        supply, demand = paths[cluster]
        part += (f" ({row['resource']} on {row['date']}: supply {100 * (supply / row['usable_capacity_on_date'] - 1):+.1f}%,"
                 f" demand {100 * (demand / row['expected_used_on_date'] - 1):+.1f}%)")
    parts.append(part)
others = sorted(set(flagged) - set(designed))
unlisted = sorted(set(others) - listed)
print(f"seed {seed}: " + "; ".join(parts)
      + f"; other clusters flagged: {others or 'none'} (not in truth.json: {unlisted or 'none'})")
with open(results, "a") as out:
    out.write(json.dumps({"seed": seed, "days": days, "others": others}) + "\n")
PY
done

python3 - "$results" <<'PY'
import json
import sys

seeds = [json.loads(line) for line in open(sys.argv[1])]
days = [(row["seed"], cluster, off) for row in seeds for cluster, off in row["days"].items()]
within = [off for _, _, off in days if off is not None and abs(off) <= 14]
errors = [abs(off) for _, _, off in days if off is not None]
misses = [f"seed {seed} {cluster} " + ("not flagged" if off is None else f"{off:+d} days")
          for seed, cluster, off in days if off is None or abs(off) > 14]
others = [row for row in seeds if row["others"]]
print(f"{len(seeds)} seeds: {len(within)} of {len(days)} designed clusters within 14 days"
      + (f", mean error {sum(errors) / len(errors):.2f} days" if errors else "")
      + f"; misses: {', '.join(misses) or 'none'}; other clusters flagged in {len(others)} seeds"
      + (f" (at most {max(len(row['others']) for row in others)} in one)" if others else ""))
PY
