"""`make eval`: score the pipeline on the seeds, the development set and PLOVER's gold.

Ingests each corpus with the real CLI into a fresh database, exports it, and runs
the shared scorer (../shared/eval/score.py) on the export, printing its tables:
the shared seeds, the benchmarks/devset* sets and the 322 PLOVER gold-standard
sentences. benchmarks/devset was written by the developers; devset2 to devset24 were
annotated blind to the code. devset2 to devset14 have since been used for error
analysis; devset15 to devset24 are untouched (only their totals are read): the honest
estimate for unseen pages.
Usage: python benchmarks/evaluate.py [--only CORPUS] [--verbose] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(ROOT.parent / "shared")
SEEDS = SHARED / "corpus" / "seeds"
SCORER = SHARED / "eval" / "score.py"
GSR_TOOL = SHARED / "eval" / "plover_gsr" / "gsr_to_gold.py"
DEVSETS = sorted(
    (p.name for p in (ROOT / "benchmarks").glob("devset*") if p.is_dir()),
    key=lambda name: int(name.removeprefix("devset") or 1),
)
PAGES = (".txt", ".html", ".htm")  # the documents of a gold folder; the rest is gold or notes


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, text=True, capture_output=True, **kwargs)
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd[:4]))}: failed\n{done.stderr.strip()[-2000:]}")
    return done


def corpus(gold_dir: Path, work: Path, name: str) -> tuple[Path, Path]:
    """Copy the documents (not the gold files) of `gold_dir` into a folder to ingest."""
    docs = work / name
    docs.mkdir(parents=True, exist_ok=True)
    for path in sorted(gold_dir.iterdir()):
        if path.is_file() and path.name.endswith(PAGES):
            shutil.copy(path, docs / path.name)
    return docs, gold_dir


def score(
    name: str, gold_dir: Path, docs: Path, work: Path, verbose: bool, rows: bool = True
) -> dict:
    db, out = work / f"{name}.db", work / f"{name}.jsonl"
    cli = [sys.executable, "-m", "newsledger"]
    for stale in work.glob(f"{name}.db*"):
        stale.unlink()
    run([*cli, "ingest", str(docs), "--db", str(db), "--quiet"])
    run([*cli, "export", "--db", str(db), "-o", str(out)])
    args = [sys.executable, str(SCORER), str(gold_dir), str(out)]
    table = run([*args, "--verbose"] if verbose else args).stdout
    totals = json.loads(run([*args, "--json"]).stdout)
    if rows or verbose:
        print(f"## {name}\n{table}")
    return totals


SUMMARY_KEYS = [
    "documents", "missing_documents", "body_include", "body_exclude", "metadata",
    "entity_recall", "entity_splits", "entity_merges", "distinct_joined",
    "cross_doc_links", "cross_doc_false_merges", "event_precision", "event_recall",
    "event_f1", "event_duplicates", "non_plover_types", "attribution", "story_links",
    "story_false_merges",
]  # fmt: skip


def print_summary(summary: dict[str, dict]) -> None:
    """One column per corpus, one row per measure: the table the README shows."""
    names = list(summary)
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for key in SUMMARY_KEYS:
        cells = [str(summary[n].get(key, "")) for n in names]
        print(f"| {key} | " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["seeds", *DEVSETS, "gsr"])
    ap.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    opts = ap.parse_args()
    if not SCORER.exists():
        sys.exit(f"{SCORER}: not found (the shared evaluation folder is needed)")
    work = opts.keep or Path(tempfile.mkdtemp(prefix="newsledger-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    summary = {}
    if opts.only in (None, "seeds"):
        docs, gold = corpus(SEEDS, work, "seeds")
        summary["seeds"] = score("seeds", gold, docs, work, opts.verbose)
    for name in DEVSETS:
        folder = ROOT / "benchmarks" / name
        if opts.only in (None, name) and folder.is_dir():
            docs, gold = corpus(folder, work, name)
            summary[name] = score(name, gold, docs, work, opts.verbose)
    if opts.only in (None, "gsr"):
        gold = work / "gsr-gold"
        run([sys.executable, str(GSR_TOOL), str(gold)])
        docs, gold = corpus(gold, work, "gsr")
        summary["gsr"] = score("gsr", gold, docs, work, opts.verbose, rows=False)
    print_summary(summary)
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
