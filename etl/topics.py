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

import hashlib
import math
import operator
import re
from collections import Counter
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


class _Node:
    """A query (sub)tree. ``holds`` and ``weigh`` read an article's :class:`_Hits`; ``evaluate`` and
    ``weight`` take the title and body and run each term's regex (the reference for score_topics)."""

    def evaluate(self, title: str, text: str) -> bool:
        return self.holds(_regex_hits(_all_terms(self), title, text))

    def weight(self, title: str, text: str) -> float | None:
        return self.weigh(_regex_hits(_all_terms(self), title, text))


@dataclass(frozen=True)
class Term(_Node):
    text: str                      # as written, without quotes or trailing *
    in_title: bool = False         # title:term
    prefix: bool = False           # term*
    phrase: bool = False           # "quoted"
    pattern: re.Pattern = field(init=False, repr=False, compare=False)
    # How score_topics finds the term's hits (see _term_counting): one of _COUNTED, _OVERLAP, _REGEX,
    # the lower-cased literal, the lower-cased words a regex match needs, and the key of its hits.
    how: str = field(init=False, repr=False, compare=False)
    literal: str = field(init=False, repr=False, compare=False)
    words: tuple = field(init=False, repr=False, compare=False)
    key: object = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        pattern = _compile_term(self.text, self.prefix)
        how, literal, words = _term_counting(self.text, pattern)
        object.__setattr__(self, "pattern", pattern)
        object.__setattr__(self, "how", how)
        object.__setattr__(self, "literal", literal)
        object.__setattr__(self, "words", words)
        # Counted terms are keyed by their literal, as the automaton reports them; the others by their
        # pattern (the same regex, the same hits).
        object.__setattr__(self, "key", literal if how == _COUNTED else pattern)

    def holds(self, hits: _Hits) -> bool:
        key = self.key
        return key in hits.title or (not self.in_title and key in hits.body)

    def terms(self, negated: bool = False):
        if not negated:
            yield self

    def weigh(self, hits: _Hits) -> float:
        key = self.key
        in_title = 1 if key in hits.title else 0
        in_body = 0 if self.in_title else hits.body.get(key, 0)
        if not (in_title or in_body):
            return 0.0       # what the formula gives, without computing it
        return math.sqrt(min(in_body, BODY_HIT_CAP)) + TITLE_WEIGHT * in_title


@dataclass(frozen=True)
class Not(_Node):
    child: object

    def holds(self, hits: _Hits) -> bool:
        return not self.child.holds(hits)

    def terms(self, negated: bool = False):
        yield from self.child.terms(not negated)

    def weigh(self, hits: _Hits) -> None:
        return None   # an absence is no evidence of what the article is about


@dataclass(frozen=True)
class And(_Node):
    children: tuple

    def holds(self, hits: _Hits) -> bool:
        for c in self.children:
            if not c.holds(hits):
                return False
        return True

    def terms(self, negated: bool = False):
        for c in self.children:
            yield from c.terms(negated)

    def weigh(self, hits: _Hits) -> float | None:
        # Every side is needed, so the evidence is that of the weakest side: "乌克兰 AND 俄罗斯" in an
        # article naming Ukraine once and Russia thirty times is weak evidence of the war topic.
        weights = [w for c in self.children if (w := c.weigh(hits)) is not None]
        return min(weights) if weights else None


@dataclass(frozen=True)
class Or(_Node):
    children: tuple

    def holds(self, hits: _Hits) -> bool:
        for c in self.children:
            if c.holds(hits):
                return True
        return False

    def terms(self, negated: bool = False):
        for c in self.children:
            yield from c.terms(negated)

    def weigh(self, hits: _Hits) -> float | None:
        # Alternatives add up: each further word of the topic is more evidence.
        weights = [w for c in self.children if (w := c.weigh(hits)) is not None]
        return sum(weights) if weights else None


def _all_terms(node) -> list[Term]:
    """The positive and the negated terms (terms(True) yields those under an odd number of NOTs)."""
    return [*node.terms(), *node.terms(negated=True)]


class _Hits:
    """One article's evidence, by term key: the keys of the terms in the title, and for the terms in
    the body how many times (non-overlapping, as ``findall`` counts). Absent terms are left out."""
    __slots__ = ("body", "title")

    def __init__(self, title: set, body: dict):
        self.title, self.body = title, body


