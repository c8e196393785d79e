"""Curated topics: the query language, scoring, and the shipped topics.yaml on sentences of our own."""
from __future__ import annotations

import itertools
import math
import re
import sys
from pathlib import Path

import pytest

from etl import topics as topics_mod
from etl.models import TopicScore
from etl.topics import (DEFAULT_PATH, And, Not, Or, QueryError, Term, load_topics, make_topic,
                        matched_terms, parse_query, score_topics, topics_fingerprint)


def true_of(query: str, title: str = "", text: str = "") -> bool:
    return parse_query(query, "t").evaluate(title, text)


# --- parser ------------------------------------------------------------------------------------

def test_precedence_not_binds_tighter_than_and_tighter_than_or():
    tree = parse_query("a OR b AND NOT c")
    assert isinstance(tree, Or)
    left, right = tree.children
    assert left == Term("a")
    assert isinstance(right, And) and right.children[0] == Term("b")
    assert right.children[1] == Not(Term("c"))
    # The same on text: "a" alone is enough; "b" needs "c" to be absent.
    assert true_of("甲 OR 乙 AND NOT 丙", text="甲丙")
    assert not true_of("甲 OR 乙 AND NOT 丙", text="乙丙")
    assert true_of("甲 OR 乙 AND NOT 丙", text="乙")


def test_parentheses_override_precedence():
    assert not true_of("(甲 OR 乙) AND 丙", text="甲")
    assert true_of("(甲 OR 乙) AND 丙", text="乙丙")
    assert true_of("甲 OR 乙 AND 丙", text="甲")
    assert true_of("NOT (甲 OR 乙) AND 丙", text="丙")
    assert not true_of("NOT (甲 OR 乙) AND 丙", text="乙丙")


def test_implicit_and_between_adjacent_terms():
    assert parse_query("天然气 管道") == parse_query("天然气 AND 管道")
    assert true_of("天然气 管道", text="天然气经管道输送")
    assert not true_of("天然气 管道", text="天然气价格上涨")
    # implicit AND binds like AND, tighter than OR
    assert true_of("甲 乙 OR 丙", text="丙")
    assert not true_of("甲 乙 OR 丙", text="甲")


def test_chinese_terms_match_as_substrings():
    assert true_of("伊朗", text="美国与伊朗恢复谈判")
    assert true_of("天然气", text="液化天然气进口增加")


def test_latin_terms_are_case_insensitive_on_word_boundaries():
    assert true_of("LNG", text="进口lng的船只")
    assert true_of("LNG", text="LNG项目")            # next to Chinese is a boundary
    assert not true_of("LNG", text="LNGS 实验室")     # glued to another letter is not
    assert not true_of("NATO", text="SENATOR 发言")
    assert true_of("OPEC+", text="opec+ 会议决定增产")
    assert true_of("F-35", text="出售f-35战机")
    assert not true_of("G7", text="G77 集团")


def test_prefix_star_for_latin():
    assert true_of("COP2*", text="COP26 气候大会")
    assert not true_of("COP2*", text="COPD 患者")
    assert true_of("Huawei*", text="Huaweis phones")
    with pytest.raises(QueryError):
        parse_query("a*b", "t")


def test_quoted_phrases():
    assert true_of('"西伯利亚力量"', text="西伯利亚力量管道")
    assert true_of('"Power of Siberia"', text="the power  of\nSiberia pipeline")
    assert not true_of('"Power of Siberia"', text="Siberia power of")
    # a phrase keeps AND/OR inside it as words
    assert true_of('"war AND peace"', text="War and Peace")


def test_title_field():
    q = "title:叙利亚 OR 大马士革"
    assert true_of(q, title="叙利亚局势", text="")
    assert not true_of(q, title="中东局势", text="叙利亚问题")
    assert true_of(q, title="中东局势", text="大马士革")
    assert true_of('title:("朝鲜" OR 平壤) AND 导弹', title="平壤表态", text="发射导弹")
    assert not true_of('title:(朝鲜 OR 平壤) AND 导弹', title="表态", text="朝鲜发射导弹")


def test_lowercase_operators_are_terms():
    assert parse_query("war and peace") == And((Term("war"), Term("and"), Term("peace")))


