"""Near-duplicate detection that costs the same for the millionth article as for the first.

A story re-posted with a changed word, or one wire story in two outlets, shares
most of its word 3-grams with the original. MinHash turns the 3-gram set into
128 numbers whose agreement estimates the Jaccard similarity; LSH cuts them into
bands so that similar documents share at least one band hash. The band hashes of
every original live in `minhash_band` (indexed), so finding candidates is a few
index lookups, each capped, and only candidates are compared; nothing is loaded
into memory between runs.

Changing SEED, NUM_PERM, SHINGLE, the word pattern or the band layout makes the
stored hashes meaningless: such a change needs a migration that rebuilds them.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import cache

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE = 3  # words per shingle
THRESHOLD = 0.8  # estimated Jaccard of 3-gram sets above which a text is a near-duplicate
MIN_WORDS = 10  # shorter bodies (stubs, empty pages) are never deduplicated by content
MAX_PER_BAND = 16  # rows read per band lookup: caps the work per document

_WORD = re.compile(r"\w+")


def words(body: str) -> list[str]:
    """Normalised words: casefolded, punctuation and spacing ignored."""
    return _WORD.findall(body.casefold())


def dedupable(body: str) -> bool:
    """Only bodies with enough words are compared by content (exact or near)."""
    return len(words(body)) >= MIN_WORDS


@cache
def _permutations() -> np.ndarray:
    from datasketch import MinHash  # slow to import: only when a document is saved

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@cache
def _bands() -> tuple[int, int]:
    """(b, r): the band layout datasketch's own LSH chooses for THRESHOLD."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(body: str) -> np.ndarray | None:
    """The MinHash values of the body's word 3-grams, or None for a too short body."""
    tokens = words(body)
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype("<u4")


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, 64-bit hash) per LSH band: equal keys mean equal values in that band."""
    b, r = _bands()
    keys = []
    for band in range(b):
        chunk = sig[band * r : (band + 1) * r].astype("<u4").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


class NearDuplicateIndex:
    """The persistent LSH index over `minhash_band` and `document.minhash`.

    `rows_read` counts the candidate rows the last `find` fetched, so tests can
    check the cost stays bounded as the corpus grows.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.rows_read = 0

    def find(self, sig: np.ndarray, before: int | None = None) -> str | None:
        """doc_id of the most similar indexed document (ingested before `before`), if any."""
        self.rows_read = 0
        candidates: set[str] = set()
        for band, key in band_keys(sig):
            rows = self.conn.execute(
                "SELECT doc_id FROM minhash_band WHERE band = ? AND hash = ? LIMIT ?",
                (band, key, MAX_PER_BAND),
            ).fetchall()
            self.rows_read += len(rows)
            candidates.update(row[0] for row in rows)
        return self._best(sig, candidates, before)

    def _best(self, sig: np.ndarray, candidates: set[str], before: int | None) -> str | None:
        best: tuple[float, int, str] | None = None
        for doc_id in candidates:
            row = self.conn.execute(
                "SELECT seq, minhash FROM document WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            if row is None or row[1] is None or (before is not None and row[0] >= before):
                continue
            score = similarity(sig, from_blob(row[1]))
            if score >= THRESHOLD and (best is None or (-score, row[0]) < (-best[0], best[1])):
                best = (score, row[0], doc_id)
        return best[2] if best else None

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO minhash_band (band, hash, doc_id) VALUES (?, ?, ?)",
            [(band, key, doc_id) for band, key in band_keys(sig)],
        )

    def remove(self, doc_id: str) -> None:
        self.conn.execute("DELETE FROM minhash_band WHERE doc_id = ?", (doc_id,))
