-- Reconciliation (kizuna.reconcile): entities, merge reasons, user decisions, reconciled
-- facts with their sources, conflicts and lineage. Everything except rc_user_decisions is
-- derived from `facts` and rebuilt (incrementally) by `kizuna reconcile`; user decisions are
-- keyed by names, not row ids, so they survive re-ingesting articles.

CREATE TABLE rc_entities (
    entity_id      TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    country        TEXT,
    gazetteer_key  TEXT
);

CREATE TABLE rc_aliases (
    entity_id  TEXT NOT NULL REFERENCES rc_entities (entity_id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    alias_key  TEXT NOT NULL,               -- accent-folded key (kizuna.text.key)
    person_key TEXT NOT NULL,               -- order-free name key for persons
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX rc_aliases_key ON rc_aliases (alias_key);
CREATE INDEX rc_aliases_person_key ON rc_aliases (person_key);

CREATE TABLE rc_merge_decisions (
    entity_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    rule       TEXT NOT NULL,               -- gazetteer, same_key, acronym, same_name_tokens, short_form, user_merge, user_split
    features   TEXT NOT NULL                -- JSON: feature -> level/weight, as splink explains a match
);
CREATE INDEX rc_merge_decisions_entity ON rc_merge_decisions (entity_id);

CREATE TABLE rc_user_decisions (
    id          INTEGER PRIMARY KEY,
    action      TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    name        TEXT NOT NULL,
    other       TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE rc_members (
    member_id  TEXT PRIMARY KEY,            -- facts.id (":sector" for a sector claim)
    block      TEXT NOT NULL,
    entities   TEXT NOT NULL                -- JSON: path -> entity id, to notice re-resolution
);
CREATE INDEX rc_members_block ON rc_members (block);

CREATE TABLE rc_facts (
    id                   TEXT PRIMARY KEY,
    block                TEXT NOT NULL,
    type                 TEXT NOT NULL,
    metric               TEXT,
    as_of                TEXT,
    n_sources            INTEGER NOT NULL,
    independent_sources  INTEGER NOT NULL,
    body                 TEXT NOT NULL      -- JSON: the reconciled fact with its sources and match reasons
);
CREATE INDEX rc_facts_block ON rc_facts (block);
CREATE INDEX rc_facts_metric ON rc_facts (metric);

CREATE TABLE rc_fact_entities (
    fact_id    TEXT NOT NULL REFERENCES rc_facts (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (fact_id, entity_id)
);
CREATE INDEX rc_fact_entities_entity ON rc_fact_entities (entity_id);

CREATE TABLE rc_fact_sources (
    fact_id    TEXT NOT NULL REFERENCES rc_facts (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL,
    doc        TEXT,
    source     TEXT,
    published  TEXT,
    evidence   TEXT
);
CREATE INDEX rc_fact_sources_fact ON rc_fact_sources (fact_id);

CREATE TABLE rc_conflicts (
    id        TEXT PRIMARY KEY,
    rule      TEXT NOT NULL,
    severity  TEXT NOT NULL CHECK (severity IN ('conflict', 'suspect', 'note')),
    metric    TEXT,
    body      TEXT NOT NULL                 -- JSON: both sources, the figures and the reason
);

CREATE TABLE rc_lineage (
    predecessor  TEXT NOT NULL,
    successor    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    since        TEXT,
    origin       TEXT NOT NULL,             -- gazetteer or article
    docs         TEXT NOT NULL,             -- JSON list of documents stating it
    PRIMARY KEY (predecessor, successor)
);

CREATE TABLE rc_runs (
    id           INTEGER PRIMARY KEY,
    finished_at  TEXT NOT NULL,
    facts_seen   INTEGER NOT NULL,          -- count(facts) when the run started
    max_fact_id  INTEGER,                   -- max(facts.id) then: a changed pair means reconcile again
    decisions    INTEGER NOT NULL           -- count(rc_user_decisions) then
);
