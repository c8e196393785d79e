"""Reading inputs: archive posts (front matter + HTML/Markdown body) and RSS/Atom feeds.

Every function here is pure over bytes or strings, so a worker process can run it. A problem with an
input raises `BadInput` with a message a person understands; the pipeline quarantines it.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import frontmatter
import yaml

from etl.clean import clean_body

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_SNIFF = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class BadInput(ValueError):
    """An input that cannot become an article; the message says what is wrong with it."""


@dataclass
class Post:
    origin: str                    # path relative to the input root, or the feed item's link
    title: str
    source: str
    channel: str | None
    published_at: datetime | None  # naive UTC
    date_status: str               # given | inferred | unknown
    url: str | None
    text: str
    captions: str
    warnings: list[str] = field(default_factory=list)


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- decoding

def decode(raw: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, else best detection."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise BadInput("binary file (NUL bytes), not a text post")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312, the usual encodings of Chinese archives.
        text = raw.decode("gb18030")
        if _mostly_cjk_or_ascii(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise BadInput("cannot tell the text encoding (not UTF-8, not GB18030)")
    return str(best)


def _mostly_cjk_or_ascii(text: str) -> bool:
    sample = text[:4000]
    good = sum(1 for ch in sample if ch < "\u0250" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return good >= 0.95 * max(1, len(sample))


# ---------------------------------------------------------------- dates

_DATED_PATH = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?!\d)")


def parse_date(value) -> datetime | None:
    """Front-matter date (string, datetime or date) → naive UTC datetime; None when absent or invalid."""
    if value is None:
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        s = str(value).strip()
        if not s or s.lower() in ("invalid date", "null", "none", "nan", "undefined"):
            return None
        dt = None
        try:
            dt = parsedate_to_datetime(s)            # RFC 2822: Sun, 06 Feb 2022 03:46:09 GMT
        except (TypeError, ValueError, IndexError):
            pass
        if dt is None:
            try:
                dt = datetime.fromisoformat(s.replace("Z", "+00:00"))   # ISO 8601 and "2022-02-06 03:46:09"
            except ValueError:
                pass
        if dt is None:
            from dateutil import parser as dateparser

            try:
                dt = dateparser.parse(s, fuzzy=False)
            except (ValueError, OverflowError):
                return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    if not 1990 <= dt.year <= 2100:
        return None
    return dt


def infer_date(*evidence: str) -> datetime | None:
    """A date from a dated path in the post (image URLs such as /uploadIMG/news3/2021-09-22/)."""
    for text in evidence:
        if not text:
            continue
        for m in _DATED_PATH.finditer(text):
            y, mo, d = (int(g) for g in m.groups())
            try:
                return datetime(y, mo, d)
            except ValueError:
                continue
    return None


# ---------------------------------------------------------------- posts

class _LibYAMLHandler(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler with libyaml's C loader (same types, several times faster)."""

    def load(self, fm: str, **kwargs):
        kwargs.setdefault("Loader", getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return super().load(fm, **kwargs)


_YAML = _LibYAMLHandler()


def _split_front_matter(text: str) -> tuple[dict, str]:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("---"):
        raise BadInput("no YAML front matter (a post starts with a '---' line)")
    try:
        post = frontmatter.loads(stripped, handler=_YAML)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise BadInput(f"front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if not post.metadata:
        raise BadInput("front matter is empty or not closed by a '---' line")
    return dict(post.metadata), post.content


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    s = str(value).strip()
    return s or None


def parse_post(raw: bytes, origin: str, overrides: dict | None = None) -> Post:
    """One archive file → Post. `overrides` may set source and channel for archives that lack them."""
    overrides = overrides or {}
    text = decode(raw)
    meta, body = _split_front_matter(text)
    warnings = []
    categories = meta.get("categories") or []
    if isinstance(categories, str):
        categories = [categories]
    categories = [str(c).strip() for c in categories if c is not None]

    title = _as_text(meta.get("title"))
    if not title:
        title = Path(origin).stem.strip()
        warnings.append("no title in front matter: used the file name")
    source = (overrides.get("source") or _as_text(meta.get("author"))
              or (categories[1] if len(categories) > 1 else None)
              or (Path(origin).parts[0] if len(Path(origin).parts) > 1 else None))
    if not source:
        raise BadInput("no source: front matter has no author or categories, and no folder override is configured")
    channel = overrides.get("channel") or (categories[2] if len(categories) > 2 else None)
    url = _as_text(meta.get("link") or meta.get("url") or meta.get("canonical") or meta.get("permalink"))

    cleaned = clean_body(body)
    if not cleaned.paragraphs:
        raise BadInput("empty body: no text after removing markup")

    published = parse_date(meta.get("date") or meta.get("published") or meta.get("pubDate"))
    status = "given"
    if published is None:
        images = " ".join(str(meta.get(k) or "") for k in ("headimg", "thumbnail", "image", "cover"))
        published = infer_date(body, images)
        status = "inferred" if published else "unknown"
        raw_date = meta.get("date")
        warnings.append(f"date {raw_date!r} unreadable or missing: " + ("inferred from a dated path" if published else "left unknown"))
    return Post(origin=origin, title=title, source=source, channel=channel, published_at=published,
                date_status=status, url=url or cleaned.canonical_url, text=cleaned.text,
                captions=cleaned.caption_text, warnings=warnings)


# ---------------------------------------------------------------- feeds

def looks_like_feed(path_or_url: str, head: bytes | None = None) -> bool:
    if path_or_url.startswith(("http://", "https://")):
        return True
    if head is not None:
        return bool(_FEED_SNIFF.match(head[:2048]))
    return path_or_url.lower().endswith(FEED_SUFFIXES)


def parse_feed(raw: bytes | str, feed_origin: str, overrides: dict | None = None) -> tuple[list[Post], list[tuple[str, str]]]:
    """An RSS 2.0 / Atom document → (posts, [(origin, error)] for items that could not be read)."""
    import feedparser

    overrides = overrides or {}
    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        raise BadInput(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    feed_title = _as_text(parsed.feed.get("title")) or feed_origin
    posts, bad = [], []
    for i, entry in enumerate(parsed.entries):
        origin = entry.get("link") or entry.get("id") or f"{feed_origin}#{i}"
        try:
            title = _as_text(entry.get("title"))
            if not title:
                raise BadInput("feed item has no title")
            body = ""
            if entry.get("content"):
                body = max((c.get("value") or "" for c in entry.content), key=len)
            body = body or entry.get("summary") or ""
            cleaned = clean_body(body)
            if not cleaned.paragraphs:
                raise BadInput("feed item has no text")
            published = None
            for key in ("published", "updated", "created"):
                published = parse_date(entry.get(key))
                if published:
                    break
            tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
            posts.append(Post(
                origin=origin, title=title,
                source=overrides.get("source") or feed_title,
                channel=overrides.get("channel") or (tags[0] if tags else None),
                published_at=published, date_status="given" if published else "unknown",
                url=entry.get("link"), text=cleaned.text, captions=cleaned.caption_text))
        except BadInput as exc:
            bad.append((origin, str(exc)))
    return posts, bad