def _regex_hits(terms, title: str, text: str) -> _Hits:
    """The reference: each term's own regex on the title and body."""
    in_title, in_body = set(), {}
    for term in terms:
        if term.pattern.search(title):
            in_title.add(term.key)
        if n := len(term.pattern.findall(text)):
            in_body[term.key] = n
    return _Hits(in_title, in_body)


# How score_topics finds a term's hits in an article (see _term_counting and _Plan.hits).
_COUNTED = "counted"   # the automaton's count: a plain literal that cannot overlap itself
_OVERLAP = "overlap"   # str.count of the lower-cased literal: it can overlap itself ("乌乌" in "乌乌乌")
_REGEX = "regex"       # its regex, run only when all its words occur: Latin edges, prefix*, \s+, ...


def _term_counting(text: str, pattern: re.Pattern) -> tuple[str, str, tuple[str, ...]]:
    """(how, lower-cased literal, lower-cased words that a regex match needs) for a term."""
    literal = text.lower()
    if not all(c.isascii() or c.lower() == c == c.upper() for c in text):
        # A cased non-ASCII letter ("Σ" also matches "ς") has no exact lower-cased form: always the regex.
        return _REGEX, literal, ()
    if pattern.pattern != re.escape(text):     # Latin edges, prefix* or words joined by \s+
        return _REGEX, literal, tuple(w.lower() for w in text.split())
    # The automaton reports overlapping occurrences, findall non-overlapping ones: the same count unless
    # the literal has a border (a proper prefix that is also a suffix), the only way two can overlap.
    if any(literal[:k] == literal[-k:] for k in range(1, len(literal))):
        return _OVERLAP, literal, ()
    return _COUNTED, literal, ()


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


# Characters for which str.lower() and the regex's IGNORECASE disagree about ASCII: İ ı ſ and the Kelvin
# sign K match ASCII letters case-insensitively (and İ lower-cases to two characters). Every other
# character lower-cases to one character, so a term of ASCII and uncased characters matches (ignoring
# case) exactly where its lower-cased form occurs in the lower-cased text. An article with one of these
# gets the regex of every term instead. tests/test_topics.py derives this set again from all of Unicode.
_CASE_ODD = "\u0130\u0131\u017f\u212a"


def _has_case_odd(s: str) -> bool:
    return any(map(s.__contains__, _CASE_ODD))    # four substring searches: quicker than one regex


_VALUE = operator.itemgetter(1)


class _Plan:
    """What score_topics needs of a list of topics, built once per list: each topic's literals and
    title-boost terms, the terms that are not simply counted, and the automata."""

    def __init__(self, topics: tuple[Topic, ...]):
        self.topics = topics      # holds the topics alive, so the ids in the cache key stay theirs
        self.entries = []
        body_keys, title_keys, body_needed, by_key = set(), set(), set(), {}
        for topic in topics:
            positive = list(topic.parsed.terms())
            # A true query needs one of its positive terms: these literals rule topics out quickly.
            literals = frozenset(t.literal for t in positive)
            in_query = {(t.text.lower(), t.prefix) for t in positive}
            boost = tuple(t for t in topic.title_terms if (t.text.lower(), t.prefix) not in in_query)
            self.entries.append((topic, literals, boost))
            body_keys |= literals
            for term in positive + list(topic.parsed.terms(negated=True)):
                body_keys.update(term.words if term.how == _REGEX else (term.literal,))
                if not term.in_title:
                    body_needed.add(term.key)
                by_key.setdefault(term.key, term)
            for term in boost:       # only ever looked for in the title
                title_keys.update(term.words if term.how == _REGEX else (term.literal,))
                by_key.setdefault(term.key, term)
        # The terms that the automaton does not count, (term, whether its body hits are needed): the
        # regex terms by their first word (their gate: most articles have none of them), the others.
        self.gated, always = {}, []
        for key, term in by_key.items():
            if term.how == _COUNTED:
                continue
            entry = (term, key in body_needed)
            if term.words:
                self.gated.setdefault(term.words[0], []).append(entry)
            else:
                always.append(entry)
        self.always = tuple(always)
        self.gate_words = frozenset(self.gated)
        self.all_terms = tuple({t.key: t for topic in topics
                                for t in _all_terms(topic.parsed) + list(topic.title_terms)}.values())
        self.spanning = tuple(k for k in body_keys if "\n" in k)   # could match across title and body
        self.body_automaton = _automaton(body_keys)
        self.title_automaton = _automaton(body_keys | title_keys)

    def find(self, title_l: str, text_l: str) -> tuple[set, Counter]:
        """The keys in the lower-cased title, and how many times each key is in the lower-cased body
        (overlapping occurrences, as an automaton reports them)."""
        return (set(map(_VALUE, self.title_automaton.iter(_utf8(title_l)))),
                Counter(map(_VALUE, self.body_automaton.iter(_utf8(text_l)))))

    def hits(self, title: str, text: str, text_l: str, in_title: set, in_body: Counter) -> _Hits:
        """The article's hits, completing the automata's finds in the lower-cased title (``in_title``)
        and counts in the lower-cased body (``in_body``), which it takes over: a counted term's key is
        its literal, so these are its hits already. Exact when no _CASE_ODD character occurs."""
        for term, body_needed in self.always:
            if term.how == _OVERLAP:
                if term.literal in in_title:
                    in_title.add(term.key)
                if body_needed and (n := text_l.count(term.literal)):
                    in_body[term.key] = n
            else:
                if term.pattern.search(title):
                    in_title.add(term.key)
                if body_needed and (n := len(term.pattern.findall(text))):
                    in_body[term.key] = n
        # A regex match needs each of its words in the lower-cased text (see _CASE_ODD).
        for word in self.gate_words.intersection(in_title):
            for term, _ in self.gated[word]:
                if all(w in in_title for w in term.words) and term.pattern.search(title):
                    in_title.add(term.key)
        for word in self.gate_words.intersection(in_body):
            for term, body_needed in self.gated[word]:
                if (body_needed and all(w in in_body for w in term.words)
                        and (n := len(term.pattern.findall(text)))):
                    in_body[term.key] = n
        return _Hits(in_title, in_body)


