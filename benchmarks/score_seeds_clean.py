"""Dev loop for the clean and metadata stages: seeds → records → the shared scorer.

Usage: python benchmarks/score_seeds_clean.py [SEED_DIR] [--verbose]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from newsledger import clean, metadata
from newsledger.document import Document
from newsledger.export import record

SHARED = Path("/work/shared")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    seeds = Path(args[0]) if args else SHARED / "corpus" / "seeds"
    out = Path(tempfile.mkdtemp()) / "records.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for path in sorted(seeds.glob("*.txt")):
            raw = path.read_bytes()
            doc = Document(source=str(path), raw=raw, kind="text", text=raw.decode("utf-8"))
            doc = metadata.extract(clean.clean(doc))
            fh.write(json.dumps(record(doc), ensure_ascii=False) + "\n")
            print(
                f"{path.name}: title={doc.title!r} published={doc.published} "
                f"outlet={doc.outlet!r} dateline={doc.dateline!r} language={doc.language}"
            )
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(seeds), str(out)]
    return subprocess.call(cmd + [a for a in argv if a.startswith("--")])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
