"""Discovered topics (NMF over TF-IDF) and per-article keywords (TF-IDF), from segmented terms.

Both functions take the corpus as lists of terms already segmented, normally
``etl.segment.content_terms(text)`` (nouns, names, verbs; no stopwords), so the vectorizer does no
tokenising of its own (``analyzer=_identity``). They are pure and deterministic: the same documents and
``random_state`` give the same topics, ids and keywords.
"""
from __future__ import annotations

import numpy as np
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from etl.segment import STOPWORDS

DOCS_PER_TOPIC = 5       # at most one topic per this many documents: tiny corpora get few topics
MIN_SHARE = 0.25         # a document gets a topic carrying at least this share of its total weight
MIN_STRENGTH = 0.2       # ... and at least this fraction of the topic's strongest document weight
LABEL_TERMS = 3          # terms in a topic's label


def _identity(terms):
    """The analyzer: documents arrive already segmented (module-level so it pickles)."""
    return terms


def _clean(docs_terms: list[list[str]]) -> list[list[str]]:
    # Callers may pass raw segmentation; keep the rule of content_terms: no stopwords, no single chars.
    return [[t for t in terms if len(t) > 1 and t not in STOPWORDS] for terms in docs_terms]


def _vectorizer(n_docs: int, for_topics: bool) -> TfidfVectorizer:
    if for_topics:
        # A theme shared by a single article is not a topic (min_df=2); a term in most articles
        # (中国, 美国 in this corpus) says nothing about which topic (max_df).
        min_df = 2 if n_docs >= 10 else 1
        max_df = 0.5 if n_docs >= 10 else 1.0
    else:
        # Keywords: a term of one article may well be its best keyword; terms in over half of the
        # articles cannot be distinctive.
        min_df = 1
        max_df = 0.5 if n_docs >= 4 else 1.0
    return TfidfVectorizer(analyzer=_identity, min_df=min_df, max_df=max_df, sublinear_tf=True,
                           norm="l2")


def discover_topics(docs_terms: list[list[str]], n_topics: int = 12, n_top_terms: int = 8,
                    random_state: int = 0):
    """NMF topics of the corpus.

    Returns ``(topics, assignments)``: topics is a list of ``(topic_id, label, top_terms)`` with ids
    ``nmf_01``, ``nmf_02`` ... ordered by the topic's total weight in the corpus (largest first) and
    labels such as ``天然气 · 管道 · 俄气``; assignments has one list per document of
    ``(doc_index, topic_id, weight)``, weight being the topic's share of the document's total NMF
    weight, keeping the topics with a share of at least MIN_SHARE (empty for a document with no
    term in the vocabulary).
    """
    docs = _clean(docs_terms)
    n_docs = len(docs)
    empty = [[] for _ in docs]
    if n_docs < 2:
        return [], empty
    vec = _vectorizer(n_docs, for_topics=True)
    try:
        x = vec.fit_transform(docs)
    except ValueError:          # no term survives min_df / max_df
        return [], empty
    vocab = vec.get_feature_names_out()
    k = min(n_topics, max(1, n_docs // DOCS_PER_TOPIC), len(vocab))
    if k < 1 or x.nnz == 0:
        return [], empty

    # nndsvda starts from an SVD of the data (deterministic) and fills zeros with the mean, which
    # suits sparse TF-IDF; random_state only matters for ties inside the solver.
    model = NMF(n_components=k, init="nndsvda", random_state=random_state, max_iter=500)
    w = model.fit_transform(x)          # documents × topics
    h = model.components_               # topics × terms

    order = np.argsort(-w.sum(axis=0), kind="stable")   # largest topics first: stable ids
    topics, id_of = [], {}
    for rank, comp in enumerate(order, 1):
        tid = f"nmf_{rank:02d}"
        id_of[comp] = tid
        top = np.argsort(-h[comp], kind="stable")[:n_top_terms]
        terms = [str(vocab[j]) for j in top if h[comp, j] > 0]
        topics.append((tid, " · ".join(terms[:LABEL_TERMS]), terms))

    # Shares alone would give a document that fits no topic well (tiny weights everywhere) a "100%"
    # topic; the strength test asks that it also be a real member of that topic.
    strongest = w.max(axis=0)
    assignments = []
    for i, row in enumerate(w):
        total = row.sum()
        doc = []
        if total > 0:
            for comp in np.argsort(-row, kind="stable"):
                share = row[comp] / total
                if share < MIN_SHARE:
                    break
                if row[comp] >= MIN_STRENGTH * strongest[comp]:
                    doc.append((i, id_of[comp], round(float(share), 4)))
        assignments.append(doc)
    return topics, assignments


def top_keywords(docs_terms: list[list[str]], k: int = 8) -> list[list[str]]:
    """Each document's k terms of highest TF-IDF across the corpus (ties broken alphabetically)."""
    docs = _clean(docs_terms)
    if not docs:
        return []
    vec = _vectorizer(len(docs), for_topics=False)
    try:
        x = vec.fit_transform(docs).tocsr()
    except ValueError:          # every document empty, or every term in over half of them
        return [[] for _ in docs]
    vocab = vec.get_feature_names_out()
    out = []
    for i in range(x.shape[0]):
        row = x.getrow(i)
        pairs = sorted(zip(row.data, vocab[row.indices]), key=lambda p: (-p[0], p[1]))
        out.append([str(term) for _, term in pairs[:k]])
    return out
