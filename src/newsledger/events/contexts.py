"""Why and where: PLOVER contexts from keywords, and the event's location."""

from __future__ import annotations

import re
from functools import cache

from newsledger.events.arguments import Arguments
from newsledger.events.lexicon import cues


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for context, keys in cues()["contexts"].items():
        alts = "|".join(re.escape(k) for k in keys)
        out.append((context, re.compile(rf"\b(?:{alts})", re.IGNORECASE)))
    return out


def contexts(text: str) -> list[str]:
    """Contexts whose keywords occur in `text` (the evidence sentence)."""
    return [name for name, pattern in _patterns() if pattern.search(text)]


def location(args: Arguments, tokens: list) -> str | None:
    """A place attached by "in"/"at" to the trigger or its governing verb."""
    for tok in tokens:
        if tok is None:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    eid = args.entity_at(pobj)
                    ent = args.by_id.get(eid) if eid else None
                    if ent is not None:
                        return ent.name
                    ent_span = next((e for e in pobj.sent.ents if e.start <= pobj.i < e.end), None)
                    return ent_span.text if ent_span is not None else pobj.text
    return None
