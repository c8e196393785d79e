"""The global filters every page (and `geonews export`) applies: date range, outlets, topics, an entity.

They round-trip through the URL query string so a copied link reproduces the view:
    ?start=2022-01-01&end=2022-12-31&source=观察者网&source=cnBeta&topic=energy&entity=place:美国
(repeated keys for lists; a comma-separated single value is accepted too, for hand-written links).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Mapping

QUERY_KEYS = ("start", "end", "source", "topic", "entity")


@dataclass(frozen=True)
class Filters:
    start: date | None = None          # inclusive
    end: date | None = None            # inclusive (the whole day)
    sources: tuple[str, ...] = ()      # outlets; empty = all
    topics: tuple[str, ...] = ()       # topic_ids; empty = all (an article matches if it has any of them)
    entity: str | None = None          # entity_id ("type:name"); articles that mention it

    def __post_init__(self):
        # Normalise so that equal views have equal (hashable, cacheable) filters.
        object.__setattr__(self, "start", _to_date(self.start))
        object.__setattr__(self, "end", _to_date(self.end))
        object.__setattr__(self, "sources", tuple(sorted(set(s for s in self.sources if s))))
        object.__setattr__(self, "topics", tuple(sorted(set(t for t in self.topics if t))))
        object.__setattr__(self, "entity", self.entity or None)

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def describe(self, topic_labels: Mapping[str, str] | None = None) -> str:
        """The filters in words, for chart subtitles (topic ids shown by label when given)."""
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} – {self.end or '…'}")
        if self.sources:
            parts.append("媒体 outlets: " + ", ".join(self.sources))
        if self.topics:
            labels = [(topic_labels or {}).get(t, t) for t in self.topics]
            parts.append("话题 topics: " + ", ".join(labels))
        if self.entity:
            parts.append("提及 mentioning: " + self.entity.split(":", 1)[-1])
        return " · ".join(parts) if parts else "全部文章 all articles"

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only the keys that are set, so an unfiltered view has a clean URL."""
        q: dict[str, str | list[str]] = {}
        if self.start:
            q["start"] = self.start.isoformat()
        if self.end:
            q["end"] = self.end.isoformat()
        if self.sources:
            q["source"] = list(self.sources)
        if self.topics:
            q["topic"] = list(self.topics)
        if self.entity:
            q["entity"] = self.entity
        return q

    @classmethod
    def from_query_params(cls, params: Any) -> "Filters":
        """From st.query_params (uses get_all for repeated keys) or a plain dict of str / list values.
        Malformed values are dropped rather than raised: a mangled link still opens a page."""
        def values(key: str) -> list[str]:
            if hasattr(params, "get_all"):
                raw = params.get_all(key)
            else:
                raw = params.get(key, [])
                raw = [raw] if isinstance(raw, str) else list(raw or [])
            out = []
            for v in raw:
                out.extend(p.strip() for p in str(v).split(",") if p.strip())
            return out

        def one(key: str) -> str | None:
            v = values(key) if key != "entity" else _entity_values(params)
            return v[-1] if v else None

        return cls(start=_to_date(one("start"), lenient=True), end=_to_date(one("end"), lenient=True),
                   sources=tuple(values("source")), topics=tuple(values("topic")), entity=one("entity"))


def _entity_values(params: Any) -> list[str]:
    # Entity ids may contain commas in theory (foreign names): never split them.
    if hasattr(params, "get_all"):
        return [v for v in params.get_all("entity") if v]
    raw = params.get("entity")
    if raw is None:
        return []
    return [raw] if isinstance(raw, str) else [v for v in raw if v]


def _to_date(v: Any, lenient: bool = False) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        if lenient:
            return None
        raise
