"""Which entity mentions a change of rules or gazetteer gains and loses, over every text at hand.

    python bench/mention_diff.py dump ROOT OUT.pkl [--texts GLOB] [--skip SUBSTRING]
    python bench/mention_diff.py diff OLD.pkl NEW.pkl

`dump` runs the entity extractor of the checkout at ROOT (this repository, or a `git worktree` of an older
commit) over ../shared/corpus, ../shared/seed, data/sample and the blind-round texts (`--texts`, default
/tmp/blind_*/texts/*.txt; `--skip blind_ab` leaves out a round that must stay unread) and pickles every
(type, name, offset). `diff` prints the mentions lost and gained with a context each, most frequent first.
Review the diff of every rule and every gazetteer batch before committing it: a dictionary word shifts
the segmenter's cut in texts nobody thought of, and the scores of a few gold sets hide that.
"""
from __future__ import annotations

import collections
import glob
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def dump(root: str, out: str, texts: str, skip: str | None) -> None:
    sys.path.insert(0, root)
    from etl.entities import extract_entities
    from etl.models import compose_document
    from etl.reader import parse_post

    files = sorted(glob.glob(str(SHARED / "corpus" / "**" / "*.md"), recursive=True))
    files += sorted(glob.glob(str(SHARED / "seed" / "*")))
    # this checkout's sample (the same files for both dumps, so that their paths match)
    files += sorted(glob.glob(str(REPO / "data" / "sample" / "**" / "*.md"), recursive=True))
    files += [f for f in sorted(glob.glob(texts)) if not skip or skip not in f]
    found = {}
    for path in files:
        if path.endswith(".txt"):
            doc = open(path, encoding="utf-8").read().split("\n", 2)[-1]   # URL line, blank line, text
        else:
            try:
                post = parse_post(open(path, "rb").read(), "x")
            except Exception:   # quarantined by the ETL: nothing to compare
                continue
            doc = compose_document(post.title, post.text, post.captions)
        found[path] = (doc, {(m.type, m.name, off) for m in extract_entities(doc) for off in m.offsets})
    with open(out, "wb") as fh:
        pickle.dump(found, fh)
    print(f"{len(found)} texts, {sum(len(s) for _, s in found.values())} mentions -> {out}")


def diff(old_path: str, new_path: str) -> None:
    old, new = (pickle.load(open(p, "rb")) for p in (old_path, new_path))
    counts = {"-": collections.Counter(), "+": collections.Counter()}
    context = {}
    for path, (doc, before) in old.items():
        after = new.get(path, (doc, set()))[1]
        for sign, mentions in (("-", before - after), ("+", after - before)):
            for typ, name, off in mentions:
                counts[sign][(typ, name)] += 1
                context.setdefault((sign, typ, name), doc[max(0, off - 10):off + len(name) + 10].replace("\n", " "))
    for sign, title in (("-", "LOST"), ("+", "GAINED")):
        print(title, sum(counts[sign].values()))
        for (typ, name), n in counts[sign].most_common():
            print(f"  {sign} {n} ({typ}) {name}   {context[(sign, typ, name)]}", flush=True)


def main() -> None:
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "dump":
        texts = args[args.index("--texts") + 1] if "--texts" in args else "/tmp/blind_*/texts/*.txt"
        skip = args[args.index("--skip") + 1] if "--skip" in args else None
        dump(args[1], args[2], texts, skip)
    elif len(args) == 3 and args[0] == "diff":
        diff(args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
