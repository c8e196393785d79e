"""Segmentation: gazetteer names stay whole; content_terms keeps content words only."""
from __future__ import annotations

import pytest

from etl import gazetteer, segment


@pytest.mark.parametrize("text, name", [
    ("外交部长谢尔盖·拉夫罗夫昨天抵达", "拉夫罗夫"),
    ("代表团在莫斯科停留了两天", "莫斯科"),
    ("北大西洋公约组织的成员国", "北大西洋公约组织"),
    ("塔利班发言人表示", "塔利班"),
])
def test_gazetteer_names_are_not_split(text, name):
    assert name in segment.cut(text)


def test_every_multi_char_gazetteer_name_is_a_user_word():
    words = {w: tag for w, tag, _ in gazetteer.user_words()}
    outside = gazetteer._outside_dictionary(gazetteer.GAZETTEER_DIR)
    for e in gazetteer.load():
        if len(e.name) >= 2 and e.name not in outside:
            assert e.name in words
    assert outside and not outside & words.keys()


def test_tag_covers_the_whole_text():
    text = "俄罗斯总统普京周二在莫斯科会见了来访的客人。"
    pairs = segment.tag(text)
    assert "".join(w for w, _ in pairs) == text
    assert all(isinstance(p, str) and p for _, p in pairs)


def test_content_terms_drop_stopwords_and_function_words():
    terms = segment.content_terms("我们认为这个问题已经成为两国关系的核心，他们表示将继续谈判。")
    assert "核心" in terms and "谈判" in terms
    for stop in ("我们", "认为", "这个", "已经", "成为", "他们", "表示", "继续", "的", "将"):
        assert stop not in terms


def test_content_terms_keep_names_whole():
    terms = segment.content_terms("普京与拜登在日内瓦举行会晤。")
    assert {"普京", "拜登", "日内瓦"} <= set(terms)


def test_content_terms_accept_precomputed_tags():
    text = "普京与拜登在日内瓦举行会晤，双方讨论了能源合作。"
    tags = segment.tag(text)
    assert segment.content_terms(text, tags) == segment.content_terms(text)
    assert segment.content_terms(text, [("能源", "n"), ("的", "uj")]) == ["能源"]


def test_names_outside_the_dictionary_do_not_cut_common_words():
    from etl.entities import extract_entities

    assert "高通" not in {w: tag for w, tag, _ in gazetteer.user_words()}   # listed in data/gazetteer/outside_dictionary.txt
    assert "高通" not in [w for w, _ in segment.tag("高通胀压力加大")]
    assert not extract_entities("高通胀压力加大。")
    assert "高通公司" in {m.name for m in extract_entities("高通发布新芯片。")}   # the segmenter's own token
