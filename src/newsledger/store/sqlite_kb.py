"""Knowledge-base tables (entities, aliases, blocking keys, roles, merges) for SQLite.

`SQLiteStore` mixes this in; every method works on `self.conn` inside whatever
transaction the caller holds. Candidate lookups are bounded per key, so the
work per new document does not grow with the size of the knowledge base.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsledger.store.base import KBEntity, StoreError

CANDIDATES_PER_KEY = 25
_MAX_ALIASES = 60
_MAX_CONTEXT = 80


def _norm(text: str) -> str:
    from newsledger.entities.keys import norm

    return norm(text)


class KBTables:
    """Entity knowledge base on `self.conn`."""

    conn: sqlite3.Connection

    # --- resolution interface ------------------------------------------------
    def entity_candidates(self, keys: set[str]) -> list[KBEntity]:
        ids: list[str] = []
        for key in sorted(keys):
            rows = self.conn.execute(
                "SELECT entity_id FROM kb_keys WHERE key = ? LIMIT ?", (key, CANDIDATES_PER_KEY)
            )
            for (eid,) in rows:
                eid = self.canonical_entity_id(eid)
                if eid not in ids:
                    ids.append(eid)
        return [e for e in (self.kb_entity(i) for i in ids) if e is not None]

    def kb_entity(self, entity_id: str) -> KBEntity | None:
        row = self.conn.execute(
            "SELECT id, name, type, country, sector FROM kb_entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            return None
        aliases = {
            a
            for (a,) in self.conn.execute(
                "SELECT alias FROM kb_aliases WHERE entity_id = ? LIMIT ?",
                (entity_id, _MAX_ALIASES),
            )
        }
        roles = [
            {"title": t, "organisation": o, "country": c, "former": bool(f), "as_of": d}
            for t, o, c, f, d in self.conn.execute(
                "SELECT title, organisation, country, former, as_of FROM kb_roles"
                " WHERE entity_id = ? LIMIT 20",
                (entity_id,),
            )
        ]
        context = {
            o
            for (o,) in self.conn.execute(
                "SELECT other_id FROM kb_context WHERE entity_id = ? ORDER BY n DESC LIMIT ?",
                (entity_id, _MAX_CONTEXT),
            )
        }
        return KBEntity(row[0], row[1], row[2], aliases, row[3], row[4], roles, context)

    def upsert_entity(self, entity: KBEntity, keys: set[str], reason: str | None) -> str:
        eid = entity.id
        if not eid:
            cur = self.conn.execute(
                "INSERT INTO kb_entities(name, type, country, sector) VALUES (?, ?, ?, ?)",
                (entity.name, entity.type, entity.country, entity.sector),
            )
            eid = f"E{cur.lastrowid}"
            self.conn.execute("UPDATE kb_entities SET id = ? WHERE num = ?", (eid, cur.lastrowid))
        else:
            eid = self.canonical_entity_id(eid)
            self._improve(eid, entity)
        for alias in {entity.name, *entity.aliases}:
            self.conn.execute(
                "INSERT OR IGNORE INTO kb_aliases(entity_id, alias, norm) VALUES (?, ?, ?)",
                (eid, alias, _norm(alias)),
            )
        self.conn.executemany(
            "INSERT OR IGNORE INTO kb_keys(key, entity_id) VALUES (?, ?)", [(k, eid) for k in keys]
        )
        for other in entity.context:
            self.conn.execute(
                "INSERT INTO kb_context(entity_id, other_id) VALUES (?, ?) "
                "ON CONFLICT(entity_id, other_id) DO UPDATE SET n = n + 1",
                (eid, other),
            )
        if reason:
            self.record_link(eid, None, entity.name, None, reason)
        return eid

    def _improve(self, eid: str, entity: KBEntity) -> None:
        """A fuller name replaces a shorter one unless a gazetteer anchored the name."""
        row = self.conn.execute(
            "SELECT name, anchored FROM kb_entities WHERE id = ?", (eid,)
        ).fetchone()
        if row and not row[1] and _better_name(entity.name, row[0], entity.type):
            self.conn.execute("UPDATE kb_entities SET name = ? WHERE id = ?", (entity.name, eid))
        self.conn.execute(
            "UPDATE kb_entities SET country = COALESCE(country, ?), sector = COALESCE(sector, ?)"
            " WHERE id = ?",
            (entity.country, entity.sector, eid),
        )

    def anchored_name(self, entity_id: str) -> str | None:
        """The canonical name a user gazetteer gave this entity, if any."""
        row = self.conn.execute(
            "SELECT name FROM kb_entities WHERE id = ? AND anchored = 1", (entity_id,)
        ).fetchone()
        return row[0] if row else None

    def canonical_entity_id(self, entity_id: str) -> str:
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            row = self.conn.execute(
                "SELECT merged_into FROM kb_entities WHERE id = ?", (entity_id,)
            ).fetchone()
            if not row or not row[0]:
                return entity_id
            entity_id = row[0]
        return entity_id

    def add_context(self, entity_ids: list[str]) -> None:
        """These entities were named in one document: each is context for the others."""
        pairs = [(a, b) for a in entity_ids for b in entity_ids if a != b]
        self.conn.executemany(
            "INSERT INTO kb_context(entity_id, other_id) VALUES (?, ?) "
            "ON CONFLICT(entity_id, other_id) DO UPDATE SET n = n + 1",
            pairs,
        )

    def record_link(
        self, entity_id: str, doc_id: str | None, surface: str, score: float | None, reason: str
    ) -> None:
        self.conn.execute(
            "INSERT INTO kb_links(entity_id, doc_id, surface, score, reason)"
            " VALUES (?, ?, ?, ?, ?)",
            (entity_id, doc_id, surface, score, reason),
        )

    def add_roles(
        self, entity_id: str, roles: list[dict[str, Any]], as_of: str | None, doc_id: str | None
    ) -> None:
        for r in roles:
            self.conn.execute(
                "INSERT OR IGNORE INTO kb_roles(entity_id, title, organisation, country, former,"
                " as_of,"
                " evidence, doc_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entity_id,
                    r["title"],
                    r.get("organisation"),
                    r.get("country"),
                    int(bool(r.get("former"))),
                    r.get("as_of", as_of),
                    r.get("evidence", ""),
                    doc_id,
                ),
            )

    def add_mention(self, entity_id: str, doc_id: str, local_id: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO kb_mentions(entity_id, doc_id, local_id) VALUES (?, ?, ?)",
            (entity_id, doc_id, local_id),
        )

    def forget_document(self, doc_id: str) -> None:
        """Before re-resolving a document (reprocess): its old mentions and roles go."""
        self.conn.execute("DELETE FROM kb_mentions WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM kb_roles WHERE doc_id = ?", (doc_id,))

    def correction_for(self, norms: set[str]) -> str | None:
        """The entity an analyst assigned one of these surface forms to (split, alias add)."""
        for n in sorted(norms):
            row = self.conn.execute(
                "SELECT b, a, action FROM kb_corrections WHERE alias_norm = ? "
                "AND action IN ('split', 'alias_add') ORDER BY seq DESC LIMIT 1",
                (n,),
            ).fetchone()
            if row:
                return self.canonical_entity_id(row[0] if row[2] == "split" else row[1])
        return None

    # --- analyst corrections -----------------------------------------------------
    def _require(self, entity_id: str) -> str:
        row = self.conn.execute("SELECT id FROM kb_entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise StoreError(f"no entity {entity_id}")
        return self.canonical_entity_id(entity_id)

    def merge(self, a: str, b: str) -> str:
        """B now lives under A: its aliases, keys, roles and documents move; returns A."""
        a, b = self._require(a), self._require(b)
        if a == b:
            return a
        for table in ("kb_aliases", "kb_keys", "kb_roles", "kb_mentions", "kb_context"):
            self.conn.execute(
                f"UPDATE OR IGNORE {table} SET entity_id = ? WHERE entity_id = ?", (a, b)
            )
        self.conn.execute("UPDATE kb_entities SET merged_into = ? WHERE id = ?", (a, b))
        self.conn.execute("INSERT INTO kb_corrections(action, a, b) VALUES ('merge', ?, ?)", (a, b))
        self.record_link(a, None, b, None, f"analyst merge: {b} into {a}")
        return a

    def split(self, a: str, *aliases: str) -> str:
        """Move `aliases` of A to a new entity; re-resolution keeps sending them there."""
        from newsledger.entities.keys import blocking_keys

        a = self._require(a)
        row = self.conn.execute(
            "SELECT type, country, sector FROM kb_entities WHERE id = ?", (a,)
        ).fetchone()
        new = KBEntity("", aliases[0], row[0], set(aliases[1:]))  # country/sector: A's, not B's
        norms = {_norm(x) for x in aliases}
        for n in norms:
            self.conn.execute("DELETE FROM kb_aliases WHERE entity_id = ? AND norm = ?", (a, n))
            self.conn.execute(
                "DELETE FROM kb_keys WHERE entity_id = ? AND key LIKE ?", (a, f"x:%:{n}")
            )
        keys = set().union(*(blocking_keys(x, row[0]) for x in aliases))
        b = self.upsert_entity(new, keys, f"analyst split from {a}")
        for n in norms:
            self.conn.execute(
                "INSERT INTO kb_corrections(action, a, b, alias_norm) VALUES ('split', ?, ?, ?)",
                (a, b, n),
            )
        return b

    def alias_add(self, a: str, alias: str) -> None:
        from newsledger.entities.keys import blocking_keys

        a = self._require(a)
        (type_,) = self.conn.execute("SELECT type FROM kb_entities WHERE id = ?", (a,)).fetchone()
        self.conn.execute(
            "INSERT OR IGNORE INTO kb_aliases(entity_id, alias, norm) VALUES (?, ?, ?)",
            (a, alias, _norm(alias)),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO kb_keys(key, entity_id) VALUES (?, ?)",
            [(k, a) for k in blocking_keys(alias, type_)],
        )
        self.conn.execute(
            "INSERT INTO kb_corrections(action, a, alias_norm) VALUES ('alias_add', ?, ?)",
            (a, _norm(alias)),
        )
        self.record_link(a, None, alias, None, "analyst added alias")

    # names accepted where the CLI lets a user type a name or an id
    def _id_for(self, name_or_id: str) -> str:
        eid = self.find_entity(name_or_id)
        if eid is None:
            raise StoreError(f"no entity named {name_or_id!r}")
        return eid

    def merge_entities(self, keep: str, other: str) -> str:
        return self.merge(self._id_for(keep), self._id_for(other))

    def split_entity(self, name: str, aliases: list[str]) -> str:
        return self.split(self._id_for(name), *aliases)

    def add_alias(self, name: str, alias: str) -> str:
        eid = self._id_for(name)
        self.alias_add(eid, alias)
        return eid

    def anchor_entity(self, entry: dict[str, Any]) -> str:
        """A user gazetteer entry: found by its aliases, its name wins over what documents say."""
        from newsledger.entities.keys import blocking_keys

        names = [entry["name"], *entry.get("aliases", [])]
        keys = set().union(*(blocking_keys(n, entry["type"], entry.get("country")) for n in names))
        exact = {k for k in keys if k.startswith(("x:", "country:"))}
        found = self.entity_candidates(exact)
        ent = KBEntity(
            found[0].id if found else "",
            entry["name"],
            entry["type"],
            set(names),
            entry.get("country"),
            entry.get("sector"),
        )
        eid = self.upsert_entity(ent, keys, "gazetteer entry")
        self.conn.execute(
            "UPDATE kb_entities SET name = ?, anchored = 1, wikidata = COALESCE(?, wikidata)"
            " WHERE id = ?",
            (entry["name"], entry.get("wikidata"), eid),
        )
        self.add_roles(
            eid,
            [
                {
                    "title": r.get("title", ""),
                    "organisation": r.get("organisation"),
                    "country": r.get("country"),
                    "former": r.get("former", False),
                    "as_of": r.get("as_of") or r.get("start"),
                    "evidence": "gazetteer",
                }
                for r in entry.get("roles", [])
                if r.get("title")
            ],
            None,
            None,
        )
        return eid

    # --- queries for the CLI ---------------------------------------------------------
    def list_entities(
        self, type: str | None = None, search: str | None = None, limit: int | None = 100
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT e.id, e.name, e.type, e.country, e.sector,"
            " (SELECT COUNT(*) FROM kb_mentions m WHERE m.entity_id = e.id) AS docs"
            " FROM kb_entities e WHERE e.merged_into IS NULL"
        )
        args: list[Any] = []
        if type:
            sql += " AND e.type = ?"
            args.append(type.upper())
        if search:
            sql += " AND e.id IN (SELECT entity_id FROM kb_aliases WHERE norm LIKE ?)"
            args.append(f"%{_norm(search)}%")
        sql += " ORDER BY docs DESC, e.name"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cols = ("id", "name", "type", "country", "sector", "documents")
        rows = [dict(zip(cols, row, strict=True)) for row in self.conn.execute(sql, args)]
        for row in rows:
            row["aliases"] = [
                a
                for (a,) in self.conn.execute(
                    "SELECT alias FROM kb_aliases WHERE entity_id = ? LIMIT 12", (row["id"],)
                )
                if a != row["name"]
            ]
        return rows

    def find_entity(self, name_or_id: str) -> str | None:
        row = self.conn.execute("SELECT id FROM kb_entities WHERE id = ?", (name_or_id,)).fetchone()
        if row:
            return self.canonical_entity_id(row[0])
        row = self.conn.execute(
            "SELECT a.entity_id FROM kb_aliases a"
            " LEFT JOIN kb_mentions m ON m.entity_id = a.entity_id"
            " WHERE a.norm = ? GROUP BY a.entity_id ORDER BY COUNT(m.doc_id) DESC LIMIT 1",
            (_norm(name_or_id),),
        ).fetchone()
        return self.canonical_entity_id(row[0]) if row else None

    def entity_profile(self, name_or_id: str) -> dict[str, Any] | None:
        eid = self.find_entity(name_or_id)
        if eid is None:
            return None
        ent = self.kb_entity(eid)
        roles = [
            dict(
                zip(
                    ("title", "organisation", "country", "former", "as_of", "evidence", "doc_id"),
                    r,
                    strict=True,
                )
            )
            for r in self.conn.execute(
                "SELECT title, organisation, country, former, as_of, evidence, doc_id FROM kb_roles"
                " WHERE entity_id = ? ORDER BY as_of IS NULL, as_of, rowid",
                (eid,),
            )
        ]
        docs = [
            d
            for (d,) in self.conn.execute(
                "SELECT DISTINCT doc_id FROM kb_mentions WHERE entity_id = ?", (eid,)
            )
        ]
        why = [
            dict(zip(("doc_id", "surface", "score", "reason"), r, strict=True))
            for r in self.conn.execute(
                "SELECT doc_id, surface, score, reason FROM kb_links"
                " WHERE entity_id = ? ORDER BY seq",
                (eid,),
            )
        ]
        merged = [
            m
            for (m,) in self.conn.execute(
                "SELECT id FROM kb_entities WHERE merged_into = ?", (eid,)
            )
        ]
        return {
            "id": eid,
            "name": ent.name,
            "type": ent.type,
            "country": ent.country,
            "sector": ent.sector,
            "aliases": sorted(ent.aliases),
            "roles": roles,
            "documents": docs,
            "links": why,
            "merged_from": merged,
            "merges": [_why(w) for w in why if not (w["reason"] or "").startswith("new")],
        }


def _why(link: dict[str, Any]) -> str:
    score = f" (score {link['score']:.2f})" if link.get("score") is not None else ""
    where = f" in {link['doc_id']}" if link.get("doc_id") else ""
    return f"{link.get('surface')}{where}: {link.get('reason')}{score}"


def _better_name(new: str, old: str, type_: str) -> bool:
    """A fuller person name, or the page's ordinary spelling over a dateline's CAPITALS."""
    if old.isupper() and not new.isupper() and _norm(new) == _norm(old):
        return True
    return type_ == "PERSON" and len(_norm(new)) > len(_norm(old))
