-- Kizuna's core schema: documents as read, their fact records, full-text search.
-- Migrations in this directory run once each, in name order; other modules add their
-- own tables with later-numbered files (0100_reconcile.sql ...).

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,      -- sha256 of the normalised text (Document.content_hash)
    doc_id       TEXT NOT NULL,             -- the contract's `doc`: file name or JSON Lines id
    origin       TEXT NOT NULL,             -- where it was read from (path, path:line, <stdin>)
    title        TEXT,
    url          TEXT,
    source       TEXT,
    published    TEXT,                      -- ISO date or NULL
    date_source  TEXT NOT NULL CHECK (date_source IN ('metadata', 'byline', 'dateline', 'inferred', 'unknown')),
    furniture    TEXT NOT NULL DEFAULT '[]', -- JSON list of [start, end] spans of page furniture
    text         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL              -- ISO timestamp, UTC
);
CREATE INDEX documents_doc_id ON documents (doc_id);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE facts (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type            TEXT NOT NULL,
    doc             TEXT NOT NULL,          -- the record's `doc`
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    extractor       TEXT NOT NULL DEFAULT '',
    confidence      REAL,
    record          TEXT NOT NULL,          -- the contract JSON, exactly as `kizuna extract` prints it
    CHECK (evidence_start >= 0 AND evidence_end >= evidence_start)
);
CREATE INDEX facts_document ON facts (document_id);
CREATE INDEX facts_type ON facts (type);
CREATE INDEX facts_doc ON facts (doc);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text,
    content = 'documents', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
