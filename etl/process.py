"""The per-input work of a run: parse, clean, extract. Runs in worker processes, so it only takes and
returns picklable values and touches no database.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from etl.models import EntityMention, Figure, TopicScore, compose_document
from etl.reader import BadInput, Post, looks_like_feed, parse_feed, parse_post, sha256

# Bump when extraction rules change in a way that should re-extract every stored article.
EXTRACTOR_VERSION = "1"
MAX_TERMS_PER_ARTICLE = 200


@dataclass
class FactRows:
    """One article's extraction as plain rows of the tables it goes to, built in the worker: tuples of
    strings and numbers pickle and load several times faster than the record dataclasses."""
    figures: list[tuple]    # seq, kind, value_low, value_high, unit, per, approx, text, sentence, start, end, subject
    mentions: list[tuple]   # entity_id, n, offsets, surfaces
    entities: list[tuple]   # entity_id, name, type, country, known
    aliases: list[tuple]    # entity_id, surface form
    terms: dict[str, int]
    topics: list[tuple]     # topic_id, score


def fact_rows(figures: list[Figure], mentions: list[EntityMention], terms: dict[str, int],
              topics: list[TopicScore]) -> FactRows:
    return FactRows(
        figures=[(i, f.kind, f.value_low, f.value_high, f.unit, f.per, f.approx, f.text, f.sentence, f.start,
                  f.end, f.subject) for i, f in enumerate(figures)],
        mentions=[(m.entity_id, m.n, list(m.offsets), list(m.surfaces)) for m in mentions],
        entities=[(m.entity_id, m.name, m.type, m.country, m.known) for m in mentions],
        aliases=[(m.entity_id, s) for m in mentions for s in m.surfaces if s],
        terms=terms,
        topics=[(t.topic_id, t.score) for t in topics])


@dataclass
class Analysed:
    """One article with everything extracted from it."""
    post: Post
    article_id: str
    content_hash: str
    facts: FactRows


@dataclass
class Quarantined:
    origin: str
    error: str


@dataclass
class FileResult:
    origin: str
    file_hash: str
    items: list[Analysed | Quarantined] = field(default_factory=list)
    size: int | None = None        # stat of the file as read, for the next run's quick check
    mtime_ns: int | None = None


def title_key(title: str) -> str:
    """Titles compare without punctuation, underscores and spaces (archives replace quotes by '_')."""
    return re.sub(r"[\W_]+", "", title or "").lower()


def article_identity(source: str, title: str) -> str:
    """The same post under another file name, or a later copy, is the same article: same outlet, same title."""
    return hashlib.sha1(f"{source}\x00{title_key(title)}".encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, text: str, captions: str) -> str:
    return sha256(f"{title}\x00{text}\x00{captions}")


def topics_path() -> str:
    """The curated topics file: $GEONEWS_TOPICS, else data/topics.yaml."""
    from etl.topics import DEFAULT_PATH

    return os.environ.get("GEONEWS_TOPICS") or str(DEFAULT_PATH)


@functools.lru_cache(maxsize=1)
def _topics():
    from etl.topics import load_topics

    return load_topics(topics_path())


def extract(title: str, text: str, captions: str) -> tuple[list[Figure], list[EntityMention], dict[str, int], list[TopicScore]]:
    """Everything the dashboard charts, from one article's text. Pure: the same text gives the same facts."""
    from etl.entities import extract_entities
    from etl.figures import extract_figures
    from etl.segment import content_terms, tag
    from etl.topics import score_topics

    doc = compose_document(title, text, captions)
    tags = tag(doc)  # one segmentation pass, shared by the entity rules and the term counts
    terms = Counter(content_terms(doc, tags))
    top_terms = dict(terms.most_common(MAX_TERMS_PER_ARTICLE))
    return extract_figures(doc), extract_entities(doc, tags), top_terms, score_topics(title, text, _topics())


def analyse(post: Post) -> Analysed:
    return Analysed(post=post, article_id=article_identity(post.source, post.title),
                    content_hash=content_hash(post.title, post.text, post.captions),
                    facts=fact_rows(*extract(post.title, post.text, post.captions)))


def process_input(origin: str, raw: bytes, overrides: dict | None = None, is_feed: bool = False) -> FileResult:
    """One input file (a post, or a feed with many items) → its articles, or the reason it can't be one.

    Never raises: a bad input becomes a Quarantined item so that one bad file never stops a run.
    """
    result = FileResult(origin=origin, file_hash=sha256(raw))
    try:
        if is_feed or looks_like_feed(origin, raw[:2048]):
            posts, bad = parse_feed(raw, origin, overrides)
            result.items.extend(Quarantined(o, e) for o, e in bad)
        else:
            posts = [parse_post(raw, origin, overrides)]
        for post in posts:
            try:
                result.items.append(analyse(post))
            except Exception as exc:  # an extractor bug must not lose the input: quarantine with the cause
                result.items.append(Quarantined(post.origin, f"extraction failed: {type(exc).__name__}: {exc}"))
    except BadInput as exc:
        result.items.append(Quarantined(origin, str(exc)))
    except Exception as exc:
        result.items.append(Quarantined(origin, f"could not read: {type(exc).__name__}: {exc}"))
    return result


def process_job(job: tuple[str, str, dict | None, bool]) -> FileResult:
    """Worker entry point: (origin, absolute path, overrides, is_feed). Reads the file in the worker."""
    origin, path, overrides, is_feed = job
    try:
        with open(path, "rb") as fh:
            stat = os.fstat(fh.fileno())
            raw = fh.read()
    except OSError as exc:
        return FileResult(origin=origin, file_hash="", items=[Quarantined(origin, f"cannot read file: {exc.strerror}")])
    result = process_input(origin, raw, overrides, is_feed)
    result.size, result.mtime_ns = stat.st_size, stat.st_mtime_ns
    return result


def warm_up() -> None:
    """Build the segmenter and load gazetteer and topics once per worker, before the first job."""
    from etl.segment import tagger

    tagger()
    _topics()
