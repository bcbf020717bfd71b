-- Incremental reconciliation (kizuna.reconcile.dbstate): each fact's entity mentions are
-- cached with the entity they resolved to, so a run reads only new facts and the blocks it
-- recomputes. The derived tables are emptied here: the next run rebuilds them from `facts`
-- (rc_user_decisions, the user's own decisions, is kept).

DROP TABLE rc_members;
CREATE TABLE rc_members (
    member_id  TEXT PRIMARY KEY,            -- facts.id (":sector" for a sector claim)
    fact_id    INTEGER NOT NULL,            -- facts.id
    block      TEXT NOT NULL,
    entities   TEXT NOT NULL                -- path -> entity id, to notice re-resolution
);
CREATE INDEX rc_members_block ON rc_members (block);
CREATE INDEX rc_members_fact ON rc_members (fact_id);

CREATE TABLE rc_seen_facts (
    fact_id  INTEGER PRIMARY KEY            -- facts.id already reconciled
);

CREATE TABLE rc_mentions (
    mention_key  TEXT PRIMARY KEY,          -- the mention's signature (name, kind, country, title, org)
    mention      TEXT NOT NULL,             -- JSON of the mention
    entity_id    TEXT                       -- what it resolved to in the last run
);

CREATE TABLE rc_fact_mentions (
    fact_id      INTEGER NOT NULL,          -- facts.id
    path         TEXT NOT NULL,             -- where in the record: subject, participants.1.org ...
    mention_key  TEXT NOT NULL,
    PRIMARY KEY (fact_id, path)
);
CREATE INDEX rc_fact_mentions_key ON rc_fact_mentions (mention_key);

ALTER TABLE rc_facts ADD COLUMN grp TEXT;          -- statistics: their conflict group (target entity)
CREATE INDEX rc_facts_grp ON rc_facts (grp);
ALTER TABLE rc_conflicts ADD COLUMN owner TEXT;    -- fact:<id> (its figures) or group:<target>
CREATE INDEX rc_conflicts_owner ON rc_conflicts (owner);

DELETE FROM rc_fact_sources;
DELETE FROM rc_fact_entities;
DELETE FROM rc_facts;
DELETE FROM rc_conflicts;
DELETE FROM rc_aliases;
DELETE FROM rc_entities;
DELETE FROM rc_merge_decisions;
DELETE FROM rc_lineage;
DELETE FROM rc_runs;
