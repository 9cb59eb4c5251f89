#!/usr/bin/env python3
"""Reference learner for bench/trainer-reference.bench.ts.

Reads the split, fold ids and feature matrices exported by the TypeScript side (so both
learners see exactly the same rows) and writes scikit-learn HistGradientBoostingClassifier
probabilities; the benchmark computes every AUC itself with our own metric.

    hist-gbm-reference.py <input.json> <output.json>

Input: {"labels": [0|1], "split": {"train", "validation", "test": [row]}, "folds": [fold per row],
        "seed": int, "inputs": {<name>: {"rows": [[number|null]], "categorical": [bool] | null}}}
Output: {"sklearnVersion": str, "params": {...}, "inputs": {<name>: {
        "testFitTrainValidation": [p per test row], "testFitTrain": [p per test row],
        "outOfFold": [p per row]}}}

Defaults throughout; the only arguments given are random_state (reproducibility only: with
under 10,000 rows the defaults use no early stopping and no subsampling) and, for inputs that
declare them, categorical_features.
"""
import json
import sys

try:
    import numpy as np
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier
except ImportError as error:  # pragma: no cover - the benchmark checks this first
    sys.stderr.write(f"scikit-learn is missing ({error}): apt-get install -y python3-sklearn\n")
    sys.exit(3)


def model(categorical, seed):
    mask = np.array(categorical, dtype=bool) if categorical and any(categorical) else None
    return HistGradientBoostingClassifier(categorical_features=mask, random_state=seed)


def fit_predict(x, y, fit_rows, score_rows, categorical, seed):
    clf = model(categorical, seed).fit(x[fit_rows], y[fit_rows])
    # Column 1 is the probability of class 1 (bad): classes_ is sorted.
    return clf.predict_proba(x[score_rows])[:, 1].tolist()


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    y = np.array(spec["labels"], dtype=int)
    split = {k: np.array(v, dtype=int) for k, v in spec["split"].items()}
    folds = np.array(spec["folds"], dtype=int)
    seed = int(spec["seed"])
    out = {"sklearnVersion": sklearn.__version__, "params": None, "inputs": {}}
    for name, data in spec["inputs"].items():
        # null (a blank cell) becomes NaN: the learner's own missing-value handling.
        x = np.array([[np.nan if v is None else v for v in row] for row in data["rows"]], dtype=float)
        categorical = data.get("categorical")
        out["params"] = {k: repr(v) for k, v in sorted(model(None, seed).get_params().items())}
        fit_all = np.concatenate([split["train"], split["validation"]])
        out_of_fold = np.zeros(len(y))
        for k in sorted(set(folds.tolist())):
            held_out = np.flatnonzero(folds == k)
            rest = np.flatnonzero(folds != k)
            out_of_fold[held_out] = fit_predict(x, y, rest, held_out, categorical, seed)
        out["inputs"][name] = {
            "testFitTrainValidation": fit_predict(x, y, fit_all, split["test"], categorical, seed),
            "testFitTrain": fit_predict(x, y, split["train"], split["test"], categorical, seed),
            "outOfFold": out_of_fold.tolist(),
        }
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(out, handle)


if __name__ == "__main__":
    main()