def _automaton(keys) -> ahocorasick.Automaton:
    """An automaton of the keys' UTF-8 bytes (see _utf8), reporting each key itself."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(_utf8(key), key)
    automaton.make_automaton()
    return automaton


def _utf8(s: str) -> str:
    """s's UTF-8 bytes, one character per byte: what the automata search.

    pyahocorasick looks a character up among a node's children one by one, and the root has a child
    per distinct first character of the keys (some 200 Chinese characters): that scan, for nearly
    every character of the text, was most of the time of score_topics. In UTF-8 the root's children
    are the first bytes (a few dozen), and the search takes a quarter less time. The counts are the
    same: UTF-8 is self-synchronizing (no character's bytes occur inside another's), so the bytes of
    a key occur exactly where the key does. ("surrogatepass" keeps lone surrogates one-to-one too.)
    """
    return s.encode("utf-8", "surrogatepass").decode("latin-1")


_PLANS: dict[tuple[int, ...], _Plan] = {}


def _plan(topics: list[Topic]) -> _Plan:
    # Keyed by the topics' ids, not by their dataclass hashes (pure Python: some 10 us a call for the
    # shipped list); the plan keeps the topics alive, so no other object can take one of these ids.
    key = tuple(map(id, topics))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= 8:
            _PLANS.clear()
        plan = _PLANS[key] = _Plan(tuple(topics))
    return plan


def score_topics(title: str, text: str, topics: list[Topic]) -> list[TopicScore]:
    """The topics whose query is true of (title, text), each with a relevance in (0, 1].

    A topic whose query is true but whose score stays under its min_score (a passing mention) is left
    out; so is one whose query is true only through NOT (no evidence the article is about it).
    """
    title, text = title or "", text or ""
    if not topics:
        return []
    plan = _plan(topics)
    # One Aho-Corasick pass over the lower-cased title and one over the body find which terms occur
    # at all, ruling out most topics for most articles, and count the body occurrences of each: the
    # queries are then evaluated and weighed from these counts, a regex running only for the few
    # terms that a plain count cannot settle (see _term_counting).
    title_l, text_l = title.lower(), text.lower()
    title_found, body_counts = plan.find(title_l, text_l)
    present = title_found.union(body_counts)
    if plan.spanning:
        joined = f"{title_l}\n{text_l}"
        present.update(k for k in plan.spanning if k in joined)
    scores, hits = [], None
    for topic, literals, boost in plan.entries:
        if present.isdisjoint(literals):
            continue
        if hits is None:
            if _has_case_odd(title) or _has_case_odd(text):
                hits = _regex_hits(plan.all_terms, title, text)
            else:
                hits = plan.hits(title, text, text_l, title_found, body_counts)
        if not topic.parsed.holds(hits):
            continue
        weight = topic.parsed.weigh(hits) or 0.0
        for term in boost:
            if term.key in hits.title:
                weight += TITLE_WEIGHT
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
