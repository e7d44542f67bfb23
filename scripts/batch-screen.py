#!/usr/bin/env python3
"""How well does a bad-batch test tell the simulator's bad batches from ordinary ones?

The capacity plan gives a procurement batch with 3 or more failures a life of its own when its failures are unlikely
beside the rest of its SKU's (docs/capacity.md, Supply). This script works three such tests over fleets made by
scripts/capacity-seeds.sh, on every order or RMA batch with 3 or more failures, and counts at each threshold the bad
batches found (truth.json's `weibull` rows with a batch) and the batches split that the simulator did not build as bad:

  poisson   the batch's failures against the count the rest's failures per unit of exposure expect (the plan's test
            until 2026-12-06; the rest's rate taken as known)
  binomial  the batch's share of the SKU's failures against its share of the exposure (the plan's test now)
  truth     the batch's failures against the count the simulator's own SKU life expects (what a perfect reference
            would give)

Exposure is the sum of age^shape, at the shape the plan used: a SKU's own maximum-likelihood shape with 20 or more
failures, else the fleet's shared shape read from the plan's `life_fits`. Pure Python.

Usage: scripts/batch-screen.py DIR SEED...   (DIR holds seed-N/data and seed-N/plan.json from capacity-seeds.sh)
"""
import csv
import datetime
import json
import math
import re
import sys
from collections import defaultdict

THRESHOLDS = [1e-3, 3e-3, 5e-3, 1e-2]


def poisson_at_least(k, mean):
    term, below = math.exp(-mean), 0.0
    for i in range(k):
        below += term
        term *= mean / (i + 1)
    return max(0.0, 1 - below)


def binomial_at_least(k, n, q):
    return sum(math.comb(n, i) * q**i * (1 - q) ** (n - i) for i in range(k, n + 1))


def shape_mle(failures, ages):
    """The Weibull shape maximising the profile likelihood of one sample (scale profiled out), by golden section."""

    def log_likelihood(shape):
        r = len(failures)
        exposure = sum(max(t, 1e-9) ** shape for t in ages)
        logs = sum(math.log(max(t, 1)) for t in failures)
        return r * math.log(r / exposure) - r + r * math.log(shape) + (shape - 1) * logs

    low, high = 0.3, 6.0
    for _ in range(60):
        a, b = low + (high - low) / 3, high - (high - low) / 3
        if log_likelihood(a) < log_likelihood(b):
            low = a
        else:
            high = b
    return (low + high) / 2


def records(data_dir, as_of, skus):
    """(batch, age in days, failed) per owned SKU in the plan, censored at the end of the data or retirement."""
    by_sku = defaultdict(list)
    with open(f"{data_dir}/assets.csv", newline="") as f:
        for a in csv.DictReader(f):
            if a["ownership"] != "owned" or not a["install_date"] or a["sku"] not in skus:
                continue
            installed = datetime.date.fromisoformat(a["install_date"])
            if installed > as_of:
                continue
            if a["failure_date"] and datetime.date.fromisoformat(a["failure_date"]) <= as_of:
                age = (datetime.date.fromisoformat(a["failure_date"]) - installed).days
                by_sku[a["sku"]].append((a["batch"], age, 1))
                continue
            end = as_of
            if a["retire_date"]:
                end = min(end, datetime.date.fromisoformat(a["retire_date"]))
            by_sku[a["sku"]].append((a["batch"], (end - installed).days, 0))
    return by_sku


def main(root, seeds):
    results = defaultdict(list)  # test -> [(p, bad)]
    built = 0
    for seed in seeds:
        plan = json.load(open(f"{root}/seed-{seed}/plan.json"))
        truth = json.load(open(f"{root}/seed-{seed}/data/truth.json"))
        lives = {(w["sku"], w["batch"]): (w["shape"], w["scale_days"]) for w in truth["weibull"]}
        built += sum(1 for w in truth["weibull"] if w["batch"])
        shared = None
        for note in plan["life_fits"].values():
            found = re.search(r"shape ([\d.]+), the shape", note)
            if found:
                shared = float(found.group(1))
        if shared is None:
            continue
        as_of = datetime.date.fromisoformat(plan["as_of"])
        for sku, rows in records(f"{root}/seed-{seed}/data", as_of, set(plan["life_fits"])).items():
            failures = [t for _, t, failed in rows if failed]
            shape = shape_mle(failures, [t for _, t, _ in rows]) if len(failures) >= 20 else shared
            batches = defaultdict(list)
            for row in rows:
                batches[row[0]].append(row)
            sku_exposure = sum(max(t, 1e-9) ** shape for _, t, _ in rows)
            for batch, own in batches.items():
                k = sum(failed for _, _, failed in own)
                if k < 3 or not batch.startswith(("PO", "RMA")) or len(own) == len(rows):
                    continue
                exposure = sum(max(t, 1e-9) ** shape for _, t, _ in own)
                rest_exposure = sku_exposure - exposure
                rest_failures = len(failures) - k
                bad = (sku, batch) in lives
                expected = exposure * max(rest_failures, 0.5) / rest_exposure
                results["poisson"].append((poisson_at_least(k, expected), bad))
                q = exposure / (exposure + rest_exposure)
                results["binomial"].append((binomial_at_least(k, k + rest_failures, q), bad))
                true_shape, true_scale = lives[(sku, None)]
                true_expected = sum((max(t, 0) / true_scale) ** true_shape for _, t, _ in own)
                results["truth"].append((poisson_at_least(k, true_expected), bad))
    tested = len(results["truth"])
    print(f"{len(seeds)} fleets, {built} bad batches built, {tested} batches with 3 or more failures tested")
    print("bad batches found / batches split that were not built bad, at each threshold of p")
    print("test      " + "".join(f"{'p < ' + format(t, 'g'):>14}" for t in THRESHOLDS))
    for test in ("poisson", "binomial", "truth"):
        cells = []
        for t in THRESHOLDS:
            found = sum(1 for p, bad in results[test] if bad and p < t)
            wrong = sum(1 for p, bad in results[test] if not bad and p < t)
            cells.append(f"{found:>3} / {wrong:<3}".rjust(14))
        print(f"{test:9} " + "".join(cells))

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
