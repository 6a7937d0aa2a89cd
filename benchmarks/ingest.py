"""Benchmark "ingest + clean": read, clean, metadata and SQLite store, without NLP.

For each N (1,000 and 10,000; `--quick`: 100 and 1,000) the script writes N synthetic
text dumps (benchmarks/generate.py) into a temporary folder, then times the path a real
ingest takes minus the model-backed stages: `read.iter_inputs` → `pipeline.prepare`
(clean + metadata) → `store.save_batch`, one batch per `store.transaction()`, into a
fresh database opened with `store.open_store`. Writing the pages is not timed.

Memory: each N runs in its own child process (`--child N`), and the child reports its
peak resident set size from `resource.getrusage(RUSAGE_SELF).ru_maxrss`. A separate
process per run makes the peak belong to that run alone, and RSS (unlike tracemalloc)
also counts memory held by C extensions such as lxml and SQLite. The peak includes the
interpreter and imported libraries, which is the point: if the stream is really batched,
ten times the documents must not mean more memory, so the 10k/1k peak ratio must stay
≤ 1.2. The script exits with status 1 when it does not.

Run: `python benchmarks/ingest.py [--quick] [--seed S] [--batch-size B]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_pages  # noqa: E402

from newsledger.document import Document, Failure  # noqa: E402
from newsledger.pipeline import BATCH_SIZE, batched, prepare  # noqa: E402
from newsledger.read import iter_inputs  # noqa: E402
from newsledger.store import open_store  # noqa: E402

FULL = (1_000, 10_000)
QUICK = (100, 1_000)
MAX_RATIO = 1.2


def peak_mib() -> float:
    """Peak RSS of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def ingest_without_nlp(folder: Path, db: Path, batch_size: int) -> dict[str, int]:
    """The pipeline's ingest path minus `analyse`: what a document costs before spaCy."""
    counts = {"documents": 0, "failures": 0, "new": 0, "known": 0, "near_duplicate": 0}
    store = open_store(db)
    try:
        for chunk in batched(iter_inputs([folder]), batch_size):
            docs = [prepare(item) for item in chunk if isinstance(item, Document)]
            failures = [item for item in chunk if isinstance(item, Failure)]
            counts["documents"] += len(docs)
            counts["failures"] += len(failures)
            with store.transaction():
                for failure in failures:
                    store.record_failure(failure)
                for result in store.save_batch(docs):
                    counts[result.status] = counts.get(result.status, 0) + 1
    finally:
        store.close()
    return counts


def child(n: int, seed: int, batch_size: int) -> dict:
    """One measured run, in its own process; returns what the parent prints."""
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as tmp:
        pages = Path(tmp) / "pages"
        write_pages(pages, n, seed)
        start = time.perf_counter()
        counts = ingest_without_nlp(pages, Path(tmp) / "bench.db", batch_size)
        seconds = time.perf_counter() - start
        db_mib = (Path(tmp) / "bench.db").stat().st_size / (1024 * 1024)
    return {"n": n, "seconds": seconds, "peak_mib": peak_mib(), "db_mib": db_mib, **counts}


def run_child(n: int, seed: int, batch_size: int) -> dict:
    command = [sys.executable, __file__, "--child", str(n), "--seed", str(seed)]
    command += ["--batch-size", str(batch_size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"run with N={n} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: list[dict]) -> float:
    """Print the table; returns the peak-memory ratio of the largest to the smallest run."""
    print(f"{'N':>7} {'seconds':>9} {'docs/s':>9} {'peak MiB':>9} {'DB MiB':>7}  stored")
    for row in rows:
        rate = row["documents"] / row["seconds"] if row["seconds"] else float("inf")
        stored = (
            f"new {row['new']}, near-dup {row['near_duplicate']}, "
            f"known {row['known']}, failed {row['failures']}"
        )
        print(
            f"{row['n']:>7,} {row['seconds']:>9.2f} {rate:>9.1f} "
            f"{row['peak_mib']:>9.1f} {row['db_mib']:>7.1f}  {stored}"
        )
    ratio = rows[-1]["peak_mib"] / rows[0]["peak_mib"]
    label = f"{rows[-1]['n'] // 1000}k/{rows[0]['n'] // 1000}k" if rows[0]["n"] >= 1000 else ""
    label = label or f"{rows[-1]['n']}/{rows[0]['n']}"
    verdict = "ok" if ratio <= MAX_RATIO else f"FAIL: above {MAX_RATIO}"
    print(f"peak memory ratio {label}: {ratio:.2f} ({verdict})")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 100 and 1,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.seed, args.batch_size)))
        return
    sizes = QUICK if args.quick else FULL
    rows = [run_child(n, args.seed, args.batch_size) for n in sizes]
    if report(rows) > MAX_RATIO:
        sys.exit(1)


if __name__ == "__main__":
    main()
