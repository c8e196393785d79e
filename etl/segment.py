"""Chinese word segmentation: jieba's dictionary, cut by rjieba (jieba-rs), the fast engine.

The gazetteer's names are added to the dictionary so a name is never split (弗拉基米尔·普京 stays
one token only if the user dictionary says so; transliterated names are handled in entities.py).
One tagger per process, built lazily, so worker processes each build their own once.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re

import rjieba

# POS tags whose words carry content for keywords, topic models and distinctive-word analysis.
CONTENT_TAGS = ("n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "eng", "v")
_WORDLIKE = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9·\-]*$")
STOPWORDS = frozenset(
    "表示 认为 进行 没有 可能 已经 成为 包括 他们 我们 这个 一个 这些 那些 自己 什么 因为 所以 "
    "但是 如果 还是 就是 不是 以及 对于 由于 目前 其中 通过 同时 此外 可以 需要 继续 开始 "
    "发生 称 说 指出 报道 消息 记者 时间 问题 情况 方面 工作 有关 相关 地区 国家 政府 人 年 月 日".split()
)


@functools.lru_cache(maxsize=1)
def tagger() -> rjieba.Jieba:
    """The process's segmenter: jieba's default dictionary plus the gazetteer's names."""
    from etl import gazetteer  # local import: gazetteer imports nothing from here

    jb = rjieba.Jieba()
    for word, tag, freq in gazetteer.user_words():
        jb.add_word(word, freq, tag)
    for word in GLUED_BODY_ROLES:
        jb.add_word(word, 0, "n")   # frequency 0: the segmenter takes the two words instead
    return jb


# Dictionary words that glue the kind of a body to a role (拉夫堡 + 大学教授): cut into the two words,
# so the body's name ends at its suffix (拉夫堡大学 + 教授).
GLUED_BODY_ROLES = ("公司总裁", "学院院长", "大学教授", "银行行长", "协会会长")


def tag(text: str) -> list[tuple[str, str]]:
    """(word, POS tag) pairs with jieba's tag set."""
    return tagger().tag(text, True)


def cut(text: str) -> list[str]:
    return tagger().cut(text, True)


def content_terms(text: str, tags: list[tuple[str, str]] | None = None) -> list[str]:
    """The content words of a text, in order: nouns, names, verbal nouns, verbs; no stopwords.

    `tags` is `tag(text)` when the caller already has it (tag a document once, pass the pairs to
    content_terms and entities.extract_entities): segmentation is the costliest step of both."""
    pairs = tag(text) if tags is None else tags
    words = list(map(_FIRST, pairs))
    # A content word is a wordlike non-stopword with a content tag: one look-up per token for the word
    # and one for the tag, all in C (the same words and tags recur across a corpus).
    keep = map(operator.and_, map(_WORD_OK.__getitem__, words), map(_TAG_OK.__getitem__, map(_SECOND, pairs)))
    return list(itertools.compress(words, keep))


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


class _Verdicts(dict):
    """key -> bool, decided by `test` the first time the key is seen (bounded for endless new words)."""

    def __init__(self, test):
        super().__init__()
        self.test = test

    def __missing__(self, key: str) -> bool:
        if len(self) > 500_000:
            self.clear()
        verdict = self[key] = self.test(key)
        return verdict


_WORD_OK = _Verdicts(lambda w: len(w) > 1 and w not in STOPWORDS and _WORDLIKE.match(w) is not None)
_TAG_OK = _Verdicts(lambda pos: pos.startswith(CONTENT_TAGS))
