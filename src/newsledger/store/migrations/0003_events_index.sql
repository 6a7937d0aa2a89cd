-- Event index: query events and group them into stories without reading JSON.
-- Only original documents are indexed (near-duplicates repeat their original).

-- `date` is the event's own date, else the document's publication date.
-- `attributed_to` is a global entity id, "sources" or "outlet";
-- `attributed_local` the document-local entity id it came from.
CREATE TABLE event (
    doc_id           TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    negated          INTEGER NOT NULL DEFAULT 0,
    date             TEXT,
    story            TEXT,
    attributed_to    TEXT,
    attributed_local TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX event_type_date ON event (type COLLATE NOCASE, date);
CREATE INDEX event_date ON event (date);
CREATE INDEX event_story ON event (story);
CREATE INDEX event_attributed ON event (attributed_to);

-- `entity_id` is the knowledge-base id (NULL while unresolved); `local_id`
-- the document's Entity.local_id, used to match by the names the document wrote.
CREATE TABLE event_participant (
    doc_id    TEXT NOT NULL,
    idx       INTEGER NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    local_id  TEXT NOT NULL,
    entity_id TEXT,
    PRIMARY KEY (doc_id, idx, role, local_id),
    FOREIGN KEY (doc_id, idx) REFERENCES event (doc_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_participant_entity ON event_participant (entity_id, role);
CREATE INDEX event_participant_local ON event_participant (doc_id, local_id);

-- Every name and alias of every entity of an indexed document, casefolded:
-- name queries work with or without the knowledge-base tables.
CREATE TABLE doc_entity_name (
    name     TEXT NOT NULL,
    doc_id   TEXT NOT NULL REFERENCES document (doc_id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    PRIMARY KEY (name, doc_id, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_entity_name_doc ON doc_entity_name (doc_id);
