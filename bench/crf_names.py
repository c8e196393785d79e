"""Would a learned sequence tagger find the names the rules miss? An experiment over the blind rounds.

    python bench/crf_names.py cv [ROUND_DIR ...]                  # rounds cross-validated, 3 folds
    python bench/crf_names.py fresh --train R1 R2 ... --test R3 ...

A linear-chain CRF (python-crfsuite, `pip install -e '.[bench]'`) tags each rjieba token of a text as
B-/I- person, place or org, or O, from the word, its POS tag, its characters (transliteration
characters, surname, Latin, digits), the gazetteer and what the rules of etl/entities.py found around it.
Its labels are the blind rounds' annotations (each gold name marked wherever it occurs in the text).
The tagger proposes only spans the rules left untouched; a proposal counts when a gold entity of its type
has its surface among its names. The script prints, per confidence threshold (the lowest marginal
probability over the span's tokens), entity precision and recall for the rules alone and for the rules
plus the tagger's proposals, matched one to one as bench/score_texts.py matches (type and a shared name).

ROUND_DIR holds texts/NNN.txt and gold_all.jsonl (blind_round/README.md); default: every /tmp/blind_*
folder with both. Session 18 ran it (README, section "Extraction", the session-18 paragraph): the
proposals were right 1 time in 5 to 10, so the tagger is not part of the pipeline.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_texts import as_post, split_text  # noqa: E402
from etl import entities, segment  # noqa: E402
from etl.models import compose_document  # noqa: E402
from etl.reader import parse_post  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.9)


def load_round(round_dir: Path) -> list[dict]:
    """Each annotated text of a round as the pipeline composes it, with its tokens, the rules' mentions
    (start, end, type), their entities and the gold entities."""
    gold = {}
    for line in open(round_dir / "gold_all.jsonl", encoding="utf-8"):
        if line.strip():
            item = json.loads(line)
            gold[item["file"]] = item["entities"]
    rows = []
    for n, path in enumerate(sorted((round_dir / "texts").glob("*.txt"))):
        if path.name not in gold:
            continue
        title, paragraphs = split_text(path.read_text(encoding="utf-8"))
        post = parse_post(as_post(title, paragraphs, n).encode(), path.name)
        doc = compose_document(post.title, post.text, post.captions)
        tags = segment.tag(doc)
        mentions = entities.extract_entities(doc, tags)
        found = []
        for m in mentions:
            for at in m.offsets:
                surface = max((s for s in m.surfaces if doc.startswith(s, at)), key=len, default=None)
                if surface:
                    found.append((at, at + len(surface), m.type))
        rows.append({"doc": doc, "tags": tags, "found": found, "gold": gold[path.name],
                     "predicted": [(m.type, {m.name, *m.surfaces}) for m in mentions]})
    return rows


def token_spans(tags) -> list[tuple[int, int]]:
    spans, at = [], 0
    for word, _ in tags:
        spans.append((at, at + len(word)))
        at += len(word)
    return spans


def char_labels(length: int, spans: list[tuple[int, int, str]]) -> list:
    """Per character, the (start, end, type) of the span covering it (first come, first kept)."""
    chars = [None] * length
    for s, e, typ in spans:
        if all(c is None for c in chars[s:e]):
            chars[s:e] = [(s, e, typ)] * (e - s)
    return chars


def bio(tags, chars) -> list[str]:
    """B-/I-type for tokens wholly inside a span, O elsewhere."""
    out = []
    for s, e in token_spans(tags):
        c = chars[s]
        out.append(("B-" if c[0] == s else "I-") + c[2] if c and all(chars[k] == c for k in range(s, e)) else "O")
    return out


def rule_labels(row) -> list[str]:
    chars = char_labels(len(row["doc"]), row["found"])
    labels = []
    for s, e in token_spans(row["tags"]):
        hit = next((chars[k] for k in range(s, e) if chars[k]), None)
        labels.append("O" if hit is None else ("B-" if hit[0] == s else "I-") + hit[2])
    return labels


def gold_labels(row) -> list[str]:
    """Every occurrence of every gold name of two or more characters, longest names first."""
    doc, spans = row["doc"], []
    names = sorted(((n, g["type"]) for g in row["gold"] for n in g["names"] if len(n) >= 2), key=lambda x: -len(x[0]))
    for name, typ in names:
        at = doc.find(name)
        while at >= 0:
            spans.append((at, at + len(name), typ))
            at = doc.find(name, at + 1)
    return bio(row["tags"], char_labels(len(doc), spans))


def features(row) -> list[list[str]]:
    lex = entities.lexicon()
    words = [w for w, _ in row["tags"]]
    pos = [t for _, t in row["tags"]]
    rules = row["rules"]
    n = len(words)
    out = []
    for i, w in enumerate(words):
        f = ["w=" + w, "t=" + pos[i], "r=" + rules[i], "l=" + str(min(len(w), 6)), "f=" + w[:1], "e=" + w[-1:],
             "e2=" + w[-2:]]
        han = [c for c in w if "\u4e00" <= c <= "\u9fff"]
        if han:
            k = sum(c in entities._ALL_TRANSLIT for c in han)
            f.append("tr=all" if k == len(han) else "tr=some" if k else "tr=none")
            if w[0] in entities.SURNAMES:
                f.append("surname")
        elif w[:1].isascii() and w[:1].isalpha():
            f.append("latin" + ("U" if w[:1].isupper() else "l"))
        elif w[:1].isdigit():
            f.append("digit")
        known = lex.by_surface.get(w)
        if known is not None:
            f.append("gz=" + known.type)
        for k, name in ((-2, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")):
            j = i + k
            if 0 <= j < n:
                f += [name + "w=" + words[j], name + "t=" + pos[j]]
                if k in (-1, 1):
                    f += [name + "r=" + rules[j], name + "e=" + words[j][-1:]]
            else:
                f.append(name + "=edge")
        out.append(f)
    return out


def prepare(rows: list[dict]) -> None:
    for row in rows:
        row["rules"] = rule_labels(row)
        row["x"], row["y"] = features(row), gold_labels(row)


def train(rows: list[dict], path: Path) -> None:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    for row in rows:
        trainer.append(row["x"], row["y"])
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(path))


def proposals(tagger, row, threshold: float) -> list[tuple[str, str]]:
    """(type, surface) of the spans the tagger labels where the rules found nothing, when sure enough."""
    labels = tagger.tag(row["x"])
    spans, out, i = token_spans(row["tags"]), set(), 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        typ, j = labels[i][2:], i + 1
        while j < len(labels) and labels[j] == "I-" + typ:
            j += 1
        if all(r == "O" for r in row["rules"][i:j]) \
                and min(tagger.marginal(labels[k], k) for k in range(i, j)) >= threshold:
            surface = row["doc"][spans[i][0]:spans[j - 1][1]]
            if len(surface) >= 2:
                out.add((typ, surface))
        i = j
    return sorted(out)


def matched(predicted, gold) -> int:
    used, tp = set(), 0
    for typ, names in predicted:
        for k, g in enumerate(gold):
            if k not in used and g["type"] == typ and names & set(g["names"]):
                used.add(k)
                tp += 1
                break
    return tp


def score(rows, tagger) -> dict:
    """threshold -> (tp, predicted, gold) with the proposals added; key None: the rules alone."""
    out = {}
    for threshold in (None, *THRESHOLDS):
        tp = npred = ngold = 0
        for row in rows:
            predicted = list(row["predicted"])
            if threshold is not None:
                predicted += [(typ, {s}) for typ, s in proposals(tagger, row, threshold)]
            tp, npred, ngold = tp + matched(predicted, row["gold"]), npred + len(predicted), ngold + len(row["gold"])
        out[threshold] = (tp, npred, ngold)
    return out


def report(totals: dict) -> None:
    for threshold, (tp, npred, ngold) in totals.items():
        p, r = tp / npred, tp / ngold
        label = "rules alone" if threshold is None else f"rules + tagger >= {threshold}"
        print(f"  {label:<22} P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r):.3f}  (tp {tp}, predicted {npred}, gold {ngold})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("cv", "fresh"))
    ap.add_argument("rounds", nargs="*", type=Path, help="cv: the rounds (default: every /tmp/blind_* at hand)")
    ap.add_argument("--train", nargs="*", type=Path, default=[])
    ap.add_argument("--test", nargs="*", type=Path, default=[])
    ap.add_argument("--model", type=Path, default=Path("/tmp/crf_names.crfsuite"))
    args = ap.parse_args()
    import pycrfsuite

    if args.mode == "cv":
        dirs = args.rounds or sorted(p for p in Path("/tmp").glob("blind_*") if (p / "gold_all.jsonl").exists())
        rounds = {p: load_round(p) for p in dirs}
        for rows in rounds.values():
            prepare(rows)
        folds = [dirs[k::3] for k in range(3)]
        totals = {}
        for k, test in enumerate(folds):
            t0 = time.perf_counter()
            train([row for p in dirs if p not in test for row in rounds[p]], args.model)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(args.model))
            for key, counts in score([row for p in test for row in rounds[p]], tagger).items():
                totals[key] = tuple(a + b for a, b in zip(totals.get(key, (0, 0, 0)), counts))
            print(f"fold {k + 1}: tested on {', '.join(p.name for p in test)} (trained in {time.perf_counter() - t0:.0f} s)",
                  flush=True)
        print(f"{len(dirs)} rounds, 3 folds:")
        report(totals)
    else:
        if not args.train or not args.test:
            sys.exit("fresh needs --train and --test rounds")
        train_rows = [row for p in args.train for row in load_round(p)]
        prepare(train_rows)
        train(train_rows, args.model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(args.model))
        for p in args.test:
            rows = load_round(p)
            prepare(rows)
            print(f"{p.name} ({len(rows)} texts), tagger trained on {len(args.train)} rounds:")
            report(score(rows, tagger))


if __name__ == "__main__":
    main()