@pytest.mark.parametrize("query, reason", [
    ("(伊朗 OR 伊核", "never closed"),
    ("伊朗 OR 伊核)", "without '('"),
    ("伊朗 OR", "dangling operator 'OR'"),
    ("伊朗 AND", "dangling operator 'AND'"),
    ("NOT", "dangling operator 'NOT'"),
    ("AND 伊朗", "missing its left-hand side"),
    ("伊朗 OR OR 伊核", "missing its left-hand side"),
    ("(伊朗 AND) 伊核", "before ')'"),
    ("()", "empty parentheses"),
    ("", "empty query"),
    ('"伊朗 核', "unclosed quote"),
    ('""', "empty phrase"),
    ("titel:伊朗", "unknown field"),
    ("title: 伊朗", "must be followed directly"),
    ("*", "'*' must follow a term"),
])
def test_malformed_queries_name_the_topic(query, reason):
    with pytest.raises(QueryError) as err:
        parse_query(query, "iran_nuclear")
    assert "iran_nuclear" in str(err.value)
    assert reason in str(err.value)


def test_query_with_only_negations_is_rejected():
    with pytest.raises(QueryError, match="no positive term"):
        make_topic("x", "X", "NOT 足球")


# --- scoring -----------------------------------------------------------------------------------

def test_scoring_title_weighs_more_and_score_in_unit_interval():
    topic = make_topic("gas", "天然气", "天然气 OR 管道", min_score=0)
    body_only = score_topics("能源新闻", "天然气供应紧张。", [topic])
    in_title = score_topics("天然气供应紧张", "天然气供应紧张。", [topic])
    assert len(body_only) == len(in_title) == 1
    assert isinstance(in_title[0], TopicScore) and in_title[0].topic_id == "gas"
    assert 0 < body_only[0].score < in_title[0].score <= 1


def test_more_distinct_terms_and_hits_score_higher_with_diminishing_returns():
    topic = make_topic("gas", "天然气", "天然气 OR 管道 OR 北溪", min_score=0)
    one = score_topics("", "天然气", [topic])[0].score
    two_hits = score_topics("", "天然气 天然气", [topic])[0].score
    two_terms = score_topics("", "天然气 管道", [topic])[0].score
    many = score_topics("", "天然气 " * 200, [topic])[0].score
    assert one < two_hits < two_terms            # a second word counts more than a repetition
    assert many < 1 and many < score_topics("天然气", "天然气 管道 北溪 " * 3, [topic])[0].score
    assert one == pytest.approx(1 - math.exp(-1 / 4), abs=1e-4)


def test_and_scores_the_weaker_side():
    topic = make_topic("ua", "乌", "乌克兰 AND 俄罗斯", min_score=0)
    weak = score_topics("", "乌克兰。" + "俄罗斯。" * 30, [topic])[0].score
    strong = score_topics("", "乌克兰。" * 5 + "俄罗斯。" * 5, [topic])[0].score
    assert weak < strong


def test_no_match_is_not_returned_and_not_only_excludes():
    topic = make_topic("gas", "天然气", "天然气 AND NOT 足球", min_score=0)
    assert score_topics("", "天然气与足球", [topic]) == []
    assert score_topics("", "石油价格", [topic]) == []
    assert [s.topic_id for s in score_topics("", "天然气", [topic])] == ["gas"]


def test_title_boost_terms_add_weight_but_never_match():
    plain = make_topic("gas", "天然气", "天然气", min_score=0)
    boosted = make_topic("gas", "天然气", "天然气", title_query="能源 OR 电力", min_score=0)
    assert score_topics("能源观察", "石油", [boosted]) == []
    a = score_topics("能源观察", "天然气", [plain])[0].score
    b = score_topics("能源观察", "天然气", [boosted])[0].score
    assert b > a


def test_min_score_drops_a_passing_mention():
    topic = make_topic("syria", "叙利亚", "叙利亚", min_score=0.25)
    assert score_topics("中东观察", "就像在叙利亚一样。", [topic]) == []
    assert score_topics("中东观察", "叙利亚内战。叙利亚难民。", [topic]) != []
    assert score_topics("叙利亚局势", "", [topic]) != []


def test_matched_terms_explains_a_match():
    topic = make_topic("gas", "天然气", "(天然气 OR LNG) AND NOT 足球")
    assert matched_terms(topic, "LNG 船", "天然气和天然气") == {"天然气": (0, 2), "LNG": (1, 0)}


