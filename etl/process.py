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


def article_identity(source: str, title: str, text: str = "") -> str:
    """The same post under another file name, or a later copy, is the same article: same outlet, same title.
    A title with no letters or digits (empty, "![]()", "……") names nothing: such posts are told apart by
    their text, or every untitled post of an outlet would be one article."""
    key = title_key(title)
    if not key:
        key = "\x01" + sha256(text)
    return hashlib.sha1(f"{source}\x00{key}".encode("utf-8")).hexdigest()[:16]


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


Facts = tuple[list[Figure], list[EntityMention], dict[str, int], list[TopicScore]]


def extract(title: str, text: str, captions: str) -> Facts:
    """Everything the dashboard charts, from one article's text. Pure: the same text gives the same facts."""
    return extract_many([(title, text, captions)])[0]


def extract_many(articles: list[tuple[str, str, str]]) -> list[Facts]:
    """extract() of each (title, text, captions), run extractor by extractor over the whole list rather
    than article by article: each extractor's tables and code stay in the CPU caches, which makes a
    batch of a few dozen articles 10-15% faster (bench/extract.py). Raises if any article breaks an
    extractor (analyse_many then finds which)."""
    from etl.entities import extract_entities
    from etl.figures import extract_figures
    from etl.segment import content_terms, tag
    from etl.topics import score_topics

    docs = [compose_document(*a) for a in articles]
    tags = list(map(tag, docs))  # one segmentation pass, shared by the entity rules and the term counts
    terms = [_top_terms(Counter(content_terms(d, t))) for d, t in zip(docs, tags)]
    mentions = list(map(extract_entities, docs, tags))
    # the people found tell the figure rules which small counts only point at named people
    figures = [extract_figures(d, sorted(o for m in ms if m.type == "person" for o in m.offsets))
               for d, ms in zip(docs, mentions)]
    topics = _topics()
    scores = [score_topics(title, text, topics) for title, text, _captions in articles]
    return list(zip(figures, mentions, terms, scores))


def _top_terms(counts: Counter) -> dict[str, int]:
    """The article's most frequent terms (all of them when they are few: no sorting needed)."""
    return dict(counts) if len(counts) <= MAX_TERMS_PER_ARTICLE else dict(counts.most_common(MAX_TERMS_PER_ARTICLE))


def _analysed(post: Post, facts: Facts) -> Analysed:
    return Analysed(post=post, article_id=article_identity(post.source, post.title, post.text),
                    content_hash=content_hash(post.title, post.text, post.captions), facts=fact_rows(*facts))


def analyse(post: Post) -> Analysed:
    return _analysed(post, extract(post.title, post.text, post.captions))


def analyse_many(posts: list[Post]) -> list[Analysed | Quarantined]:
    """analyse() of each post, in one batch; a post that breaks an extractor is quarantined with the
    cause and the others still land."""
    try:
        facts = extract_many([(p.title, p.text, p.captions) for p in posts])
    except Exception:
        facts = None   # some article broke an extractor: redo them one by one to find it
    if facts is not None:
        return [_analysed(p, f) for p, f in zip(posts, facts)]
    out: list[Analysed | Quarantined] = []
    for post in posts:
        try:
            out.append(analyse(post))
        except Exception as exc:  # an extractor bug must not lose the input: quarantine with the cause
            out.append(Quarantined(post.origin, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def _read_input(origin: str, raw: bytes, overrides: dict | None, is_feed: bool) -> tuple[FileResult, list[Post]]:
    """The posts of one input (a post, or a feed with many items); what cannot be read is quarantined."""
    result = FileResult(origin=origin, file_hash=sha256(raw))
    posts: list[Post] = []
    try:
        if is_feed or looks_like_feed(origin, raw[:2048]):
            posts, bad = parse_feed(raw, origin, overrides)
            result.items.extend(Quarantined(o, e) for o, e in bad)
        else:
            posts = [parse_post(raw, origin, overrides)]
    except BadInput as exc:
        result.items.append(Quarantined(origin, str(exc)))
    except Exception as exc:
        result.items.append(Quarantined(origin, f"could not read: {type(exc).__name__}: {exc}"))
    return result, posts


def process_inputs(inputs: list[tuple[str, bytes, dict | None, bool]]) -> list[FileResult]:
    """Input files (origin, raw bytes, overrides, is_feed) → their articles, or the reason a file or a
    feed item can't be one. All articles of the batch are extracted together (extract_many).

    Never raises: a bad input becomes a Quarantined item so that one bad file never stops a run.
    """
    read = [_read_input(*i) for i in inputs]
    analysed = iter(analyse_many([post for _result, posts in read for post in posts]))
    for result, posts in read:
        result.items.extend(next(analysed) for _post in posts)
    return [result for result, _posts in read]


def process_jobs(jobs: list[tuple[str, str, dict | None, bool]]) -> list[FileResult]:
    """Worker entry point: a batch of (origin, absolute path, overrides, is_feed). Reads the files in
    the worker."""
    results: list[FileResult | None] = []
    inputs, stats = [], []
    for origin, path, overrides, is_feed in jobs:
        try:
            with open(path, "rb") as fh:
                stats.append(os.fstat(fh.fileno()))
                inputs.append((origin, fh.read(), overrides, is_feed))
            results.append(None)
        except OSError as exc:
            results.append(FileResult(origin=origin, file_hash="",
                                      items=[Quarantined(origin, f"cannot read file: {exc.strerror}")]))
    processed = iter(zip(process_inputs(inputs), stats))
    out = []
    for result in results:
        if result is None:
            result, stat = next(processed)
            result.size, result.mtime_ns = stat.st_size, stat.st_mtime_ns
        out.append(result)
    return out


def process_job(job: tuple[str, str, dict | None, bool]) -> FileResult:
    return process_jobs([job])[0]


def warm_up() -> None:
    """Build the segmenter and load gazetteer and topics once per worker, before the first job.

    Then freeze them out of the garbage collector: extraction allocates millions of short-lived
    objects, and every full collection would otherwise walk the lexicon's millions of long-lived
    ones again (freezing makes batched extraction ~8% faster, bench/extract.py)."""
    import gc

    from etl.entities import lexicon
    from etl.segment import tagger

    tagger()
    lexicon()
    _topics()
    gc.collect()
    gc.freeze()
