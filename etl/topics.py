"""Curated topics: Media Cloud-style boolean queries over Chinese-language news.

Each topic in data/topics.yaml has a query; an article belongs to the topic when the query is true of
its title and body, and gets a relevance score in (0, 1] from how much of the query it hits.

Query language
--------------
- ``term``           a word. A term with Chinese characters matches as a substring of the text (Chinese
                     is written without spaces, so there are no word boundaries to respect); a Latin
                     term (``LNG``, ``OPEC+``, ``F-35``) matches case-insensitively on word boundaries,
                     so ``LNG`` does not match inside ``LNGS`` but does match in ``LNG项目``.
- ``term*``          prefix: ``Huawei*`` matches ``Huawei``, ``Huaweis`` ... (Latin only; a Chinese
                     term is a substring match already).
- ``"a phrase"``     the words in this order, separated by any whitespace (for Latin); a quoted
                     Chinese phrase is a plain substring, quoted only for readability.
- ``A AND B``, ``A OR B``, ``NOT A``   operators, upper case only (a lower-case ``and`` is a term).
- ``A B``            two adjacent items mean ``A AND B`` (implicit AND).
- ``( ... )``        grouping. Precedence: NOT binds tightest, then AND, then OR:
                     ``a OR b AND NOT c`` is ``a OR (b AND (NOT c))``.
- ``title:term``, ``title:"phrase"``, ``title:( ... )``   the item must occur in the title.

The query is parsed once into a small tree (``Term``, ``And``, ``Or``, ``Not``) by a recursive-descent
parser; malformed queries raise :class:`QueryError` naming the topic.

Scoring: a term found weighs ``sqrt(body hits)`` (diminishing returns, so one word repeated twenty
times does not outweigh five different words of the topic) plus ``TITLE_WEIGHT`` if it is in the title
(the title says what the article is about). The weights combine along the query: alternatives (OR) add
up, the sides of an AND give the weight of the weakest side (all are needed, so a context word such as
美国 with thirty hits cannot lift an article that names the topic's subject once), NOT adds nothing.
The optional ``title`` field of a topic lists extra terms that only add title weight (they never make
an article match). ``score = 1 - exp(-weight / SCORE_SCALE)``, in (0, 1].
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick
import yaml

from etl.models import TopicScore

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "topics.yaml"

TITLE_WEIGHT = 3.0     # one title hit of a term is worth this many body "units"
BODY_HIT_CAP = 16      # beyond this many body hits a term adds nothing (sqrt(16) = 4 units)
SCORE_SCALE = 4.0      # weight at which the score reaches 1 - 1/e (about 0.63)
# One body mention of one term (weight 1) scores 0.22: a passing mention ("as in Syria ...") does not
# make an article about the topic. By default an article needs more than that: a second mention, a
# second term or a title hit. A topic may set its own min_score in the YAML (0 = the query decides).
DEFAULT_MIN_SCORE = 0.25

FIELDS = ("title",)
OPERATORS = ("AND", "OR", "NOT")


class QueryError(ValueError):
    """A malformed topic query; the message names the topic and the position."""

    def __init__(self, topic_id: str, query: str, pos: int, reason: str):
        self.topic_id, self.query, self.pos, self.reason = topic_id, query, pos, reason
        pointer = f"{query[:pos]}⟨here⟩{query[pos:]}"
        super().__init__(f"topic {topic_id!r}: {reason} at position {pos}: {pointer}")


# ---------------------------------------------------------------------------------------------
# The query tree
# ---------------------------------------------------------------------------------------------

_ASCII_ALNUM = "A-Za-z0-9"


@dataclass(frozen=True)
class Term:
    text: str                      # as written, without quotes or trailing *
    in_title: bool = False         # title:term
    prefix: bool = False           # term*
    phrase: bool = False           # "quoted"
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "pattern", _compile_term(self.text, self.prefix))

    def evaluate(self, title: str, text: str) -> bool:
        if self.pattern.search(title):
            return True
        return not self.in_title and self.pattern.search(text) is not None

    def terms(self, negated: bool = False):
        if not negated:
            yield self

    def weight(self, title: str, text: str) -> float:
        in_title = 1 if self.pattern.search(title) else 0
        in_body = 0 if self.in_title else len(self.pattern.findall(text))
        return math.sqrt(min(in_body, BODY_HIT_CAP)) + TITLE_WEIGHT * in_title


@dataclass(frozen=True)
class Not:
    child: object

    def evaluate(self, title: str, text: str) -> bool:
        return not self.child.evaluate(title, text)

    def terms(self, negated: bool = False):
        yield from self.child.terms(not negated)

    def weight(self, title: str, text: str) -> None:
        return None   # an absence is no evidence of what the article is about


@dataclass(frozen=True)
class And:
    children: tuple

    def evaluate(self, title: str, text: str) -> bool:
        return all(c.evaluate(title, text) for c in self.children)

    def terms(self, negated: bool = False):
        for c in self.children:
            yield from c.terms(negated)

    def weight(self, title: str, text: str) -> float | None:
        # Every side is needed, so the evidence is that of the weakest side: "乌克兰 AND 俄罗斯" in an
        # article naming Ukraine once and Russia thirty times is weak evidence of the war topic.
        weights = [w for c in self.children if (w := c.weight(title, text)) is not None]
        return min(weights) if weights else None


@dataclass(frozen=True)
class Or:
    children: tuple

    def evaluate(self, title: str, text: str) -> bool:
        return any(c.evaluate(title, text) for c in self.children)

    def terms(self, negated: bool = False):
        for c in self.children:
            yield from c.terms(negated)

    def weight(self, title: str, text: str) -> float | None:
        # Alternatives add up: each further word of the topic is more evidence.
        weights = [w for c in self.children if (w := c.weight(title, text)) is not None]
        return sum(weights) if weights else None


def _compile_term(text: str, prefix: bool) -> re.Pattern:
    """Chinese: substring. Latin edges: not glued to other Latin letters or digits."""
    words = text.split()
    body = r"\s+".join(re.escape(w) for w in words)
    if re.match(f"[{_ASCII_ALNUM}]", text[0]):
        body = f"(?<![{_ASCII_ALNUM}])" + body
    if prefix:
        body += f"[{_ASCII_ALNUM}]*"
    if re.search(f"[{_ASCII_ALNUM}]$", text):
        body += f"(?![{_ASCII_ALNUM}])"
    return re.compile(body, re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Tokenizer and recursive-descent parser
# ---------------------------------------------------------------------------------------------

# A token: parenthesis, quoted phrase (possibly unterminated, reported below), field prefix, or word.
_TOKEN = re.compile(
    r'\s*(?:(?P<paren>[()])|(?P<phrase>"[^"]*"?)|(?P<field>[A-Za-z_]+):(?=\S)|(?P<word>[^\s()"]+))'
)


@dataclass
class _Tok:
    kind: str    # ( ) PHRASE FIELD WORD AND OR NOT END
    value: str
    pos: int


def _tokenize(query: str, topic_id: str) -> list[_Tok]:
    toks, pos = [], 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise QueryError(topic_id, query, pos, "unexpected character")
        start = m.start(m.lastgroup)
        kind, value = m.lastgroup, m.group(m.lastgroup)
        if kind == "paren":
            toks.append(_Tok(value, value, start))
        elif kind == "phrase":
            if len(value) < 2 or not value.endswith('"'):
                raise QueryError(topic_id, query, start, "unclosed quote")
            if not value[1:-1].strip():
                raise QueryError(topic_id, query, start, "empty phrase")
            toks.append(_Tok("PHRASE", value[1:-1].strip(), start))
        elif kind == "field":
            if value not in FIELDS:
                raise QueryError(topic_id, query, start, f"unknown field {value!r} (known: {', '.join(FIELDS)})")
            toks.append(_Tok("FIELD", value, start))
        elif value in OPERATORS:
            toks.append(_Tok(value, value, start))
        elif value.endswith(":") and value[:-1] in FIELDS:
            raise QueryError(topic_id, query, start, f"'{value}' must be followed directly by a term")
        else:
            toks.append(_Tok("WORD", value, start))
        pos = m.end()
    toks.append(_Tok("END", "", len(query)))
    return toks


class _Parser:
    """or_expr := and_expr (OR and_expr)*
    and_expr := not_expr ([AND] not_expr)*        (adjacent items: implicit AND)
    not_expr := NOT not_expr | atom
    atom     := "(" or_expr ")" | FIELD ":" atom | PHRASE | WORD
    """

    _STARTS_ATOM = ("(", "PHRASE", "FIELD", "WORD", "NOT")

    def __init__(self, query: str, topic_id: str):
        self.query, self.topic_id = query, topic_id
        self.toks = _tokenize(query, topic_id)
        self.i = 0

    def error(self, reason: str, tok: _Tok | None = None):
        tok = tok or self.toks[self.i]
        raise QueryError(self.topic_id, self.query, tok.pos, reason)

    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self):
        if self.tok.kind == "END":
            self.error("empty query")
        node = self.or_expr(in_title=False)
        if self.tok.kind == ")":
            self.error("unbalanced parenthesis: ')' without '('")
        if self.tok.kind != "END":
            self.error(f"unexpected {self.tok.value!r}")
        return node

    def or_expr(self, in_title: bool):
        children = [self.and_expr(in_title)]
        while self.tok.kind == "OR":
            self.take()
            children.append(self.and_expr(in_title))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, in_title: bool):
        children = [self.not_expr(in_title)]
        while self.tok.kind == "AND" or self.tok.kind in self._STARTS_ATOM:
            if self.tok.kind == "AND":
                self.take()
            children.append(self.not_expr(in_title))
        return children[0] if len(children) == 1 else And(tuple(children))

    def not_expr(self, in_title: bool):
        if self.tok.kind == "NOT":
            self.take()
            return Not(self.not_expr(in_title))
        return self.atom(in_title)

    def atom(self, in_title: bool):
        tok = self.tok
        if tok.kind == "(":
            self.take()
            if self.tok.kind == ")":
                self.error("empty parentheses")
            node = self.or_expr(in_title)
            if self.tok.kind != ")":
                self.error("unbalanced parenthesis: '(' is never closed", tok)
            self.take()
            return node
        if tok.kind == "FIELD":
            self.take()
            return self.atom(in_title=True)
        if tok.kind == "PHRASE":
            self.take()
            return Term(tok.value, in_title=in_title, phrase=True)
        if tok.kind == "WORD":
            self.take()
            text, prefix = tok.value, tok.value.endswith("*")
            text = text.rstrip("*")
            if not text:
                self.error("'*' must follow a term", tok)
            if "*" in text:
                self.error("'*' is only allowed at the end of a term", tok)
            return Term(text, in_title=in_title, prefix=prefix)
        if tok.kind == "END":
            prev = self.toks[self.i - 1] if self.i else tok
            if prev.kind in OPERATORS:
                self.error(f"dangling operator {prev.value!r} at the end", prev)
            self.error("unexpected end of query")
        if tok.kind == ")":
            prev = self.toks[self.i - 1] if self.i else tok
            if prev.kind in OPERATORS:
                self.error(f"dangling operator {prev.value!r} before ')'", prev)
            self.error("unbalanced parenthesis: ')' without '('")
        # AND / OR where an item should be: "AND a", "a OR OR b", "(OR a)"
        self.error(f"operator {tok.value!r} is missing its left-hand side")


def parse_query(query: str, topic_id: str = "<query>"):
    """The query's tree; raises QueryError (with the topic id) when it is malformed."""
    if not isinstance(query, str):
        raise QueryError(topic_id, str(query), 0, "query must be a string")
    return _Parser(query, topic_id).parse()


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    query: str
    parsed: object = field(repr=False, compare=False)
    title_query: str | None = None
    title_terms: tuple = field(default=(), repr=False, compare=False)
    min_score: float = DEFAULT_MIN_SCORE

    def matches(self, title: str, text: str) -> bool:
        return self.parsed.evaluate(title, text)


