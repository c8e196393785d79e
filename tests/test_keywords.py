"""Discovered topics (NMF) and TF-IDF keywords on synthetic, already segmented documents."""
from __future__ import annotations

import random

import pytest

from etl.keywords import discover_topics, top_keywords

GAS = ["天然气", "管道", "液化", "输气", "气田", "俄气", "储气", "供暖"]
SPORT = ["比赛", "球队", "进球", "教练", "联赛", "冠军", "球员", "决赛"]
COMMON = ["中国", "美国", "发展"]   # in every document: says nothing about the topic


def synthetic(n_per_vocab: int = 15, seed: int = 1):
    rng = random.Random(seed)
    docs, labels = [], []
    for vocab, label in ((GAS, "gas"), (SPORT, "sport")):
        for _ in range(n_per_vocab):
            terms = [rng.choice(vocab) for _ in range(30)] + COMMON * 3
            rng.shuffle(terms)
            docs.append(terms)
            labels.append(label)
    return docs, labels


def main_topic(assignment):
    return max(assignment, key=lambda a: a[2])[1] if assignment else None


def test_nmf_separates_two_vocabularies():
    docs, labels = synthetic()
    topics, assignments = discover_topics(docs, n_topics=2)
    assert [t[0] for t in topics] == ["nmf_01", "nmf_02"]
    assert len(assignments) == len(docs)
    for i, a in enumerate(assignments):
        assert a and all(doc_index == i for doc_index, _, _ in a)
        assert all(0 < w <= 1 for _, _, w in a)
    gas_topics = {main_topic(assignments[i]) for i, l in enumerate(labels) if l == "gas"}
    sport_topics = {main_topic(assignments[i]) for i, l in enumerate(labels) if l == "sport"}
    assert len(gas_topics) == 1 and len(sport_topics) == 1 and gas_topics != sport_topics
    # each topic is labelled by its own vocabulary, never by the words every document has
    by_id = {tid: (label, terms) for tid, label, terms in topics}
    gas_label, gas_terms = by_id[gas_topics.pop()]
    sport_label, sport_terms = by_id[sport_topics.pop()]
    assert set(gas_terms) <= set(GAS) and set(sport_terms) <= set(SPORT)
    assert gas_label.count(" · ") == 2 and gas_label.split(" · ")[0] in GAS


def test_more_requested_topics_than_the_corpus_supports_are_capped():
    docs, _ = synthetic(n_per_vocab=5)
    topics, assignments = discover_topics(docs, n_topics=12)
    assert 1 <= len(topics) <= len(docs) // 5
    assert len(assignments) == len(docs)


def test_n_top_terms():
    docs, _ = synthetic()
    topics, _ = discover_topics(docs, n_topics=2, n_top_terms=3)
    assert all(len(terms) == 3 for _, _, terms in topics)


def test_discovery_is_deterministic():
    docs, _ = synthetic()
    assert discover_topics(docs, n_topics=2, random_state=7) == discover_topics(docs, n_topics=2, random_state=7)


@pytest.mark.parametrize("docs", [[], [["天然气", "管道"]], [[], []]])
def test_degenerate_corpora_give_no_topics(docs):
    topics, assignments = discover_topics(docs)
    assert topics == [] and assignments == [[] for _ in docs]


def test_keywords_are_distinctive_terms_not_common_words():
    docs = [
        ["中国", "美国", "发展", "表示", "天然气", "天然气", "天然气", "管道", "管道", "北溪"],
        ["中国", "美国", "发展", "表示", "比赛", "比赛", "球队", "进球", "进球", "进球"],
        ["中国", "美国", "发展", "表示", "芯片", "芯片", "半导体", "光刻机"],
        ["中国", "美国", "发展", "表示", "选举", "选民", "选民", "投票"],
    ]
    kws = top_keywords(docs, k=3)
    assert len(kws) == 4
    assert kws[0][0] == "天然气" and set(kws[0]) == {"天然气", "管道", "北溪"}
    assert kws[1][0] == "进球" and set(kws[1]) == {"进球", "比赛", "球队"}
    assert kws[2][0] == "芯片"
    for kw in kws:
        assert not {"中国", "美国", "发展", "表示"} & set(kw)   # in every document / a stopword


def test_keywords_k_and_empty_documents():
    docs = [["天然气", "管道", "北溪", "气田"], [], ["比赛", "球队"], ["芯片"]]
    kws = top_keywords(docs, k=2)
    assert [len(k) for k in kws] == [2, 0, 2, 1]
    assert top_keywords([]) == []


def test_keywords_on_real_segmentation():
    from etl.segment import content_terms

    texts = [
        "欧洲天然气价格飙升，北溪管道停运，德国寻求进口液化天然气。天然气储备告急。",
        "国足在世界杯预选赛中击败越南队，球队主教练赛后表示球员表现出色。",
        "美国商务部宣布限制高端芯片出口，多家半导体企业股价下跌，芯片供应链承压。",
    ]
    kws = top_keywords([content_terms(t) for t in texts], k=3)
    assert "天然气" in kws[0]
    assert "芯片" in kws[2]
    assert all("表示" not in k for k in kws)      # a stopword, whatever its frequency