# --- the shipped topics file -----------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped():
    return load_topics()


def test_shipped_topics_load_and_parse(shipped):
    ids = [t.id for t in shipped]
    assert len(ids) >= 18 and len(set(ids)) == len(ids)
    for required in ("ukraine_war", "energy_gas", "oil_opec", "taiwan_strait", "israel_palestine",
                     "iran_nuclear", "us_china_tech", "sanctions", "afghanistan", "korean_peninsula",
                     "climate_talks", "covid", "elections", "south_china_sea", "syria", "red_sea_yemen",
                     "brics_global_south", "inflation_economy", "nato_europe_security",
                     "summits_diplomacy"):
        assert required in ids
    for t in shipped:
        assert t.label and t.parsed is not None and list(t.parsed.terms())


def test_duplicate_ids_are_rejected(tmp_path: Path):
    p = tmp_path / "t.yaml"
    p.write_text("- {id: a, label: A, query: 甲}\n- {id: a, label: B, query: 乙}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate topic id 'a'"):
        load_topics(p)


def test_a_malformed_query_in_the_file_names_its_topic(tmp_path: Path):
    p = tmp_path / "t.yaml"
    p.write_text("- {id: ok, label: A, query: 甲}\n- {id: broken, label: B, query: '(乙 OR'}\n", encoding="utf-8")
    with pytest.raises(QueryError, match="broken"):
        load_topics(p)


def test_fingerprint_follows_the_file_content(tmp_path: Path):
    p = tmp_path / "t.yaml"
    p.write_text("- {id: a, label: A, query: 甲}\n", encoding="utf-8")
    first = topics_fingerprint(p)
    assert first == topics_fingerprint(p)
    p.write_text("- {id: a, label: A, query: 甲 OR 乙}\n", encoding="utf-8")
    assert topics_fingerprint(p) != first
    assert len(topics_fingerprint(DEFAULT_PATH)) == 64


# Sentences written for these tests (not from the corpus): where they must land, and where not.
CASES = [
    ("俄军炮击基辅郊区", "俄罗斯军队周二再次炮击乌克兰首都基辅，泽连斯基呼吁西方提供更多防空系统。",
     {"ukraine_war"}, {"taiwan_strait", "covid"}),
    ("欧洲冬季用气告急", "由于北溪管道停运，欧洲天然气价格飙升，多国寻求进口液化天然气（LNG）。",
     {"energy_gas"}, {"oil_opec", "elections"}),
    ("欧佩克+同意小幅增产", "OPEC+周四决定下月原油日产量增加10万桶，布伦特油价应声下跌。",
     {"oil_opec"}, {"energy_gas"}),
    ("解放军在台海举行演习", "东部战区宣布在台湾海峡举行联合演习，国台办表示坚决反对台独势力。",
     {"taiwan_strait", "china_military"}, {"south_china_sea"}),
    ("美国扩大对华芯片出口管制", "美国商务部将多家中国半导体企业列入实体清单，限制英伟达高端芯片对华出口。",
     {"us_china_tech", "sanctions"}, {"covid"}),
    ("伊核谈判在维也纳重启", "伊朗与各方在维也纳恢复谈判，讨论铀浓缩上限与解除制裁。",
     {"iran_nuclear"}, {"ukraine_war", "israel_palestine"}),
    ("朝鲜再次试射弹道导弹", "朝鲜周日向东部海域试射一枚弹道导弹，韩国联合参谋本部予以谴责。",
     {"korean_peninsula"}, {"south_china_sea"}),
    ("加沙停火谈判陷入僵局", "以色列与哈马斯的间接谈判未取得进展，约旦河西岸局势紧张。",
     {"israel_palestine"}, {"iran_nuclear", "syria"}),
    ("COP27闭幕", "各国在气候大会上就损失与损害基金达成一致，但减排承诺进展有限。",
     {"climate_talks"}, {"energy_gas"}),
    ("上海新增本土病例", "上海昨日新增本土确诊病例和无症状感染者，继续开展核酸检测。",
     {"covid"}, {"elections"}),
    ("美联储再次加息", "为抑制通胀，美联储宣布加息75个基点，市场担忧经济衰退。",
     {"inflation_economy"}, {"sanctions"}),
    ("菲律宾船只再闯仁爱礁", "中国海警在南海仁爱礁附近海域依法对菲律宾船只采取管制措施。",
     {"south_china_sea"}, {"taiwan_strait"}),
    ("胡塞武装袭击红海商船", "也门胡塞武装宣布在红海袭击一艘货轮，多家航运公司绕行好望角。",
     {"red_sea_yemen"}, {"israel_palestine"}),
    # passing mentions and look-alike words must not tag
    ("广州南沙区新建码头投产", "南沙区港口吞吐量创新高，平台独家披露了项目细节，当地提前应对台风。",
     set(), {"south_china_sea", "taiwan_strait"}),
    ("国足客场战平对手", "比赛在雨中进行，天然气公司赞助了本场足球赛，球队表现平平。",
     set(), {"energy_gas"}),
    ("本地选手夺冠", "这位选手表示，他曾在叙利亚参加过一次比赛。",
     set(), {"syria"}),
    ("商场扩大选择范围", "警方宣布查处一批商家；中美洲国家的芯片进口增加，伊斯兰国家商会到访，最大选项是扩大选择。",
     set(), {"elections", "ukraine_war", "us_china_tech", "terrorism"}),
]