def make_topic(topic_id: str, label: str, query: str, title_query: str | None = None,
               min_score: float = DEFAULT_MIN_SCORE) -> Topic:
    parsed = parse_query(query, topic_id)
    if not any(True for _ in parsed.terms()):
        raise QueryError(topic_id, query, 0, "query has no positive term (it could only match by exclusion)")
    title_terms = ()
    if title_query:
        title_terms = tuple(parse_query(title_query, f"{topic_id}.title").terms())
    if not 0.0 <= min_score < 1.0:
        raise ValueError(f"topic {topic_id!r}: min_score must be in [0, 1), got {min_score}")
    return Topic(topic_id, label, query, parsed, title_query, title_terms, float(min_score))


def load_topics(path: Path | str = DEFAULT_PATH) -> list[Topic]:
    """The curated topics of a YAML file (a list of {id, label, query[, title]}), in file order."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if isinstance(data, dict):
        data = data.get("topics")
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of topics")
    topics, seen = [], set()
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("id", "label", "query")):
            raise ValueError(f"{path}: topic #{n} needs id, label and query: {entry!r}")
        tid = str(entry["id"])
        if not _ID.match(tid):
            raise ValueError(f"{path}: topic id {tid!r} must be lower-case letters, digits and _")
        if tid in seen:
            raise ValueError(f"{path}: duplicate topic id {tid!r}")
        seen.add(tid)
        unknown = set(entry) - {"id", "label", "query", "title", "min_score", "description"}
        if unknown:
            raise ValueError(f"{path}: topic {tid!r} has unknown keys {sorted(unknown)}")
        topics.append(make_topic(tid, str(entry["label"]), str(entry["query"]), entry.get("title"),
                                 entry.get("min_score", DEFAULT_MIN_SCORE)))
    return topics


def topics_fingerprint(path: Path | str = DEFAULT_PATH) -> str:
    """sha256 of the topics file: when it changes, every stored article must be re-tagged."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def matched_terms(topic: Topic, title: str, text: str) -> dict[str, tuple[int, int]]:
    """Why an article is in a topic: {term: (title hits, body hits)} for the query's positive terms."""
    out = {}
    for term in topic.parsed.terms():
        in_title = len(term.pattern.findall(title))
        in_body = 0 if term.in_title else len(term.pattern.findall(text))
        if in_title or in_body:
            out[term.text + ("*" if term.prefix else "")] = (in_title, in_body)
    return out


