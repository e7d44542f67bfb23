#!/usr/bin/env python3
"""Is a simulated fleet's shared Weibull shape where it should be?

The capacity plan fits one Weibull shape shared by all SKUs (a scale per SKU) to the owned servers' failures. The
simulator draws each SKU's lifetimes from its own Weibull (truth.json), with shapes that differ. This script fits the
same common-shape model to the fleet's own failures, and then to 100 fleets redrawn from the true per-SKU Weibulls
with the same install ages and censoring (a parametric bootstrap), so the fitted shape can be read against what the
model gives when nothing is wrong with the data. It prints the failure-weighted mean of the true shapes beside them.

Usage: scripts/weibull-shape-bootstrap.py DATA_DIR [REPLICATES]   (DATA_DIR from `fleetcast simulate --out`)
Needs NumPy and SciPy (scripts/ensure-sklearn.sh installs both).
"""
import csv
import datetime
import json
import math
import sys

import numpy as np
from scipy.optimize import minimize_scalar


def common_shape(groups):
    """Maximum-likelihood shape shared by all groups, each group's scale profiled out; groups are (ages, failed)."""

    def negative_log_likelihood(shape):
        total = 0.0
        for ages, failed in groups:
            failures = failed.sum()
            if failures == 0:
                continue
            scale_power = (ages**shape).sum() / failures
            total += (failures * math.log(shape) - failures * math.log(scale_power)
                      + (shape - 1) * np.log(ages[failed]).sum() - failures)
        return -total

    result = minimize_scalar(lambda log_shape: negative_log_likelihood(math.exp(log_shape)),
                             bounds=(math.log(0.1), math.log(20)), method="bounded")
    return math.exp(result.x)


def main():
    data = sys.argv[1]
    replicates = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    truth = json.load(open(f"{data}/truth.json"))
    end = datetime.date.fromisoformat(truth["config"]["end"])
    weibulls = {(w["sku"], w["batch"]): (w["shape"], w["scale_days"]) for w in truth["weibull"]}
    bad_batches = {w["batch"] for w in truth["weibull"] if w["batch"]}
    observed = {}  # sku -> [(age in days, failed)]
    exposure = {}  # sku -> [days from install to retirement or the end of the data]
    for row in csv.DictReader(open(f"{data}/assets.csv")):
        if row["ownership"] != "owned" or row["batch"] in bad_batches:
            continue
        installed = datetime.date.fromisoformat(row["install_date"])
        if installed > end:
            continue
        stop = end
        if row["retire_date"]:
            stop = min(stop, datetime.date.fromisoformat(row["retire_date"]))
        exposure.setdefault(row["sku"], []).append(max((stop - installed).days, 0.5))
        failed = False
        if row["failure_date"]:
            failure = datetime.date.fromisoformat(row["failure_date"])
            if failure <= stop:
                stop, failed = failure, True
        observed.setdefault(row["sku"], []).append((max((stop - installed).days, 0.5), failed))

    groups = [(np.array([a for a, _ in g]), np.array([f for _, f in g])) for g in observed.values()]
    failures = {sku: sum(f for _, f in g) for sku, g in observed.items()}
    weighted = sum(weibulls[(sku, None)][0] * n for sku, n in failures.items()) / sum(failures.values())

    rng = np.random.default_rng(1)
    estimates = []
    for _ in range(replicates):
        redrawn = []
        for sku, limits in exposure.items():
            limits = np.array(limits)
            shape, scale = weibulls[(sku, None)]
            lifetimes = scale * rng.weibull(shape, len(limits))
            failed = lifetimes < limits
            redrawn.append((np.where(failed, lifetimes, limits), failed))
        estimates.append(common_shape(redrawn))

    print(f"common shape fitted to the fleet: {common_shape(groups):.3f} ({sum(failures.values())} failures)")
    print(f"same model on {replicates} fleets redrawn from the true Weibulls: "
          f"mean {np.mean(estimates):.3f}, sd {np.std(estimates):.3f}")
    print(f"failure-weighted mean of the true shapes: {weighted:.3f}")
    for sku in sorted(observed):
        shape, scale = weibulls[(sku, None)]
        print(f"  {sku}: {len(observed[sku])} servers, {failures[sku]} failures, "
              f"true shape {shape:.2f}, scale {scale:.0f} days")


if __name__ == "__main__":
    main()
