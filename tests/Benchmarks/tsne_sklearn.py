#!/usr/bin/python3
"""scikit-learn's Barnes-Hut t-SNE on the activations the Embed benchmark exported, and the exact KL of both layouts.

Run by `dotnet run -c Release --project tests/Benchmarks -- embed` with Debian's python3 and python3-sklearn
(apt-get install python3-sklearn). Input: a CSV with header x,y,v_0..v_k (x,y: this project's layout).
Same settings as the pipeline: perplexity 30, 1000 iterations, early exaggeration 12, theta (angle) 0.5, PCA
initialisation, every core. Each library reports a Barnes-Hut estimate of its KL; with many identical points
(songs the model sees the same) those estimates drift, so both layouts are also scored exactly, with
scikit-learn's own P and Z summed over every pair.
Prints: "sklearn_seconds sklearn_reported_kl sklearn_exact_kl ours_exact_kl".
"""
import sys
import time

import numpy as np
from sklearn.manifold import TSNE
from sklearn.manifold._t_sne import _joint_probabilities_nn
from sklearn.neighbors import NearestNeighbors

data = np.genfromtxt(sys.argv[1], delimiter=",", names=True)
x = np.column_stack([data[name] for name in data.dtype.names if name.startswith("v_")])
ours = np.column_stack([data["x"], data["y"]])
n = len(x)

start = time.perf_counter()
tsne = TSNE(n_components=2, perplexity=30, n_iter=1000, early_exaggeration=12, angle=0.5, init="pca",
            learning_rate="auto", method="barnes_hut", random_state=0, n_jobs=-1)
theirs = tsne.fit_transform(x)
seconds = time.perf_counter() - start

distances = NearestNeighbors(n_neighbors=min(n - 1, 90), n_jobs=-1).fit(x).kneighbors_graph(mode="distance")
distances.data **= 2
p = _joint_probabilities_nn(distances, 30, 0).tocoo()


def exact_kl(y):
    z = 0.0
    for s in range(0, n, 1000):
        block = 1 / (1 + ((y[s:s + 1000, None, :] - y[None, :, :]) ** 2).sum(-1))
        z += block.sum() - len(block)  # less the diagonal, q_ii = 1
    q = 1 / (1 + ((y[p.row] - y[p.col]) ** 2).sum(-1)) / z
    return float((p.data * np.log(np.maximum(p.data, 1e-12) / np.maximum(q, 1e-300))).sum())


print(f"{seconds:.3f} {tsne.kl_divergence_:.4f} {exact_kl(theirs):.4f} {exact_kl(ours):.4f}")
