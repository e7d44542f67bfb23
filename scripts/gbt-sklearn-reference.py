"""Writes the reference cases GradientBoostedTreesTest checks Fleetcast's trees against: Friedman's #1 regression
problem and a two-class problem with missing values, drawn with a fixed NumPy seed, and what scikit-learn's
HistGradientBoosting models score on their test halves with the same settings. Run (needs scikit-learn:
scripts/ensure-sklearn.sh):

    /usr/bin/python3 scripts/gbt-sklearn-reference.py fleetcast-prognostics/src/test/resources/io/fleetcast/prognostics/model
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import average_precision_score, log_loss


def write(path, x, y):
    with open(path, "w") as out:
        out.write(",".join(f"x{i}" for i in range(x.shape[1])) + ",y\n")
        for row, target in zip(x, y):
            out.write(",".join("" if np.isnan(v) else repr(float(v)) for v in row) + "," + repr(float(target)) + "\n")


def main():
    folder = sys.argv[1]
    rng = np.random.default_rng(20261203)
    settings = dict(max_iter=200, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0,
                    max_bins=255, early_stopping=False, random_state=0)
    reference = {"sklearn": sklearn.__version__, "settings": settings}

    # Friedman #1: y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + N(0, 1); x5..x9 are noise.
    n = 4000
    x = rng.uniform(size=(n, 10))
    y = 10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
    y = y + rng.normal(size=n)
    write(os.path.join(folder, "friedman1.csv"), x, y)
    half = n // 2
    model = HistGradientBoostingRegressor(**settings).fit(x[:half], y[:half])
    reference["friedman1_test_rmse"] = float(np.sqrt(np.mean((model.predict(x[half:]) - y[half:]) ** 2)))

    # Two classes: log-odds -3 + 2 x0 - 1.5 x1 + 3 x2 x3, with 10% of x0 missing (missing means high risk).
    x = rng.normal(size=(n, 6))
    logit = -3 + 2 * x[:, 0] - 1.5 * x[:, 1] + 3 * x[:, 2] * x[:, 3]
    missing = rng.uniform(size=n) < 0.1
    logit = np.where(missing, logit + 2, logit)
    x[missing, 0] = np.nan
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(float)
    write(os.path.join(folder, "classes.csv"), x, y)
    model = HistGradientBoostingClassifier(**settings).fit(x[:half], y[:half])
    p = model.predict_proba(x[half:])[:, 1]
    reference["classes_test_log_loss"] = float(log_loss(y[half:], p))
    reference["classes_test_average_precision"] = float(average_precision_score(y[half:], p))
    reference["classes_test_positives"] = int(y[half:].sum())

    # The linear baseline on the same two classes: features standardised with the training half's mean and sample
    # standard deviation (ddof=1), a missing value as the mean, L2 penalty 1 on the coefficients (C = 1), no penalty
    # on the intercept.
    from sklearn.linear_model import LogisticRegression
    means = np.nanmean(x[:half], axis=0)
    deviations = np.nanstd(x[:half], axis=0, ddof=1)
    def standardise(rows):
        z = (rows - means) / deviations
        return np.where(np.isnan(z), 0.0, z)
    linear = LogisticRegression(C=1.0, tol=1e-12, max_iter=10000).fit(standardise(x[:half]), y[:half])
    p = linear.predict_proba(standardise(x[half:]))[:, 1]
    reference["logistic_intercept"] = float(linear.intercept_[0])
    reference["logistic_coefficients"] = [float(c) for c in linear.coef_[0]]
    reference["logistic_test_log_loss"] = float(log_loss(y[half:], p))

    with open(os.path.join(folder, "sklearn-reference.json"), "w") as out:
        json.dump(reference, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
