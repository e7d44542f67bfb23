"""The peer of `fleetcast bench rul --peer`: scikit-learn's HistGradientBoostingRegressor on the feature matrices
Fleetcast wrote (train.csv, test.csv: features then `target`, empty cells missing), with the settings Fleetcast's own
trees use where scikit-learn has them. Prints one JSON document: rmse and NASA score against the truth capped at CAP,
the uncapped RMSE, and the training time in seconds.

Usage: python3 cmapss_sklearn.py TRAIN.csv TEST.csv CAP
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor


def load(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1, filling_values=np.nan)
    return data[:, :-1], data[:, -1]


def main():
    train_path, test_path, cap = sys.argv[1], sys.argv[2], float(sys.argv[3])
    x_train, y_train = load(train_path)
    x_test, truth = load(test_path)
    model = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, min_samples_leaf=40, l2_regularization=1.0,
        max_bins=255, early_stopping=False, random_state=7)
    started = time.perf_counter()
    model.fit(x_train, y_train)
    seconds = time.perf_counter() - started
    predicted = np.clip(model.predict(x_test), 0, cap)
    capped = np.minimum(truth, cap)
    d = predicted - capped
    score = float(np.sum(np.where(d < 0, np.expm1(-d / 13), np.expm1(d / 10))))
    print(json.dumps({
        "method": "scikit-learn HistGradientBoostingRegressor",
        "rmse": float(np.sqrt(np.mean(d ** 2))),
        "score": score,
        "rmse_uncapped": float(np.sqrt(np.mean((predicted - truth) ** 2))),
        "train_seconds": seconds,
        "version": sklearn.__version__,
    }))


if __name__ == "__main__":
    main()
