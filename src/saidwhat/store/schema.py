"""The corpus schema, as numbered migrations kept in code, one SQL script per backend.

Why in code: a database file or server outlives the program that made it, so every open checks
`schema_migrations` and applies what is missing, in order, each in its own transaction. A migration is
never edited once released; a change is a new entry at the end of `MIGRATIONS`.

Table and column names are chosen for people who open the SQLite file in another tool: `articles`,
`quotes`, `speakers`, `clusters` and `cluster_members` hold the data; `quote_fingerprints` and
`lsh_buckets` are the linking index; the views `quote_details`, `cluster_appearances` and
`speaker_counts` are the joins one usually wants.
"""

from __future__ import annotations

from dataclasses import dataclass

SQLITE_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    source        TEXT,
    published     TEXT,
    published_raw TEXT,
    title         TEXT,
    author        TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    dedup_key     TEXT NOT NULL UNIQUE,
    version       INTEGER NOT NULL DEFAULT 1,
    previous_id   TEXT REFERENCES articles(id),
    ingested_at   TEXT NOT NULL,
    meta          TEXT NOT NULL DEFAULT '{}',
    warnings      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_content_hash ON articles(content_hash);

CREATE TABLE speakers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    norm_name  TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL DEFAULT 'unknown',
    first_seen TEXT NOT NULL
);
CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (speaker_id, alias)
);

CREATE TABLE quotes (
    id                    INTEGER PRIMARY KEY,
    article_id            TEXT NOT NULL REFERENCES articles(id),
    position              INTEGER NOT NULL,
    text                  TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    start_char            INTEGER NOT NULL,
    end_char              INTEGER NOT NULL,
    spans                 TEXT NOT NULL,
    cue                   TEXT,
    cue_start             INTEGER,
    cue_end               INTEGER,
    speaker               TEXT,
    speaker_id            INTEGER REFERENCES speakers(id),
    speaker_mention       TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end   INTEGER,
    speaker_type          TEXT NOT NULL,
    confidence            REAL NOT NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);

