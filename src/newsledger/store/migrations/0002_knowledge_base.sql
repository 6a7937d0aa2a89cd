-- Knowledge base: entities with global ids, their aliases, blocking keys,
-- roles over time, the documents that mention them, why each link was made,
-- and analyst corrections (which re-resolution consults, so they survive reprocess).

CREATE TABLE IF NOT EXISTS kb_entities (
    num INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT UNIQUE,                    -- "E17"
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    wikidata TEXT,
    anchored INTEGER NOT NULL DEFAULT 0, -- from a user gazetteer: its name wins
    merged_into TEXT                   -- analyst merge: the id this one now lives under
);
CREATE INDEX IF NOT EXISTS kb_entities_name ON kb_entities(name);

CREATE TABLE IF NOT EXISTS kb_aliases (
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (entity_id, norm)
);
CREATE INDEX IF NOT EXISTS kb_aliases_norm ON kb_aliases(norm);

CREATE TABLE IF NOT EXISTS kb_keys (
    key TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
);

CREATE TABLE IF NOT EXISTS kb_roles (
    entity_id TEXT NOT NULL,
    title TEXT NOT NULL,
    organisation TEXT,
    country TEXT,
    former INTEGER NOT NULL DEFAULT 0,
    as_of TEXT,
    evidence TEXT,
    doc_id TEXT,
    UNIQUE (entity_id, title, organisation, country, former, as_of, doc_id)
);
CREATE INDEX IF NOT EXISTS kb_roles_entity ON kb_roles(entity_id);

CREATE TABLE IF NOT EXISTS kb_mentions (
    entity_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX IF NOT EXISTS kb_mentions_entity ON kb_mentions(entity_id);

CREATE TABLE IF NOT EXISTS kb_context (
    entity_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (entity_id, other_id)
);

CREATE TABLE IF NOT EXISTS kb_links (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id TEXT NOT NULL,
    doc_id TEXT,
    surface TEXT,
    score REAL,
    reason TEXT
);
CREATE INDEX IF NOT EXISTS kb_links_entity ON kb_links(entity_id);

CREATE TABLE IF NOT EXISTS kb_corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action TEXT NOT NULL,     -- merge | split | alias_add
    a TEXT NOT NULL,
    b TEXT,
    alias_norm TEXT,
    created TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS kb_corrections_alias ON kb_corrections(alias_norm);