@pytest.mark.parametrize("title, text, wanted, unwanted", CASES, ids=[c[0] for c in CASES])
def test_own_sentences_land_in_the_right_topics(shipped, title, text, wanted, unwanted):
    got = {s.topic_id for s in score_topics(title, text, shipped)}
    assert wanted <= got, f"missing {wanted - got}; got {got}"
    assert not (unwanted & got), f"wrongly tagged {unwanted & got}"


def test_no_topics_no_scores():
    assert score_topics("标题", "正文", []) == []


# --- the fast path of score_topics against the terms' own regexes ------------------------------

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared"


def _reference_scores(title: str, text: str, topics: list) -> list[TopicScore]:
    """score_topics as it was before the counting pass: a prefilter on the literals, then every
    term's regex (evaluate/weight)."""
    joined = f"{title}\n{text}".lower()
    out = []
    for topic in topics:
        if not any(t.text.lower() in joined for t in topic.parsed.terms()):
            continue
        if not topic.parsed.evaluate(title, text):
            continue
        weight = topic.parsed.weight(title, text) or 0.0
        in_query = {(t.text.lower(), t.prefix) for t in topic.parsed.terms()}
        for term in topic.title_terms:
            if (term.text.lower(), term.prefix) not in in_query and term.pattern.search(title):
                weight += topics_mod.TITLE_WEIGHT
        if weight <= 0:
            continue
        score = 1.0 - math.exp(-weight / topics_mod.SCORE_SCALE)
        if score >= topic.min_score:
            out.append(TopicScore(topic.id, round(score, 4)))
    return out


def _corpus_posts():
    from etl.reader import BadInput, parse_post
    paths = sorted((CORPUS / "corpus").rglob("*.md")) + sorted((CORPUS / "seed").glob("*"))
    posts = []
    for path in paths:
        try:
            p = parse_post(path.read_bytes(), path.name)
        except BadInput:
            continue
        posts.append((p.title, p.text))
    return posts


@pytest.fixture(scope="module")
def corpus_posts():
    posts = _corpus_posts()
    if not posts:
        pytest.skip("no corpus at ../shared")
    return posts


def test_case_odd_characters_are_exactly_where_lower_and_ignorecase_disagree():
    # Outside these, lower() maps a character to one character, never to ASCII or to an uncased
    # character unless to itself, and IGNORECASE matches no ASCII letter or digit with it.
    ascii_alnum = re.compile("[A-Za-z0-9]", re.IGNORECASE)
    odd = set()
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if (len(low) != 1 or low.isascii() or ascii_alnum.fullmatch(c)
                or (low != c and low.lower() == low == low.upper())):
            odd.add(c)
    assert odd == set(topics_mod._CASE_ODD)


