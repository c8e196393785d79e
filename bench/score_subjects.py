"""Score the subject of each figure (the phrase it measures) against hand annotations of blind rounds.

    python bench/score_subjects.py ROUND_DIR [ROUND_DIR ...] [--verbose]
    python bench/score_subjects.py --agreement FIRST.jsonl SECOND.jsonl

Each ROUND_DIR holds the round's `texts/NNN.txt` and `gold_all.jsonl` (blind_round/README.md). The
subject annotations are ROUND_DIR/subjects.jsonl if there is one, else bench/texts/subjects_X.jsonl for
a folder named blind_X: one line per gold figure, {"file", "i" (the figure's index in the text's gold
list), "text", "core", "full"}, where `full` is the longest span of the text that names what the
number measures and `core` its head (blind_round/subject_brief.md).

A figure's subject is right when it contains the core and lies within the full span
(core ⊆ subject ⊆ full), or when both the annotation and the extractor have none. Each text goes
through the ETL's own reading and extraction (parse_post, then etl.process.extract). Gold figures the
extractor does not find are left out (figure recall is bench/score_texts.py's business); the figure
matching is the official scorer's (kind, unit, low, high).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_dev import load_scorer  # noqa: E402
from bench.score_texts import as_post, split_text  # noqa: E402
from etl.process import extract  # noqa: E402
from etl.reader import parse_post  # noqa: E402

VERDICTS = ("right", "wrong", "missing", "spurious")


def verdict(subject: str | None, core: str | None, full: str | None) -> str:
    if not core:
        return "right" if not subject else "spurious"
    if not subject:
        return "missing"
    return "right" if core in subject and subject in full else "wrong"


def _pick(candidates: list, gold_text: str):
    """Among our figures of the gold figure's value, the one written as the gold writes it, else the first."""
    for fig in candidates:
        if fig.text in gold_text or gold_text in fig.text:
            return fig
    return candidates[0]


def _subjects_file(round_dir: Path) -> Path:
    own = round_dir / "subjects.jsonl"
    return own if own.exists() else ROOT / "bench" / "texts" / f"subjects_{round_dir.name.removeprefix('blind_')}.jsonl"


def score_round(round_dir: Path, verbose: bool) -> Counter:
    same = load_scorer().figure_matches
    gold = {g["file"]: g for g in (json.loads(line) for line in open(round_dir / "gold_all.jsonl", encoding="utf-8")
                                   if line.strip())}
    subjects: dict[str, list[dict]] = {}
    for line in open(_subjects_file(round_dir), encoding="utf-8"):
        if line.strip():
            s = json.loads(line)
            subjects.setdefault(s["file"], []).append(s)
    tally: Counter = Counter()
    for n, (name, annotations) in enumerate(sorted(subjects.items())):
        title, paragraphs = split_text((round_dir / "texts" / name).read_text(encoding="utf-8"))
        post = parse_post(as_post(title, paragraphs, n).encode("utf-8"), name)
        figures = extract(post.title, post.text, post.captions)[0]
        for s in annotations:
            g = gold[name]["figures"][s["i"]]
            ours = [f for f in figures if same({"kind": f.kind, "unit": f.unit, "low": f.value_low,
                                                "high": f.value_high}, g)]
            if not ours:
                tally["figure not found"] += 1
                continue
            fig = _pick(ours, s["text"])
            v = verdict(fig.subject, s["core"], s["full"])
            tally[v] += 1
            tally[f"{g['kind']} {v}"] += 1
            if verbose and v != "right":
                print(f"  {v:<8} {name} {fig.text!r:<16} ours {fig.subject!r}  gold {s['core']!r} ⊆ · ⊆ {s['full']!r}"
                      f"   | {fig.sentence[:70]}")
    return tally


def summary(tally: Counter) -> str:
    scored = sum(tally[v] for v in VERDICTS)
    parts = " ".join(f"{v} {tally[v]}" for v in VERDICTS)
    return f"{tally['right'] / scored if scored else 0:.3f} right of {scored} ({parts}; gold figures not found {tally['figure not found']})"


def _annotations(path: Path) -> dict[tuple[str, int], dict]:
    return {(s["file"], s["i"]): s for s in (json.loads(line) for line in open(path, encoding="utf-8") if line.strip())}


def agreement(first: Path, second: Path) -> None:
    a, b = _annotations(first), _annotations(second)
    shared = sorted(a.keys() & b.keys())
    for pred_name, pred, gold in ((second.name, b, a), (first.name, a, b)):
        for span in ("core", "full"):
            right = sum(verdict(pred[k][span], gold[k]["core"], gold[k]["full"]) == "right" for k in shared)
            print(f"{pred_name} {span:<4} as the prediction: {right / len(shared):.3f} right of {len(shared)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rounds", nargs="*", type=Path)
    ap.add_argument("--verbose", action="store_true", help="print every subject that is not right")
    ap.add_argument("--agreement", nargs=2, type=Path, metavar=("FIRST", "SECOND"))
    args = ap.parse_args()
    if args.agreement:
        agreement(*args.agreement)
        return
    if not args.rounds:
        ap.error("give round folders, or --agreement FIRST SECOND")
    pooled: Counter = Counter()
    for rd in args.rounds:
        tally = score_round(rd, args.verbose)
        pooled.update(tally)
        print(f"{rd.name:<10} {summary(tally)}", flush=True)
    if len(args.rounds) > 1:
        print(f"{'pooled':<10} {summary(pooled)}")
    kinds = sorted({k.split(' ')[0] for k in pooled if k.endswith(' right') or k.endswith(' wrong')})
    for kind in kinds:
        scored = sum(pooled[f"{kind} {v}"] for v in VERDICTS)
        print(f"  {kind:<8} {pooled[f'{kind} right'] / scored:.3f} right of {scored}")


if __name__ == "__main__":
    main()
