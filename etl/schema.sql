-- The geonews database. Contract tables first (shared/CONTRACT.md), then our own.
-- Every statement is idempotent so a newer version can run it over an older database.

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,   -- stable across runs: hash of the article's identity
    title         VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,      -- outlet
    channel       VARCHAR,
    published_at  TIMESTAMP,             -- UTC; NULL when unknown
    date_status   VARCHAR NOT NULL,      -- given | inferred | unknown
    origin        VARCHAR NOT NULL,      -- path relative to the input root, or feed item link
    url           VARCHAR,               -- canonical URL when the post or feed has one
    text          VARCHAR NOT NULL,      -- clean body, paragraphs separated by blank lines
    captions      VARCHAR NOT NULL DEFAULT '',  -- image captions, one per line
    content_hash  VARCHAR NOT NULL,      -- sha256 of title + text + captions
    n_chars       INTEGER NOT NULL,
    keywords      VARCHAR[],             -- top TF-IDF terms
    first_run     INTEGER,               -- run that created it
    updated_run   INTEGER                -- last run that changed it
);

CREATE TABLE IF NOT EXISTS inputs (
    origin        VARCHAR PRIMARY KEY,   -- one input file or feed item
    file_hash     VARCHAR NOT NULL,      -- sha256 of the raw bytes: unchanged inputs are skipped on it
    article_id    VARCHAR,               -- the article it gave
    last_run      INTEGER,
    size          BIGINT,                -- stat of the file when hashed: same size and mtime means
    mtime_ns      BIGINT                 -- unchanged without reading it (NULL for feed URLs)
);
ALTER TABLE inputs ADD COLUMN IF NOT EXISTS size BIGINT;
ALTER TABLE inputs ADD COLUMN IF NOT EXISTS mtime_ns BIGINT;

CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,   -- "type:canonical name"
    name          VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,      -- person | place | org
    country       VARCHAR,               -- ISO 3166-1 alpha-2
    known         BOOLEAN NOT NULL       -- from the gazetteer (true) or found by rules (false)
);

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id     VARCHAR NOT NULL,
    alias         VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id    VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    n             INTEGER NOT NULL,
    offsets       INTEGER[],             -- char offsets in compose_document(title, text, captions)
    surfaces      VARCHAR[],
    PRIMARY KEY (article_id, entity_id)
);

CREATE TABLE IF NOT EXISTS figures (
    article_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,      -- order within the article
    kind          VARCHAR NOT NULL,
    value_low     DOUBLE,
    value_high    DOUBLE,
    unit          VARCHAR,
    per           VARCHAR,
    approx        BOOLEAN,
    text          VARCHAR NOT NULL,
    sentence      VARCHAR,
    start_char    INTEGER,
    end_char      INTEGER,
    subject       VARCHAR,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS topics (
    topic_id      VARCHAR PRIMARY KEY,
    label         VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,      -- curated | discovered
    definition    VARCHAR                -- the query (curated) or top terms (discovered)
);

CREATE TABLE IF NOT EXISTS article_topics (
    article_id    VARCHAR NOT NULL,
    topic_id      VARCHAR NOT NULL,
    score         DOUBLE NOT NULL,
    PRIMARY KEY (article_id, topic_id)
);

-- No primary key or index here on purpose: this is the largest table (about 125 rows per article), a
-- key makes bulk loads about five times slower, and (article_id, term) is unique by construction.
CREATE TABLE IF NOT EXISTS article_terms (
    article_id    VARCHAR NOT NULL,
    term          VARCHAR NOT NULL,
    n             INTEGER NOT NULL       -- occurrences of a content word (noun, verb, name) in the article
);

CREATE TABLE IF NOT EXISTS etl_runs (
    run_id        INTEGER PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,      -- ok | partial (some inputs quarantined) | failed
    n_seen        INTEGER,
    n_new         INTEGER,
    n_updated     INTEGER,
    n_unchanged   INTEGER,
    n_quarantined INTEGER,
    seconds       DOUBLE,
    inputs        VARCHAR[],
    message       VARCHAR
);

CREATE TABLE IF NOT EXISTS quarantine (
    run_id        INTEGER NOT NULL,
    origin        VARCHAR NOT NULL,
    error         VARCHAR NOT NULL,
    file_hash     VARCHAR
);

CREATE TABLE IF NOT EXISTS meta (
    key           VARCHAR PRIMARY KEY,
    value         VARCHAR
);

CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
-- (entity, topic and figure-kind look-ups read the sorted derived tables d_mentions, d_topics and
-- d_figures; indexes on the source tables cost every load and served no query: dropped from older files)
DROP INDEX IF EXISTS mentions_entity;
DROP INDEX IF EXISTS article_topics_topic;
DROP INDEX IF EXISTS figures_kind;

-- Derived tables for the dashboard (etl/derived.py rebuilds them before every publish): nothing here is
-- primary data; each is a function of the tables above.
CREATE TABLE IF NOT EXISTS d_mentions (      -- mentions with the article's outlet and date, sorted by entity
    entity_id     VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    aid           INTEGER NOT NULL,      -- the article's rank by article_id (integer join key)
    source        VARCHAR NOT NULL,
    published_at  TIMESTAMP,
    n             INTEGER NOT NULL,
    offsets       INTEGER[],
    surfaces      VARCHAR[]
);

CREATE TABLE IF NOT EXISTS d_topics (        -- article_topics with the article's outlet and date, sorted by topic
    topic_id      VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    published_at  TIMESTAMP,
    score         DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS d_entity_counts ( -- per entity: articles naming it and mentions
    entity_id     VARCHAR NOT NULL,
    n_articles    BIGINT NOT NULL,
    n_mentions    HUGEINT NOT NULL
);

CREATE TABLE IF NOT EXISTS d_mask_entities ( -- the most mentioned entities of each type and their bit
    entity_id     VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,
    bit           INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS d_partners (      -- articles naming both, for entity_id in d_mask_entities
    entity_id     VARCHAR NOT NULL,
    partner_id    VARCHAR NOT NULL,
    n_ab          BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS d_entity_masks (  -- per article: which d_mask_entities it names, per type
    article_id    VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    published_at  TIMESTAMP,
    person        UBIGINT NOT NULL,
    place         UBIGINT NOT NULL,
    org           UBIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS d_term_month (    -- content-word counts per month (NULL: undated) and outlet
    month         DATE,
    source        VARCHAR NOT NULL,
    term          VARCHAR NOT NULL,
    n             BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS d_terms (         -- article_terms sorted by term: a word's articles in a few row groups
    term          VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    n             INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS d_term_source (   -- d_term_month summed over all months
    source        VARCHAR NOT NULL,
    term          VARCHAR NOT NULL,
    n             HUGEINT NOT NULL
);

CREATE TABLE IF NOT EXISTS d_figures (       -- figures with comparison keys, outlet and date, sorted by kind
    article_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,
    value_low     DOUBLE,
    value_high    DOUBLE,
    unit          VARCHAR,
    per           VARCHAR,
    approx        BOOLEAN,
    text          VARCHAR NOT NULL,
    sentence      VARCHAR,
    start_char    INTEGER,
    end_char      INTEGER,
    subject       VARCHAR,
    unit_k        VARCHAR NOT NULL,      -- coalesce(unit, '')
    per_k         VARCHAR NOT NULL,      -- coalesce(per, '')
    subject_norm  VARCHAR NOT NULL,      -- subject without case, spaces and punctuation
    source        VARCHAR NOT NULL,
    published_at  TIMESTAMP,
    month         DATE,
    place_k       VARCHAR NOT NULL       -- the place named nearest the figure in its sentence (entity id), or ''
);
