#!/usr/bin/env python3
"""How well the headroom's forecast-error buffer covers, from the plans of many simulated fleets.

Reads every SEED_DIR/plan.json that scripts/capacity-seeds.sh wrote (each entry's headroom.backtest_errors: the
cluster's own relative errors at its lead time, newest origin first) and replays two checks of capacity.md, Headroom:

- forward: for each cluster resource with all 12 origins, size the buffer from what was known one lead time before
  the data's end (its 11 older errors, and the other clusters' older ones) and count how often its newest error, the
  forecast made then and checked at the end, exceeds it;
- held out: for each young cluster resource (2 to 11 usable origins), hold out each of its errors in turn and size
  from the rest, its own alone or with the complete clusters' errors.

The buffer is the order statistic the plan uses (HeadroomSizer.toleranceRank): for 99% with 90% confidence the
largest unless there are 230 errors or more. Usage: scripts/headroom-pooling.py SEED_DIR...
"""
import json
import math
import sys
from collections import defaultdict

LEVEL, CONFIDENCE, ORIGINS = 0.99, 0.9, 12


def rms(values):
    return math.sqrt(sum(v * v for v in values) / len(values)) if values else 0.0


def tolerance_bound(values):
    """The smallest order statistic that reaches LEVEL with CONFIDENCE; the largest when there are too few."""
    ordered = sorted(values)
    n = len(ordered)
    cumulative = 0.0
    for rank in range(1, n + 1):
        cumulative += math.comb(n, rank - 1) * LEVEL ** (rank - 1) * (1 - LEVEL) ** (n - rank + 1)
        if cumulative >= CONFIDENCE:
            return ordered[rank - 1]
    return ordered[-1]


def pooled(own, scale, donors):
    """Own errors plus every donor's, each divided by its donor's root mean square and multiplied by scale."""
    values = list(own)
    for errors in donors:
        spread = rms(errors)
        if spread > 0:
            values.extend(e / spread * scale for e in errors)
    return values


def main(folders):
    forward = defaultdict(int)
    forward_size = defaultdict(float)
    held = defaultdict(int)
    cases = young_cases = 0
    for folder in folders:
        plan = json.load(open(f"{folder}/plan.json"))
        rows = []
        for entry in plan["clusters"]:
            headroom = entry.get("headroom") or {}
            errors = headroom.get("backtest_errors")
            if errors:
                rows.append((entry["cluster"], entry["resource"], headroom["lead_time_days"], errors))
        for cluster, resource, days, errors in rows:
            complete = [(c, d, e) for c, r, d, e in rows if r == resource and c != cluster and len(e) == ORIGINS]
            if len(errors) == ORIGINS and complete:
                cases += 1
                newest, past = errors[0], errors[1:]
                donors = [e[1:] for _, _, e in complete]
                for name, bound in (("own", tolerance_bound(past)),
                                    ("pooled", tolerance_bound(pooled(past, rms(past), donors)))):
                    forward[name] += newest > bound
                    forward_size[name] += bound
            elif 2 <= len(errors) < ORIGINS and complete:
                same = [e for _, d, e in complete if d == days]
                # The plan takes every complete cluster's spread where none has this lead time.
                same_spread = rms([x for e in (same or [e for _, _, e in complete]) for x in e])
                for i, out in enumerate(errors):
                    rest = errors[:i] + errors[i + 1:]
                    young_cases += 1
                    scale = max(rms(rest), same_spread)
                    for name, values in (("own", rest),
                                         ("with the same lead time's, as they are", rest + [x for e in same for x in e]),
                                         ("pooled and scaled", pooled(rest, scale, [e for _, _, e in complete]))):
                        held[name] += out > tolerance_bound(values)
    print(f"forward: {cases} complete cluster resources in {len(folders)} fleets")
    for name in forward:
        print(f"  {name}: short {forward[name]} times ({100 * forward[name] / cases:.1f}%), mean buffer "
              f"{100 * forward_size[name] / cases:.2f}% of the forecast")
    print(f"held out: {young_cases} errors of young cluster resources")
    for name, short in held.items():
        print(f"  {name}: short {short} times ({100 * short / young_cases:.1f}%)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: scripts/headroom-pooling.py SEED_DIR...")
    main(sys.argv[1:])
