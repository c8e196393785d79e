"""Plain records passed between the extraction functions and the loader.

Every extractor is a pure function from text to a list of these records, so it can be tested in
isolation and run in worker processes (records are picklable dataclasses).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """A number the article reports, normalised as in shared/gold/README.md."""
    kind: str                 # volume | mass | money | percent | growth | count
    value_low: float
    value_high: float
    unit: str                 # m3 | barrel | t | ISO 4217 code | % | person
    per: str | None           # year | month | day | None: the stated time basis
    approx: bool              # 约, 逾, 超过, 近, 多, 余 ...
    text: str                 # surface string, e.g. "每年3600亿立方米"
    sentence: str             # the sentence it stands in
    start: int                # char offsets of `text` in the document
    end: int
    subject: str | None = None  # the phrase it measures, e.g. "天然气消费量"


@dataclass
class EntityMention:
    """All mentions of one entity in one document."""
    entity_id: str            # stable id, "type:canonical name", e.g. "person:弗拉基米尔·普京"
    name: str                 # canonical form
    type: str                 # person | place | org
    country: str | None       # ISO 3166-1 alpha-2 for places (and home country when known)
    n: int                    # number of mentions
    offsets: list[int] = field(default_factory=list)   # char offset of each mention in the document
    surfaces: list[str] = field(default_factory=list)  # distinct surface forms seen (aliases)
    known: bool = True        # True: from the gazetteer; False: found by rules


@dataclass(frozen=True)
class TopicScore:
    topic_id: str
    score: float


def compose_document(title: str, text: str, captions: str = "") -> str:
    """The string every extractor reads, and that all char offsets refer to.

    Title, body and image captions are annotated together (shared/gold/README.md); they are joined
    by blank lines so that no sentence runs from one part into the next.
    """
    parts = [title or "", text or ""]
    if captions:
        parts.append(captions)
    return "\n\n".join(parts)
