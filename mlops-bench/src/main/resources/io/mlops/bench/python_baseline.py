"""The pandas / scikit-learn side of the mlops benchmark, driven line by line over stdin by Bench.java.

Commands (one per line), each answered with one line:
  load                       -> "load SECONDS ROWS"          pandas.read_csv of the benchmark file
  split TRAIN_FILE TEST_FILE -> "split OK"                   row indexes of the engine's split, one per line
  train                      -> "train SECONDS ACCURACY ITERATIONS"
                                StandardScaler + LogisticRegression() (lbfgs, defaults) on the training rows,
                                accuracy on the test rows
  quit
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

path, label = sys.argv[1], sys.argv[2]
frame = None
train_rows = test_rows = None


def answer(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


answer("ready pandas %s scikit-learn %s numpy %s" % (pd.__version__, __import__("sklearn").__version__, np.__version__))
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    if words[0] == "load":
        started = time.perf_counter()
        frame = pd.read_csv(path)
        answer("load %.6f %d" % (time.perf_counter() - started, len(frame)))
    elif words[0] == "split":
        train_rows = np.loadtxt(words[1], dtype=np.int64)
        test_rows = np.loadtxt(words[2], dtype=np.int64)
        answer("split OK")
    elif words[0] == "train":
        features = frame.drop(columns=[label]).to_numpy(dtype=np.float64)
        labels = frame[label].to_numpy()
        x_train, y_train = features[train_rows], labels[train_rows]
        x_test, y_test = features[test_rows], labels[test_rows]
        started = time.perf_counter()
        scaler = StandardScaler().fit(x_train)
        model = LogisticRegression().fit(scaler.transform(x_train), y_train)
        seconds = time.perf_counter() - started
        accuracy = model.score(scaler.transform(x_test), y_test)
        answer("train %.6f %.6f %d" % (seconds, accuracy, int(np.max(model.n_iter_))))
    elif words[0] == "quit":
        break
    else:
        answer("error unknown command " + words[0])
