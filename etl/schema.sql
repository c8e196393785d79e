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
    article_id    VARCHAR,               -- NULL when quarantined
    last_run      INTEGER
);

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

CREATE TABLE IF NOT EXISTS article_terms (
    article_id    VARCHAR NOT NULL,
    term          VARCHAR NOT NULL,
    n             INTEGER NOT NULL,      -- occurrences of a content word (noun, verb, name) in the article
    PRIMARY KEY (article_id, term)
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
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS article_topics_topic ON article_topics (topic_id);
CREATE INDEX IF NOT EXISTS figures_kind ON figures (kind, unit);
CREATE INDEX IF NOT EXISTS article_terms_term ON article_terms (term);