def _weight(topic: Topic, title: str, text: str) -> float:
    weight = topic.parsed.weight(title, text) or 0.0
    in_query = {(t.text.lower(), t.prefix) for t in topic.parsed.terms()}
    for term in topic.title_terms:
        if (term.text.lower(), term.prefix) not in in_query and term.pattern.search(title):
            weight += TITLE_WEIGHT
    return weight


@functools.lru_cache(maxsize=8)
def _automaton(topics: tuple[Topic, ...]) -> ahocorasick.Automaton:
    """Every positive term of every topic, lower-cased, in one automaton (overlapping matches)."""
    automaton = ahocorasick.Automaton()
    for topic in topics:
        for lit in _literals(topic):
            automaton.add_word(lit, lit)
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=1024)
def _literals(topic: Topic) -> frozenset[str]:
    """Lower-cased strings of which at least one must occur for the topic's query to be true."""
    return frozenset(t.text.lower() for t in topic.parsed.terms())


def score_topics(title: str, text: str, topics: list[Topic]) -> list[TopicScore]:
    """The topics whose query is true of (title, text), each with a relevance in (0, 1].

    A topic whose query is true but whose score stays under its min_score (a passing mention) is left
    out; so is one whose query is true only through NOT (no evidence the article is about it).
    """
    title, text = title or "", text or ""
    if not topics:
        return []
    # A true query needs one of its positive terms, so one Aho-Corasick pass over the text finds
    # which terms occur at all and rules out most topics for most articles before any regex runs.
    present = {lit for _end, lit in _automaton(tuple(topics)).iter(f"{title}\n{text}".lower())}
    scores = []
    for topic in topics:
        if present.isdisjoint(_literals(topic)):
            continue
        if not topic.matches(title, text):
            continue
        weight = _weight(topic, title, text)
        if weight <= 0:   # true only through NOT: nothing says the article is about the topic
            continue
        score = 1.0 - math.exp(-weight / SCORE_SCALE)
        if score >= topic.min_score:
            scores.append(TopicScore(topic.id, round(score, 4)))
    return scores


