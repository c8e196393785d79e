"""The gazetteer: known people, places and organisations with their aliases (data/gazetteer/*.tsv)."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
POS_OF_TYPE = {"person": "nr", "place": "ns", "org": "nt"}
# Files generated from open data (the long tail of small towns): their names go into the segmenter's
# dictionary with a low frequency, so that they never win a cut against jieba's words or the hand-written
# names (遍布 + 西亚, not 遍 + 布西亚), and so that thousands of them do not shift every other cut (each
# user word adds its frequency to the dictionary's total, which every token's cost depends on).
LONG_TAIL_FILES = ("places_geonames.tsv",)
USER_WORD_FREQ = 100000
LONG_TAIL_FREQ = 1000


@dataclass
class Entry:
    name: str
    type: str                  # person | place | org
    subtype: str               # country, city, region, leader, ministry, company, media ...
    country: str | None        # ISO 3166-1 alpha-2
    aliases: list[str] = field(default_factory=list)
    long_tail: bool = False    # from a generated file of LONG_TAIL_FILES

    @property
    def entity_id(self) -> str:
        return f"{self.type}:{self.name}"


@functools.lru_cache(maxsize=4)
def load(directory: Path = GAZETTEER_DIR) -> tuple[Entry, ...]:
    """Every entry of every *.tsv file in the folder (columns: name, type, subtype, country, aliases)."""
    entries = []
    for path in sorted(Path(directory).glob("*.tsv")):
        long_tail = path.name in LONG_TAIL_FILES
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"):
                name = (row.get("name") or "").strip()
                if not name:
                    continue
                aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                if row["type"].strip() == "person":
                    # 蒂姆-库克: Chinese sites write the `·` of a transliterated name as a hyphen too
                    aliases += [v for v in (f.replace("·", "-") for f in (name, *aliases) if "·" in f)
                                if v not in aliases]
                entries.append(Entry(name, row["type"].strip(), (row.get("subtype") or "").strip(),
                                     (row.get("country") or "").strip() or None, aliases, long_tail))
    return tuple(entries)


def user_words(directory: Path = GAZETTEER_DIR) -> list[tuple[str, str, int]]:
    """(word, POS tag, frequency) for the segmenter's user dictionary: every name and alias of two or more
    chars, but those listed in outside_dictionary.txt."""
    outside = _outside_dictionary(Path(directory))
    words = {}
    for e in load(directory):
        for w in (e.name, *e.aliases):
            if len(w) >= 2 and w not in outside:
                words.setdefault(w, (POS_OF_TYPE.get(e.type, "nz"), LONG_TAIL_FREQ if e.long_tail else USER_WORD_FREQ))
    return [(w, tag, freq) for w, (tag, freq) in sorted(words.items())]


def _outside_dictionary(directory: Path) -> frozenset[str]:
    path = directory / "outside_dictionary.txt"
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(l.strip() for l in fh if l.strip() and not l.startswith("#"))