CREATE TABLE clusters (
    id             INTEGER PRIMARY KEY,
    first_quote_id INTEGER NOT NULL REFERENCES quotes(id),
    n_quotes       INTEGER NOT NULL,
    n_altered      INTEGER NOT NULL,
    change_types   TEXT NOT NULL DEFAULT '',
    change_score   REAL NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX clusters_altered ON clusters(change_score) WHERE n_altered > 0;

CREATE TABLE cluster_members (
    quote_id     INTEGER PRIMARY KEY REFERENCES quotes(id),
    cluster_id   INTEGER NOT NULL REFERENCES clusters(id),
    similarity   REAL NOT NULL,
    change_types TEXT NOT NULL DEFAULT '',
    change_score REAL NOT NULL DEFAULT 0,
    changes      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

CREATE TABLE quote_fingerprints (
    quote_id   INTEGER PRIMARY KEY REFERENCES quotes(id),
    cluster_id INTEGER NOT NULL,
    norm_hash  INTEGER NOT NULL,
    norm       TEXT NOT NULL
);
CREATE INDEX quote_fingerprints_hash ON quote_fingerprints(norm_hash);

CREATE TABLE lsh_buckets (
    band_key   INTEGER NOT NULL,
    quote_id   INTEGER NOT NULL,
    cluster_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, quote_id)
) WITHOUT ROWID;

CREATE TABLE lsh_full_buckets (band_key INTEGER PRIMARY KEY);

CREATE TABLE failures (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL,
    line      INTEGER NOT NULL DEFAULT 0,
    reason    TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 1,
    failed_at TEXT NOT NULL,
    UNIQUE (source, line, reason)
);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
"""

# Views are the same SQL on both backends.
VIEWS_V1 = """
CREATE VIEW quote_details AS
SELECT q.id AS quote_id, q.text, q.kind, q.speaker, q.speaker_type, q.confidence, q.cue,
       a.id AS article_id, a.url, a.source, a.published, a.title, a.ingested_at,
       m.cluster_id, m.change_types
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN cluster_members m ON m.quote_id = q.id;

CREATE VIEW cluster_appearances AS
SELECT m.cluster_id, q.id AS quote_id, a.id AS article_id, a.source, a.url, a.published, a.ingested_at,
       q.text, q.speaker, (c.first_quote_id = q.id) AS is_first, m.similarity, m.change_types,
       m.change_score, m.changes
FROM cluster_members m
JOIN clusters c ON c.id = m.cluster_id
JOIN quotes q ON q.id = m.quote_id
JOIN articles a ON a.id = q.article_id;

CREATE VIEW speaker_counts AS
SELECT s.id AS speaker_id, s.name, s.type, COUNT(q.id) AS n_quotes, COUNT(DISTINCT q.article_id) AS n_articles
FROM speakers s
LEFT JOIN quotes q ON q.speaker_id = s.id
GROUP BY s.id, s.name, s.type;
"""

POSTGRES_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    source        TEXT,
    published     TEXT,
    published_raw TEXT,
    title         TEXT,
    author        TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    dedup_key     TEXT NOT NULL UNIQUE,
    version       INTEGER NOT NULL DEFAULT 1,
    previous_id   TEXT REFERENCES articles(id),
    ingested_at   TEXT NOT NULL,
    meta          TEXT NOT NULL DEFAULT '{}',
    warnings      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_content_hash ON articles(content_hash);

CREATE TABLE speakers (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT NOT NULL,
    norm_name  TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL DEFAULT 'unknown',
    first_seen TEXT NOT NULL
);
CREATE TABLE speaker_aliases (
    speaker_id BIGINT NOT NULL REFERENCES speakers(id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (speaker_id, alias)
);

CREATE TABLE quotes (
    id                    BIGINT PRIMARY KEY,
    article_id            TEXT NOT NULL REFERENCES articles(id),
    position              INTEGER NOT NULL,
    text                  TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    start_char            INTEGER NOT NULL,
    end_char              INTEGER NOT NULL,
    spans                 TEXT NOT NULL,
    cue                   TEXT,
    cue_start             INTEGER,
    cue_end               INTEGER,
    speaker               TEXT,
    speaker_id            BIGINT REFERENCES speakers(id),
    speaker_mention       TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end   INTEGER,
    speaker_type          TEXT NOT NULL,
    confidence            DOUBLE PRECISION NOT NULL,
    tsv                   TSVECTOR GENERATED ALWAYS AS (
                              to_tsvector('english', text || ' ' || coalesce(speaker, ''))) STORED,
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

CREATE TABLE clusters (
    id             BIGINT PRIMARY KEY,
    first_quote_id BIGINT NOT NULL REFERENCES quotes(id),
    n_quotes       INTEGER NOT NULL,
    n_altered      INTEGER NOT NULL,
    change_types   TEXT NOT NULL DEFAULT '',
    change_score   DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX clusters_altered ON clusters(change_score) WHERE n_altered > 0;

CREATE TABLE cluster_members (
    quote_id     BIGINT PRIMARY KEY REFERENCES quotes(id),
    cluster_id   BIGINT NOT NULL REFERENCES clusters(id),
    similarity   DOUBLE PRECISION NOT NULL,
    change_types TEXT NOT NULL DEFAULT '',
    change_score DOUBLE PRECISION NOT NULL DEFAULT 0,
    changes      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);

CREATE TABLE quote_fingerprints (
    quote_id   BIGINT PRIMARY KEY REFERENCES quotes(id),
    cluster_id BIGINT NOT NULL,
    norm_hash  BIGINT NOT NULL,
    norm       TEXT NOT NULL
);
CREATE INDEX quote_fingerprints_hash ON quote_fingerprints(norm_hash);

CREATE TABLE lsh_buckets (
    band_key   BIGINT NOT NULL,
    quote_id   BIGINT NOT NULL,
    cluster_id BIGINT NOT NULL,
    PRIMARY KEY (band_key, quote_id)
);

CREATE TABLE lsh_full_buckets (band_key BIGINT PRIMARY KEY);

CREATE TABLE failures (
    id        BIGSERIAL PRIMARY KEY,
    source    TEXT NOT NULL,
    line      INTEGER NOT NULL DEFAULT 0,
    reason    TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 1,
    failed_at TEXT NOT NULL,
    UNIQUE (source, line, reason)
);
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: the same intent written for each backend."""

    version: int
    name: str
    sqlite: str
    postgres: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial corpus schema", SQLITE_V1 + VIEWS_V1, POSTGRES_V1 + VIEWS_V1),
)

LATEST = MIGRATIONS[-1].version


def statements(script: str) -> list[str]:
    """Split a migration script into statements; trigger bodies (BEGIN … END;) stay whole."""
    out: list[str] = []
    current: list[str] = []
    in_trigger = False
    for line in script.splitlines():
        if not line.strip() and not current:
            continue
        current.append(line)
        stripped = line.strip().upper()
        if stripped.startswith("CREATE TRIGGER"):
            in_trigger = True
        if (in_trigger and stripped == "END;") or (not in_trigger and stripped.endswith(";")):
            out.append("\n".join(current).strip().rstrip(";"))
            current, in_trigger = [], False
    if any(line.strip() for line in current):
        out.append("\n".join(current).strip().rstrip(";"))
    return out