# ---------------------------------------------------------------------------------------------
# Checking the queries against a folder of posts: python -m etl.topics PATH [--topic ID] [-n 5]
# ---------------------------------------------------------------------------------------------

def _read_post(path: Path) -> tuple[str, str] | None:
    """(title, body text) of a Markdown post with YAML front matter and an HTML body; None if not a post."""
    import frontmatter
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    post = frontmatter.loads(path.read_text(encoding="utf-8", errors="replace").lstrip())
    if "title" not in post.metadata:
        return None
    html = post.content or ""
    text = HTMLParser(html).text(separator="\n") if html.strip() else ""
    return str(post["title"]), text


def main(argv=None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Which posts does each curated topic match?")
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--topics", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--topic", action="append", help="only these topic ids")
    ap.add_argument("-n", type=int, default=5, help="titles to show per topic")
    ap.add_argument("--explain", action="store_true", help="show the terms each title matched on")
    args = ap.parse_args(argv)

    topics = [t for t in load_topics(args.topics) if not args.topic or t.id in args.topic]
    files = sorted(f for p in args.paths for f in ([p] if p.is_file() else p.rglob("*.md")))
    posts = [p for p in map(_read_post, files) if p is not None]
    by_id = {t.id: t for t in topics}
    hits = {t.id: [] for t in topics}
    for title, text in posts:
        for s in score_topics(title, text, topics):
            why = matched_terms(by_id[s.topic_id], title, text) if args.explain else ""
            hits[s.topic_id].append((s.score, title, why))
    n_tagged = sum(1 for title, text in posts if score_topics(title, text, topics))
    print(f"{len(posts)} posts, {n_tagged} with at least one topic\n")
    print(f"{'topic':<24}{'posts':>6}  examples (score, title)")
    for t in topics:
        rows = sorted(hits[t.id], reverse=True)
        print(f"{t.id:<24}{len(rows):>6}  {t.label}")
        for score, title, why in rows[: args.n]:
            print(f"{'':<32}{score:.2f}  {title[:60]}  {why or ''}")


if __name__ == "__main__":
    main()