def test_counting_path_matches_each_terms_regex_on_the_corpus(shipped, corpus_posts):
    plan = topics_mod._plan(shipped)
    query_terms = [t for topic in shipped for t in topics_mod._all_terms(topic.parsed)]
    title_terms = [t for topic in shipped for t in topic.title_terms]
    checked = 0
    for title, text in corpus_posts:
        if topics_mod._has_case_odd(title) or topics_mod._has_case_odd(text):
            continue
        title_l, text_l = title.lower(), text.lower()
        fast = plan.hits(title, text, text_l, *plan.find(title_l, text_l))
        for term in query_terms + title_terms:
            in_title = term.pattern.search(title) is not None
            assert (term.key in fast.title) == in_title, (term, title)
        for term in query_terms:
            assert fast.body.get(term.key, 0) == len(term.pattern.findall(text)), (term, title)
        checked += 1
    assert checked > 100


def test_score_topics_equals_the_regex_reference_on_the_corpus(shipped, corpus_posts):
    for title, text in corpus_posts:
        assert score_topics(title, text, shipped) == _reference_scores(title, text, shipped), title


EDGE_TOPICS = [
    ("overlap", "乌乌 OR 啊啊啊", None),                   # can overlap themselves: findall does not
    ("nested", "天然气 OR 天然气管道 OR 气管", "天然"),      # substrings of each other
    ("phrase", '"Power of Siberia" OR "西伯利亚 力量"', None),  # \s+ between the words
    ("latin", "LNG OR OPEC+ OR F-35 OR G7 OR COP2* OR kabul OR swift", "NATO OR nato*"),
    ("mixed", "77国集团 OR 美国F35战机 OR AND1 OR 中ks国", None),
    ("negated", "(气 OR 油) AND NOT (足球 OR title:球队)", "油价"),
    ("greek", "Σοφία OR 索菲亚", None),                    # cased non-ASCII: always the regex
]
EDGE_TEXTS = [
    ("", "乌乌乌乌乌 啊啊啊啊啊啊啊"),
    ("乌乌乌", "乌"),
    ("天然气管道", "天然气管道和天然气，气管炎"),
    ("power OF siberia", "the Power  of\nSiberia and power of siberia, powerofsiberia"),
    ("西伯利亚　力量", "西伯利亚\n力量"),
    ("LNG项目", "lng LNGS opec+ OPEC+x f-35 F-35s G77 g7 COP26 cop2 COPD"),
    ("Kabul", "\u212aabul and \u017fwift SWIFT"),           # Kelvin sign and long s: the regex decides
    ("", "LNG \u017fwift"),
    ("", "77国集团 中\u212a\u017f国"),
    ("İstanbul", "ISTANBUL ıstanbul kabul"),
    ("NATO Natos", "nato"),
    ("", "77国集团 877国集团 美国f35战机 and1 AND1X"),
    ("油价新闻", "油价上涨，足球"),
    ("球队", "天然气与石油"),
    ("ΣΟΦΊΑ", "σοφία 索菲亚 Σοφίας"),
    ("", "索菲亚 ςοφία"),                                    # lower() keeps ς, IGNORECASE matches it
    ("", ""),
]


def test_score_topics_equals_the_regex_reference_on_edge_cases():
    topics = [make_topic(tid, tid, query, title, min_score=0.0) for tid, query, title in EDGE_TOPICS]
    for title, text in EDGE_TEXTS:
        assert score_topics(title, text, topics) == _reference_scores(title, text, topics), (title, text)
    # and on each pair of them glued together, titles and bodies mixed
    for (t1, b1), (t2, b2) in itertools.pairwise(EDGE_TEXTS):
        title, text = t1 + b2, b1 + "\n" + t2
        assert score_topics(title, text, topics) == _reference_scores(title, text, topics), (title, text)


def test_self_overlapping_terms_count_like_findall():
    topic = make_topic("o", "O", "乌乌", min_score=0.0)
    term = topic.parsed
    assert term.how == topics_mod._OVERLAP
    assert matched_terms(topic, "", "乌乌乌") == {"乌乌": (0, 1)}
    assert score_topics("", "乌乌乌", [topic]) == score_topics("", "乌乌", [topic])


def test_topics_that_went_through_pickle_score_the_same(shipped, corpus_posts):
    import pickle
    copies = pickle.loads(pickle.dumps(shipped))    # as a process pool would pass them
    for title, text in corpus_posts[:50]:
        assert score_topics(title, text, copies) == score_topics(title, text, shipped)
