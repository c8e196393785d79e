"""Add collected news excerpts to a blind round's candidate list, refusing what would spoil it.

    python bench/texts/blind_round/add_candidates.py ROUND_DIR batch.json

batch.json holds a JSON list of {"url": ..., "excerpt": ...}. Each item is checked and printed as OK or
with the reason it was refused: EXCLUDED (its URL is in ROUND_DIR/exclude_urls.txt, i.e. an earlier
round's text), SAMEURL, SHORT (under 500 Han characters), TRAD (traditional characters), DUP (shares
over 30% of its 8-character runs with an accepted text). OK items are appended to
ROUND_DIR/stage/cands.jsonl. Several collectors may add to the same round at once.
"""
from __future__ import annotations

import json
import os
import re
import sys
from urllib.parse import unquote

TRADITIONAL = set("烏蘭澤連臺灣國會頭時間說與對這們軍發還個後為無機擊襲議協經濟關係門區")


def norm(url: str) -> str:
    return unquote(url.strip()).lower().rstrip("/").split("://", 1)[-1].replace("www.", "")


def grams(text: str) -> set[str]:
    han = "".join(re.findall(r"[\u4e00-\u9fff]", text))
    return {han[i:i + 8] for i in range(len(han) - 7)}


def main() -> None:
    round_dir, batch = sys.argv[1], sys.argv[2]
    items = json.load(open(batch, encoding="utf-8"))
    exclude_file = os.path.join(round_dir, "exclude_urls.txt")
    excluded = {norm(line) for line in open(exclude_file, encoding="utf-8") if line.strip()} \
        if os.path.exists(exclude_file) else set()
    db = os.path.join(round_dir, "stage", "cands.jsonl")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    have = [json.loads(line) for line in open(db, encoding="utf-8")] if os.path.exists(db) else []
    urls = {h["url"] for h in have}
    for item in items:
        url, excerpt = item["url"], item["excerpt"]
        han = len(re.findall(r"[\u4e00-\u9fff]", excerpt))
        trad = sum(1 for c in excerpt if c in TRADITIONAL)
        g = grams(excerpt)
        dup = next((h["url"] for h in have
                    if g and len(g & grams(h["excerpt"])) / max(1, min(len(g), len(grams(h["excerpt"])))) > 0.3),
                   None)
        status = ("EXCLUDED" if norm(url) in excluded else "SAMEURL" if url in urls else "SHORT" if han < 500
                  else "TRAD" if trad > 3 else f"DUP:{dup}" if dup else "OK")
        print(status, han, trad, url)
        if status == "OK":
            have.append(item)
            urls.add(url)
            with open(db, "a", encoding="utf-8") as out:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print("total", len(have))


if __name__ == "__main__":
    main()
