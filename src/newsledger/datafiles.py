"""The one reader of newsledger/data/: vocabularies, patterns and gazetteers.

Every stage reads its word lists through `data_file`, parsed once per process,
so a linguist edits TOML or JSON and no stage keeps its own loader.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def data_file(*parts: str) -> Any:
    """A JSON or TOML file under newsledger/data/ (callers only read the result)."""
    raw = resources.files("newsledger").joinpath("data", *parts).read_bytes()
    return tomllib.loads(raw.decode("utf-8")) if parts[-1].endswith(".toml") else json.loads(raw)
