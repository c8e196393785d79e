"""Score every blind round at hand and print one table: entities and figures per round, and pooled.

    python bench/blind_rounds.py [ROUND_DIR ...] [--save DIR]

Each ROUND_DIR holds `texts/NNN.txt` and the round's annotations `gold_all.jsonl`, as
blind_round/README.md describes (default: every /tmp/blind_* folder that has both). Each round is
scored by bench/score_texts.py (a real `geonews etl run` and the official scorer); `--save DIR` keeps
each round's verbose output (every false and missed entity and figure) as DIR/ROUND.txt, for reading
errors across rounds. The pooled line sums true positives, predictions and gold over the rounds.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ent            P=0.929 R=0.853 F1=0.890  (tp 419, predicted 451, gold 491)
_COUNTS = re.compile(r"^(ent|fig) +P=\S+ R=\S+ F1=\S+ +\(tp (\d+), predicted (\d+), gold (\d+)\)", re.M)
_MACRO = re.compile(r"^(ent|fig) +macro F1 over \d+ articles = (\S+)", re.M)


def score_round(round_dir: Path) -> str:
    cmd = [sys.executable, str(ROOT / "bench" / "score_texts.py"), str(round_dir / "texts"),
           str(round_dir / "gold_all.jsonl"), "--verbose"]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def prf(tp: int, pred: int, gold: int) -> str:
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rounds", nargs="*", type=Path)
    ap.add_argument("--save", type=Path, help="keep each round's verbose output here")
    args = ap.parse_args()
    rounds = args.rounds or sorted(p for p in Path("/tmp").glob("blind_*")
                                   if (p / "gold_all.jsonl").exists() and (p / "texts").is_dir())
    if not rounds:
        sys.exit("no round folders with texts/ and gold_all.jsonl")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    pooled = {"ent": [0, 0, 0], "fig": [0, 0, 0]}
    print(f"{'round':<10} {'texts':>5}  entities P R F1 (macro F1)   figures P R F1 (macro F1)")
    for rd in rounds:
        out = score_round(rd)
        if args.save:
            (args.save / f"{rd.name}.txt").write_text(out, encoding="utf-8")
        counts = {m[0]: tuple(map(int, m[1:])) for m in _COUNTS.findall(out)}
        macro = dict(_MACRO.findall(out))
        for kind, c in counts.items():
            pooled[kind] = [a + b for a, b in zip(pooled[kind], c)]
        n = out.split(" texts", 1)[0].strip()
        cells = [f"{prf(*counts[k])} ({macro.get(k, '-')})" if k in counts else "-" for k in ("ent", "fig")]
        print(f"{rd.name:<10} {n:>5}  {cells[0]:<28} {cells[1]}", flush=True)
    print(f"{'pooled':<10} {'':>5}  {prf(*pooled['ent']):<28} {prf(*pooled['fig'])}")


if __name__ == "__main__":
    main()
