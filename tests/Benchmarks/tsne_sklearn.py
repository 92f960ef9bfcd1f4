#!/usr/bin/python3
"""scikit-learn's Barnes-Hut t-SNE on the activations the Embed benchmark exported: prints "seconds kl".

Run by `dotnet run -c Release --project tests/Benchmarks -- embed` with Debian's python3 and python3-sklearn
(apt-get install python3-sklearn). Same settings as the pipeline: perplexity 30, 1000 iterations, early
exaggeration 12, theta (angle) 0.5, PCA initialisation, every core.
"""
import sys
import time

import numpy as np
from sklearn.manifold import TSNE

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
start = time.perf_counter()
tsne = TSNE(n_components=2, perplexity=30, n_iter=1000, early_exaggeration=12, angle=0.5, init="pca",
            learning_rate="auto", method="barnes_hut", random_state=0, n_jobs=-1)
tsne.fit(x)
print(f"{time.perf_counter() - start:.3f} {tsne.kl_divergence_:.4f}")
