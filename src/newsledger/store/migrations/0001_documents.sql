-- Documents, the near-duplicate index, raw-byte aliases, runs and failures.

-- One row per stored article. `seq` is the ingest order; raw and text are
-- zlib-compressed so `reprocess` can rerun the pipeline without the inputs.
CREATE TABLE document (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id       TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    raw          BLOB NOT NULL,
    text         BLOB,
    given        TEXT NOT NULL DEFAULT '{}',
    body         TEXT NOT NULL DEFAULT '',
    title        TEXT,
    published    TEXT,
    outlet       TEXT,
    dateline     TEXT,
    language     TEXT,
    content_hash TEXT,
    duplicate_of TEXT,
    minhash      BLOB,
    notes        TEXT NOT NULL DEFAULT '[]',
    sentences    TEXT NOT NULL DEFAULT '[]',
    mentions     TEXT NOT NULL DEFAULT '[]',
    entities     TEXT NOT NULL DEFAULT '[]',
    events       TEXT NOT NULL DEFAULT '[]',
    ingested_at  TEXT NOT NULL,
    updated_at   TEXT
);
CREATE INDEX document_content_hash ON document (content_hash);
CREATE INDEX document_duplicate_of ON document (duplicate_of);

-- Raw bytes that turned out to hold an already stored article (same cleaned
-- text in another wrapper): remembered so the next run skips them before cleaning.
CREATE TABLE raw_alias (
    raw_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL
) WITHOUT ROWID;

-- MinHash LSH bands of original (non-duplicate) documents: a new document is
-- compared only with the documents sharing one of its band hashes.
CREATE TABLE minhash_band (
    band   INTEGER NOT NULL,
    hash   INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (band, hash, doc_id)
) WITHOUT ROWID;
CREATE INDEX minhash_band_doc ON minhash_band (doc_id);

-- One row per process that wrote to the database; failures belong to a run.
CREATE TABLE run (
    run_id     TEXT PRIMARY KEY,
    started_at TEXT NOT NULL
);

CREATE TABLE failure (
    id      INTEGER PRIMARY KEY,
    run_id  TEXT NOT NULL,
    source  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    skipped INTEGER NOT NULL DEFAULT 0,
    at      TEXT NOT NULL
);
CREATE INDEX failure_run ON failure (run_id);
CREATE INDEX failure_source ON failure (source);
