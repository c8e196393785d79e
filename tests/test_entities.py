"""Entity extraction: the rules of etl/entities.py on sentences written for these tests, and a
well-formedness check over the real corpus (skipped when ../shared is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from etl.entities import extract_entities, lexicon
from etl.models import EntityMention, compose_document

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def by_name(doc: str) -> dict[str, EntityMention]:
    return {m.name: m for m in extract_entities(doc)}


def names(doc: str, typ: str | None = None) -> set[str]:
    return {m.name for m in extract_entities(doc) if typ is None or m.type == typ}


def assert_offsets(doc: str, mentions: list[EntityMention]):
    for m in mentions:
        assert m.n == len(m.offsets) >= 1
        assert m.offsets == sorted(m.offsets)
        assert m.entity_id == f"{m.type}:{m.name}"
        assert m.type in ("person", "place", "org")
        for off in m.offsets:
            assert any(doc[off:off + len(s)] == s for s in m.surfaces), (m.name, off)
        for s in m.surfaces:
            assert s in doc


# --- known names and aliases ------------------------------------------------------------------------

def test_aliases_resolve_to_one_canonical_entity():
    doc = "弗拉基米尔·普京周二抵达莫斯科。普京随后会见了记者。"
    got = by_name(doc)
    putin = got["弗拉基米尔·普京"]
    assert putin.type == "person" and putin.known
    assert putin.entity_id == "person:弗拉基米尔·普京"
    assert set(putin.surfaces) == {"弗拉基米尔·普京", "普京"}
    assert putin.n == 2
    assert got["莫斯科"].type == "place" and got["莫斯科"].country == "RU"
    assert_offsets(doc, list(got.values()))


def test_gazetteer_decides_the_type_not_jieba():
    # jieba tags 莫斯科 as a person and 普京 as a place; the gazetteer says otherwise
    got = by_name("普京在莫斯科发表讲话。")
    assert got["弗拉基米尔·普京"].type == "person"
    assert got["莫斯科"].type == "place"


def test_country_code_on_places():
    got = by_name("代表团从北京飞往华盛顿。")
    assert got["北京"].country == "CN"
    assert got["华盛顿"].country == "US"


# --- one-character country forms -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("中俄两国元首举行会谈。", {"中国", "俄罗斯"}),
    ("美伊谈判陷入僵局。", {"美国", "伊朗"}),
    ("俄乌冲突仍在持续。", {"俄罗斯", "乌克兰"}),
    ("美日韩三国举行联合演习。", {"美国", "日本", "韩国"}),
    ("美军在该地区增派兵力。", {"美国"}),
    ("俄方对此表示强烈不满。", {"俄罗斯"}),
    ("中方敦促有关各方保持克制。", {"中国"}),
    ("美方拒绝置评。", {"美国"}),
    ("他曾多次访华，并批评对华政策。", {"中国"}),
    ("驻华使馆发表了声明。", {"中国"}),
    ("涉台问题上没有妥协余地。", {"台湾"}),
])
def test_compounds_count_each_country(text, expected):
    assert names(text, "place") == expected


@pytest.mark.parametrize("text", [
    "这个研究中心以及附近的法律援助站日前开放。",
    "她说风景很美好，但以后不会再来。",
    "会议于25日以视频方式举行。",
    "德高望重的老人常说，以和为贵。",
])
def test_free_one_char_forms_are_no_countries(text):
    assert names(text, "place") == set()


def test_country_at_the_head_of_a_ministry_counts_both():
    got = by_name("英国国防部周五发表声明。")
    assert got["英国国防部"].type == "org"
    assert got["英国"].type == "place"


def test_one_char_country_before_a_ministry():
    got = by_name("乌国防部发言人当天表示，局势稳定。")
    assert got["乌克兰"].type == "place"
    assert "乌国防部" in got["乌克兰国防部"].surfaces


# --- people ----------------------------------------------------------------------------------------

def test_role_prefixed_names():
    got = by_name("俄罗斯总统普京与美国国务卿布林肯通了电话，外交部发言人汪文斌对此回应。")
    assert {"弗拉基米尔·普京", "安东尼·布林肯", "汪文斌", "俄罗斯", "美国"} <= set(got)
    assert got["安东尼·布林肯"].type == "person"


def test_dot_joined_unknown_name_and_surname_back_reference():
    doc = "经济学家马尔科·萨尔瓦托雷蒂认为，风险正在上升。萨尔瓦托雷蒂补充说，形势不容乐观。"
    got = by_name(doc)
    m = got["马尔科·萨尔瓦托雷蒂"]
    assert m.type == "person" and not m.known
    assert set(m.surfaces) == {"马尔科·萨尔瓦托雷蒂", "萨尔瓦托雷蒂"}
    assert m.n == 2
    assert "萨尔瓦托雷蒂" not in got  # one entity, not two
    assert_offsets(doc, list(got.values()))


def test_hyphenated_first_name():
    got = by_name("候选人让-皮埃尔·杜兰德说，他不会退出。")
    assert "让-皮埃尔·杜兰德" in got


def test_dot_name_stops_at_ordinary_words():
    got = names("记者马蒂亚·博尔扎诺与同事阿莱西奥·费拉里采访了当地居民。", "person")
    assert got == {"马蒂亚·博尔扎诺", "阿莱西奥·费拉里"}


def test_unknown_transliterated_name_with_a_cue():
    got = by_name("分析师格列布尼科夫表示，制裁的效果有限。")
    assert got["格列布尼科夫"].type == "person"
    assert not got["格列布尼科夫"].known


def test_transliteration_characters_without_a_cue_are_no_name():
    assert names("这些措施基本上没有效果，多达一半的工厂停工。", "person") == set()


def test_chinese_name_with_a_role_cue():
    got = by_name("该校副校长周明远指出，招生规模将扩大。")
    assert got["周明远"].type == "person"


# --- organisations and places by suffix --------------------------------------------------------------

def test_org_by_suffix_with_proper_head():
    got = by_name("芬兰国家广播公司报道了这一消息，赫尔辛基大学的学者也参与了讨论。")
    assert got["芬兰国家广播公司"].type == "org"
    assert got["赫尔辛基大学"].type == "org"


@pytest.mark.parametrize("text", [
    "政府部门和有关部门正在调查。",
    "该公司表示，一家公司已经破产。",
    "当地安全部队加强了巡逻。",
])
def test_generic_phrases_are_no_orgs(text):
    assert names(text, "org") == set()


def test_place_by_suffix_with_proper_head():
    got = by_name("工程师们在莫尔达瓦水电站附近的索科洛夫卡镇工作。")
    assert got["莫尔达瓦水电站"].type == "place"


def test_admin_suffix_after_known_place_is_the_same_place():
    got = by_name("卡拉奇市发生爆炸，卡拉奇警方随即封锁现场。")
    assert "卡拉奇市" in got["卡拉奇"].surfaces
    assert got["卡拉奇"].n == 2


# --- non-entities ----------------------------------------------------------------------------------

def test_demonyms_blocs_and_unnamed_bodies_are_not_entities():
    got = names("俄罗斯人普遍认为，西方和国际社会对政府和军方施压，总统也没有办法。")
    assert got == set()


def test_white_house_is_an_org():
    got = by_name("白宫和克里姆林宫均未回应。")
    assert got["白宫"].type == "org"
    assert got["克里姆林宫"].type == "org"


def test_place_inside_a_media_name_does_not_count():
    got = by_name("据《华盛顿邮报》报道，会谈没有结果。")
    assert got["华盛顿邮报"].type == "org"
    assert "华盛顿" not in got


def test_ship_named_after_a_city_is_no_place():
    assert "拉萨" not in names("驱逐舰“拉萨”舰通过了海峡。", "place")


def test_stopnames_never_become_entities():
    stop = lexicon().stopnames
    assert "越来越近" in stop
    assert names("两国走得越来越近。", "person") == set()


def test_person_named_like_a_common_word_needs_a_role():
    cued = lexicon().cued_only
    if not cued:
        pytest.skip("no gazetteer person is also a stop word")
    word = next(iter(cued))
    assert names(f"随后{word}的情况有所变化。", "person") == set()
    assert cued[word].name in names(f"新闻发言人{word}表示，情况正常。", "person")


def test_known_name_at_the_head_of_a_dictionary_word():
    # jieba keeps 英国首相 and 美国政府 as single words: the country still counts, the rest is no entity
    got = by_name("英国首相周三表示，美国政府对此没有回应。")
    assert {"英国", "美国"} <= set(got)
    assert all(m.type == "place" for m in got.values())


def test_bare_ministry_belongs_to_the_country_the_text_is_about():
    doc = "美国官员说，美国在该地区部署了更多部队。国防部随后证实了这一消息。"
    got = by_name(doc)
    body = [m for m in got.values() if "国防部" in m.surfaces]
    assert len(body) == 1 and body[0].type == "org" and body[0].country == "US"


def test_international_body_at_the_head_of_its_organ_counts():
    got = by_name("联合国难民署发布了年度报告。")
    assert got["联合国难民署"].type == "org"
    assert got["联合国"].type == "org"


def test_chinese_name_that_starts_like_a_place():
    # the gazetteer's 黄海 (a sea) cuts 黄海平 apart; after a role word it is a name
    got = by_name("研究所所长黄海平介绍了情况。")
    assert got["黄海平"].type == "person"
    assert "黄海" not in got


def test_latin_name_with_a_cue():
    got = by_name("摄影师：Maria Lindqvist")
    assert got["Maria Lindqvist"].type == "person"
    assert names("他们使用 Open Source 软件。", "person") == set()


def test_university_named_after_a_province():
    got = by_name("湖南师范大学的研究人员参与了项目。")
    assert got["湖南师范大学"].type == "org"


def test_empty_document():
    assert extract_entities("") == []
    assert extract_entities("   \n ") == []


# --- the real corpus -------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")
def test_corpus_results_are_well_formed():
    from etl.reader import parse_post

    paths = sorted((SHARED / "corpus").rglob("*.md"))
    checked = 0
    for path in paths:
        try:
            post = parse_post(path.read_bytes(), str(path))
        except Exception:
            continue  # not a post (README) or quarantined input: the reader's concern
        doc = compose_document(post.title, post.text, post.captions)
        mentions = extract_entities(doc)
        ids = [m.entity_id for m in mentions]
        assert len(ids) == len(set(ids)), path
        assert_offsets(doc, mentions)
        for m in mentions:
            assert m.name not in lexicon().stopnames or m.name in lexicon().cued_only
            assert len(m.name) >= 2
        checked += 1
    assert checked >= 200


# --- generalisation rules (cues the segmenter cannot see) -------------------------------------------

def test_list_items_next_to_a_found_person_are_people():
    # 戈麦斯 is found by the role word; the other items of the list take its type
    got = names("前锋戈麦斯与帕雷德斯、奥坎波斯一同入选了大名单。", "person")
    assert got == {"戈麦斯", "帕雷德斯", "奥坎波斯"}


def test_list_items_must_look_like_names():
    assert names("记者王伟与当地居民交谈。", "person") == {"王伟"}
    assert names("官员和其他代表出席了会议。", "person") == set()


@pytest.mark.parametrize("text, name", [
    ("东京大学教授中村优子指出，物价还会上涨。", "中村优子"),        # Japanese surname + given name
    ("大阪府知事吉村洋文对此表示欢迎。", "吉村洋文"),
    ("清华大学经济学教授周锦涛则认为，消费会恢复。", "周锦涛"),      # cut apart by the segmenter
    ("【文/观察者网张小川】", "张小川"),                              # byline glued to the outlet
])
def test_names_after_a_role_or_in_a_byline(text, name):
    assert name in names(text, "person")


def test_a_role_word_is_no_name():
    assert names("后经顾问劝说后作罢。", "person") == set()
    assert names("中国人民银行货币政策司司长表示。", "person") == set()


def test_company_suffix_with_a_brand_head():
    assert {"海通证券", "国信证券"} <= names("海通证券和国信证券的研究员认为。", "org")
    assert names("投资者持有有价证券，民用航空发展很快。", "org") == set()


def test_department_of_a_known_body():
    got = by_name("中国人民银行货币政策司司长表示。")
    assert got["中国人民银行货币政策司"].type == "org"
    assert "中国人民银行" not in got  # the parent is named only inside the department's name
    assert got["中国"].type == "place"


@pytest.mark.parametrize("text, name", [
    ("数据公司Veritas Metrics的分析显示。", "Veritas Metrics"),
    ("Nortwind Labs表示，漏洞已经修复。", "Nortwind Labs"),
    ("Pelican正式宣布完成融资。", "Pelican"),
    ("据印度媒体《Sunrise Daily》报道，谈判破裂。", "Sunrise Daily"),
    ("该平台已与Orbitron建立合作伙伴关系。", "Orbitron"),
])
def test_latin_organisations_by_cue(text, name):
    assert name in names(text, "org")


@pytest.mark.parametrize("text", [
    "用户可以在iPhone上安装Windows系统。",
    "该公司CEO表示不会裁员。",
    "Nakamura表示不会裁员。",   # a surname: a person may 表示 as well
])
def test_latin_products_terms_and_surnames_are_no_orgs(text):
    assert names(text, "org") == set()


def test_latin_name_in_parentheses_is_an_alias():
    got = by_name("经济学家马克·赞迪（Mark Zandi）表示，风险上升。")
    assert set(got) == {"马克·赞迪"}
    assert set(got["马克·赞迪"].surfaces) == {"马克·赞迪", "Mark Zandi"}


def test_latin_name_in_parentheses_makes_a_named_body():
    got = by_name("全国制造商协会（National Association of Manufacturers）发布了报告。")
    assert got["全国制造商协会"].type == "org"
    assert "National Association of Manufacturers" in got["全国制造商协会"].surfaces


def test_districts_and_stations_are_places():
    assert "卡拉特街区" in names("居民从卡拉特街区撤离。", "place")
    assert "京都火车站" in names("游客在京都火车站附近排队。", "place")
    assert names("火车站附近有很多人。") == set()


def test_team_named_after_a_country():
    got = by_name("巴西队击败了阿根廷队。")
    assert got["巴西队"].type == "org" and got["阿根廷队"].type == "org"
    assert got["巴西"].type == "place" and got["阿根廷"].type == "place"


def test_tags_computed_once_give_the_same_result():
    from etl import segment

    doc = "俄罗斯总统普京与美国国务卿布林肯通了电话，外交部发言人汪文斌对此回应。"
    tags = segment.tag(doc)
    assert extract_entities(doc, tags) == extract_entities(doc)
    with pytest.raises(ValueError):
        extract_entities(doc, tags[:-1])


def test_latin_items_of_a_list_with_a_known_company_are_companies():
    got = names("参与者包括Coinbase、Veltrix Capital Partners和Nimbra。", "org")
    assert {"Coinbase", "Veltrix Capital Partners", "Nimbra"} <= got
    assert names("用户在Instagram、Messenger和WhatsApp上遇到问题。", "org") <= {"WhatsApp", "Instagram"}


@pytest.mark.parametrize("text, name", [
    ("作为首席架构师的Dario Venn还透露了细节。", "Dario Venn"),          # role + 的
    ("图/Lena Horvath", "Lena Horvath"),                                  # photo credit
    ("韩国问题专家Kim Jae-sung向记者表示，谈判会继续。", "Kim Jae-sung"),  # hyphenated given name
    ("安全公司 0shield 发布了补丁。Tomas Berg 的 0shield 说：问题已修复。", "Tomas Berg"),  # a person of an org
])
def test_latin_personal_names_by_cue(text, name):
    assert name in names(text, "person")


def test_latin_place_with_a_place_word():
    assert "Nwe Taung" in names("Nwe Taung 村的居民周四说，士兵烧毁了房屋。", "place")


def test_source_of_a_report_is_a_medium():
    assert "晨星财经" in names("据晨星财经报道，价格上涨。", "org")
    assert names("据当地媒体报道，据悉价格上涨，据美媒报道更多。", "org") == set()


def test_middle_dot_variant_joins_a_name():
    got = by_name("代表哈维尔‧隆巴多（Javier Lombardo）表示，当局会回应。")
    # the name is written with the usual `·`, the surfaces as the text has them
    assert {"哈维尔‧隆巴多", "Javier Lombardo"} <= set(got["哈维尔·隆巴多"].surfaces)


def test_sport_verbs_cue_transliterated_names():
    assert "奥格巴纳" in names("比赛第30分钟，奥格巴纳头球破门。", "person")


def test_host_city_of_an_event_is_a_place():
    assert "里约热内卢" in names("他在2016年里约奥运会上亮相。", "place")
    assert "北京" in names("此后在北京冬季奥运会期间有所暂停。", "place")


def test_quoted_name_introduced_as_a_body():
    got = by_name("他们成立了一个名为“北极星创新联盟”（NIA）的组织。")
    assert got["北极星创新联盟"].type == "org"
    assert "NIA" in got["北极星创新联盟"].surfaces
    assert names("他创办了一个名为“天使”的慈善项目。") == set()


def test_latin_form_of_a_chinese_name_is_an_alias():
    got = by_name("财政部官员李明（Li Ming）表示同意。")
    assert set(got["李明"].surfaces) == {"李明", "Li Ming"}
    assert "Li Ming" not in got


def test_name_ends_before_an_adverb():
    got = names("两位知事中，大阪府知事吉村洋文均表示欢迎。", "person")
    assert got == {"吉村洋文"}


def test_kind_of_exchange_is_no_name():
    assert names("加密货币交易所Voltex和Coinbase都受到影响。", "org") == {"Voltex", "Coinbase"}


def test_border_between_two_named_countries_is_a_place():
    got = by_name("两国在中印边界附近举行了会谈。")
    assert got["中印边界"].type == "place"
    assert {"中国", "印度"} <= set(got)
    assert "中俄关系" not in names("中俄关系稳定发展。")


# --- round 2: job titles, boundaries, country heads, state bodies, facilities, Latin names ---------------

def _names(text):
    from etl.entities import extract_entities
    return {(m.type, m.name) for m in extract_entities(text)}


def test_minister_title_is_no_ministry_but_counts_the_country():
    got = _names("乌克兰外交部长昨天访问了柏林。")
    assert ("place", "乌克兰") in got
    assert not any(t == "org" and n.endswith("外交部") for t, n in got)
    assert any(t == "org" and "外交部" in n for t, n in _names("乌克兰外交部发表声明，谴责袭击。"))


def test_generic_and_regional_air_forces_are_no_organisations():
    got = _names("美国、法国和印度等国空军参加了演习，他是第一位阿拉伯空军指挥官。")
    assert not any(n.endswith("空军") for t, n in got if t == "org")
    assert ("org", "以色列空军") in _names("以色列空军周一发表声明。") or any(
        n.endswith("空军") for t, n in _names("以色列空军周一发表声明。") if t == "org")


def test_airline_cut_at_the_name_and_country_counts():
    doc = "这是继去年印尼狮航空难后的又一次事故。"
    got = _names(doc)
    # the airline (the gazetteer's 狮子航空, or 印尼狮航 where it is unknown), cut before 空难
    airline = [m for m in extract_entities(doc) if m.type == "org"]
    assert len(airline) == 1 and not any(s.endswith("空") for s in airline[0].surfaces)
    assert any(t == "place" and n == "印度尼西亚" for t, n in got)


def test_latin_short_alias_inside_a_longer_word_is_not_the_brand():
    assert not any(n == "壳牌" for _, n in _names("攻击者可以用 PowerShell 子表达式注入命令。"))
    assert ("org", "壳牌") in _names("壳牌公司表示，Shell 将扩大在非洲的投资。")


def test_known_latin_name_with_an_organisation_word_is_a_longer_name():
    got = _names("参与的公司包括Coinbase、Huobi Tech和Bitmex。")
    assert ("org", "Huobi Tech") in got


def test_bare_chinese_state_bodies_without_a_named_country():
    got = _names("为贯彻落实党中央、国务院的部署，国家卫生健康委有关负责人作了说明。")
    assert ("org", "中华人民共和国国务院") in got
    assert ("org", "国家卫生健康委员会") in got


def test_named_facilities_and_space_modules():
    got = _names("飞船与天和核心舱对接，三个月后返回东风着陆场。")
    assert ("place", "天和核心舱") in got and ("place", "东风着陆场") in got
    assert not any(n == "美国空间站" for _, n in _names("美国宇航局管理美国空间站的运营。"))


def test_museum_is_an_organisation():
    assert ("org", "湖北省博物馆") in _names("湖北省博物馆今天展出了一批青铜器。")


def test_prefix_free_chang_words_keep_the_ministry():
    got = _names("俄罗斯国防部长期以来否认这一说法。")
    assert any(t == "org" and n.endswith("国防部") for t, n in got)


def test_zhonggong_needs_a_boundary_or_a_party_word():
    assert ("org", "中国共产党") in _names("会议指出，中共领导的改革取得进展。")
    assert ("org", "中国共产党") in _names("十年来，中共向世界展示了发展成果。")
    assert ("org", "中国共产党") not in _names("这场战争中共投入了上万亿美元。")
    assert ("org", "中国共产党") not in _names("榜单中共计有三十家公司亏损。")
    assert ("org", "中国共产党") in _names("出口管制旨在阻止中共发展军用人工智能。")
    assert ("org", "中国共产党") in _names("议员们要求对抗中共政府的渗透。")
    assert ("org", "中国共产党") not in _names("在这场比赛中共有十人获奖。")


def test_parent_at_the_head_of_an_organ_counts():
    # a party or an international body at the head of its organ counts; a bare government body does not
    # (国务院 + 新闻办公室: the blind rounds' annotators count it only where the text names it alone)
    got = _names("国务院港澳办发言人发表谈话。")
    assert ("org", "国务院港澳事务办公室") in got and ("org", "中华人民共和国国务院") not in got
    got = _names("中共中央政治局召开会议。")
    assert ("org", "中国共产党") in got


def test_local_legislatures_are_not_the_national_one():
    got = _names("这场选举将决定美国众议院、参议院以及各州议会的控制权。")
    assert not any(n.endswith("议会") for t, n in got if t == "org")


def test_unit_of_a_named_institution_is_one_longer_name():
    got = _names("斯坦福大学胡佛研究所经济研究中心发布了报告。") | _names("哈佛大学肯尼迪学院政治研究所公布了民调。")
    assert ("org", "哈佛大学肯尼迪学院政治研究所") in got
    assert ("org", "哈佛大学肯尼迪学院") not in got


def test_recurring_gazetteer_gaps():
    assert ("org", "亚欧会议") in _names("今年是亚欧会议创立二十五周年。")
    assert ("org", "福克斯新闻台") in _names("他和两名福克斯主持人通了电话。")
    assert not any(t == "person" and n == "福克斯" for t, n in _names("他和两名福克斯主持人通了电话。"))
    assert ("person", "小唐纳德·特朗普") in _names("小特朗普在推特上发文。")
    got = _names("龙卷风袭击了阿肯色、田纳西和肯塔基三州。")
    assert {("place", "阿肯色州"), ("place", "田纳西州"), ("place", "肯塔基州")} <= got


def test_results_do_not_depend_on_the_per_process_caches():
    # word classes, name-token and suffix answers are cached per process: a document must come out the
    # same whether its words were seen before or not, and in any order of documents
    from etl import entities

    docs = ["外交部发言人汪文斌周一表示，中方反对美方的做法。汪文斌还说，中美关系需要稳定。",
            "俄罗斯总统弗拉基米尔·普京会见了到访的土耳其外长。普京称双方将加强合作。",
            "记者李明报道，开普省的达苏水电站本周投入运行，Coinbase公司和Kraken也宣布了新计划。"]
    warm = [extract_entities(d) for d in docs]
    lex = lexicon()
    lex.word_classes.clear()
    lex.name_words.clear()
    entities._suffix_of.cache_clear()
    cold = [extract_entities(d) for d in reversed(docs)][::-1]
    assert cold == warm
    assert any(m.name == "汪文斌" and m.n == 2 for m in warm[0])


def test_trie_alternation_matches_like_the_plain_alternation():
    import re
    from etl.entities import _alt, SPEECH_VERBS, ROLE_WORDS
    words = ["表示", "说", "说道", "表", "", "表示了", "称"]
    for ws in (words, sorted(SPEECH_VERBS, key=len, reverse=True), list(ROLE_WORDS)):
        plain = re.compile("|".join(map(re.escape, ws)))
        trie = re.compile(_alt(ws))
        for text in ("他表示了说道称", "教授李稻葵则表示，发言人说", "副总统和外长表示同意"):
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_has_latin_sees_ascii_letters_only():
    from etl.entities import _Doc, _has_latin, lexicon
    for text, want in (("北约峰会", False), ("北约NATO峰会", True), ("２０２３年Ａ股", False), ("G20峰会", True)):
        assert _has_latin(_Doc(text, lexicon())) is want


def test_title_after_a_chinese_name_is_a_cue():
    # the Chinese order: name, then title (no speech verb, no role word before)
    doc = "复旦大学李振华教授团队和王志强研究员合作完成了实验。"
    assert {"李振华", "王志强"} <= names(doc, "person")


def test_minister_title_of_monarchies_before_a_name():
    assert "巴伦德" in names("挪威外交大臣巴伦德举行新闻发布会。", "person")


def test_dot_name_with_another_given_name_is_another_person():
    doc = "现任总理贾斯汀·特鲁多引用了一部旧法。当年他的父亲皮埃尔·埃利奥特·特鲁多也曾动用此法。"
    people = names(doc, "person")
    assert "贾斯汀·特鲁多" in people and "皮埃尔·埃利奥特·特鲁多" in people
    # a variant of the known first name, or a character glued from the word before, stays the same person
    assert "person:吉娜·雷蒙多" in {m.entity_id for m in extract_entities("美国商务部长吉娜·雷蒙多出席会议。")}


def test_street_named_after_a_city_is_a_place_of_its_own():
    found = by_name("卡车仍停在加拿大议会前的惠灵顿街。")
    assert "惠灵顿街" in found and found["惠灵顿街"].type == "place"
    assert "惠灵顿" not in found


def test_latin_names_with_diacritics_stay_whole():
    assert "José Ramírez" in names("摄影记者José Ramírez在现场拍下了照片。", "person")
    assert "Leo Ramírez" in names("委内瑞拉外长Leo Ramírez表示支持。", "person")   # not "Leo Ram"


def test_country_before_nuclear_file():
    assert "伊朗" in names("会议还将讨论伊朗核问题。", "place")


def test_company_legal_form_stays_with_the_name():
    found = by_name("据华东电网股份有限公司消息，用电负荷创新高。中国移动有限公司公布了财报。")
    surfaces = {s for m in found.values() for s in m.surfaces}
    assert "中国移动有限公司" in surfaces
    assert not any(m.type == "org" and m.name in ("有限公司", "股份有限公司") for m in found.values())


def test_brand_word_before_a_bare_bank_or_group_suffix():
    found = names("参与预测的机构包括摩根大通、西太银行、星展银行和复星集团。", "org")
    assert {"西太银行", "星展银行"} <= found
    assert not names("多家商业银行和投资银行下调了预期。", "org")   # kinds of banks are no names


def test_lake_known_to_the_segmenter_is_a_place_but_not_a_ship_named_after_it():
    assert "鄱阳湖" in names("江西鄱阳湖迎来越冬候鸟。", "place")
    assert "东平湖" not in names("综合补给舰“东平湖”舰随编队航行。")


def test_adverb_is_no_one_char_country():
    assert "越南" not in names("鄱阳湖迎来越冬候鸟。")
    assert "越南" in names("总理访越期间双方签署协议。")


def test_transliteration_variant_of_a_known_first_name_is_the_same_person():
    ids = {m.entity_id for m in extract_entities("加拿大总理贾斯廷·特鲁多表示，政府将采取措施。")}
    assert "person:贾斯汀·特鲁多" in ids


def test_country_before_a_news_outlet_or_university_is_apart():
    found = by_name("据美国雅虎新闻网报道，阿富汗哈马新闻社也报道了。")
    assert {"雅虎新闻网", "哈马新闻社", "美国", "阿富汗"} <= set(found)
    assert "英国国防部" in names("英国国防部表示。", "org")   # government bodies keep their country


def test_transliterated_town_before_a_bare_admin_suffix():
    assert "麦迪逊维尔市" in names("龙卷风导致位于肯塔基州西部的麦迪逊维尔市一列货运列车脱轨。", "place")
    assert "梅菲尔德镇" in names("在受损最严重的梅菲尔德镇，救援仍在继续。", "place")
    assert names("美国州长会议今天召开。", "place") == {"美国"}   # a country and 州 make no place


def test_transliterated_town_right_after_its_province():
    assert "温莎" in names("抗议者封锁了安大略省温莎和底特律之间的桥。", "place")
    assert names("广东省大部分地区将有降雨。", "place") == {"广东"}


def test_character_glued_before_a_named_person_is_not_a_new_name():
    doc = "赛后梅开二度的武磊接受了采访，在采访时武磊表示最后一个球他没有碰到。"
    assert "时武磊" not in names(doc)
    assert by_name(doc)["武磊"].n == 2


def test_known_company_under_a_longer_form_is_the_same_company():
    found = extract_entities("德国汉莎航空公司表示道歉，汉莎航空公司称，汉莎航空将调查。")
    orgs = [m for m in found if m.type == "org"]
    assert len(orgs) == 1 and orgs[0].n == 3


def test_transliterated_town_with_common_characters():
    assert "科斯托穆克沙市" in names("俄军在卡累利阿科斯托穆克沙市部署。", "place")
    assert "爱德华兹维尔" in names("在伊利诺伊州爱德华兹维尔，龙卷风造成损失。", "place")


def test_city_before_its_airport_is_part_of_the_mention_and_counts():
    # the mention is written with its city, the airport keeps its own name: both forms name it
    found = by_name("一名旅客在南京禄口机场被确诊。")
    assert {"禄口机场", "南京"} <= set(found)
    assert found["禄口机场"].surfaces == ["南京禄口机场"] and found["禄口机场"].offsets == [5]


def test_dotted_first_name_before_a_suffix_name():
    assert "约翰·霍普金斯大学高级国际研究学院" in names("据约翰·霍普金斯大学高级国际研究学院的专家说。", "org")


@pytest.mark.parametrize("text, name", [
    # a known body with a `·` in its name, whatever dot the text writes, is one body (not 马丁公司 beside it)
    ("美国洛克希德・马丁公司公布的数据显示，交付量下降。", "洛克希德·马丁公司"),
    ("乔治·华盛顿大学法律教授表示反对。", "乔治·华盛顿大学"),
])
def test_known_dotted_body_is_one_name(text, name):
    found = by_name(text)
    assert name in found and found[name].type == "org"
    assert not {"马丁公司", "华盛顿大学"} & set(found)


def test_suo_of_suoshuo_is_no_part_of_a_dotted_name():
    assert "诺加·塔尔诺波尔斯基" in names("正如记者诺加·塔尔诺波尔斯基所说，协议被边缘化。", "person")


def test_burmese_and_thai_names_stay_whole():
    assert "温娜貌伦" in names("秘书长与军方外长温娜貌伦也出席了会议。", "person")
    assert "布拉索坤" in names("东盟特使布拉索坤周一开始了访问。", "person")


def test_country_stays_in_a_generic_broadcaster_name():
    assert "缅甸广播电视台" in names("新光报和缅甸广播电视台用头版头条报道。", "org")


def test_known_organisation_with_a_kind_after_it():
    found = extract_entities("塔利班运动的发言人说，塔利班控制了喀布尔。")
    assert [m.entity_id for m in found if m.type == "org"] == ["org:塔利班"]


def test_region_named_with_diqu_goes_by_its_name():
    found = by_name("塔利班开始在楠格哈尔省希尔扎德地区进行搜查。")
    assert "希尔扎德" in found and "希尔扎德地区" in found["希尔扎德"].surfaces


def test_chinese_names_listed_before_deng_n_ming():
    assert {"徐梦桃", "贾宗洋", "齐广璞"} <= names("徐梦桃、贾宗洋、齐广璞等3名运动员入选。", "person")


def test_another_countrys_body_of_a_known_name():
    found = by_name("韩国参谋长联席会议表示，朝鲜发射了导弹。")
    assert "韩国参谋长联席会议" in found and found["韩国参谋长联席会议"].country == "KR"
    assert "美国参谋长联席会议" not in found


def test_body_of_two_fields_joined_by_yu():
    assert "卡塔尔电力与水务公司" in names("双方签署了卡塔尔电力与水务公司的协议。", "org")
    assert "伊朗标准与工业研究所" in names("伊朗标准与工业研究所所长说。", "org")
    assert not names("他在经济与社会理事会发言。", "org")   # no proper head: no name


def test_acronym_before_a_media_or_company_suffix():
    assert any(n.endswith("ABC电视台") for n in names("据WABC电视台报道，警方正在调查。", "org"))
    assert not names("中国的5G公司发展迅速。", "org")


def test_city_before_a_time_or_an_agreement_is_no_place():
    assert "北京" not in names("北京时间周三上午，比赛开始。", "place")
    assert "明斯克" not in names("双方同意落实明斯克协议。", "place")
    assert "北京" in names("代表团抵达北京。")


def test_city_in_an_official_university_name_stays():
    assert names("他毕业于莫斯科国立鲍曼技术大学。", "org") == {"莫斯科国立鲍曼技术大学"}
    assert "上智大学" in names("东京上智大学的研究显示。", "org")


def test_known_outlet_written_with_its_country_keeps_that_form():
    found = by_name("据美国哥伦比亚广播公司报道。")
    assert "美国哥伦比亚广播公司" in found["哥伦比亚广播公司"].surfaces and "美国" in found


def test_foreign_islands_and_streets_by_their_suffix():
    assert "阿留申群岛" in names("编队穿过阿留申群岛后进入白令海。", "place")
    assert "赫雷夏蒂克街" in names("抗议者聚集在赫雷夏蒂克街。", "place")
    assert not names("他走上街头抗议。")


def test_chinese_cities_districts_and_prefectures():
    found = names("病例分布在静安区、闵行区，山西孝义市、辽宁开原市、云南德宏傣族景颇族自治州。", "place")
    assert {"静安区", "闵行区", "孝义市", "开原", "德宏傣族景颇族自治州"} <= found   # 开原市 is the gazetteer's 开原
    # a city of the gazetteer written with 市 is that city
    assert {"忻州", "铁岭"} <= names("山西忻州市、辽宁铁岭市各1例。", "place")
    assert not names("大城市的居民和城区、郊区的人都在排队。")


def test_body_named_after_a_person_is_no_person():
    found = by_name("詹姆斯·马丁核不扩散研究中心的研究员约书亚·波拉克表示，可以肯定的是。")
    assert "詹姆斯·马丁" not in found and "约书亚·波拉克" in found


def test_ministry_of_two_fields_with_a_lone_bu():
    assert "埃及水资源和灌溉部" in names("埃及水资源和灌溉部发表声明。", "org")
    assert not names("他看了一部纪录片。")


def test_research_centre_cut_in_two_by_the_segmenter():
    assert "詹姆斯·马丁核不扩散研究中心" in names("詹姆斯·马丁核不扩散研究中心的研究员约书亚·波拉克表示。", "org")
    assert not names("该研究中心表示。")


def test_registered_company_names_keep_their_place():
    doc = "获批的试剂盒来自杭州云岭生物技术股份有限公司和重庆明道捷测生物科技有限公司。云岭生物称产能充足。"
    got = by_name(doc)
    assert {"杭州云岭生物技术股份有限公司", "重庆明道捷测生物科技有限公司"} <= set(got)
    assert "云岭生物" in got["杭州云岭生物技术股份有限公司"].surfaces   # the short form, later
    assert "杭州" not in got and "重庆" not in got   # a place inside a company's name is part of it
    # a known company under its registered name stays that company
    assert "北京字节跳动科技有限公司" in by_name("北京字节跳动科技有限公司提起诉讼。")["字节跳动"].surfaces
    assert not names("该有限公司表示。") and not names("成立有限公司需要资本。")


def test_chinese_names_listed_without_role_words():
    assert {"高明远", "吴佳宁"} <= names("舱外服上写着高明远、吴佳宁都曾穿过它出舱。", "person")
    assert {"刘晓雯", "陈书怡"} <= names("首发名单：\n\n主攻：刘晓雯、陈书怡\n\n", "person")
    # a headline digest: a name heading a numbered item
    assert "潘东升" in names("7.国务院常务会议召开；\n\n8.潘东升：一腔热血铸忠魂；", "person")
    # places, words and lone surnames in a list are no names
    assert not names("高达、黄金、石油价格上涨。", "person")
    assert not names("北京、上海、广州等城市", "person")


def test_programme_chief_titles_cue_names():
    assert "耿立峰" in names("红旗七号总指挥耿立峰(1920.8.13-1987.12.12)，长期从事研制。", "person")


def test_numbered_institutes_of_a_body():
    assert "中国航天科工集团第二研究院" in names("中国航天科工集团第二研究院组织了一场活动。", "org")
    assert "中国航天科工集团" not in names("中国航天科工集团第二研究院组织了一场活动。", "org")
    assert not names("外交部第一时间作出回应。")


def test_quoted_outlet_names():
    got = by_name("据追踪朝鲜局势的“朝鲜观察”网站报道，美国“防务新闻”杂志也有转载。")
    assert {"朝鲜观察", "防务新闻"} <= {n for n, m in got.items() if m.type == "org"}
    assert not names("他说“我们”网站会上线。")


def test_places_in_summit_names_and_models_count():
    assert "马德里" in names("北约马德里峰会闭幕。", "place")
    assert "芬兰" in names("乌克兰应该走中立的芬兰模式。", "place")


def test_town_after_its_state_and_de():
    assert "尚克斯维尔" in names("客机坠毁于宾夕法尼亚州的尚克斯维尔，机上无人生还。", "place")
    assert names("加州的华人很多。", "place") == {"加利福尼亚州"}


def test_mis_tagged_districts_listed_with_tagged_ones():
    found = names("宝山区8例、长宁区7例、徐汇区6例、虹口区4例。锦州市1例、辽阳市1例、开原市1例；", "place")
    assert {"徐汇区", "开原"} <= found


def test_city_glued_to_a_known_facility_in_one_word():
    found = names("会议在北京人民大会堂开幕。", "place")
    assert {"北京", "人民大会堂"} <= found


def test_chinese_names_of_name_characters_without_cues():
    found = names("比赛中，张琳艳在禁区内射门，汪琳琳随后补射。", "person")
    assert {"张琳艳", "汪琳琳"} <= found
    assert not names("龙卷风过境，高水平的白皮书何时能发布？", "person")


def test_city_with_its_unit_is_the_known_city():
    got = by_name("辽宁锦州市1例、辽阳市1例、铁岭市1例。")
    assert "辽阳" in got and "辽阳市" in got["辽阳"].surfaces
    assert "军区" not in " ".join(names("他曾任沈阳军区政治部主任。", "place"))
    assert "沈阳军区" in names("他曾任沈阳军区政治部主任。", "org")


def test_local_bodies_of_states_provinces_and_cities():
    got = by_name("湖北卫健委通报，肯塔基州参议院通过法案，亚克朗市警察局发表声明。")
    assert {"湖北卫健委", "肯塔基州参议院", "亚克朗市警察局"} <= set(got)
    assert "国家卫生健康委员会" not in got and "湖北" in got   # the province counts; the national body is not named
    assert "国家卫生健康委员会" in by_name("国家卫健委通报。")


def test_named_units_of_a_company_or_university():
    assert "腾讯优图实验室" in names("腾讯优图实验室发布了新模型。", "org")
    assert "复旦大学附属华山医院" in names("复旦大学附属华山医院的专家表示。", "org")
    assert names("清华大学的研究所表示。", "org") == {"清华大学"}
    # a unit whose name holds a place, a known institute's name or a conjunction is still one name
    got = names("复旦大学南亚中心研究员林民旺说，上海外国语大学中东研究所教授也说。")
    assert {"复旦大学南亚中心", "上海外国语大学中东研究所"} <= got and not got & {"南亚", "中东研究所", "复旦大学"}
    assert "俄罗斯科学院世界经济和国际关系研究所" in names("俄罗斯科学院世界经济和国际关系研究所专家指出。", "org")
    # a unit of a unit reads on (附属 opens one); a department of a body may hold a region's name
    assert "浙江大学医学院附属第一医院" in names("浙江大学医学院附属第一医院的专家表示。", "org")
    got = names("世卫组织非洲区域办事处在布拉柴维尔发布报告。")
    assert "世卫组织非洲区域办事处" in got and "非洲" not in got
    assert "中国生态环境部应对气候变化司" in names("中国生态环境部应对气候变化司司长出席会议。", "org")
    # a company's 中心 is one of its sites, not a unit
    assert "亚马逊" in names("伊利诺伊州的亚马逊仓储中心坍塌。", "org")


def test_country_written_apart_before_a_media_brand():
    assert "日本" in names("日本共同社报道称。", "place")
    assert "英国" not in names("英国广播公司报道称。", "place")


def test_one_character_city_names_after_a_verb_of_place():
    assert "北京" in names("会议在京举行。", "place")
    assert "上海" in names("铁路日均仅几百人离沪", "place")
    assert not names("船只在港口停泊。") and not names("他在京剧院演出。")


def test_known_body_written_after_its_country():
    got = by_name("中国退役军人事务部发布公告。")
    assert "中国退役军人事务部" in got["退役军人事务部"].surfaces and "中国" in got


def test_trades_of_arts_and_letters_cue_names():
    found = names("女演员土屋太凤和舞蹈家辻本知彦共同表演。", "person")
    assert {"土屋太凤", "辻本知彦"} <= found


def test_organisation_named_by_its_english_name_in_parentheses():
    got = by_name("他在智库机构两党政策中心（Bipartisan Policy Center）任职。")
    assert "Bipartisan Policy Center" in got["两党政策中心"].surfaces and "智库机构两党政策中心" not in got
    assert not names("该组织（Human Rights Watch）称。")


def test_city_of_a_mission_counts_and_events_do_not_head_bodies():
    assert "特拉维夫" in names("以色列将其驻特拉维夫大使馆降级。", "place")
    got = by_name("东京残奥会中国体育代表团成立。")
    assert "中国体育代表团" in got and "东京" in got and "东京残奥会中国体育代表团" not in got


def test_transliterated_names_listed_without_cues():
    found = names("以因西涅、贝拉尔迪、因莫比莱为火车头的意大利队", "person")
    assert {"因西涅", "贝拉尔迪", "因莫比莱"} <= found
    assert not names("意大利、西班牙、葡萄牙等国", "person")
    assert not names("安全、稳定、发展")


def test_townships_and_villages_in_an_address_chain():
    found = names("他出生于江西省兴国县崇贤乡霞光村的一个农民家庭。", "place")
    assert {"兴国县", "崇贤乡", "霞光村"} <= found
    assert names("河北省新农村建设和广东省的乡村振兴", "place") == {"河北", "广东"}


def test_periodical_title_in_book_marks_before_its_kind():
    got = by_name("美国《大西洋》月刊刊文称。")
    assert "《大西洋》月刊" in got["大西洋月刊"].surfaces and "大西洋" not in got
    assert not names("《三体》杂志")


def test_hyphen_written_for_the_dot_of_a_known_name():
    got = by_name("苹果首席执行官蒂姆-库克表示，新品即将上市。")
    assert "蒂姆-库克" in got["蒂姆·库克"].surfaces and "蒂姆" not in got


def test_place_glued_to_a_verb_of_place_or_to_its_citizens():
    # the dictionary has 赴美国 and 北京市民 as single words
    assert names("球队将赴美国进行为期一个月的集训。", "place") == {"美国"}
    assert names("北京市民在冰场排队，上海市民也来了。", "place") == {"北京", "上海"}
    assert not names("法国人和中国人都来了。", "place")   # demonyms stay out


def test_bare_legislature_belongs_to_the_country_of_the_people_named():
    # no country named at all: the country of the people and places named decides
    got = by_name("特朗普在华盛顿说，国会必须行动；众议院议长佩洛西回应。")
    assert got["美国国会"].surfaces == ["国会"] and got["美国众议院"].country == "US"
    assert not names("他说，国会必须行动。", "org")   # nobody's legislature


@pytest.mark.parametrize("text, person", [
    ("纪录片里一个名叫“鲁斯兰·利沃夫”的人出现了。", "鲁斯兰·利沃夫"),        # surname = a known city
    ("研究中心主席阿基拉·拉达克里希南表示，局势恶化。", "阿基拉·拉达克里希南"),  # surname begins with a known region
    ("前财政大臣巴西姆·阿瓦达拉被捕。", "巴西姆·阿瓦达拉"),                # first name begins with a country
    ("一位名叫扎布隆·西曼托夫的商人离开了。", "扎布隆·西曼托夫"),          # first name cut into a "verb" + one char
    ("他是继格罗弗·克利夫兰之后的第二人。", "格罗弗·克利夫兰"),
])
def test_dot_names_that_contain_known_place_names(text, person):
    assert person in names(text, "person")
    assert not names(text, "place") & {"利沃夫", "拉达克", "巴西", "克利夫兰"}


def test_places_joined_by_a_dot_stay_places():
    assert names("本报记者在中国·北京报道，乌克兰·利沃夫也有消息。", "place") == {"中国", "北京", "乌克兰", "利沃夫"}
    assert not names("本报记者在中国·北京报道，乌克兰·利沃夫也有消息。", "person")


def test_names_listed_beside_names_whatever_the_segmenter_made_of_them():
    # 沈梦露 is cut into 沈 + 梦露/v, 万佳瑶 into 万佳/nz + 瑶/j; their neighbours are clear names
    assert {"沈梦雨", "沈梦露", "赵瑜洁"} <= names("在美国俱乐部效力的沈梦雨、沈梦露、赵瑜洁等队员归队。", "person")
    assert {"汪琳琳", "万佳瑶", "邵子钦"} <= names("小将张琳艳、汪琳琳、万佳瑶、邵子钦、王新灵等入选。", "person")
    assert "王府井" not in names("他们去了张琳艳家、王府井、西单。", "person")


def test_photo_credits_and_bylines():
    assert names("运动员赛后庆祝。新华社记者王昊飞摄", "person") == {"王昊飞"}
    assert names("会议在北京举行。新华社记者燕雁摄", "person") == {"燕雁"}
    assert names("【编译/观察者网童黎】视频显示", "person") == {"童黎"}
    assert not names("记者现场摄", "person")


def test_a_name_with_a_character_missing_from_the_dictionary():
    # the segmenter tags 王燊超 and 刘晓曙 as x (unknown): a surname and no odd character make a name
    assert names("两分钟后，王燊超再次在左路起球。", "person") == {"王燊超"}
    assert names("教授和博士生刘晓曙提出了协议。", "person") == {"刘晓曙"}


@pytest.mark.parametrize("text, person", [
    ("防空武器系统总指挥王国祥(1940-2010)，为此作出贡献。", "王国祥"),   # 王国/ns + 祥/nr
    ("军区原副司令员王扶之、原院长出席。", "王扶之"),                    # 王扶/nr + 之/u
    ("东北亚政策课长高京国、副部长常正国出席。", "高京国"),              # 高京国/ns
])
def test_a_chinese_name_right_after_its_role_however_it_is_cut(text, person):
    assert person in names(text, "person")


def test_a_word_after_a_role_is_no_name():
    assert not names("外交部长会议，总统候选人、总统任期\n结束。", "person")


def test_two_known_bodies_glued_in_one_dictionary_word():
    got = by_name("中共中央国务院印发关于加强老龄工作的意见。")   # 中共中央国务院/nt
    assert got["中国共产党中央委员会"].surfaces == ["中共中央"] and got["中华人民共和国国务院"].surfaces == ["国务院"]


def test_a_ministry_word_after_a_known_country():
    # 信息部 is an ordinary noun to the segmenter; after a country it is that country's ministry
    assert names("阿富汗信息部发言人说，新规已生效。", "org") == {"阿富汗信息部"}
    assert names("中国中北部宁夏地区举行演习。", "org") == set()


def test_japanese_name_after_a_role_and_before_a_verb():
    assert names("演员三浦大知驾驶道具车入场。", "person") == {"三浦大知"}
    assert names("将由舞蹈家菅原小春表演。", "person") == {"菅原小春"}
    assert not names("演员三浦表演。", "person")


def test_author_closing_a_bracketed_byline():
    assert names("【文/观察者网专栏作者月咏幻】 开幕式当晚", "person") == {"月咏幻"}
    assert not names("【记者手记】", "person")


def test_members_of_a_known_party_name_the_party():
    assert names("民主党人希望优先通过法案，共和党人反对。", "org") == {"民主党", "共和党"}


def test_an_armed_service_before_a_rank_is_no_person():
    assert names("示威者拒绝接受陆军上将阿卜杜勒·法塔赫·布尔汗的领导。", "person") == {"阿卜杜勒·法塔赫·布尔汗"}
    assert names("部队在贾拉拉巴德市郊区进行了搜查。", "place") == {"贾拉拉巴德"}


def test_two_transliterated_names_joined_by_and():
    assert names("前者依靠禁区内斯特林与凯恩的掩护，左脚抽射。", "person") == {"斯特林", "凯恩"}
    assert "拉什" not in names("主帅换上了桑乔和拉什福德。", "person")
    assert not names("美国与英国达成协议，研究与开发并重。", "person")


def test_formal_country_names_and_common_nouns_beside_dot_names():
    assert names("卡塔尔国和阿富汗看守政府举行会议。", "place") == {"卡塔尔", "阿富汗"}
    # 策 and 略 occur in names of the gazetteer (洛塔·策林, 卡瓦略), yet 策略/n is a noun
    assert not any(n.startswith("策略") for n in names("保守党的策略家林顿·克罗斯比参与了竞选。", "person"))
    assert names("大卫·凯利表示，这是历史性的一天。", "person") == {"大卫·凯利"}


def test_latin_names_credited_after_their_outlet():
    found = names("来自CNN在伦敦的Radina Gigova和罗马的Nicola Ruotolo报道。", "person")
    assert found == {"Radina Gigova", "Nicola Ruotolo"}
    assert names("来自CNN的Natasha Bertrand，Katie Bo Lillis和Jennifer Hansler报道", "person") == {
        "Natasha Bertrand", "Katie Bo Lillis", "Jennifer Hansler"}


def test_the_chief_of_a_ministry_cut_into_the_name_after_it():
    # 国防部 + 长皮 + 特·海格斯特: the segmenter glued 长 of 部长 to the given name
    assert names("美国国防部长皮特·海格斯特在布鲁塞尔表示。", "person") == {"皮特·海格斯特"}
    assert by_name("美国商务部长吉娜·雷蒙多表示。")["吉娜·雷蒙多"].surfaces == ["吉娜·雷蒙多"]


def test_no_entity_from_conjunctions_tenure_words_or_generic_trades():
    assert not names("国王和王后今晚将留在城堡。", "person")
    assert names("据之前的报道，OpenAI推出了新模型。", "org") == {"OpenAI"}
    assert names("作家韩江现任韩国艺术大学文艺创作系教授。", "org") == {"韩国艺术大学"}
    assert not names("就财政预算、商务、金融证券等问题回答提问。", "org")


def test_titles_before_a_dotted_name_are_no_part_of_it():
    assert names("休战生效后，埃米尔谢赫塔米姆·本·哈马德·阿勒萨尼表示欢迎。", "person") == {"塔米姆·本·哈马德·阿勒萨尼"}
    assert names("孟加拉国总理谢赫·哈西娜辞职。", "person") == {"谢赫·哈西娜"}


@pytest.mark.parametrize("text, kind, name", [
    ("丹麦国防情报局将联合负责调查。", "org", "丹麦国防情报局"),        # country + noun + 情报局/n
    ("极左翼的法国总工会表示将继续罢工。", "org", "法国总工会"),
    ("伊斯兰堡高等法院21日表示。", "org", "伊斯兰堡高等法院"),         # city + 高等法院/l
    ("辽沈晚报 2022年01月22日", "org", "辽沈晚报"),
    ("反政府武装占领了阿勒颇国际机场。", "place", "阿勒颇国际机场"),
    ("加沙地带中部的迈加齐难民营遭到袭击。", "place", "迈加齐难民营"),
    ("青藏高原和四川盆地降雨偏多。", "place", "青藏高原"),
    ("诺贝尔文学奖得主石黑一雄的新书。", "person", "石黑一雄"),
])
def test_bodies_facilities_and_landforms_after_a_known_place(text, kind, name):
    assert name in names(text, kind)


def test_slavic_surname_endings_and_regnal_numbers_make_names():
    assert names("亚足联以“伊万科维奇：带领中国队重返世界杯”为题发文。", "person") == {"伊万科维奇"}
    assert names("伊万诺夫说，局势紧张。", "person") == {"伊万诺夫"}
    assert not names("巡逻舰“伯特索夫”号驶入港口。", "person")   # a ship
    assert names("这一纪录此前由乔治六世保持，教皇本笃十六世也曾到访。", "person") == {"乔治六世", "本笃十六世"}
    assert "罗斯托夫州" in names("俄罗斯罗斯托夫州", "place")


def test_a_list_closed_by_its_count():
    assert names("艾克森、阿兰、费南多3位归化球员重新入选。", "person") >= {"阿兰", "费南多"}


@pytest.mark.parametrize("text, org", [
    ("英国海上贸易运营中心(UKMTO)在一份警报中称。", "英国海上贸易运营中心"),
    ("新德里发展中社会研究中心 (CSDS) 的研究项目显示。", "发展中社会研究中心"),
    ("位于内比都的联邦选委会(UEC)取消了投票。", "联邦选委会"),
    ("她曾荣获《首尔新闻报》年度文学奖。", "首尔新闻报"),
    ("韩国国立中央图书馆于2017年发布报告。", "韩国国立中央图书馆"),
])
def test_bodies_before_their_acronym_and_periodicals_in_book_marks(text, org):
    assert org in names(text, "org")


def test_no_body_from_indicators_events_or_documents():
    assert not names("国内生产总值(GDP)增长5%，消费者价格指数(CPI)上涨。", "org")
    assert not names("出席太平洋岛国峰会（PALM）。两国签署了《联合公报》。", "org")


def test_names_glued_to_the_word_after_or_holding_a_place_name():
    assert names("她的父亲乔治六世国王去世。", "person") == {"乔治六世"}
    assert names("国民军发言人艾哈迈德·米斯马里表示。", "person") == {"艾哈迈德·米斯马里"}
    assert "马里" not in names("国民军发言人艾哈迈德·米斯马里表示。", "place")
    assert names("战胜克罗地亚选手维基奇后，她夺得金牌。", "person") == {"维基奇"}
    assert names("主持人查克·托德先是念了一段文章。", "person") == {"查克·托德"}


def test_a_party_named_in_full_then_by_its_short_name():
    got = by_name("莫迪领导的印度人民党失去多数。他在新德里人民党总部讲话，人民党本身并不占多数。")
    assert "人民党" in got["印度人民党"].surfaces and "新德里人民党" not in got


def test_hyphenated_names_and_names_ending_in_a_group_or_a_slavic_ending():
    assert names("新科FMVP杰伦-布朗更新社交账号。", "person") == {"杰伦-布朗"}
    assert names("勇士名宿安德烈-伊戈达拉表示。", "person") == {"安德烈-伊戈达拉"}
    assert not names("伊朗-沙特关系缓和，中美-东盟合作。", "person")
    assert "胡塞武装" in names("胡塞武装领导人阿卜杜勒·马利克·胡塞表示。", "org")
    assert any(n.endswith("胡塞") for n in names("胡塞武装领导人阿卜杜勒·马利克·胡塞表示。", "person"))
    assert names("总统办公室负责人斯特尔年科说。", "person") == {"斯特尔年科"}


def test_companies_named_by_a_brand_and_places_after_a_glued_preposition():
    found = names("代表团成员包括麦格理银行、福德士河金属集团、博思格钢铁公司。", "org")
    assert {"麦格理银行", "福德士河金属集团", "博思格钢铁公司"} <= found
    assert not names("他说石油公司会涨价。", "org")
    assert names("发言人证实，事发于尼日州一所学校。", "place") == {"尼日州"}
    assert not names("风暴给广东省海面及各市县带来风雨。", "place") - {"广东"}


@pytest.mark.parametrize("text, org", [
    ("当地时间7月29日，委内瑞拉选举委员会正式宣布结果。", "委内瑞拉选举委员会"),   # 选举/v inside the name
    ("斯里兰卡三军新闻局局长在电视讲话中表示。", "斯里兰卡三军新闻局"),         # 三军/j is no counting word
    ("无处不在的缅甸国防军控制着要道。", "缅甸国防军"),
    ("本社新德里电印度选举委员会公布计票结果。", "印度选举委员会"),             # a country starts the name
    ("中国驻阿富汗大使馆仍在正常运转。", "中国驻阿富汗大使馆"),
])
def test_bodies_with_verbs_numerals_and_countries_inside(text, org):
    assert org in names(text, "org")


def test_counting_words_do_not_start_names():
    assert not names("由于芯片短缺，底特律三大汽车公司减产。", "org")


def test_credit_blocks_and_names_cut_before_a_speech_cue():
    found = names("澎湃新闻记者:马小童 陈沁涵 剪辑:马小童 陈曦 动画:刘瑞麟 王煜 调色:江勇", "person")
    assert found == {"马小童", "陈沁涵", "陈曦", "刘瑞麟", "王煜", "江勇"}
    assert not names("记者：今天下午", "person")
    assert names("负责科研监测的宋心强对记者说，为了加强保护。", "person") == {"宋心强"}   # 宋心/nr 强/a
    assert names("晶泰科技联合创始人马健在接受采访时说。", "person") == {"马健"}           # 马/n 健在/v


def test_provinces_and_cities_named_by_one_character_in_a_compound():
    assert {"北京", "天津", "河北"} <= names("京津冀协同发展。", "place")
    assert {"广东", "香港", "澳门"} <= names("粤港澳大湾区建设。", "place")
    assert names("深港合作不断深化。", "place") == {"深圳", "香港"}
    assert not names("藏青色的衣服，川菜很辣，津贴发放。", "place")


def test_rivers_ports_churches_and_airports_by_their_suffix():
    assert names("冬季的松花江冰封，金沙江上游建设水电站。", "place") == {"松花江", "金沙江"}
    assert "洋浦港" in names("北部湾港、洋浦港和果园港。", "place")
    assert by_name("游客抵达哈尔滨太平国际机场。")["太平国际机场"].surfaces == ["哈尔滨太平国际机场"]
    assert names("索菲亚教堂前人头攒动。", "place") == {"索菲亚教堂"}
    assert not names("避免成为恐怖分子的避风港。", "place")


def test_bare_courts_and_a_ministry_before_a_river_name():
    got = by_name("首尔南边瑞草区的宪法法院以8比0裁定。")
    assert got["韩国宪法法院"].surfaces == ["宪法法院"]
    assert "农业农村部" in names("农业农村部长江流域渔政监督管理办公室发布通告。", "org")
    assert not names("外交部长王毅表示。", "org")


def test_no_person_from_a_conjunction_a_place_word_or_an_ordinary_word_after_a_role():
    assert names("赫尔松和尼古拉耶夫地区的调查报告显示。", "person") == set()
    assert not names("开始新一届总统任期后的首次出访。", "person")
    assert names("外交委员会主席艾丽西亚·科恩斯在议会上发言。", "person") == {"艾丽西亚·科恩斯"}


def test_a_country_s_nuclear_file_names_the_country():
    assert names("会谈就朝核问题等问题交换了意见。", "place") == {"朝鲜"}


@pytest.mark.parametrize("text, org", [
    ("瑞典海岸警卫队发布的视频显示。", "瑞典海岸警卫队"),
    ("在泄漏期间，丹麦能源署警告称。", "丹麦能源署"),            # 署/ng alone after its field
    ("地震发生后，中国蓝天救援队先遣队抵达。", "中国蓝天救援队"),
    ("米莱领导的执政党“自由前进党”在议会中席位不多。", "自由前进党"),   # not the known 前进党
])
def test_rescue_teams_agencies_and_quoted_parties(text, org):
    assert org in names(text, "org")


def test_no_party_from_a_quoted_description():
    assert not names("他指控“受美国指使的古巴黑手党”是幕后黑手。", "org")


def test_a_name_found_with_a_role_takes_back_its_later_mention_cut_as_a_place():
    # 金昌 is a city in Gansu; later the segmenter cuts the minister's name as 金昌/ns + 善在
    doc = "朝鲜国务委员会部长金昌善表示，会谈取得成果。金昌善在会上说，双方将继续合作。"
    got = by_name(doc)
    assert got["金昌善"].type == "person" and got["金昌善"].n == 2
    assert "金昌" not in got
    # the city itself, where no name continues it, stays a place
    assert names("他去年到金昌考察，金昌善于发展新能源。", "place") >= {"金昌"}


def test_an_age_before_a_name_cues_a_person():
    assert "邹海峰" in names("45岁的邹海峰在港口经营一家修船厂。", "person")
    assert "卡拉巴约" in names("现年52岁的卡拉巴约说，渔获少了一半。", "person")


def test_a_charge_d_affaires_is_a_role():
    assert "卢雪松" in names("外交部长会见了中国驻尼日尔使馆临时代办卢雪松。", "person")


def test_credit_lines_with_a_slash():
    got = names("新华网出品 文案/吴佳音 视频/钱志宁 转载请注明出处", "person")
    assert {"吴佳音", "钱志宁"} <= got


def test_van_names_are_transliterations():
    got = by_name("荷兰外交大臣范费尔德（Caspar Veldkamp）周四对记者说，谈判仍在继续。")
    assert got["范费尔德"].type == "person"


@pytest.mark.parametrize("text, org, country", [
    ("法国国际关系研究所的研究员说，局势仍然紧张。", "法国国际关系研究所", "法国"),
    ("法国电力能源公司宣布将提高核电产量。", "法国电力能源公司", "法国"),
    ("澳大利亚战略政策研究所发布报告称，风险上升。", "澳大利亚战略政策研究所", "澳大利亚"),
])
def test_a_country_at_the_head_of_an_institute_or_a_company_counts(text, org, country):
    got = names(text)
    assert {org, country} <= got


def test_a_country_that_is_an_outlet_s_or_a_university_s_whole_name_does_not_count():
    assert "英国" not in names("英国广播公司报道了这一消息。")
    assert "哥伦比亚" not in names("哥伦比亚大学教授本周发表了论文。")


def test_a_bare_ministry_belongs_to_the_country_of_its_named_official():
    # the text names 美国 most, but the spokesperson is China's: the ministry is China's
    doc = "美国商务部日前出台新规，美国企业受影响，美国盟友也被施压。外交部发言人毛宁8日指出，美方滥用出口管制。"
    got = names(doc, "org")
    assert "中国外交部" in got and "美国外交部" not in got


def test_a_news_website_is_an_outlet_apart_from_its_agency():
    got = names("新华网消息，新华社记者从现场发回报道；环球网援引《环球时报》的评论。", "org")
    assert {"新华网", "新华通讯社", "环球网", "环球时报"} <= got


def test_a_reporting_verb_ends_an_organisation_s_name():
    got = names("机上10人全部死亡。俄罗斯塔斯社援引俄罗斯航空署的消息称，飞机属于一家私人公司。", "org")
    assert {"塔斯社", "俄罗斯航空署"} <= got
    assert not any("援引" in n for n in got)


@pytest.mark.parametrize("text, people", [
    ("新华社开罗3月2日电(记者吴宇航 钱一鸣)埃及外交部当天发表声明。", {"吴宇航", "钱一鸣"}),
    ("新华社开罗3月2日电(记者吴宇航钱一鸣)埃及外交部当天发表声明。", {"吴宇航", "钱一鸣"}),
    ("【本报特约记者 韩书雅 本报记者 邹立航 范思远】美国国务院当天宣布。", {"韩书雅", "邹立航", "范思远"}),
    ("局势仍在变化。(编辑:欧阳晓/蒋一禾)", {"欧阳晓", "蒋一禾"}),
    ("特约撰稿 秦永华 宋佳音 5月3日,欧洲议会通过决议。", {"秦永华", "宋佳音"}),
    ("代表团抵达机场。(总台记者钟立行拍摄)", {"钟立行"}),
    ("发言人回答提问(中评社 吴思远摄)", {"吴思远"}),
])
def test_credit_lines_without_a_colon(text, people):
    assert people <= names(text, "person")


def test_an_english_title_before_a_chinese_name_is_a_role():
    assert "顾立群" in names("董事会暂停了CEO顾立群的职务。", "person")


def test_a_name_token_of_transliteration_characters_ends_where_the_token_ends():
    # the free transliteration characters stop at 金 and 森, which the name token 威尔金森/nrt holds
    assert "威尔金森" in names("加拿大自然资源部长威尔金森昨晚表示，报复措施将扩大。", "person")


@pytest.mark.parametrize("text, name", [
    ("川普周二在白宫表示，关税将于下月生效。", "唐纳德·特朗普"),
    ("国务卿卢比奥在会后向记者表示，谈判取得进展。", "马尔科·鲁比奥"),
    ("以色列与哈玛斯在加萨走廊的停火进入第二阶段。", "哈马斯"),
    ("代表团周日抵达杜哈，与卡塔尔官员会谈。", "多哈"),
])
def test_taiwan_and_overseas_forms_resolve_to_the_same_entity(text, name):
    assert name in names(text)


def test_a_body_s_kind_glued_to_a_role_in_one_dictionary_word_is_cut_apart():
    # jieba's dictionary has 大学教授 and 公司总裁 as words: the body's name ends at its suffix
    assert "拉夫堡大学" in names("英国拉夫堡大学教授李德表示，难民问题仍然严峻。", "org")
    got = names("美国布朗大学公共卫生学院院长阿希什·杰哈说，疫情仍在扩散。", "org")
    assert {"布朗大学", "布朗大学公共卫生学院"} <= got


def test_a_nominal_verb_inside_a_body_s_name():
    assert "美国军备控制协会" in names("总部位于华盛顿的美国军备控制协会发布分析称，库存在增加。", "org")


def test_two_names_joined_by_a_hyphen_make_one_place():
    got = names("列车从奎达开往卡拉-马赞省首府。", "place")
    assert "卡拉-马赞省" in got and "马赞省" not in got
    # a known one, however the segmenter cut it (省时 glued), is found in the text at its hyphen
    assert "开伯尔-普赫图赫瓦省" in names("车队在途经开伯尔-普什图省时遇袭。", "place")
    assert {"美国", "墨西哥"} <= names("美国-墨西哥边境的局势", "place")


def test_the_south_of_a_country_is_the_country():
    got = names("以军当天对黎巴嫩南部真主党目标发动空袭。", "place")
    assert "黎巴嫩" in got and "黎巴嫩南部" not in got


@pytest.mark.parametrize("text, party", [
    ("马克·卡尼带领自由党在选举中获胜，可以组建少数党政府。", "自由党"),
    ("贾格米特·辛格领导的新民主党和魁人政团遭遇重大损失。", "新民主党"),
    ("米莱的政党自由先锋党主张彻底改革阿根廷的财政。", "自由前进党"),
    ("左翼的“新人民阵线”赢得了177个席位。", "新人民阵线"),
    ("南非最大反对党民主联盟得票率为21.7%。", "南非民主联盟"),
])
def test_parties_with_ordinary_words_for_names_come_from_the_gazetteer(text, party):
    assert party in names(text, "org")


def test_a_known_short_party_name_inside_a_longer_one():
    got = names("以祖鲁族为主的因卡塔自由党在夸祖鲁-纳塔尔省保住了地盘。", "org")
    assert "因卡塔自由党" in got and "自由党" not in got


@pytest.mark.parametrize("text, place", [
    ("以军空袭了南部沿海城市提鲁斯附近的一座村庄。", "提鲁斯"),
    ("回到南部城镇库纳伊提拉的家中，他发现房屋已被摧毁。", "库纳伊提拉"),
    ("冲突发生在北部城镇圣马尔塔-德奥罗。", "圣马尔塔-德奥罗"),
])
def test_a_transliterated_name_after_a_kind_of_place_is_a_place(text, place):
    assert place in names(text, "place")


def test_a_kind_of_place_before_an_ordinary_word_names_nothing():
    assert not names("这座城市安全形势好转，城镇居民生活改善。", "place")


@pytest.mark.parametrize("text, place", [
    ("当局关闭了加德满都的特里布万国际机场。", "特里布万国际机场"),
    ("会谈在苏格兰的特恩贝里高尔夫球场举行。", "特恩贝里高尔夫球场"),
    ("女王在苏格兰巴尔莫勒尔城堡接受医疗监护。", "巴尔莫勒尔城堡"),
])
def test_facilities_the_dictionary_holds_with_their_kind(text, place):
    assert place in names(text, "place")


def test_a_city_before_its_airport_is_part_of_its_name_and_a_country_s_stadiums_are_no_place():
    # (the blind rounds' annotators list the airport, port or refinery, not the city in its name)
    assert names("阿布扎比国际机场在建区域起火。", "place") == {"阿布扎比国际机场"}
    assert names("比赛当天匈牙利球场爆满。", "place") == {"匈牙利"}


@pytest.mark.parametrize("text, people", [
    ("运动员与本网记者合影。(钟中华 摄) 赛后的采访", {"钟中华"}),
    ("文|《中国企业家》记者胡楠楠 编辑|姚赟 头图摄影|胡楠楠 来源公众号", {"胡楠楠", "姚赟"}),
    ("读特记者 翁惠娟 林洲璐 刘秋伟/文 周红声/图", {"翁惠娟", "林洲璐", "刘秋伟"}),
])
def test_credits_with_bars_slashes_and_bare_photo_credits(text, people):
    assert people <= names(text, "person")


@pytest.mark.parametrize("text, good, bad", [
    ("加蓬时任总统阿里·邦戈以64.27%的得票率赢得选举。", "阿里·邦戈", "阿里·邦戈以"),
    ("当保罗·塔塔周二离开家去上班时，他并不知道会发生什么。", "保罗·塔塔", "当保罗·塔塔"),
    ("国民联盟表示，将在巴尼耶发表施政演说后再决定是否支持。", "米歇尔·巴尼耶", "施政演"),
    ("原总统——左翼领导人卡斯蒂略——遭到弹劾。", "佩德罗·卡斯蒂略", "左翼"),
    ("竞争对手拉布卡领导的党派联盟获得26个席位。", "拉布卡", "多米尼克·拉布"),
])
def test_function_words_and_words_at_a_name_s_edge_stay_out_of_it(text, good, bad):
    got = names(text)
    assert good in got and bad not in got


def test_the_chief_of_a_ministry_glued_to_a_name():
    assert "皮斯托留斯" in names("德国国防部长皮斯托留斯表示，弹药投资必须增加。", "person")
    got = by_name("乌克兰国防部长鲁斯泰姆·乌梅罗夫周五宣布，双方将交换战俘。")
    assert got["鲁斯捷姆·乌梅罗夫"].surfaces == ["鲁斯泰姆·乌梅罗夫"]
    assert "李萍安" in names("“我们只能自救了”，李萍安说，有乘客从座位底下爬了出来。", "person")


@pytest.mark.parametrize("text, bad", [
    ("双方在11月的联合国气候变化大会(COP)之前签署了一项气候声明。", "联合国气候变化大会"),
    ("他曾力推加泰脱离西班牙运动，后来流亡国外。", "西班牙运动"),
    ("中卡两国国有能源公司11月21日宣布签署协议。", "中卡两国国有能源公司"),
    ("次年苏联在纳卡地区成立自治州，并隶属于阿塞拜疆。", "自治州"),
    ("卢卡申科表示，瓦格纳部队仍在他们的营地。", "瓦格纳部队"),
])
def test_descriptions_and_events_are_no_bodies(text, bad):
    assert bad not in names(text)


def test_a_known_group_s_troops_are_the_group():
    assert "瓦格纳集团" in names("卢卡申科表示，瓦格纳部队仍在他们的营地。", "org")


def test_a_transliterated_name_after_a_kind_of_organisation():
    assert "克普勒" in names("数据分析公司克普勒的数据显示，进口量创下新高。", "org")
    assert not names("该公司表示将继续经营。", "org")


@pytest.mark.parametrize("text, org", [
    ("袭击者自称是美国缉毒局特工。", "美国缉毒局"),
    ("俄罗斯石油公司持有纳亚拉能源公司49%的股份。", "纳亚拉能源公司"),
    ("斐济总理兼斐济优先党领导人发表讲话。", "斐济优先党"),
])
def test_bodies_whose_suffix_stands_alone_or_whose_head_is_cut(text, org):
    assert org in names(text, "org")


def test_an_appointee_between_the_verb_and_the_post():
    got = names("会议经表决，任命郭振华为全国人大常委会代表工作委员会主任。")
    assert "郭振华" in got and not any(n.startswith("华为") for n in got)


@pytest.mark.parametrize("text, person", [
    ("站内停电，受困者何安不停拨打救援电话。", "何安"),
    ("2021年美网女单亚军费尔南德斯也进入了正赛。", "费尔南德斯"),
])
def test_people_named_by_what_happened_to_them_or_what_they_won(text, person):
    assert person in names(text, "person")


def test_a_city_s_port_is_a_place_and_the_city_in_its_name_is_not_counted_apart():
    got = names("巨轮行至也门荷台达港西南约94公里处时遭到袭击。", "place")
    assert "荷台达港" in got and "荷台达" not in got
    assert "广西港口" not in names("货物从重庆发出，在广西港口上船。")


def test_a_country_s_navy_is_not_the_sea_named_after_it():
    got = names("菲律宾海军随后将情况通报驻菲美军。")
    assert "菲律宾海军" in got and "菲律宾海" not in got


@pytest.mark.parametrize("text, bad", [
    ("地级及以上城市 PM2.5 平均浓度下降 2.7%。", "PM2.5"),
    ("中国-东盟自贸区3.0版谈判完成。", "东盟自贸区"),
    ("越南在医院举行向阮富仲授予金星勋章的仪式。", "金星"),
    ("出口至中国的芯片需要获得商务部的许可。", "许可"),
])
def test_words_that_only_look_like_names(text, bad):
    assert bad not in names(text)


def test_a_bullet_dot_after_a_space_before_a_known_name_breaks_nothing():
    # photo captions as bullets (" ·伊朗国家电视台播放…"): the token before the dot is a space, no name
    doc = "搜寻画面。 ·伊朗国家电视台播放的事故现场附近搜寻画面。 突发事故 ·莱希乘坐直升机的最后一张照片。"
    assert {"伊朗伊斯兰共和国广播电视台", "易卜拉欣·莱希"} <= names(doc)


@pytest.mark.parametrize("text, site, also", [
    ("以色列空袭了伊朗的福尔道核设施。", "福尔道核设施", None),
    ("该公司在古吉拉特邦运营着瓦迪纳炼油厂。", "瓦迪纳炼油厂", None),
    ("两国的核合作包括布什尔核设施。", "布什尔核设施", None),
])
def test_energy_and_nuclear_sites_are_places(text, site, also):
    got = names(text, "place")
    assert site in got and (also is None or also in got)
    assert "布什尔" not in got   # the city in the site's name is not counted apart


def test_a_country_s_or_a_region_s_sites_are_no_named_place():
    assert names("伊朗核设施遭到袭击。", "place") == {"伊朗"}
    assert "西伯利亚气田" not in names("管道从俄罗斯西伯利亚气田出发。")


def test_bare_legislatures_belong_to_the_country_and_a_bracketed_generic_name_explains_a_body():
    assert "法国国民议会" in names("国民议会将于6月表决，法国总统马克龙表示。", "org")
    # the election of a body is an event: the body is not named by it (annotators of rounds bd and bf)
    assert "法国国民议会" not in names("国民议会选举将于6月举行，法国总统马克龙表示。", "org")
    got = by_name("印度人民党成为印度人民院(议会下院)最大的政党。")
    assert "议会下院" in got["印度人民院"].surfaces and "议会下院" not in got


@pytest.mark.parametrize("text, team, place", [
    ("中国跳水队在本届奥运会获得第6块金牌。", "中国跳水队", "中国"),
    ("中国女排战胜了对手，获得亚军。", "中国女排", "中国"),
    ("山东鲁能泰山队夺得当季联赛冠军。", "山东鲁能泰山队", "山东"),
])
def test_teams_named_after_a_place_and_a_sport(text, team, place):
    got = names(text)
    assert {team, place} <= got


def test_troops_are_no_team():
    assert names("美国特种部队抵达。") == {"美国"}


@pytest.mark.parametrize("text, ship", [
    ("胡塞武装的无人机并没有接近“哈里·杜鲁门”号航空母舰。", "哈里·杜鲁门"),
    ("美国海军发布的“林肯”号近照显示，航母正在西太平洋航行。", "亚伯拉罕·林肯"),
    ("证据表明伊朗参与了对“默瑟街”号油轮的袭击。", "默瑟街"),
])
def test_a_quoted_name_before_hao_or_jian_is_a_ship(text, ship):
    assert ship not in names(text)


def test_a_japanese_party_leader_is_named_by_dangshou():
    assert "石井启一" in names("执政联盟中的公明党党首石井启一已表达辞职意向。", "person")


@pytest.mark.parametrize("text, person", [
    ("正式开庭。法官李慧冰指，判词共有855页。", "李慧冰"),
    ("国防委员会决定断绝外交关系并撤回外交使团。(吴子钰)", "吴子钰"),
    ("新竹市长高虹安、立委郑正钤皆宣布罢免未通过。", "郑正钤"),
    ("新内阁中，法务大臣的铃木一成和农业大臣表示将推进改革。", "铃木一成"),
])
def test_hong_kong_and_taiwan_styles_and_closing_credits(text, person):
    assert person in names(text, "person")


def test_a_closing_bracket_that_holds_no_name():
    assert not names("这是一张资料图。(完)", "person")
    assert not names("总统的儿子表示将继续努力。", "person")


def test_a_group_s_listed_subsidiary_is_a_company_of_its_own():
    got = names("恒大物业的股价大跌。", "org")
    assert "恒大物业" in got and "中国恒大" not in got
    assert "阿里巴巴集团控股" not in names("阿里巴巴集团控股有限公司公布财报。")


@pytest.mark.parametrize("text, person", [
    ("双方就停火举行谈判。 Pool photo by Mohd Rasfan  两国宣布停火。", "Mohd Rasfan"),
    ("候选人在选举中领先。路透社/Pilar Olivares 另一位候选人落后。", "Pilar Olivares"),
    ("候选人与记者谈话。(DANIEL MIHAILESCU/AFP via Getty Images)", "DANIEL MIHAILESCU"),
])
def test_photographers_credited_in_latin(text, person):
    assert person in names(text, "person")


@pytest.mark.parametrize("text, place", [
    ("伊朗袭击了美军在卡塔尔的乌代德空军基地。", "乌代德空军基地"),
    ("长和出售了巴拿马的巴尔博亚港。", "巴尔博亚港"),
    ("天然气从德国马尔诺计量站流回波兰。", "马尔诺计量站"),
])
def test_facilities_whose_head_the_segmenter_takes_for_a_name_or_cuts_off(text, place):
    assert place in names(text, "place")


def test_a_navy_word_in_a_cut_name_makes_no_facility():
    assert "戈海军基地" not in names("弗拉明戈海军基地是苏丹最大海军基地。")


@pytest.mark.parametrize("text, people", [
    ("正式开通运营 新华社记者乔继红 汪奥娜 余谦梁 “高铁是合作的金字招牌”", {"乔继红", "汪奥娜", "余谦梁"}),
    ("(本报记者程雯编译/综合报导)感恩节后的周五", {"程雯"}),
    ("*本文为周刊原创内容 文|刘怡 4月14日，国防部发布消息", {"刘怡"}),
    ("新京报记者 栾若曦 编辑 张磊 校对 贾宁  据报道，当地时间", {"栾若曦", "张磊", "贾宁"}),
    ("反对派重返政坛中心。(图/林海峰)\n新首相今天宣誓。", {"林海峰"}),
    ("撰文: 李晓东 出版:更新:  总统周二表示", {"李晓东"}),
    ("光伏的全球地位 文 | 江涛 徐立宇 编辑 | 马克 7月7日，机构发布报告", {"江涛", "徐立宇"}),
    ("新华社 西安电 (记者 张远 阿依娜)满载货物的班列", {"张远", "阿依娜"}),
])
def test_more_credit_line_shapes(text, people):
    assert people <= names(text, "person")


def test_a_name_ends_before_yiji():
    got = names("军方扣押了国务资政昂山素季、总统温敏以及其他官员。", "person")
    assert "温敏" in got and "温敏以" not in got


@pytest.mark.parametrize("text, bad, good", [
    ("钢铁产量远远落后于其他美国同类公司。", "美国同类公司", "美国"),
    ("北约军事联盟的实力将显著增加。", "北约军事联盟", "北大西洋公约组织"),
    ("德国半导体技术公司艾尔默斯(Elmos)周一表示，政府可能禁止出售。", "德国半导体技术公司", "艾尔默斯"),
])
def test_descriptions_of_bodies_are_no_names(text, bad, good):
    got = names(text)
    assert bad not in got and good in got


def test_a_known_body_s_own_committee_is_still_a_body():
    assert "塔利班政治委员会" in names("塔利班政治委员会负责人表示，谈判仍在继续。", "org")


def test_a_question_about_a_place_names_the_place():
    # the segmenter may keep 中东问题 as one word
    assert _known_prefix_words("中东问题") == ["中东"]


def _known_prefix_words(word):
    from etl.entities import _Doc, _known_prefix
    d = _Doc(word, lexicon(), [(word, "n")])
    _known_prefix(d, word, 0)
    return [ent.name for ent, _ in d.found.values()]


@pytest.mark.parametrize("text,name", [
    ("某银行首席经济学家温彬表示，美元走弱。", "温彬"),      # 温彬/nz
    ("研究所副所长秦天指出，局势仍然紧张。", "秦天"),      # 秦天/t
])
def test_a_two_character_name_between_a_role_and_a_verb_of_saying(text, name):
    assert name in names(text, "person")


def test_a_two_character_word_after_a_role_is_no_name_without_a_verb_of_saying():
    assert "秦天" not in names("副所长秦天气预报说明会。", "person")


@pytest.mark.parametrize("text,body", [
    ("全国学校停课，国家教育部下令关闭寄宿学校。", "国家教育部"),
    ("包括更换国家司法委员会的所有成员。", "国家司法委员会"),
    ("军方与国家警察联合司令部发表联合声明。", "国家警察联合司令部"),
    ("根据联邦选举委员会公布的计票结果，反对党落败。", "联邦选举委员会"),
    ("代表团中还有国家情报局局长。", "国家情报局"),
])
def test_a_national_body_named_by_its_field(text, body):
    assert body in names(text, "org")


def test_a_country_before_a_national_body_counts_too():
    got = extract_entities("尼日利亚国家独立选举委员会3月1日宣布结果。")
    assert {(m.type, m.name) for m in got} == {("org", "尼日利亚国家独立选举委员会"), ("place", "尼日利亚")}


@pytest.mark.parametrize("text", ["国家有关部门正在调查。", "这是国家层面的决定。", "国家机关已经解散。"])
def test_national_words_without_a_body_name_nothing(text):
    assert not names(text, "org")


@pytest.mark.parametrize("text,places", [
    ("大批移民涌向美墨边境。", {"美国", "墨西哥"}),
    ("中加关系出现转机，墨方表示欢迎。", {"中国", "加拿大", "墨西哥"}),
])
def test_canada_and_mexico_in_compounds(text, places):
    assert places <= names(text, "place")


@pytest.mark.parametrize("text", ["对进口设备加以限制。", "印加人翻越高山。", "他用墨写字，再加上印章。"])
def test_add_and_ink_are_no_countries(text):
    assert not names(text, "place")


@pytest.mark.parametrize("text", ["(图/视觉中国)会谈现场", "(图/路透社)总统抵达"])
def test_an_agency_credited_for_a_photo_is_no_person(text):
    assert not names(text, "person")


def test_a_place_named_with_and_without_its_administrative_word_is_one_entity():
    got = by_name("叛军包围了卡尔米亚市。卡尔米亚位于首都以北。")
    places = [m for m in got.values() if m.type == "place"]
    assert len(places) == 1 and set(places[0].surfaces) == {"卡尔米亚市", "卡尔米亚"}


def test_a_capital_before_a_ministry_stands_for_the_government():
    got = extract_entities("北京外交部表示，欢迎各方通过对话解决分歧。")
    assert {(m.type, tuple(m.surfaces)) for m in got} == {("place", ("北京",)), ("org", ("外交部",))}


@pytest.mark.parametrize("text,bad", [
    ("双方在气价上谈不拢，俄罗斯报价高。", "俄罗斯报"),          # 俄罗斯 + 报价, not the newspaper
    ("中欧班列开行数量突破十万列。", "中欧"),                    # a train service
    ("31个省区市已经出台细则。", "省区市"),
    ("外国AI公司的推理需要大量芯片。", "AI公司"),
    ("据土耳其官方通讯社报道，警方拘留了49人。", "土耳其官方通讯社"),
])
def test_words_that_only_look_like_names(text, bad):
    assert bad not in names(text)


def test_a_list_conjunction_glued_to_a_name_is_cut_off():
    got = names("公司执行副总裁李柯及总经理李铁出席仪式。", "person")
    assert "李柯" in got and "李柯及" not in got


@pytest.mark.parametrize("text,place", [
    ("西安国际港站开出首趟班列。", "西安国际港站"),
    ("重庆铁路港是班列的起点。", "重庆铁路港"),
    ("义乌国际商贸城的商户忙着发货。", "义乌国际商贸城"),
    ("无锡经济技术开发区引进了新项目。", "无锡经济技术开发区"),
    ("印尼巴塔克工业园区有大量投资。", "巴塔克工业园区"),
])
def test_a_city_s_facilities_and_zones(text, place):
    got = names(text, "place")
    assert place in got and len(got) >= 2   # the city (or country) named in it counts too


@pytest.mark.parametrize("text,body", [
    ("义乌海关数据显示出口增长。", "义乌海关"),
    ("据韩国国际广播电台报道，会谈结束。", "韩国国际广播电台"),
    ("拉塔基亚省安全总局负责人表示。", "拉塔基亚省安全总局"),
])
def test_bodies_named_after_their_city_or_country(text, body):
    assert body in names(text, "org")


@pytest.mark.parametrize("text", ["该工业园区有企业一百家。", "这个产业园很大。", "海信南非工业园建成投产。"])
def test_a_park_without_a_proper_head_or_of_a_whole_country_is_no_place_name(text):
    assert not {n for n in names(text, "place") if n.endswith(("园", "园区"))}


@pytest.mark.parametrize("text,name,latin", [
    ("美国财政部长班森特（Scott Bessent）周四发文表示。", "班森特", "Scott Bessent"),   # 部/长班/森特
    ("印尼防长夏弗里（Sjafrie Sjamsoeddin）今天在记者会上说。", "夏弗里", "Sjafrie Sjamsoeddin"),
    ("印尼财长穆里亚尼（Sri Mulyani Indrawati）的住宅遭洗劫。", "穆里亚尼", "Sri Mulyani Indrawati"),
    ("缅甸军方发言人佐敏敦(Zaw Min Tun)周五表示。", "佐敏敦", "Zaw Min Tun"),          # 佐 is no transliteration character
    ("泰国外长蓬集格（Parnpree Bahiddha-Nukara）表示。", "蓬集格", "Parnpree Bahiddha-Nukara"),
    ("首席执行官卡阿比阁下(Saad Sherida al-Kaabi)出席。", "卡阿比", "Saad Sherida al-Kaabi"),
])
def test_a_transliterated_name_glued_to_its_role_with_its_latin_form(text, name, latin):
    got = by_name(text)
    assert name in got and got[name].type == "person" and latin in got[name].surfaces


def test_a_town_listed_with_a_found_town_is_a_place():
    got = names("导弹袭击了位于帕萨科特和乌德纳普尔市的空军基地。", "place")   # two towns no gazetteer knows
    assert {"帕萨科特", "乌德纳普尔市"} <= got


def test_a_town_after_its_kind_before_a_dash():
    assert "奈瓦沙" in names("他们只能前往肯尼亚城市奈瓦沙——距离首都120公里。", "place")


def test_a_surname_before_a_town_s_name_after_a_role_is_a_person():
    got = by_name("孔子学院中方院长黄桂平、公派教师丁沐舫出席。")
    assert got["黄桂平"].type == "person" and "桂平" not in got


@pytest.mark.parametrize("text,place", [
    ("初春的海门，项目密集开工。", "海门"),
    ("无锡梁溪区的项目签约。", "梁溪区"),
])
def test_county_level_cities_and_districts(text, place):
    assert place in names(text, "place")


def test_a_city_named_with_its_shi_does_not_cut_a_word_apart():
    assert not names("沿海城市的东方市场很热闹。", "place")


@pytest.mark.parametrize("text,makers", [
    ("通用、丰田、大众、现代等车企的行业协会发出联名信。", {"通用汽车", "丰田汽车", "大众汽车", "现代汽车"}),
    ("欧洲本土车企如大众倍感压力。", {"大众汽车"}),
])
def test_carmakers_whose_names_are_words_in_a_list_of_companies(text, makers):
    assert makers <= names(text, "org")


@pytest.mark.parametrize("text", ["人民大众和现代社会。", "广大群众、大众和通用标准。"])
def test_the_public_and_modern_times_are_no_carmakers(text):
    assert not names(text, "org")


@pytest.mark.parametrize("text,body,place", [
    ("河南省委对此高度重视。", "河南省委", "河南"),
    ("郑州市委书记表示。", "郑州市委", "郑州"),
    ("中共吉林省委决定。", "中共吉林省委", "吉林"),
    ("中共北京市顺义区委书记出席。", "中共北京市顺义区委", "顺义区"),
    ("辽宁省人大常委会副主任被查。", "辽宁省人大常委会", "辽宁"),
    ("广西壮族自治区政协原副主席被查。", "广西壮族自治区政协", "广西"),
    ("浙江省民政厅下拨救灾资金。", "浙江省民政厅", "浙江"),
    ("天津市第一中级人民法院公开宣判。", "天津市第一中级人民法院", "天津"),
    ("上海市卫生健康委员会通报病例。", "上海市卫生健康委员会", "上海"),
    ("江苏省政府办公厅发文。", "江苏省政府办公厅", "江苏"),
    ("四川省林草局表示。", "四川省林草局", "四川"),
    ("榕江县宣传部相关人士说。", "榕江县宣传部", "榕江县"),   # a county the gazetteer lacks
    ("郑州市防汛抗旱指挥部启动应急响应。", "郑州市防汛抗旱指挥部", "郑州"),
    ("西藏自治区党委书记表示。", "西藏自治区党委", "西藏"),
    ("敖汉旗委书记表示。", "敖汉旗委", "敖汉旗"),
])
def test_the_bodies_of_chinese_provinces_and_cities(text, body, place):
    got = extract_entities(text)
    assert body in {m.name for m in got if m.type == "org"}
    assert place in {m.name for m in got if m.type == "place"}


def test_national_bodies_stay_national_and_levels_together_are_no_name():
    assert "全国人民代表大会常务委员会" in names("全国人大常委会表决通过。", "org")
    assert not names("在江苏省市委书记会议上。", "org")


@pytest.mark.parametrize("text,name", [
    ("浙江省宁波市原市委副书记、市长卢子跃;", "卢子跃"),              # a name before an ASCII semicolon
    ("原副主席赖德荣;另一名官员", "赖德荣"),                           # not 赖德 (Pat Ryder's short name)
    ("石门县第二中学大门。(南方周末记者粟满莺/图)", "粟满莺"),
])
def test_three_character_names_the_segmenter_cuts_before_a_mark(text, name):
    assert name in names(text, "person")


def test_guanyu_after_a_reporter_is_no_name():
    assert not names("部长在回答记者关于提速降费的问题时表示。", "person")


def test_cities_known_with_their_shi_in_a_list_of_cities():
    got = extract_entities("据湖北省民政厅报告,黄石、黄冈2市1.4万人受灾。")
    city = next(m for m in got if "黄石" in m.surfaces)
    assert city.type == "place" and city.name == "黄石市"


def test_a_two_character_county_after_its_city():
    assert "歙县" in names("据报告，黄山市歙县5400余人受灾。", "place")


def test_a_rare_last_character_of_a_listed_name_stays_with_it():
    got = names("包括王鸿薇、傅昆萁、徐巧芯、赖士葆、叶元之等等，多名立委宣布。", "person")
    assert {"王鸿薇", "傅昆萁", "徐巧芯", "赖士葆", "叶元之"} <= got and "傅昆" not in got


def test_people_before_an_appointment_verb_and_after_an_acting_title():
    got = names("鹿心社担任江西省委书记、王儒林不再担任山西省委书记。代市长傅明先,市委副书记刘中会出席。", "person")
    assert {"鹿心社", "王儒林", "傅明先", "刘中会"} <= got
    assert not names("这位亿万富翁曾短暂担任总理。", "person")


def test_a_name_before_shexian():
    assert "黄兴国" in names("天津市原市长黄兴国涉嫌严重违纪被查。", "person")


@pytest.mark.parametrize("text,body", [
    ("国家自然灾害防治研究院院长表示。", "国家自然灾害防治研究院"),
    ("他由国家行政学院党委书记调任。", "国家行政学院"),
    ("中央选举委员会表示，开票已经完成。", "中央选举委员会"),
])
def test_more_national_and_central_bodies(text, body):
    assert body in names(text, "org")


def test_a_company_keeps_its_jituan_gongsi():
    got = by_name("中国中化集团公司原总经理被查。")
    assert "中国中化集团公司" in got["中国中化"].surfaces


def test_departments_end_where_their_name_ends():
    assert not names("台湾地区外事部门发表声明。", "org")


def test_pairs_of_athletes_joined_by_a_slash():
    assert {"陈芋汐", "掌敏洁"} <= names("上海组合陈芋汐/掌敏洁夺得冠军。", "person")


def test_northeast_china_but_not_a_direction():
    assert "东北地区" in names("中国游客纷纷结伴前往东北，东北冰雪旅游堪称火爆。", "place")
    assert not names("台风向东北方向移动，刮起东北风。", "place")
    assert names("叛军控制了该国东北的几个城镇。", "place") == set()   # no China in the text: a direction


@pytest.mark.parametrize("text,companies", [
    ("共有ST萃华(002731.SZ)亚辉龙(688575.SH)倍轻松(688793.SH)等18家公司被立案。", {"ST萃华", "亚辉龙", "倍轻松"}),
    ("违规公司如格力地产(600185.SH)、*ST日海(002313.SZ)、ST旭蓝5家被立案。", {"格力地产", "*ST日海", "ST旭蓝"}),
])
def test_listed_companies_by_their_stock_names(text, companies):
    assert companies <= names(text, "org")


@pytest.mark.parametrize("text", ["一批ST公司被处罚。", "走进EAST大厅，看到紧张的工作。"])
def test_st_is_no_company_by_itself(text):
    assert not {n for n in names(text, "org") if "ST" in n and n != "EAST"}


@pytest.mark.parametrize("text,people", [
    ("公司法定代表人刘某、负责人郭某等人在办理手续时行贿。", {"刘某", "郭某"}),
    ("被告人孙某某犯受贿罪。", {"孙某某"}),
])
def test_people_named_by_surname_and_mou(text, people):
    assert people <= names(text, "person")


def test_mou_before_a_noun_names_nobody():
    assert "王某" not in names("据报道，王某部门负责人表示。", "person")   # 王 + 某部门 (some department)


def test_an_address_before_a_registered_company_is_places():
    got = extract_entities("内蒙古自治区赤峰市敖汉旗四家子镇鑫鑫花炮有限责任公司发生爆炸。")
    assert ("org", "鑫鑫花炮有限责任公司") in {(m.type, m.name) for m in got}
    assert {"敖汉旗", "四家子镇"} <= {m.name for m in got if m.type == "place"}
    assert "北京万泰生物药业股份有限公司" in names("北京万泰生物药业股份有限公司发布公告。", "org")   # one place: the name


def test_vietnam_s_party_centre_is_not_china_s():
    got = names("越共中央政治局发布公报。", "org")
    assert "越南共产党中央政治局" in got and "中共中央政治局" not in got


def test_a_provincial_securities_regulator():
    assert "吉林证监局" in names("吉林证监局对公司立案调查。", "org")


def test_a_province_s_departments_named_without_it_in_a_list():
    got = names("事故调查组由省能源局、省公安厅、省总工会和省人大常委会派员组成。", "org")
    assert {"省能源局", "省公安厅", "省总工会", "省人大常委会"} <= got
    assert "全国人民代表大会常务委员会" not in got   # the province's congress, not the national one
    assert not names("全省公安厅系统开会，市委书记讲话。", "org")   # no list item: no name


def test_local_command_centres_fire_brigades_and_party_departments():
    got = names("云南省森林草原防灭火指挥部通报，昆明市消防救援支队和云南省委宣传部参与处置。", "org")
    assert {"云南省森林草原防灭火指挥部", "昆明市消防救援支队", "云南省委宣传部"} <= got


def test_counties_and_townships_after_their_prefecture():
    assert "木里县" in names("四川省凉山州木里县通报称，火情已得到控制。", "place")   # 木里/n + 县
    assert {"纳雍县", "张家湾镇"} <= names("贵州毕节市纳雍县张家湾镇发生山体滑坡。", "place")
    assert "柳沟乡" in names("地震发生在积石山县柳沟乡，当地房屋受损。", "place")   # 县柳沟/n + 乡
    assert not names("甘孜州贫困县和甘孜州下辖县都在努力。", "place") - {"甘孜州", "甘孜藏族自治州", "甘孜"}


def test_places_listed_before_their_kind_of_unit():
    assert {"宁南", "德昌"} <= names("当地政府调集宁南、德昌等县专业队伍支援。", "place")
    assert not names("粮食、蔬菜等市场供应充足。", "place")


def test_a_number_s_unit_is_no_surname():
    assert not names("总统下令5万菲军进入戒备。", "person")


def test_a_direction_of_a_country_is_no_department():
    assert not {n for n in names("铁路连接中国西北部和中亚。", "org") if n.endswith("部")}


def test_a_treaty_named_after_a_city_is_not_the_city():
    assert "罗马" not in names("该国退出了《罗马规约》。", "place")


def test_names_before_adverbs_and_honorifics_after_a_role():
    assert "杜明远" in names("副局长杜明远多次赶赴现场。", "person")
    assert "川口顺子" in names("前外务大臣川口顺子女士出席。", "person")
    assert "周立" in names("发布人:周立 发布时间:2023-05-01", "person")


def test_weak_aliases_need_their_country_in_the_text():
    assert "中西部" not in names("苏丹中西部通信中断。", "place")
    assert "中西部" in names("美国中西部遭遇暴风雪。", "place")
    assert not names("全台大罢免活动即将登场。", "org")   # 台大 is no university here


def test_registered_companies_with_brands_the_segmenter_misreads():
    assert "宁夏顺亿资产管理有限公司" in names("监管局认定宁夏顺亿资产管理有限公司配合造假。", "org")   # 顺亿/m
    assert "深圳市全聚能实业有限公司" in names("深圳市全聚能实业有限公司被罚款。", "org")   # 全聚能/v
    assert "力达物流有限公司" not in names("与飞力达物流有限公司签约。", "org")   # not cut inside its brand


def test_an_outlet_opening_its_report_with_a_dateline():
    assert "华夏经纬网" in names("华夏经纬网讯 记者从省交通厅获悉。", "org")
    assert not names("本报讯 记者获悉。", "org")


def test_foreign_names_after_a_role_read_with_common_transliteration_characters():
    assert "杰福瑞斯" in names("发言人杰福瑞斯表示反对。", "person")   # not 杰福
    assert "瑞德福" in names("外长瑞德福说，谈判继续。", "person")   # 福说/v glued
    assert "齐普曼" in names("主持人齐普曼立马就注意到了他。", "person")
    assert not names("总统府发言人坦言，总统上任以来局势好转。", "person")


def test_a_list_of_unknown_towns_before_their_kind_of_unit():
    got = names("地震使巴德吉斯省的卡拉瓦、索尔基、拉巴特普尔和米尔达拉等地区受灾。", "place")
    assert {"卡拉瓦", "索尔基", "拉巴特普尔", "米尔达拉"} <= got
    assert not names("小麦、玉米和大豆等地区都有种植。", "place")


def test_a_presidential_palace_as_a_building_is_no_body():
    assert not names("就职典礼在总统府举行，示威者随后闯入总统府。", "org")
    assert "埃及总统府" in names("埃及总统府发言人说，总统府支持停火。", "org")
    assert not names("阿根廷总统府周一发表声明。总统府称局势可控。", "org") - {"阿根廷总统府"}


def test_a_body_named_in_quotes():
    got = names("军方宣布由“国家团结与重建委员会”接管政权，反对派组建了“共同未来联盟”。", "org")
    assert {"国家团结与重建委员会", "共同未来联盟"} <= got
    assert "智利" in names("左翼竞选联盟“智利民主变革联盟”获胜。", "place")   # a country at its head counts
    assert not names("他被指控“协助恐怖组织”，并表示“我们已经退出该组织”。", "org")


def test_credits_with_names_before_their_role_or_before_the_next_credit():
    got = names("程丽华 邹明远/文 晏子川/图 2021年8月", "person")
    assert {"程丽华", "邹明远", "晏子川"} <= got
    assert {"孟凡", "宋雨桐"} <= names("【本报驻越南特派记者 孟凡 本报驻老挝特派记者 宋雨桐】", "person")
    assert "漆菲" in names("文/齐然 编辑/漆菲 9月3日凌晨，总统抵达。", "person")   # no surname the list knows
    assert not names("价格上涨/图表显示，编辑:本报 记者", "person")


def test_a_country_s_force_named_by_what_it_guards():
    assert "印度中央工业安全部队" in names("印度中央工业安全部队接管了机场安检。", "org")
    assert "黎巴嫩国内安全部队" in names("据黎巴嫩国内安全部队称，多地发生爆炸。", "org")
    assert not names("以色列安全部队在西岸开火，俄罗斯军队特种部队撤离。", "org")   # kinds of force


def test_japanese_names_around_an_appointment():
    got = names("内阁改组中，江藤拓接替平井伸治出任农林水产大臣。", "person")
    assert {"江藤拓", "平井伸治"} <= got


def test_a_site_named_after_someone_is_not_that_person():
    assert "马克兹·泰耶巴" not in names("位于旁遮普省的马克兹·泰耶巴宗教学校遭到袭击。", "person")


def test_a_delegation_sent_to_talks_is_no_body():
    assert not {n for n in names("哈马斯代表团抵达开罗，与埃及代表团会谈。", "org") if n.endswith("代表团")}
    assert "中国体育代表团" in names("中国体育代表团在杭州亚运会上夺得201金。", "org")


def test_a_bare_parliament_is_the_one_chamber_the_text_names():
    got = [m for m in extract_entities("法国国民议会周四表决，总理在议会中勉强过关。") if m.type == "org"]
    assert [m.name for m in got] == ["法国国民议会"] and "议会" in got[0].surfaces


def test_names_after_a_role_before_an_action_or_a_glued_function_word():
    assert "钱群山" in names("对时任董事长钱群山给予警告。", "person")   # 钱/n 群山/n + 给予/v
    assert "迪西哈" in names("柬埔寨国防大臣迪西哈在协议上签字。", "person")   # 迪西 + 哈在/p
    assert "洪慧" in names("镇党委副书记洪慧介绍说，转移工作已完成。", "person")   # 洪, a surname
    assert not names("董事长任期结束后，董事长是否连任仍未确定。", "person")


def test_words_glued_to_names_and_words_that_look_like_names():
    got = names("方向党主席罗贝尔特·菲佐任总理，此前特朗普-博索纳罗联盟已发动关税战。", "person")
    assert not {n for n in got if n.endswith("任") or "-" in n}
    assert "李言" in names("(大纪元记者李言综合报导)警方称", "person")
    assert not names("袭击造成7名总统安保人员死亡，殷殷嘱托记心间。", "person")
    assert not names("各县区设分会场。港口费措施引发争议。", "place")
    assert not names("执政联盟在460个席位的立法会中赢得多数。", "org")   # 立法会 is Hong Kong's only with 香港


def test_departments_listed_after_a_local_body_are_the_same_place_s():
    got = {m.name: m.surfaces for m in extract_entities("准格尔旗能源局、公安局、应急管理局和总工会派员参加。") if m.type == "org"}
    assert {"准格尔旗公安局", "准格尔旗应急管理局", "准格尔旗总工会"} <= set(got)
    assert got["准格尔旗公安局"] == ["公安局"]


def test_coast_guards_are_not_seas_and_establishing_relations_is_no_company():
    assert "菲律宾海岸警卫队" in names("菲律宾海警两艘巡逻艇靠近礁盘。", "org")
    assert "菲律宾海" not in names("菲律宾海警两艘巡逻艇靠近礁盘。", "place")
    assert not names("今年是俄中建交75周年。", "org")


def test_a_body_named_after_someone_with_a_surname_ending():
    assert "考门斯基大学" in names("他毕业于斯洛伐克考门斯基大学法学院。", "org")
    assert "考门斯基" not in names("他毕业于斯洛伐克考门斯基大学法学院。", "person")


def test_europe_in_compounds_but_not_in_routes_or_time_zones():
    assert {"中国", "欧洲"} <= names("双方同意推动中欧关系稳定发展。", "place")
    assert not names("中欧班列开行一万列，预计中欧时间周二公布。", "place")


def test_a_bare_state_council_is_china_s_unless_the_text_is_about_the_us_one():
    got = names("欧美市场需求回落，美国加征关税，国务院常务会议确定支持外贸企业。", "org")
    assert "中华人民共和国国务院" in got and "美国国务院" not in got
    assert "美国国务院" in names("美国国务院发言人说，国务卿将出访，国务院已通知国会。", "org")


def test_the_un_headquarters_is_a_place_in_its_city():
    got = extract_entities("在美国纽约联合国总部举行的一般性辩论上")
    assert {("place", "联合国总部"), ("place", "纽约市")} <= {(m.type, m.name) for m in got}


def test_chinese_names_before_lists_of_officials_and_people():
    assert {"周立新", "韩晓东", "邓若岚"} <= names("宋海波被判刑。周立新、韩晓东和邓若岚等几名社运人士也被起诉。", "person")
    assert "梁建华" in names("梁建华等市领导出席了开工仪式。", "person")
    assert "林加培" in names("林加培等市四套班子领导在主会场参加活动。", "person")


def test_credits_by_date_line_caption_photographer_and_vertical_bar():
    got = names("南亚局势观察\n2024-03-11孔维安\n【关键词】选举", "person")
    assert got == {"孔维安"}
    assert {"汪秀芝", "韩立平"} <= names("东盟局势\n2023-06-02 09:15汪秀芝韩立平\n世界知识", "person")
    assert "庞德阳" in names("总统视察港口。庞德阳 摄\n港口扩建工程启动。", "person")
    assert {"邵明辉", "谭雪"} <= names("中东变局\n文丨邵明辉\n编辑丨谭雪\n大马士革街头", "person")
    assert not names("2023-03-20 16:29:43新华网\n消息", "person")


def test_a_latin_personal_name_after_a_role_makes_a_person_of_a_place_name():
    got = extract_entities("澳大利亚贸易部长伯明翰(Simon Birmingham)周二回应说，伯明翰市不受影响。")
    assert ("person", "伯明翰") in {(m.type, m.name) for m in got}
    assert "麦肯锡" in names("牙买加地方政府部长麦肯锡（Desmond McKenzie）表示。", "person")
    # a word for a person before a transliteration confirmed by its Latin form
    assert "威莫特" in names("受灾民众威莫特（Ishack Wilmot）告诉记者。", "person")
    assert "博励治" in names("反对党党魁博励治(Pierre Poilievre)趁机强调。", "person")
    assert not names("火箭和载人龙飞船（Crew Dragon）升空。", "person")
    assert "纽约市" in names("他前往纽约(New York)。", "place")


def test_foreign_names_glued_to_the_adverb_after_them():
    assert "格拉西莫" in names("总参谋长格拉西莫此前一天称，进攻受阻。", "person")
    assert "托马斯·谢弗" in names("品牌负责人托马斯·谢弗在解释关闭工厂时说。", "person")
    assert names("托马斯·谢弗在柏林。", "person") == {"托马斯·谢弗"}
    assert "亚历山大·德罗兹坚科" in names("州长亚历山大·德罗兹坚科声称。", "person")
    assert "博索纳罗" in {n[-4:] for n in names("现年70岁的博索纳罗坚称自己无辜。", "person")}


def test_places_after_a_word_for_their_kind_and_before_a_latin_form_and_a_kind():
    assert "德拉" in names("南部边境城市德拉也被反对派占领。", "place")
    assert "穆沙" in names("货轮在也门港口城市穆沙附近遇袭。", "place")
    assert "苏萨" in names("沿海城市苏萨7人死亡。", "place")
    assert not names("导弹落在首都以南约100公里处。", "place") - {"首都"}
    got = names("武装控制了北基伍省的鲁丘鲁(Rutshuru)和马西西(Masisi)地区。", "place")
    assert {"鲁丘鲁", "马西西"} <= got
    assert "莫克维齐·马西西" in names("博茨瓦纳总统马西西(Mokgweetsi Masisi)访问中国。", "person")
    assert "乔法" in names("直升机坠落在东阿塞拜疆省的乔法(Jofa)地区。", "place")


def test_a_town_and_its_village_and_venues_named_after_their_city():
    assert {"大河家镇", "陈家村"} <= names("记者在大河家镇陈家村看到房屋倒塌。", "place")
    assert not names("特色小镇新村建设提速。", "place")
    assert "哈尔滨大剧院" in names("音乐剧在哈尔滨大剧院落幕。", "place")
    assert "伊斯坦布尔市政厅" in names("人群聚集在伊斯坦布尔市政厅外。", "place")
    assert "郑州站" not in names("她在巴勒莫和郑州站夺得冠军。", "place")


def test_outlets_named_by_the_page_around_a_report():
    assert "长江有色金属网" in names("发布时间:2022年2月16日 | 文章来源:长江有色金属网 | 浏览次数:347", "org")
    assert "长江" not in names("发布时间:2022年2月16日 | 文章来源:长江有色金属网 | 浏览次数:347", "place")
    assert "进口食品商务网" in names("欢迎来到进口食品商务网!", "org")
    assert "境合号" in names("本文来自作者投稿,不代表境合号立场。", "org")
    assert "欢庆网" in names("欢庆网消息:国家主席结束访问后抵达。", "org")
    assert "欧联社" in names("据欧联社报道,西班牙举行大选。", "org")
    assert not names("来源:互联网", "org")
    assert names("来源: 新华社客户端 字体:", "org") == {"新华通讯社"}


def test_named_railways_crossings_and_constituencies_are_places():
    assert "雅万高铁" in names("雅万高铁正式开通运营。", "place")
    assert {"京沪高铁", "北京", "上海"} <= names("京沪高铁实现最短4分钟追踪间隔。", "place")
    assert {"阿裕尼集选区", "盛港集选区"} <= names("工人党保住了阿裕尼集选区和盛港集选区。", "place")
    assert "托尔贡迪口岸" in names("货车经托尔贡迪口岸进入。", "place")
    assert "中国铁路" not in names("记者从中国铁路上海局集团有限公司获悉。", "place")
    assert "重庆" in names("从重庆铁路发货。", "place") and "重庆铁路" not in names("从重庆铁路发货。", "place")
    assert "英国码头" not in names("近三分之一的英国码头。", "place")
    assert "阿努丁" in names("阵营正努力与前政府盟友阿努丁达成协议。", "person")


def test_quoted_armed_groups_and_people_named_by_who_they_are():
    assert "詹贾维德" in names("这支部队源于当年的“詹贾维德”民兵。", "org")
    assert not names("涉嫌与“恐怖”团体有联系的人。", "org")
    assert "哥伦比亚联合自卫军" not in names("联合自卫军解散。", "org")
    assert "诸启邦" in names("27岁男子诸启邦因身着标语T恤被判刑。", "person")
    assert not names("田径男子马拉松等项目。", "person")
    assert "黎子健" in names("来自澳门的创业青年黎子健过上了一日多地的生活。", "person")
    assert "黎崇恩" in names("他会见了黎智英之子黎崇恩。", "person")
    assert "容春" in names("活动人士容春表示，他将参选。", "person")
    # a note that the name is a transliteration or made up cues it as a speech verb would
    assert {"赵芬", "王林"} <= names("工厂老板的赵芬(音)说生意难做，当地人王林（化名）也有同感。", "person")
    assert not names("这个问题很容易解决，内容丰富。", "person")
    assert "巴特策策格" in names("外长巴特策策格举行会谈。", "person")


def test_outlets_in_source_lines_breadcrumbs_datelines_and_picture_credits():
    assert "哇哈体育" in names("决赛落幕\n\n来源:哇哈体育 2024-09-10 13:15", "org")
    assert "伯乐头条" in names("伯乐头条专讯:强震已造成上千人遇难。", "org")
    assert "纬度新闻网" in names("【纬度新闻网】新一届正副总统就职典礼于周一举行。", "org")
    assert "万维读者网" in names("万维读者网 > 中国瞭望 > 正文", "org")
    assert "贵州图片库" in names("数据中心外景(贵州图片库供图)", "org")
    # a photo's source is often its photographer; a body in a source line is the other passes' to read
    assert not names("(图片来源:Andrew Harnik/Getty Images)", "org") - {"盖帝图像", "Getty Images"}
    assert not names("【中图分类号】D831.3", "org")
    assert not names("来源: sp20241127 中新社", "org") - {"中国新闻社"}
    assert "外交部官网" not in names("文章来源:外交部官网 字体:", "org")


def test_latin_people_in_bylines_photo_credits_and_after_english_titles():
    got = names("选举结果出炉 | 路透社\nLucinda Elliott,Monica Machicao\n图集1/5", "person")
    assert {"Lucinda Elliott", "Monica Machicao"} <= got
    assert "Roman Baluk" in names("无人机来袭。 © Roman Baluk / Reuters", "person")
    assert "Pedro Pardo" in names("街道被淹。(Pedro Pardo/AFP)", "person")
    assert "Ben Zhou" in names("交易所联合创始人兼 CEO Ben Zhou 发文确认。", "person")
    assert "Jennifer K. Elsea" in names("制裁法专家Jennifer K. Elsea撰写。", "person")
    assert not names("标题\nHong Kong\n正文", "person")
    assert not names("评论\nChina Australia\nIn this", "person")


def test_transliterated_rivers_and_regions_named_by_a_province_and_a_direction():
    assert "萨巴尔马提河" in names("两国领导人在萨巴尔马提河沿岸散步。", "place")
    assert not names("他去了山里。", "place")
    assert {"豫北", "缅北"} <= names("暴雨集中在豫北，警方打击缅北电诈。", "place")
    assert "东马" in names("东马沙巴州的选民投票。", "place")


def test_a_party_name_many_countries_use_is_the_party_of_the_text_s_country():
    def orgs(text):
        return {m.name for m in extract_entities(text) if m.type == "org"}
    assert "泰国前进党" in orgs("泰国大选中，前进党赢得最多席位，泰国总理表示祝贺。")
    assert "澳大利亚工党" in orgs("澳大利亚大选，工党领袖获胜，澳大利亚将组阁。")
    assert "工党" in orgs("英国工党赢得大选，工党将组阁。")   # the British one is 工党 by name
    assert "法国复兴党" in orgs("法国总统的前进党在法国议会选举中失利。")
    assert "自由民主党" in orgs("自民党总裁选举下周举行。")   # no country named: the first entry (Japan's)


def test_outlets_in_book_marks_by_their_kind_or_their_latin_name():
    assert "快报" in names("瑞典《快报》(Expressen)首次披露调查结果。", "org")
    assert "远景" in names("美国权威杂志《远景》将其列入书单。", "org")
    assert "《连线》杂志" in names("美国权威杂志《连线》将其列入书单。", "org")   # a known one by its title
    assert "伊洛瓦底新闻" in names("缅甸《伊洛瓦底新闻》报道了此事。", "org")
    assert not names("他的小说《三体》(The Three-Body Problem)获奖。", "org")


def test_a_country_s_ministry_named_by_two_fields_or_an_adjective():
    assert "苏丹文化和新闻部" in names("苏丹文化和新闻部发表声明。", "org")
    assert "阿塞拜疆生态与自然资源部" in names("阿塞拜疆生态与自然资源部部长出席。", "org")
    assert "自然资源部" not in names("阿塞拜疆生态与自然资源部部长出席。", "org")
    assert "埃及社会团结部" in names("埃及社会团结部表示将提供援助。", "org")
    assert not names("为了帮助乌克兰扭转战局，公司在荷兰奈梅亨有总部。", "org")


def test_bare_bodies_the_segmenter_cuts_and_unknown_address_chains_and_listed_districts():
    got = {m.name: m.surfaces for m in extract_entities("孟加拉国临时政府致函,以便选举委员会在明年组织大选。孟加拉国") if m.type == "org"}
    assert got.get("孟加拉国选举委员会") == ["选举委员会"]
    assert {"宜安省", "南坛县", "金莲乡"} <= names("阮某,男,1946年生,宜安省南坛县金莲乡人。", "place")
    assert not names("我省某县发生洪灾，全省各县市支援。", "place")
    got = names("政府宣布巴焦尔、斯瓦特、尚格拉和曼塞赫拉为受灾地区。", "place")
    assert {"尚格拉", "曼塞赫拉"} <= got


def test_a_latin_personal_name_after_a_role_makes_no_mountain_and_camps_are_no_people():
    got = extract_entities("执政党候选人哈山（Samia Suluhu Hassan）以压倒性优势胜选。")
    assert ("person", "哈山") in {(m.type, m.name) for m in got}
    assert not names("河畔的基督教女子夏令营遭洪水冲毁。", "person")


def test_three_part_names_jean_scholars_gang_heads_and_outlets_opening_with_a_latin_name():
    assert "科贝南·库阿西·阿朱马尼" in names("该国农业部长科贝南・库阿西・阿朱马尼表示。", "person")
    assert "贝宁" not in names("该国农业部长科贝南・库阿西・阿朱马尼表示。", "place")
    assert "让·卡塞亚" in names("中心主任让·卡塞亚说，疫苗已运抵。", "person")
    assert "范德科尔克" in names("大学政治学家范德科尔克说。", "person")
    assert "贾瓦利亚" in names("贩毒集团首脑贾瓦利亚（Wilmer Chavarria）被捕。", "person")
    assert "万维读者网" in names("万维读者网(Creaders.NET)江夏编译报道:总统表示。", "org")
    assert not names("在接受美国有线电视新闻网（CNN）采访时，他说。", "org") - {"美国有线电视新闻网"}
    assert "澳纽网" in names("【澳纽网综合编译报道】候任总理表示。", "org")


def test_court_parties_dateline_reporters_listed_parties_and_discipline_bodies():
    assert {"陈茂勇", "刘东升", "王丽琼"} <= names("判决被告人陈茂勇犯诈骗罪。判决被告人刘东升、王丽琼、马刚犯玩忽职守罪。", "person")
    assert "李帆" in names("人民网首尔4月11日电 (李帆)当地时间11日上午，选举结束。", "person")
    got = names("执政党国民力量党获胜;新未来党、改革革新党、进步党各获1席。", "org")
    assert {"改革革新党", "进步党"} <= got
    assert not names("执政党保守党、最大反对党工党等多个党派参选。", "org") & {"最大反对党"}
    assert "黑龙江省纪委监委" in names("当天中午,黑龙江省纪委监委发布消息。", "org")
    assert "东南网" in names("您所在的位置: 东南网 > 福建频道 > 时评", "org")


def test_districts_counties_of_a_city_s_name_birthplaces_and_counted_lists():
    assert "阳明区" in names("他任牡丹江市阳明区委副书记、区长。", "place")
    assert not names("广州市城区和郊区", "place") - {"广州"}
    assert {"衡阳", "衡阳县"} <= names("衡阳市衡阳县2.1万人受灾。", "place")
    assert "桦川" in names("姜某,男,汉族,1962年2月生,黑龙江桦川人。", "place")
    assert {"甘孜", "凉山"} <= names("攀枝花、甘孜、凉山3市(自治州)5个县受灾。", "place")


def test_a_surname_before_a_place_word_is_a_person_and_a_bare_lower_house_is_no_british_one():
    assert "范青山" not in names("陈德政、张文线和范青山等被告人提出上诉。", "place")
    assert "英国下议院" not in names("西班牙议会下院最终批准了大赦法。西班牙政府表示欢迎。", "org")


def test_cabinet_lists_spaced_names_leaders_who_lead_and_lists_of_rivers():
    got = names("新内阁名单:\n– 普坦:副总理\n– 皮差:副总理兼财政部部长\n– 注意:有关部门负责人", "person")
    assert {"普坦", "皮差"} <= got and "注意" not in got
    assert "李波" in names("市领导杨燕伟、李 波、张海川出席。", "person")
    assert "吴锦" in names("市委书记董卫民、市长吴锦率市直部门负责人调研。", "person")
    got = names("受降雨影响,江津区綦江、驴子溪、笋溪河、塘河超保。四川境内嘉陵江、渠江流域无雨。", "place")
    assert {"驴子溪", "笋溪河", "塘河", "嘉陵江", "渠江"} <= got and "境内嘉陵江" not in got
    assert not names("他喜欢江、河、湖、海。", "place")


def test_parties_before_their_leader_and_names_before_ranks_or_an_acting_post():
    assert "联合资源党" in names("在他们不在的情况下,联合资源党领导人兼国企部部长将代理总理。", "org")
    assert not names("选举结束,在新任党主席领导下团结。身旁站着各党领袖。", "org")
    assert "哈山" in names("选举委员会宣布，现任总统哈山以97.66%的得票率当选。", "person")
    assert "美国众议院特别委员会" in names("调查1月6日事件的美国众议院特别委员会，上周听取证词。", "org")


def test_small_towns_of_the_generated_gazetteer_and_where_they_are_pieces_of_other_names():
    found = {m.name: m for m in extract_entities("土耳其东部城市埃尔津詹周日凌晨发生强烈地震，荷兰奈梅亨的芯片厂停工。")}
    assert found["埃尔津詹"].type == "place" and found["埃尔津詹"].country == "TR"
    assert found["奈梅亨"].country == "NL"
    # a town's name inside a longer foreign name is that name's piece (卡梅洛 is also a town in Uruguay)
    assert names("外交官卡梅洛·格雷罗出席了会议。") == {"卡梅洛·格雷罗"}
    assert by_name("外交官卡梅洛·格雷罗出席了会议。")["卡梅洛·格雷罗"].type == "person"
    # a person's Latin name after it makes it a person (耶胡德 is also a town in Israel)
    assert by_name("获释者中有耶胡德（Arbel Yehoud）。")["耶胡德"].type == "person"
    # a first-level division of the same name is the division (马坦萨斯 is a town and a province of Cuba)
    assert "马坦萨斯省" in names("马坦萨斯省的电厂再次停运。", "place")
    # the towns' low dictionary frequency: no cut shifts (遍布 + 西亚, not 遍 + 布西亚; 中亚 + 国家)
    assert names("他的足迹遍布西亚各国。") == {"西亚"}
    assert names("这些中亚国家希望扩大贸易。") == {"中亚"}


def test_names_joined_by_a_conjunction_long_dotted_names_initials_and_japanese_officials():
    assert names("会谈由川普和阿利耶夫共同主持。", "person") == {"唐纳德·特朗普", "伊利哈姆·阿利耶夫"}
    assert names("总理阿里·马哈曼·拉明·泽内宣布了新的过渡期。", "person") == {"阿里·马哈曼·拉明·泽内"}
    assert names("法官亚历山大·德莫赖斯当地时间周五作出裁定。", "person") == {"亚历山大·德莫赖斯"}
    found = by_name("空军中将A.K.巴尔蒂(Air Marshal AK Bharti)对此作了说明。")
    assert found["A.K.巴尔蒂"].type == "person" and "巴尔蒂" not in found
    assert names("据悉，外务省亚洲大洋洲局局长金井正彰于周一访华。", "person") == {"金井正彰"}
    assert names("中方约见日本外务事务次官船越健裕。", "person") == {"船越健裕"}
    assert "严正" not in names("中方提出严正交涉。")


def test_places_near_a_latin_form_mountain_passes_airports_in_islands_and_the_platform_x():
    assert by_name("无人机出现在卡法尔基拉(Kfar Kila)附近。")["卡法尔基拉"].type == "place"
    assert names("游客可经乃堆拉山口入境。", "place") == {"乃堆拉山口"}
    assert names("火山口附近冒出浓烟。") == set()
    assert names("导弹系统部署在吕宋岛拉瓦格机场。", "place") == {"吕宋岛", "拉瓦格机场"}
    assert names("南京禄口机场恢复运营。", "place") == {"南京", "禄口机场"}
    found = by_name("欧盟外交官在社交平台X上发文，参考消息网随后转载。")
    assert found["推特"].surfaces == ["X"] and found["参考消息"].surfaces == ["参考消息网"]
    assert names("型号为X的导弹首次亮相。") == set()


def test_latin_picture_credits_war_report_villages_dated_wires_and_listed_ministries():
    found = by_name("竞选集会现场。\n图片来源:Andrew Milligan/Zuma Press\n工党领先。")
    assert found["Andrew Milligan"].type == "person" and found["Zuma Press"].type == "org"
    assert by_name("议员出席记者会。(Madalina Kilroy/The Epoch Times)")["Madalina Kilroy"].type == "person"
    assert names("俄军控制了哈尔科夫州的两座村镇,分别是别列佐夫卡和西多罗夫卡。", "place") \
        >= {"别列佐夫卡", "西多罗夫卡"}
    assert "扎利兹尼奇诺耶" in names("俄军占领了扎波罗热州的扎利兹尼奇诺耶。", "place")
    assert names("作家卡夫卡的小说。", "place") == set()
    assert "唐人日报" in names("标题\n唐人日报8月29日讯:谈判持续数月。", "org")
    assert names("新政府新增了妇女部、种族平等部、原住民部。", "org") == {"妇女部", "种族平等部", "原住民部"}
    assert names("北部、南部和东部遭遇洪灾。") == set()
    assert names("对阿拉伯及伊斯兰国家予以支持。") == set()
    assert names("外交大臣在多哈论坛上发言。") == set()


def test_shared_bare_bodies_more_cued_names_and_latin_aliases_in_parentheses():
    assert "泰国总理府" in names("泰国总理佩通坦被停职，总理府发表声明。", "org")
    assert "德国总理府" in names("德国总理默茨在总理府会见来宾。", "org")
    assert names("旅游经营者本杰明·佐多(Benjamin Zondo)说。", "person") == {"本杰明·佐多"}
    assert names("半岛电视台的泽因·巴斯拉维在首都报道。", "person") == {"泽因·巴斯拉维"}
    assert names("选举律师马卡林塔尔指出,参议院无权审理。", "person") == {"马卡林塔尔"}
    assert names("负责谈判的内阁成员Marc Dubois周二抵达。", "person") == {"Marc Dubois"}
    assert names("会见了军方政变领袖奇亚尼。", "person") == {"奇亚尼"}
    assert names("要把反对派领袖关起来。") == set()
    assert names("七国集团领袖高峰会今天登场。", "person") == set()
    assert "North Oil Co" not in names("伊拉克北部石油公司(North Oil Co.)恢复输油。")
    assert names("美军在加勒比海和东太平洋袭击船只。", "place") >= {"加勒比海", "东太平洋"}
    assert "美洲" in names("他呼吁思考伟大的美洲大陆。", "place")


def test_one_character_countries_that_are_words_names_or_pieces_of_names():
    assert names("洪森以首相身份出席了会议。") == {"洪森"}
    assert names("相关安排将以官方发布为准。") == set()
    assert "以色列" in names("以色列官员说，以总理内塔尼亚胡将出席。", "place")
    assert names("海警局发言人刘德军说。", "person") == {"刘德军"} and "德国" not in names("海警局发言人刘德军说。")
    assert "巴基斯坦" not in names("袭击地点包括马里万和图尔古扎巴德。") and "德国" not in names("袭击地点包括马里万和图尔古扎巴德。")
    assert "法国" not in names("他签署的《征用法》遭到反对。") and "法国" not in names("议会通过了大赦法，赦免数百人。")
    assert "法国" in names("除了美、法之外，各国都表示反对。")
    assert "中国" not in names("法院对第十八届中央政治局原委员作出判决。")
    assert "日本" not in names("2023年10月7日共有1200人遇难。")
    assert names("印巴冲突再度升级。", "place") == {"印度", "巴基斯坦"}
    assert names("巴以冲突再度升级。", "place") == {"巴勒斯坦", "以色列"}


def test_names_that_start_like_countries_places_inside_longer_names_and_more_page_openings():
    assert names("伊朗代表苏丹尼耶(右)迎接来宾。", "person") == {"苏丹尼耶"}
    assert "苏丹" not in names("伊朗代表苏丹尼耶(右)迎接来宾。")
    assert "苏丹" in names("中国和苏丹签署了协议。", "place")
    assert names("已经取代了果敢的彭德仁。", "person") == {"彭德仁"}
    assert "图瓦" not in names("法国的蒙图瓦-德布列塔尼港。")
    assert names("莫辛博阿达普拉亚附近海域。", "place") != {"普拉亚"}
    assert "卡尔达哈" in names("武装人员控制了阿萨德的家乡卡尔达哈。", "place")
    assert "代希耶" in names("总部位于贝鲁特南郊代希耶的一栋住宅楼。", "place")
    assert "政事儿" in names("标题\n转自:政事儿\n正文。", "org")
    assert "人民报" in names("【人民报消息】芬兰警方宣布。", "org")
    assert "石油壹号网" in names("石油壹号网消息 土库曼斯坦是一个国度。", "org")
    assert "Konrad Adenauer基金会" in names("“冲突正在升级,” Konrad Adenauer基金会的分析师说。", "org")
    assert names("东盟峰会全家福新增一人。", "person") == set()
    assert names("近的有贵州省内城市遵义。", "place") >= {"贵州", "遵义"}


def test_a_company_s_branch_named_by_its_place():
    assert names("新成立的西门子能源(海南)有限公司开工。", "org") == {"西门子能源(海南)有限公司"}
    assert "华为云(北京)" in names("被列入清单的有华为云(北京)、华为云(大连)。", "org")
    assert names("华为(Huawei)宣布新品。", "org") == {"华为"}


def test_a_date_right_after_a_name_a_bare_presidential_guard_and_north_korea_by_its_other_name():
    assert "郭家坤" in names("外交部发言人郭家坤3月27日表示。", "person")
    assert "总统卫队" in names("尼日尔总统卫队扣押了总统。", "org") or "尼日尔总统卫队" in names("尼日尔总统卫队扣押了总统。", "org")
    assert names("首都的尼日尔总统卫队突然行动。", "place") == {"尼日尔"}
    assert names("他对北朝鲜核武器表示担忧。", "place") == {"朝鲜"}


def test_known_names_with_a_bracketed_part_in_either_kind_of_bracket():
    assert "巴基斯坦穆斯林联盟（谢里夫派）" in names("穆斯林联盟(谢里夫派)赢得多数席位。", "org")
    assert "巴基斯坦穆斯林联盟（领袖派）" in names("穆斯林联盟（领袖派）也加入了内阁。", "org")
    assert "中国（海南）改革发展研究院" in names("中国(海南)改革发展研究院发布报告。", "org")
    # a name with its Latin acronym in brackets stays two surfaces of one body
    got = [m for m in extract_entities("快速支援部队(RSF)攻占了该镇。") if m.type == "org"]
    assert [m.name for m in got] == ["快速支援部队"] and "RSF" in got[0].surfaces


def test_latin_names_that_end_a_longer_name_and_ampersands_inside_one():
    assert names("民调机构Zeta Intel的负责人说。", "org") == {"Zeta Intel"}
    assert names("咨询公司Brand & Ross的报告显示。", "org") == {"Brand & Ross"}


def test_a_village_right_after_a_foreign_state_and_a_name_the_segmenter_ends_with_a_name_character():
    assert "达贡村" in names("在缅甸若开邦达贡村,居民连夜撤离。", "place")
    assert "石油重镇" not in names("东加里曼丹省石油重镇巴厘巴板。", "place")
    assert "范星梅" in names("越南驻华大使范星梅就此发表讲话。", "person")


def test_outlets_in_book_marks_before_their_kind_an_exchange_and_a_group_called_by_name():
    assert "欧亚观察" in names("俄罗斯《欧亚观察》网站指出，合作仍在扩大。", "org")
    assert "《外交政策》杂志" in names("美国《外交政策》杂志刊文指出。", "org")
    assert "蒙古证券交易所" in names("蒙古证券交易所周一宣布暂停交易。", "org")
    assert "法诺" in names("当地被称为法诺的民兵控制了公路。", "org")
    assert names("被称为改革派的政党赢得选举。", "org") == set()


def test_a_body_at_the_head_of_a_document_title_is_part_of_the_document_name():
    assert names("各方同意依据《联合国海洋法公约》和平解决争端。", "org") == set()
    assert names("《联合国宪章》第51条。联合国秘书长随后发言。", "org") == {"联合国"}


def test_a_site_named_after_a_person_the_x_platform_in_lower_case_and_a_whole_speech_verb_after_a_name():
    assert names("美军进驻了伊莎贝拉省的何塞·里萨尔营地。", "place") >= {"何塞·里萨尔营地"}
    assert not names("美军进驻了伊莎贝拉省的何塞·里萨尔营地。", "person")
    got = [m for m in extract_entities("总统在他的x平台上发帖说。") if m.type == "org"]
    assert [m.name for m in got] == ["推特"] and got[0].surfaces == ["x"]
    assert names("总统安德烈·卡斯托坚称,协议有效。", "person") == {"安德烈·卡斯托"}


def test_national_guards_red_crescent_societies_and_a_place_s_officer_before_a_verb():
    assert "国民警卫队" in names("墨西哥向南部边境部署国民警卫队。", "org")
    assert "土耳其红新月会" in names("土耳其红新月会向灾区运送帐篷。", "org")
    got = names("德州州长调动国民警卫队。", "org")
    assert got == {"美国国民警卫队"}


def test_a_known_latin_name_in_brackets_says_who_the_transliteration_before_it_is():
    got = by_name("墨西哥当选总统谢恩鲍姆(Claudia Sheinbaum)宣誓就职。谢恩鲍姆随后发表讲话。")
    person = got["克劳迪娅·谢因鲍姆"]
    assert person.type == "person" and "谢恩鲍姆" in person.surfaces and person.n == 3
    assert "谢恩鲍姆" not in got
    assert by_name("法国总统 Emmanuel Macron 出席会议。")["埃马纽埃尔·马克龙"].surfaces == ["Emmanuel Macron"]


def test_a_latin_name_after_a_channel_or_a_station_is_an_outlet():
    assert names("当地新闻频道Kanal 7播出了画面。", "org") == {"Kanal 7"}
    assert "Rede Minas" in names("巴西公共电视台Rede Minas报道了此事。", "org")


def test_a_court_of_appeal_or_of_arbitration_by_its_country():
    assert "肯尼亚上诉法院" in names("肯尼亚上诉法院驳回了政府的请求。", "org")
    assert names("他向上诉法院提出申请。", "org") == set()


def test_one_embassy_named_three_ways_is_one_body_but_two_embassies_stay_two():
    got = by_name("中国驻俄罗斯大使馆发表声明。俄罗斯议员称赞中国驻俄使馆人员，中国大使馆随即回应。")
    assert "中国驻俄罗斯大使馆" in got and {"中国驻俄使馆", "中国大使馆"} <= set(got["中国驻俄罗斯大使馆"].surfaces)
    got = names("中国驻印度大使馆和中国驻巴使馆分别发表声明。", "org")
    assert {"中国驻印度大使馆", "中国驻巴使馆"} <= got


def test_known_places_and_bodies_with_a_dot_are_found_in_the_text_and_a_country_before_ben():
    assert names("胡塞武装于28日向本·古里安国际机场发射导弹。", "place") == {"本·古里安机场"}
    assert "哈米德·卡尔扎伊国际机场" in names("人员转移到喀布尔哈米德·卡尔扎伊国际机场。", "place")
    assert not names("人员转移到喀布尔哈米德·卡尔扎伊国际机场。", "person")
    assert names("以色列本·古里安国际机场关闭。", "place") == {"以色列", "本·古里安机场"}


def test_a_dot_garbled_into_a_question_mark_between_transliterations_is_a_dot():
    got = by_name("极右翼候选人哈维尔?米莱赢得选举。你好?谢谢。")
    assert "哈维尔·米莱" in got and got["哈维尔·米莱"].offsets == [6]
    assert "哈维尔" not in got


def test_a_person_s_short_name_at_the_end_of_a_longer_foreign_name_is_not_that_person():
    assert names("俄军宣布拿下索列达尔。", "person") == set()
    assert names("巴基斯坦外长达尔表示。", "person") == {"伊沙克·达尔"}


def test_an_outlet_known_by_its_title_in_book_marks_whatever_place_the_words_name():
    assert names("《国会山》报道称，议员们仍有分歧。", "org") == {"国会山报"}
    assert names("《国会山》报道称，议员们仍有分歧。", "place") == set()


def test_a_known_body_at_the_head_of_a_word_for_its_members():
    assert "联合国安理会" in names("中俄同为联合国安理会常任理事国。", "org")
    assert names("德国不来梅哈芬港的码头。", "place") == {"德国", "不来梅", "不来梅哈芬港"}


def test_someone_named_like_a_city_between_a_role_and_what_they_say():
    assert names("澳大利亚贸易部长伯明翰表示将继续沟通。", "person") == {"伯明翰"}
    assert names("英国首相访问伯明翰表示支持。", "person") == set()


def test_valleys_and_chambers_of_commerce_by_their_suffix():
    assert names("访团前往斯瓦特山谷参加论坛。", "place") == {"斯瓦特山谷"}
    assert names("游客在山谷中迷路。", "place") == set()
    assert "孟买商会" in names("孟买商会主席表示欢迎。", "org")


def test_a_given_name_with_fang_in_a_credit_line():
    assert names("新华社雅加达9月25日电(记者陶方伟 叶平凡)总统表示。", "person") == {"陶方伟", "叶平凡"}


def test_a_known_full_dotted_name_however_the_segmenter_cut_it_but_no_part_of_a_longer_one():
    assert names("支持前总理他信·西那瓦的为泰党紧随其后。", "person") == {"他信·西那瓦"}
    # 阿里·邦戈 is not read inside the longer name, which goes on from it: the same man, by his full name
    got = by_name("总统阿里·邦戈·翁丁巴已被扣押。")
    assert {m.name for m in got.values() if m.type == "person"} == {"阿里·邦戈"}
    assert got["阿里·邦戈"].surfaces == ["阿里·邦戈·翁丁巴"]
    assert names("候选人皮塔以自己的魅力赢得支持。", "person") == {"皮塔·林乍伦拉"}


def test_a_name_before_suo_shuo():
    assert "李家文" in names("同盟军发言人李家文所说,局势严重。", "person")


def test_an_ordinary_noun_after_a_role_is_no_name():
    assert names("与会各国领导人密集举行了多场会晤。", "person") == set()
    assert names("发言人卡恩说。", "person") == {"卡恩"}


def test_a_countrys_agency_named_ting_but_no_hall():
    assert "韩国关税厅" in names("韩国关税厅当天发布的数据显示出口下降。", "org")
    assert "日本警察厅" in names("日本警察厅表示将加强警戒。", "org")
    assert names("韩国餐厅很多，日本大厅也很大。", "org") == set()


def test_latin_names_with_an_apostrophe():
    assert "Damien O'Connor" in names("新西兰贸易部长Damien O'Connor表示欢迎。", "person")
    assert "Derek D’Souza" in names("印度外长Derek D’Souza说。", "person")


def test_recurring_sources_and_sites_from_the_gazetteer():
    got = by_name("金沙萨(信仰通讯社)—天然气来自利维亚森气田，据悉尼晨锋报报道，苏米也遭到袭击。")
    assert got["信仰通讯社"].type == "org" and got["悉尼先驱晨报"].surfaces == ["悉尼晨锋报"]
    assert got["利维坦气田"].type == "place" and got["苏梅"].surfaces == ["苏米"]


def test_zhongfei_in_a_list_of_places_is_the_central_african_republic_or_central_africa():
    got = by_name("难民流落到中非、乍得、埃及等国。")
    assert got["中非共和国"].surfaces == ["中非"] and "中国" not in got
    assert by_name("该国与中非、东非、南非诸多邻国关系复杂。")["中部非洲"].surfaces == ["中非"]
    assert "中非共和国" not in names("中非合作论坛在北京举行。")


def test_the_countries_a_known_line_is_named_by_count_too():
    got = by_name("中老铁路开通运营。")
    assert got["老挝"].surfaces == ["老"] and got["中国"].surfaces == ["中"] and "中老铁路" in got
    # 乌 is Uzbekistan in a text that names it and not Ukraine
    got = by_name("乌兹别克斯坦总统表示，中吉乌铁路项目即将开工。")
    assert "乌" in got["乌兹别克斯坦"].surfaces and "乌克兰" not in got and "吉尔吉斯斯坦" in got
    assert names("德鲁日巴输油管道停运。") == {"德鲁日巴输油管道"}     # a name, not four countries
    assert "亚洲" not in names("中亚天然气管道全线贯通。")               # 中亚 is Central Asia


def test_a_country_at_a_partys_head_counts_only_when_it_is_the_partys_own():
    assert names("中国国民党赢得四百零八席。", "place") == set()
    assert "英国" in names("英国保守党赢得大选。", "place")


def test_people_by_surname_and_courtesy_title_or_withheld_given_name():
    assert names("家住张店区的韦女士感叹。", "person") == {"韦女士"}
    assert names("李明先生表示。", "person") == {"李明"}
    assert names("案外人林某控制的公司;其情妇王某购房。", "person") == {"林某", "王某"}
    # a character kept after 某 everywhere is part of the name
    assert names("赵某利承包经营。后来赵某利未付款。", "person") == {"赵某利"}
    assert names("由于某些船只通行，他向某公司借款。", "person") == set()


def test_across_an_ocean_and_tectonic_plates_name_no_place():
    assert names("两国避免了一场跨大西洋贸易战。") == set()
    assert names("受欧亚板块与印度板块的挤压。") == set()
    assert names("船只驶入太平洋。") == {"太平洋"}
    assert names("曼谷(亚洲新闻) - 法院作出裁决。", "org") == {"亚洲新闻通讯社"}


def test_north_about_so_many_km_is_no_nato_and_generic_central_banks_and_capitols():
    assert names("钱凯港位于利马以北约60公里处。", "org") == set()
    assert names("北约秘书长发表讲话。", "org") == {"北大西洋公约组织"}
    assert names("全球央行持续增持黄金。", "org") == set()
    assert names("反对党在国会大楼外举行集会，要求尹锡悦下台。", "place") == set()
    assert "美国国会大厦" in names("特朗普的支持者冲击国会大厦。", "place")


def test_a_person_doing_something_before_a_sites_kind_and_a_ministry_before_a_peninsula():
    got = names("发展部部长阿赫桑·伊克巴尔在评论新机场的重要性时说。")
    assert "阿赫桑·伊克巴尔" in got and not any("机场" in n for n in got)
    assert "哈米德·卡尔扎伊国际机场" in names("哈米德·卡尔扎伊国际机场关闭。", "place")
    assert names("韩国外交部半岛和平交涉本部长金健表示。", "place") == {"韩国"}


def test_pronouns_sayings_and_words_that_look_like_names():
    assert names("民调显示他比纳夫罗茨基领先。", "person") == {"卡罗尔·纳夫罗茨基"}
    assert names("外交官们表示，欧洲盟友明白这一点。", "person") == set()
    assert names("在本次蓝营出席的背景下。", "person") == set()
    assert names("延续了“危机时代靠大党”的传统逻辑。", "org") == set()
    assert names("该国“人民正义党”赢得选举。", "org") == {"人民公正党"}


def test_market_indices_and_listed_companies_are_no_entities():
    assert names("标准普尔500指数下跌4%，纳斯达克综合指数下跌6%，恒生指数收跌。") == set()
    assert names("标准普尔下调了该国评级。", "org") == {"标准普尔"}
    assert names("一家纳斯达克上市公司宣布破产。", "org") == {"纳斯达克"}


def test_korean_officials_after_their_role_and_no_name_inside_a_word():
    assert "具润哲" in names("韩国副总理兼企划财政部长具润哲15日在华盛顿会见美方。", "person")
    assert "权宁世" in names("国民力量党资深议员权宁世担任紧急对策委员会委员长。", "person")
    assert names("记者：具体来说，你怎么看？", "person") == set()
    assert names("全力支持这位前总统解散国会的企图。", "person") == set()


def test_a_reporter_named_before_the_word_in_a_byline():
    assert names("水平。尹相虎军事记者、孙孝周记者 ysh1005@donga.com", "person") == {"尹相虎", "孙孝周"}
    assert names("  • 郑镛洙 记者\n  • 上传 2019.08", "person") == {"郑镛洙"}
    assert names("。新华社记者报道。", "person") == set()


def test_source_lines_set_phrases_and_latin_company_words():
    assert names("据海外网8月30日消息，多国发表声明。", "org") == {"海外网"}
    assert names("不了解民众感受的大臣应立即辞职。", "person") == set()
    assert names("运营公司Stem Shipping确认船员安全。", "org") == {"Stem Shipping"}
    assert names("总统裴泽斯基安敦促政府倾听抗议者。", "person") == {"马苏德·佩泽希齐扬"}


def test_more_spellings_of_places_from_wire_copy():
    got = by_name("（法新社马斯开特23日电）叶门叛军同意换俘。")
    assert got["马斯喀特"].surfaces == ["马斯开特"] and got["也门"].surfaces == ["叶门"]
    assert "占贾" in names("靠近冲突地区的甘贾也遭到袭击。", "place")
    assert names("这是一个好党员。") == set()


def test_session12_rules_from_round_aw():
    # 中共 after a verb acting on it is the party; 中 (in) + 共 (in all) after a noun is not
    assert "中国共产党" in names("美方指责中共干预选举。")
    assert "中国共产党" not in names("在冲突中共造成30人死亡。")
    # 长官 names an official (军事长官, 行政长官)
    assert "person:尼古拉耶夫" in {m.entity_id for m in extract_entities("州军事长官尼古拉耶夫表示，局势已经稳定。")}
    # a dot operator between the parts of a name
    assert "鲍里斯·约翰逊" in names("英国前首相鲍里斯⋅约翰逊周二发表讲话。")
    # 本 + 周/月 after a name is "this week", no part of it
    assert names("欧洲理事会主席夏尔·米歇尔本月访问北京。", "person") == {"查尔斯·米歇尔"}
    # a university named after a person is an organisation, not the person
    got = by_name("抗议者聚集在卡迪尔·哈桑大学门外。")
    assert got["卡迪尔·哈桑大学"].type == "org" and "卡迪尔·哈桑" not in got
    # the surname alone, cut by the segmenter as the full name was, joins the full name
    got = by_name("荷兰经济大臣文森特·卡雷曼斯在会上发言。卡雷曼斯表示，决定已经作出。")
    assert set(got["文森特·卡雷曼斯"].surfaces) == {"文森特·卡雷曼斯", "卡雷曼斯"}
    assert not any(n.startswith("文森特·卡雷曼") and n != "文森特·卡雷曼斯" for n in got)
    # voters and what they do are no part of the body they elect
    assert "奥地利选民投票决定国民议会" not in names("约600万奥地利选民投票决定国民议会的席位。")
    # the editor credited after a dateline
    assert "person:高明远" in {m.entity_id for m in extract_entities("财联社5月3日讯(编辑 高明远)油价周五上涨。")}
    # aliases: the Awami League written with 党, the Northern Sea Route, Austria's NEOS
    got = by_name("人民联盟党学生会成员与警方发生冲突。")
    assert "孟加拉国人民联盟" in got and "联盟党" not in got
    assert "北方海航道" in names("俄罗斯希望延长北方航道的通航季。")
    assert "新奥地利党" in names("新奥地利党在选举中获得9%的选票。")


def test_continents_markets_river_pairs_ships_and_agency_credits():
    # continents named together by their first characters count each (a tectonic plate does not)
    assert {"欧洲", "亚洲"} <= names("这条铁路连接欧亚两洲。")
    assert {"亚洲", "非洲", "拉丁美洲"} <= names("他呼吁亚非拉国家加强合作。")
    assert "欧亚大陆" in names("广袤的亚欧大陆上有多条走廊。")
    assert not names("喜马拉雅山脉由欧亚板块与印度板块碰撞形成。") & {"欧洲", "亚洲"}
    assert {"欧洲", "美国"} <= names("冲突以来，欧美国家对俄罗斯的制裁不断加码。", "place")
    # 股市/楼市 after a country: its market, no city; the country counts
    got = names("受关税消息影响，日本股市周一大跌。", "place")
    assert "日本" in got and "日本股市" not in got
    # sea ice, no sea
    assert names("北极海冰面积创下新低。", "place") == {"北极"}
    # two rivers glued round their conjunction
    assert {"萨特莱杰河", "比亚斯河"} <= names("萨特莱杰河和比亚斯河的水位持续上涨。", "place")
    # a ship named after someone is nobody
    assert not names("菲方派出“安娜·马里亚号”前往礁盘。", "person")
    # agencies in picture credits and datelines
    assert {"美联社", "picture alliance"} <= names("图像来源: AP Photo/picture alliance")
    assert "美联社" in names("萨拉热窝(AP)消息 —— 官员周四表示。")
    assert "椭圆形办公室" in names("两人在椭圆形办公室会面。")


def test_round_ax_rules():
    # a country's companies or market written as one dictionary word (美国公司/nt)
    assert "美国" in names("多家美国公司表示将暂停发货。")
    assert "日本" in names("日本企业和美国市场都受到影响。")
    # 因 glued to a name before a cause is "because", no part of the name (克莱因 keeps its 因)
    assert "艾米尼" in names("这名叫艾米尼的女子，据报道艾米尼因违反着装规定被捕。", "person")
    assert "克莱因" in names("经济学家克莱因表示，通胀将回落。", "person")
    # a pronoun before an adverb is no list item
    assert names("他劝普京别急，让他先和普里戈任谈谈。", "person") == {"弗拉基米尔·普京", "叶夫根尼·普里戈津"}
    # a region between a role and a `·` name is the name's start
    assert "西亚沃什·米罕多斯" in names("伊朗陆军高级指挥官西亚沃什·米罕多斯称，袭击没有造成损失。")
    # a bay named like a country is a bay
    got = names("美军访问了菲律宾帕劳湾附近的基地。", "place")
    assert "帕劳湾" in got and "帕劳" not in got


def test_korean_surname_park():
    # 朴 is the surname of a name after a role or in a list (no Chinese surname list has it)
    assert "朴成民" in names("警卫处处长朴成民表示，将配合调查。", "person")
    assert not names("他为人朴实，做事认真。", "person")


def test_embassies_count_their_host_country():
    got = names("越南外交部官员和越南驻华大使馆官员出席了仪式。")
    assert {"越南驻华大使馆", "中国"} <= got
    assert "美国" in names("留学生致信中国驻美国大使馆。")
    # 驻巴 in a text about Pakistan is Pakistan's, not Palestine's
    got = names("巴基斯坦总理到中国驻巴使馆吊唁。", "place")
    assert "巴基斯坦" in got and "巴勒斯坦" not in got


def test_a_short_name_is_the_person_the_text_names_in_full():
    # the surname alone is the executive named in full, not the gazetteer's famous namesake
    got = by_name("石油公司首席执行官阿明·纳赛尔表示需求强劲。纳赛尔说，产量将增加。")
    assert set(got["阿明·纳赛尔"].surfaces) == {"阿明·纳赛尔", "纳赛尔"}
    assert "贾迈勒·阿卜杜勒·纳赛尔" not in got
    # a given name alone, too
    got = by_name("候选人卡米尔·维拉尔宣布退选。卡米尔表示将支持对手。")
    assert set(got["卡米尔·维拉尔"].surfaces) == {"卡米尔·维拉尔", "卡米尔"}
    # the namesake stays when the text names them by their office
    got = by_name("亨特·拜登周二出庭。拜登总统随后发表声明。")
    assert "乔·拜登" in got and got["亨特·拜登"].surfaces == ["亨特·拜登"]


def test_yi_before_a_vote_share_is_no_part_of_a_name():
    assert "曼苏尔·亚瓦什" in names("共和人民党候选人曼苏尔·亚瓦什以60%的选票连任。", "person")


def test_reporter_before_baodao_and_no_bu_in_given_names():
    assert "赖思晴" in names("(本报记者赖思晴报导)选举周日举行。", "person")
    assert not names("新总统应不迟于6月3日宣誓就职。", "person")


def test_round_ay_gazetteer_forms():
    assert "美国联邦紧急事务管理局" in names("联邦紧急事务管理局局长表示将加强搜救。")
    assert "阿根廷正义党" in names("庇隆党候选人在首轮领先。")
    assert "联合海上部队" in names("商船在海上联合部队的保护下通过。")


def test_given_name_ending_in_a_numeral_character():
    # 吕翰/nrt + 九/m: the numeral is the name's last character before what the person does
    assert "吕翰九" in names("通商交涉本部长吕翰九在华盛顿会见了美方代表。", "person")
    assert "吕翰九" in names("本部长吕翰九表示，谈判仍在继续。", "person")
    # a date or a count after a name stays out of it
    assert names("外长王毅三日在北京说，双方同意加强合作。", "person") == {"王毅"}


def test_side_of_an_ambiguous_one_character_country_by_the_name_in_full():
    # 巴方 in a text about Palestine is the Palestinian side; 阿方 at a China–Arab summit is no one country
    got = by_name("以军突袭杰宁难民营，造成巴方人员伤亡。巴勒斯坦官员予以谴责。")
    assert "巴勒斯坦" in got and "巴方" in got["巴勒斯坦"].surfaces and "巴基斯坦" not in got
    assert "阿富汗" not in names("中阿峰会期间，主席呼吁阿方以阿拉伯智慧推动解决热点问题。")
    assert "巴基斯坦" in names("巴方表示，伊斯兰堡将作出回应。")


def test_places_inside_meeting_names_prisons_and_bases_named_two_ways():
    assert "圣彼得堡" not in names("他是唯一出席圣彼得堡国际经济论坛的国家元首。")
    assert "香格里拉" not in names("部长在香格里拉对话会上发言。")
    assert "美国" in names("王储出席沙特-美国投资论坛。")   # a country in a meeting's name still counts
    assert "赛德纳亚监狱" in names("反对派宣布打开赛德纳亚监狱，释放囚犯。", "place")
    got = by_name("卫星图像显示，云朗海军基地附近出现挖泥船。官员说云朗基地不对外国开放。")
    assert got["云朗海军基地"].surfaces == ["云朗海军基地", "云朗基地"] and "云朗基地" not in got


def test_a_body_of_a_country_named_by_one_character_and_glued_words_after_names():
    got = by_name("俄国家统计局数据显示，物价继续上涨。")
    assert "俄罗斯国家统计局" in got and "俄罗斯" in got and "国家统计局" not in got
    assert "国家统计局" in names("28日国家统计局发布数据。")
    assert "埃克雷姆·伊马姆奥卢" in names("市长埃克雷姆·伊马姆奥卢遭拘留。", "person")
    assert "齐吉曼塔斯·瓦伊丘纳斯" in names("能源部长齐吉曼塔斯·瓦伊丘纳斯向法新社表示，电网已经脱离。", "person")


def test_cities_after_their_country_oblasts_and_generic_universities():
    got = by_name("8月31日苏丹尼亚拉市举行了一场仪式。")
    assert "苏丹" in got and "尼亚拉市" in got and "苏丹尼亚拉市" not in got
    got = by_name("无人机袭击了伊尔库茨克州。伊尔库茨克地区的机场受损。")
    assert got["伊尔库茨克州"].surfaces == ["伊尔库茨克州", "伊尔库茨克地区"] and "伊尔库茨克" not in got
    got = by_name("哥伦比亚国立大学政治学教授表示，谈判仍有希望。")
    assert "哥伦比亚国立大学" in got and "国立大学" not in got and "哥伦比亚" in got


def test_malaysian_honorifics_and_spellings():
    got = by_name("首相拿督斯里安华访华。前首相马哈迪表示支持。")
    assert "安瓦尔·易卜拉欣" in got and "马哈蒂尔·穆罕默德" in got and "斯里" not in got
    assert "阿米尔哈姆扎阿兹赞" in names("第二财政部长拿督斯里阿米尔哈姆扎阿兹赞表示，补贴将调整。", "person")


def test_telegram_clergy_districts_and_a_name_glued_to_an_occupation():
    assert "Telegram" in names("发言人在“电报”社交平台上指出，谈判没有进展。", "org")
    assert "Telegram" in names("一个亲瓦格纳的电报频道发布了视频。", "org")
    assert "Telegram" not in names("美国驻莫斯科使馆发回的电报显示，局势紧张。")
    assert "奈米尔" in names("当局处决了包括什叶派教士奈米尔在内的多名囚犯。", "person")
    assert "雅加达北区" in names("雅加达北区在过去十年里下沉了两米多。", "place")
    # 保险 + 员沙辛/nr (Wassim Chahine): the name after the occupation, confirmed by its Latin form
    assert "沙辛" in names("保险员沙辛(Wassim Chahine)住的地方离港口很近。", "person")
    assert "莉莎" not in names("飓风美莉莎(Hurricane Melissa)登陆牙买加。", "person")


def test_the_gulf_before_its_states_and_the_russian_federation_short():
    got = by_name("海湾国家纷纷表态，呼吁各方保持克制。")
    assert "海湾地区" in got and got["海湾地区"].surfaces == ["海湾"]
    assert not names("渔船停在一个海湾里。")
    assert "阿拉伯海" not in names("来自马格里布和阿拉伯海湾国家的侨民。")
    got = by_name("俄联邦经济发展部预计经济将增长。")
    assert "俄罗斯" in got and "俄联邦经济发展部" in got
    # a refugee camp is a place of its own beside the town
    assert {"杰宁难民营", "杰宁"} <= names("以军突袭杰宁难民营。杰宁位于约旦河西岸北部。", "place")


def test_other_dots_join_names_written_with_the_usual_dot():
    got = by_name("共和党参议员兰德・保罗(Rand Paul)投了反对票。")
    assert "兰德·保罗" in got and "兰德・保罗" in got["兰德·保罗"].surfaces and "兰德公司" not in got
    got = by_name("前总统佐科•维多多(Joko Widodo)出席。")
    assert "佐科·维多多" in got and "佐科•维多多" in got["佐科·维多多"].surfaces


def test_full_names_that_go_on_regnal_names_coalitions_and_verbs_after_roles():
    got = by_name("孟加拉国总理谢赫·哈西娜·瓦吉德表示，选举是公正的。")
    assert "谢赫·哈西娜" in got and "谢赫·哈西娜·瓦吉德" not in got
    got = by_name("英国国王查尔斯三世的加冕典礼将举行。国王查尔斯说，他感到荣幸。")
    assert "查尔斯" not in got and "查尔斯三世" in got
    assert names("执政的自民党与公明党联盟未能保住过半数席位。", "org") == {"自由民主党", "公明党"}
    assert not names("今年中方将派遣专家来尼考察。", "person")
    assert "塔玛拉·齐斯昌" in names("内政部长塔玛拉·齐斯昌称，嫌疑人已被捕。", "person")
    assert "Taleb al-Abdulmohsen" in names("警方确认嫌疑人名为Taleb al-Abdulmohsen。", "person")
    assert "南亚网视" in names("南亚网视加德满都1月9日讯 项目进展顺利。", "org")


def test_two_spellings_of_one_dotted_name_one_letter_apart():
    got = by_name("总理任命多明尼克·勒布朗接任财长。新任财长多米尼克·勒布朗宣誓，多米尼克·勒布朗表示感谢。")
    people = {m.name for m in got.values() if m.type == "person"}
    assert people == {"多米尼克·勒布朗"} and "多明尼克·勒布朗" in got["多米尼克·勒布朗"].surfaces
    # two people of one surname stay two
    assert {"约翰·史密斯", "简·史密斯"} <= names("约翰·史密斯和简·史密斯出席了会议。", "person")


def test_bare_socialist_party_of_the_country_the_text_names():
    assert "法国社会党" in names("法国总理辞职，社会党表示反对。", "org")
    assert "西班牙工人社会党" in names("西班牙首相在马德里表示，社会党希望弥合分歧。", "org")
    # no country of such a party named: a party of that name, no French or Spanish one
    assert names("社会党在选举中失利。", "org") == {"社会党"}


def test_countries_listed_by_one_character_a_mountain_before_a_dot_and_a_town_inside_a_name():
    assert {"中国", "日本", "韩国"} <= names("中、日、韩三国领导人会晤。", "place")
    assert {"泰国", "老挝", "柬埔寨"} <= names("这个机构由越南、泰、老、柬组成。", "place")
    assert "约旦" not in names("塞尔维亚、北约、意、匈官员表态。")
    assert not names("全书分为上、中、下三册。")
    assert "素拉山" not in names("泰国国防部发言人素拉山·空西里(Surasant Kongsiri)表示，行动将持续。")
    assert "塔瓦" not in names("消息来源: 姆塔瓦里. 根据法律第166条。")


def test_indo_pacific_and_the_korean_peninsula_as_kbs_writes_it():
    got = by_name("美国在印度-太平洋地区的盟友担心韩半岛局势。")
    assert "印太" in got and "朝鲜半岛" in got and "印度" not in got and "太平洋" not in got


def test_a_red_crescent_society_and_russia_s_wealth_fund_by_their_bare_names():
    assert "伊朗红新月会" in names("伊朗总统直升机失事，红新月会参与搜救。", "org")
    assert names("红新月会发表声明。", "org") == {"红新月会"}   # no country named: no one society
    assert "俄罗斯国家福利基金" in names("俄罗斯动用国家福利基金弥补赤字。", "org")


def test_a_principle_named_after_a_city_is_no_place():
    assert names("与会各方同意弘扬上海精神。", "place") == set()
    assert "上海" in names("上海是中国最大的城市。", "place")


def test_countries_counted_by_the_word_after_them():
    # 乌 beside Kyrgyzstan or Kazakhstan is Uzbekistan, even where the text never names it in full
    assert {"中国", "吉尔吉斯斯坦", "乌兹别克斯坦"} <= names("中吉乌铁路项目正式启动。", "place")
    assert "乌克兰" not in names("中吉乌铁路项目正式启动。")
    # as many one-character forms as the count word says (哈 is too common to be a country alone)
    assert {"中国", "哈萨克斯坦", "乌兹别克斯坦"} <= names("中哈乌三国领导人会晤。", "place")
    assert {"中国", "俄罗斯", "乌克兰"} <= names("中俄乌三方会谈将在日内瓦举行。", "place")
    assert names("北约三国", "place") == set()
    assert names("他们三方会谈。") == set()


def test_a_line_named_by_the_places_it_joins_with_dashes():
    got = by_name("阿斯塔纳-阿拉木图高速铁路今年开工。")
    assert {"阿斯塔纳-阿拉木图高速铁路", "阿斯塔纳", "阿拉木图"} <= set(got)
    assert got["阿斯塔纳-阿拉木图高速铁路"].type == "place"
    # unknown transliterated places, a tunnel on the line
    assert "安格连—帕普铁路隧道" in names("乌兹别克斯坦的安格连—帕普铁路隧道全长19公里。", "place")
    # the first place starts where the name does, not at the words before it
    got = names("经波兰的亚马尔—欧洲管道停止输气。", "place")
    assert "亚马尔—欧洲管道" in got and "波兰" in got
    # no line: a dash between two places that names nothing
    assert not any("—" in n for n in names("伊朗—沙特关系回暖。"))


def test_hong_kong_housing_estates_and_courts():
    assert "彩虹邨" in names("住在黄大仙彩虹邨的居民。", "place")
    got = by_name("香港大埔宏福苑发生火灾，海珊阁的居民也被疏散。")
    assert {"宏福苑", "海珊阁", "大埔"} <= set(got)
    assert "萨达姆·侯赛因" not in got   # 海珊 + 阁: a building, not the man
    assert names("香港内阁会议。", "place") == {"香港"}
    assert "御苑" not in names("游客参观新宿御苑。")   # 苑 only in a text about Hong Kong


def test_a_road_named_after_an_airport_is_the_place():
    got = names("斯里兰卡的科伦坡机场高速公路由中国公司承建。", "place")
    assert "科伦坡机场高速公路" in got and "科伦坡机场" not in got


def test_a_japanese_name_ends_before_an_adverb():
    got = names("首相召见农林水产大臣江藤拓。江藤拓随后告诉记者，江藤拓同时表示。", "person")
    assert "江藤拓" in got and not any(n.startswith("江藤拓") and n != "江藤拓" for n in got)


def test_a_latin_name_after_an_officer_title_and_a_translated_report_s_outlet():
    assert "Colette Kress" in names("NVIDIA首席财务官Colette Kress就公司业务发表讲话。", "person")
    assert "中美创新时报" in names("【中美创新时报2025 年 2 月 1 日编译讯】总统周六签署命令。", "org")


def test_a_known_name_cut_by_its_latin_form_in_brackets():
    got = by_name("记者亲临亚马逊（Amazon）雨林来见识气候问题。")
    assert got["亚马孙雨林"].type == "place" and "Amazon" in got["亚马孙雨林"].surfaces
    assert "亚马逊" not in got   # not the company
    assert "华盛顿州" not in names("他访问了华盛顿（Washington）州立大学。")


def test_roads_named_by_number_and_words_that_only_look_like_names():
    assert "M4高速公路" in names("车队沿M4高速公路向莫斯科推进。", "place")
    assert "G312国道" in names("车辆在G312国道上排队。", "place")
    assert "共同社" not in names("每年以领导人讲话或共同社论的形式发表。")
    assert "共同社" in names("共同社报道称，首相将出访。")
    assert names("五个俄罗斯军用机场遭到攻击。", "place") == {"俄罗斯"}
    assert names("执政党成了“少数执政党”。", "org") == set()


def test_an_outlet_quoted_after_its_kind():
    got = by_name("据英国网站“中东观察”(Middle East Monitor)报道，伊朗将举行选举。")
    assert got["中东观察"].type == "org" and "中东" not in got
    assert not names("该网站“我们要和平”的口号很响亮。", "org")


def test_camps_named_by_a_transliteration():
    assert "达巴营地" in names("幸存者一路逃到北部的达巴营地。", "place")
    assert not names("士兵返回军事营地。")
    assert "联合国刚果（金）稳定特派团" in names("联合国刚果特派团负责人表示担忧。", "org")


def test_organisations_described_rather_than_named():
    assert names("即使德国汽车公司裁员，工会仍然反对。", "org") == set()
    got = names("另一家中国电动汽车制造商蔚来集团获得投资。", "org")
    assert got == {"蔚来集团"}
    assert names("伊拉克和法国石油巨头道达尔能源公司签署协议。", "org") == {"道达尔能源公司"}
    assert "保加利亚天然气公司" in names("保加利亚天然气公司表示供应正常。", "org")   # a utility named so
    assert "东南亚研究所" in names("对此，新加坡智库东南亚研究所发表报告。", "org")
    # a utility or a group whose name is just its country and trade stays
    assert "保加利亚天然气公司" in names("保加利亚天然气公司拒绝以卢布付款。", "org")


def test_last_looks_nickname_short_body_doctrine_and_glued_names():
    got = by_name("尼泊尔总理普沙帕·卡马尔·达哈尔“普拉昌达”在北京会谈。普拉昌达表示满意。")
    persons = [m for m in got.values() if m.type == "person"]
    assert len(persons) == 1 and "普沙帕·卡马尔·达哈尔" in persons[0].surfaces
    got = by_name("德国联邦宪法法院的裁决引发危机。会议评估了宪法法院的裁决。")
    assert "宪法法院" not in got and "宪法法院" in got["德国联邦宪法法院"].surfaces
    assert names("马杜罗面临“查韦斯主义”终结的挑战。", "person") == {"尼古拉斯·马杜罗"}
    assert "法塔赫" not in names("军政府主席阿卜杜勒法塔赫布尔汉(AbdelFattah al-Burhan)表示。")
    assert names("该党由现在的烛光党和根索卡的人权党合并而成。", "org") == {"烛光党", "人权党"}
    assert "江苏" not in names("坦桑尼亚的萨米亚·苏鲁胡·哈桑是非洲唯一的女总统。")


def test_metro_lines_are_places():
    got = names("哥伦比亚的波哥大地铁一号线由中国企业承建。", "place")
    assert "波哥大地铁一号线" in got and "波哥大" not in got
    assert "郑州地铁5号线" in names("郑州地铁5号线发生事故。", "place")


def test_posting_on_x():
    assert "推特" in names("马杜罗抵达后在X发文称，访问意义重大。", "org")
    assert names("他在X光片上看到阴影。", "org") == set()
    # any verb after 在X上 is posting on it
    assert names("国防部长在X上调侃，说这是圣诞礼物。", "org") == {"推特"}
    assert names("X光片显示骨折。", "org") == set()


def test_round_bg_rules():
    # a person's office is no body of its own; the forces of a named place or body are none either
    got = by_name("联合国秘书长古特雷斯办公室发表声明。")
    assert "安东尼奥·古特雷斯" in got and not any(n.endswith("办公室") for n in got)
    assert "哈佛大学肯尼迪学院" in names("他曾在哈佛大学肯尼迪学院任教。", "org")
    assert names("俄军调集第7空降师和车臣部队。", "place") >= {"车臣"}
    assert "车臣部队" not in names("俄军调集第7空降师和车臣部队。")
    # a river's bank, a daily briefing, a conjunction before a city, "the claim of"
    assert "约旦河西岸" not in names("城堡坐落在纳尔瓦河西岸。")
    assert "每日新闻" not in names("发言人在北京举行的每日新闻例行发布会上表示。")
    assert names("她曾是一名英语教师和里加导游。", "person") == set()
    assert names("何来高薪之说？") == set()
    # a transliterated name runs on to its Latin form; a base named by a transliteration
    assert "斯特凡尼西娜" in names("乌克兰副总理斯特凡尼西娜 (Olga Stefanishyna)表示。", "person")
    assert "塔帕军事基地" in names("在爱沙尼亚最大的塔帕军事基地。", "place")
    assert "中国人民解放军总参谋部" not in names("以军打击了叙利亚总参谋部大楼。")


def test_round_be_rules():
    assert names("就连普京的第一任妻子也出生在这里。", "person") == {"弗拉基米尔·普京"}
    assert "汉堡" not in names("关税可能重创美国的牛肉汉堡市场。")
    assert names("人口危机比拿破仑战争更严峻。", "person") == set()
    got = names("由布林迪西海军船只运送到阿尔巴尼亚。")
    assert "布林迪西" in got and not any(n.endswith("海军") for n in got)
    assert "俄罗斯海军" in names("俄罗斯海军举行演习。", "org")


def test_round_bh_rules():
    got = by_name("中国-吉尔吉斯斯坦-乌兹别克斯坦铁路项目协定签署。中吉乌铁路全长500多公里。")
    assert "中国-吉尔吉斯斯坦-乌兹别克斯坦铁路" in got["中吉乌铁路"].surfaces
    assert names("反对派武装攻占了当地军事基地。") == set()
    assert names("犯罪率居高不下(Focus Economics认为失业率将上升)。", "org") == {"Focus Economics"}


def test_round_bj_rules():
    # party lists split after a 党 only; a creed heading a known party's name; quoted party names
    assert names("主要原因是温和党与民主党合作。", "org") >= {"瑞典温和联合党"}
    assert "党" not in names("主要原因是温和党与民主党合作。")
    got = names("瑞典民主党(SD 党)、基督教民主党(KD 党)和自由党组成联盟。", "org")
    assert "基督教民主党" in got and "民主党" not in got
    assert names("美国民主党和共和党。", "org") == {"民主党", "共和党"}
    assert names("“人民力量”党和“新希望”党组成联盟。", "org") == {"人民力量党", "新希望党"}
    assert by_name("极右翼“够了”党以22.56%的得票率紧随其后。")["够了党"].surfaces == ["“够了”党"]
    # a kind of university named by its city; a country's association named by its trade
    assert names("天津外国语大学教授郑继永说。", "org") == {"天津外国语大学"}
    assert "天津" not in names("天津外国语大学教授郑继永说。")
    assert "马来西亚半导体工业协会" in names("马来西亚半导体工业协会数据显示。", "org")
    # descent is no mention of the country; a body's kind before a Latin name makes it the body
    assert "印度" not in names("以印度裔斐济人为主的政党。")
    assert names("高速公路运营商Vinci Autoroutes表示，周五上午封路。", "org") == {"Vinci Autoroutes"}
    assert names("SD 党领袖 Jimmie Åkesson 无法获得支持。", "person") == {"Jimmie Åkesson"}
    # a conjunction ends no given name
    assert names("措施,安抚并赢得示威农民的支持。", "person") == set()


def test_bare_body_before_another_countrys_full_name():
    # the British court first, Canada's court named in full later: the bare name is not Canada's
    got = by_name("英国最高法院周三裁定。最高法院的法官们指出，加拿大最高法院过去对魁北克的一项裁决认为。")
    assert got["加拿大最高法院"].surfaces == ["加拿大最高法院"]
    assert "最高法院" in got["英国最高法院"].surfaces
    # a later bare mention after the full name is the same body
    got = by_name("美国人口普查局周二称，人口普查局的数据显示人口增长放缓。")
    assert got["美国人口普查局"].surfaces == ["美国人口普查局", "人口普查局"]


def test_bases_and_towns_named_like_people():
    got = names("当地人反对将林肯附近的斯坎普顿皇家空军基地用作住所。")
    assert "斯坎普顿皇家空军基地" in got and "亚伯拉罕·林肯" not in got
    assert "亚伯拉罕·林肯" in names("林肯总统签署了解放黑人奴隶宣言。", "person")


def test_round_bk_rules():
    # a chamber written with its congress at the head: both count; 美国会否 is no congress
    got = names("美国国会参议院多数党5月3日宣布将起草法案。", "org")
    assert {"美国参议院", "美国国会"} <= got
    assert "美国国会" in names("美国会众议院已通过至少25项法案。", "org")
    assert names("这取决于美国会否按承诺行事。", "org") == set()
    # abstract nouns are no given names; broadcasters' Latin names are bodies; 所 before a verb ends a name
    assert names("一些环保组织对反应堆的安全性表示担忧。", "person") == set()
    assert names("自由欧洲电台(RFE/Radio Liberty)报道说。", "person") == set()
    assert names("驻京记者乔丹·普耶所撰写的文章。", "person") == {"乔丹·普耶"}
    # the House Speaker named in full: the bare surname is his, not Boris Johnson's
    got = by_name("众议院议长约翰逊警告说。感谢议长迈克·约翰逊本人作出的努力。")
    assert "约翰逊" in got["迈克·约翰逊"].surfaces and "鲍里斯·约翰逊" not in got


def test_round_bl_rules():
    # a full stop or a title between a transliterated name's parts and its Latin form
    got = by_name("真主党证实其最高领导人哈桑.纳斯鲁拉(Hassan Nasrallah)已遇难。")
    assert "哈桑.纳斯鲁拉" in got["哈桑·纳斯鲁拉"].surfaces
    got = names("高级讲师姆维尼·希姆温加博士(Dr Mweene Himwiinga)说。", "person")
    assert got == {"姆维尼·希姆温加"}
    # a `·` name runs on to its Latin form in brackets over characters the walker stops at
    assert names("埃尔多安与凯末尔·克勒赤达罗卢(Kemal Kilicdaroglu)进行决选。", "person") >= {"凯末尔·克勒赤达罗卢"}
    # 议 + 长安 + 德利亚斯: the 长 of 议长 glued to the name
    assert names("瑞典议会议长安德利亚斯·诺伦宣布。", "person") == {"安德利亚斯·诺伦"}
    # ships named after cities; two countries' ministers; counted units
    assert names("编队包括055型巡洋舰“遵义”和补给舰“微山湖”。") == set()
    assert "法国和德国外交部" not in names("英国、法国和德国外交部长发表联合声明。")
    assert names("胶州市多个乡镇公务员被停发工资。", "place") == {"胶州"}
    assert "两省区" not in names("晋蒙两省区间新增一条高铁大通道。")


def test_dateline_byline_without_the_word_reporter():
    got = names("中新社南宁10月1日电 (张广权 温易 松罗婕)中国铁路南宁局1日消息。", "person")
    assert got == {"张广权", "温易", "松罗婕"}
    assert names("新华社北京8月31日电(综合报道)外交部说。", "person") == set()
    # police ranks are roles before a name
    assert names("总警司李桂华与高级警司洪毅共同出席。", "person") == {"李桂华", "洪毅"}


def test_sultan_of_a_country_and_names_that_start_like_a_place():
    assert "苏丹" not in names("阿曼苏丹海塞姆接见了伊朗外交部长。")
    assert "苏丹" in names("埃及和苏丹签署协议。")
    assert "麦加" not in names("天然气通过海底管道麦加兹(Medgaz)输送到西班牙。")


def test_round_bm_rules():
    # a verb the segmenter tags as a name does not start a surname's full name; a kind of person is no name
    assert names("普京在会晤时祝贺卢卡申科在选举中获胜。", "person") >= {"亚历山大·卢卡申科"}
    assert "祝贺卢卡申科" not in names("普京在会晤时祝贺卢卡申科在选举中获胜。")
    assert names("尽管学生申请人在申请过程中不会被禁止讨论种族。", "person") == set()


def test_round_bi_rules():
    # a party and its faction in brackets are one name (and 列宁 there is no Lenin)
    got = names("尼泊尔共产党(列宁马列)副总书记贾瓦里说。人民党(统一派)主席表示。", "org")
    assert {"尼泊尔共产党(列宁马列)", "人民党(统一派)"} <= got
    assert names("尼泊尔共产党(列宁马列)副总书记贾瓦里说。", "person") == {"贾瓦里"}
    # a family is not its best-known member; a date is no source; a verb after a kind of body is no name
    assert names("谢里夫家族考虑踢开布托家族单独组阁。") == set()
    assert names("据2023年7月10日报道，伊拉克签署了协议。", "org") == set()
    assert names("缓解国际贷款机构施加的紧缩措施。") == set()
    # a known city inside a transliterated name; what a law says is no body
    assert "萨那" not in names("斯里兰卡新领导人迪萨那亚凯面临挑战。")
    assert "萨那" not in names("北京希望与迪萨那亚凯政府合作。")   # (与迪/nr: the preposition glued on)
    # 本 + 月初 is "this month", not the end of the name (鲁本/ns)
    assert names("委员会主席贾法鲁本月初称，合作将扩大。", "person") == {"贾法鲁"}
    # the late sultan, the head of state: a title, not Sudan (Sudan's general after the country stays Sudan)
    assert "苏丹" not in names("他参加了为已故苏丹卡布斯举行的悼念活动。国家元首苏丹阿都拉也表示慰问。", "place")
    assert "苏丹" in names("苏丹军队与快速支援部队交火。", "place")
    # 访韩之机: "on the occasion of", no person; 最高法 + 庭 is no Chinese court; a word of a country and its region
    assert not names("他有意借访韩之机前往边境。", "person")
    assert "最高人民法院" not in names("孟晚舟在卑诗省最高法庭再次出庭。", "org")
    assert {"中国", "新疆"} <= names("他指的是中国新疆地区的少数民族。", "place")
    # a middle initial between the parts of a `·` name
    assert {"罗伯特·G·卢纳", "克里斯汀·M·克劳利"} <= names("警长罗伯特·G·卢纳表示，局长克里斯汀·M·克劳利说。", "person")
    assert "金刚山" in names("全长180公里的铁路，金刚山也属于这一区间。", "place")
    # an initial in lower case, a last part glued to 说, 官 of a title glued to the first part
    assert names("政府发言官西蒙·b·格努说，袭击发生在离博尔萨市约60公里处。", "person") == {"西蒙·b·格努"}
    assert "博尔萨市" in names("袭击发生在离博尔萨市约60公里处。", "place")   # (离 glued to the city)
    # a time word before a company's name is no piece of a longer name (当 + 佳能); idioms are no places
    assert "佳能" in names("当佳能关闭珠海工厂时，它在越南设厂。", "org")
    assert not names("这些工厂撑起了三星存储芯片的半壁江山。", "place")
    assert not names("巴尔塞纳靠近麦克风说话。", "person") & {"麦克风"}
    # an adverb after a name the segmenter tagged as a word (辛格/nz + 刚/d) is no part of it
    assert "辛格刚" not in names("印度防长辛格刚在防长会上发言。", "person")
    # a title's last character glued to the name (春蓬府 + 尹威萨/nr): 府尹, a Thai governor
    assert "威萨" in names("部长与春蓬府尹威萨就此事召开会议。", "person")
    assert "北达尔富尔州" in names("北达尔富尔的局势依然严峻。", "place")
    # an acronym in brackets is the body named before it, unless that is the gazetteer's body under another
    # translation; another country's body of the same letters stays apart
    got = by_name("根据挪威难民理事会(NRC)的数据，难民仍在增加。")
    assert "NRC" in got["挪威难民理事会"].surfaces and "美国核管理委员会" not in got
    assert "澳大利亚广播公司" in names("他接受澳大利亚广播公司(ABC)专访。", "org")
    got = by_name("联邦应急管理署(FEMA)将派团队赶赴灾区。")
    assert "FEMA" in got["美国联邦紧急事务管理局"].surfaces
    # a party's bare name after another country's party of that name is that party
    got = by_name("博茨瓦纳民主党遭遇惨败，民主党表示接受结果。")
    assert "民主党" in got["博茨瓦纳民主党"].surfaces and got["博茨瓦纳民主党"].type == "org"
    assert "民主党" in names("美国民主党和共和党展开辩论，民主党表示。", "org")
    # 赴 glued to a name's last character; family members; taking an office; a small town's name before 说
    assert "艾哈迈德·达武特奥卢" in names("时任外长艾哈迈德·达武特奥卢赴开罗出席会议。", "person")
    assert "阿梅利娜" in names("人群中还有士兵家属阿梅利娜，她转述丈夫的话。", "person")
    assert "斯特凡尼希娜" in names("斯特凡尼希娜担任副总理兼司法部长。", "person")
    assert names("一位退休老人安东尼娜说，他们晚上带走了他。", "person") == {"安东尼娜"}
    assert not names("美国为了增强北约盟国的向心力做足了功课。", "person")
    # a railway line named after a place is the line, not the sea
    got = names("朝鲜炸毁了京义线和东海线的南北连接道路。", "place")
    assert "东海线" in got and "东海" not in got
    assert "伊拉克宪法规定议会" not in names("尚未达到伊拉克宪法规定议会三分之二以上选票。")


def test_last_part_of_a_dot_name_over_pieces_the_segmenter_misread():
    # 济多/m, 俄瑞武/ns, 罗/j, 坦扬/v: pieces of the surname up to a verb, a conjunction or a title
    assert names("文物管理局局长埃利·埃斯科济多率领代表团抵达。", "person") == {"埃利·埃斯科济多"}
    assert names("工业部长乔迪·俄瑞武和奇瑞代表团会面。", "person") == {"乔迪·俄瑞武"}
    assert names("教区的巴格拉特·加尔斯坦扬大主教迈向政坛前台。", "person") == {"巴格拉特·加尔斯坦扬"}
    # the last character glued to the preposition after it (夫向/n)
    assert "安东·科蒂亚科夫" in names("劳工部长安东·科蒂亚科夫向总统汇报了情况。", "person")
    # a verb between a name and a facility word: the person speaks of the facility, it is not named after him
    assert names("高级军官莫谢·泰特罗否认医院面临危险。", "person") == {"莫谢·泰特罗"}
    assert "安东尼奥·吉特拉斯发电厂" in names("安东尼奥·吉特拉斯发电厂停运。", "place")
    # a known name's own parts do not run on (约瑟夫·拜登 + 政府)
    assert names("约瑟夫·拜登政府宣布制裁。", "person") == {"乔·拜登"}


def test_yin_opening_a_part_of_a_dot_name():
    assert names("前总统路易斯·因西奥·卢拉达席尔维亚于周三访问。", "person") == {"路易斯·因西奥·卢拉达席尔维亚"}


def test_a_known_group_quoted_before_zuzhi_is_that_group():
    assert ("org", "基地组织") in _names("营地遭自称“基地”组织分支的武装分子袭击。")
    assert ("org", "伊斯兰国") in _names("“伊斯兰国”组织宣称对袭击负责。")
    assert not [n for n in _names("他们成立了“和平”组织。") if n[0] == "org" and n[1] == "和平组织"]


def test_another_transliteration_of_a_known_person_is_that_person():
    got = extract_entities("欧盟外交和安全政策高级代表何塞普·博雷尔表示，博雷尔说。")
    people = [(m.name, m.surfaces, m.known) for m in got if m.type == "person"]
    assert people == [("何塞普·博雷利", ["何塞普·博雷尔", "博雷尔"], True)]
    assert ("person", "德米特罗·库列巴") in _names("乌克兰外长德米特罗·库莱巴周一抵达。")
    assert ("person", "米格尔·迪亚斯-卡内尔") in _names("古巴国家主席米格尔·迪亚兹-卡内尔会见了他。")
    # a two-character part that differs is another name, not another spelling
    assert ("person", "萨娜·马林") not in _names("桑娜·马林表示支持。")


def test_a_dotted_name_before_the_kind_of_site_is_that_site():
    assert ("place", "哈贾·哈米达清真寺") in _names("武装分子焚烧了哈贾·哈米达清真寺。")
    assert ("place", "纳尔·卡比尔河") in _names("走私货物经纳尔·卡比尔河往返两国。")   # (经: via, no part of it)
    assert ("org", "伊玛目·侯赛因医院") in _names("伤者被送往伊玛目·侯赛因医院救治。")   # (a title before the `·`)
    assert ("person", "谢赫·哈西娜") in _names("谢赫·哈西娜当天表示欢迎。")


def test_a_bare_body_right_after_a_country_is_named_with_it():
    assert ("org", "俄罗斯下议院") in _names("俄罗斯下议院通过了一项法律。")
    assert ("org", "海地国家警察") in _names("维和人员与东道国海地国家警察密切合作。")
    assert ("place", "俄罗斯") in _names("俄罗斯下议院通过了一项法律。")


def test_the_kind_of_outlet_before_its_name_is_no_part_of_it():
    got = _names("这个消息得到了俄罗斯媒体文传通讯社的证实。")
    assert ("org", "文传通讯社") in got and ("place", "俄罗斯") in got
    assert not [n for n in got if n[1].startswith("俄罗斯媒体")]


def test_a_grade_of_crude_is_no_place():
    assert ("place", "乌拉尔") not in _names("乌拉尔原油价格跌至每桶60美元。")
    assert ("place", "乌拉尔") not in _names("价格上限略高于乌拉尔油价。")
    assert ("place", "乌拉尔") in _names("他在乌拉尔地区工作多年。")


def test_a_pipeline_named_after_a_region_or_a_name_is_a_place():
    got = _names("中亚管道以及陕京管道输送天然气。")
    assert ("place", "中亚管道") in got and ("place", "陕京管道") in got
    assert ("place", "亚马尔管道") in _names("亚马尔管道反向输气。")
    # a country's pipelines, pipeline gas and a body named after a pipeline are no pipeline's name
    assert not [n for n in _names("俄罗斯管道气在欧盟进口中的份额下降。") if n[1].endswith("管道")]
    assert ("org", "里海管道联盟") in _names("里海管道联盟的设施遭到袭击。")


def test_a_countrys_army_or_government_forces_are_no_formal_unit():
    got = _names("叙利亚阿拉伯军队撤出阿勒颇，叙利亚政府军与反对派交火。")
    assert ("place", "叙利亚") in got and not [n for n in got if n[0] == "org"]
    assert ("org", "叙利亚阿拉伯军") in _names("叙利亚阿拉伯军收复了城镇。")


def test_a_ministry_whose_field_holds_a_verb_and_a_conjunction():
    assert ("org", "德国经济和气候保护部") in _names("德国经济和气候保护部发言人说。")


def test_a_name_after_a_minister_whose_title_the_segmenter_split():
    # 印度国防部 is one word of the user dictionary: 部长 is cut into 部 + 长
    assert ("person", "辛格") in _names("印度国防部长辛格表示。")
    assert ("person", "辛格") in _names("印度防长辛格1日就此表示。")
    assert ("org", "俄罗斯国防部") in _names("俄罗斯国防部长期以来坚持这一立场。")
    assert ("person", "辛格") in _names("长期以来，印度国防部长辛格表示反对。")   # (a 长 at the text's start)


def test_field_officers_and_a_surname_tagged_as_a_verb():
    assert ("person", "布朗") in _names("联合国驻乌克兰协调员布朗表示，援助受阻。")
    assert ("person", "塞西莉亚·维加") in _names("采访者塞西莉亚·维加问到这些导弹时，他没有回答。")
    assert ("person", "阿卜杜勒-法塔赫·塞西") not in _names("采访者塞西莉亚·维加问到这些导弹时，他没有回答。")


def test_a_bare_body_name_after_another_countrys_short_form_is_that_countrys():
    got = _names("导弹将安装在澳皇家空军的战斗机上。")
    assert ("org", "澳大利亚皇家空军") in got and ("org", "英国皇家空军") not in got
    assert ("org", "英国皇家空军") in _names("英国皇家空军当天出动。")
    assert ("org", "以色列人民党") not in _names("以人民党为首的全国民主联盟获得多数。")


def test_a_federation_of_bodies_and_the_country_of_a_union():
    got = _names("土耳其工会联合会9月调查显示物价上涨。")
    assert ("org", "土耳其工会联合会") in got and ("place", "土耳其") in got
    assert ("org", "真主党议会联盟") in _names("真主党议会联盟主席拉阿德表示反对。")
    assert ("place", "土耳其") in _names("土耳其工会发表声明。")


def test_the_places_a_mission_is_in_count():
    got = _names("美国驻伊拉克巴格达大使馆内响起警报声。")
    assert {("place", "伊拉克"), ("place", "巴格达"), ("place", "美国")} <= got
    assert ("place", "河内") in _names("俄罗斯驻河内大使馆未发表评论。")
    assert ("place", "巴基斯坦") in _names("巴基斯坦总理到中国驻巴使馆吊唁。")


def test_two_dashed_lines_joined_by_he_are_two_lines():
    got = _names("诸如巴库-第比利斯-卡尔斯铁路和巴库-第比利斯-杰伊汉管道等项目。")
    assert ("place", "巴库-第比利斯-卡尔斯铁路") in got and ("place", "巴库-第比利斯-杰伊汉管道") in got
    assert ("place", "霍尔果斯—阿腾科里铁路") in _names("货物经霍尔果斯—阿腾科里铁路出境。")
    assert ("place", "阿布贾-卡杜纳高速公路") in _names("年轻人在阿布贾-卡杜纳高速公路上游行。")


def test_numbered_military_units_and_districts_are_organisations():
    got = _names("俄罗斯第14集团军和第247空降团划归南部军区和西部军区。")
    assert {("org", "第14集团军"), ("org", "第247空降团"), ("org", "南部军区"), ("org", "西部军区"),
            ("place", "俄罗斯")} <= got
    assert ("org", "第三独立突击旅") in _names("乌克兰第三独立突击旅宣布撤退。")
    assert not [n for n in _names("他在比赛中获得第二名，该国第二大城市。") if n[0] == "org"]
    assert ("org", "美国海军第七舰队") in _names("美国海军第七舰队在一份声明中表示。")


def test_lian_before_a_foreign_leader_is_even():
    got = _names("相信连安华自己也感到迷惑。")
    assert ("person", "安瓦尔·易卜拉欣") in got and ("person", "连安华") not in got


def test_a_known_place_ending_a_surname_cut_in_two():
    assert ("person", "理查德·吉拉戈西安") in _names("区域研究中心主任理查德·吉拉戈西安表示。")
    assert ("place", "西安") not in _names("区域研究中心主任理查德·吉拉戈西安表示。")


def test_such_as_glued_to_an_island():
    got = _names("附近有30多个海岛,如高龙岛、情人岛等。")
    assert ("place", "高龙岛") in got and ("place", "如高龙岛") not in got


def test_crossing_an_ocean_names_it_a_trans_ocean_relation_does_not():
    assert ("place", "太平洋") in _names("俄军发起了横跨太平洋、北冰洋的演习。")
    assert ("place", "太平洋") not in _names("美国退出了跨太平洋伙伴关系协定。")


def test_a_named_avenue_is_a_place():
    got = _names("示威者在鲁斯塔维利大道和鲁达基大道上游行。")
    assert ("place", "鲁斯塔维利大道") in got and ("place", "鲁达基大道") in got
    assert not [n for n in _names("中国走上了康庄大道。") if n[1].endswith("大道")]


def test_a_site_named_in_latin_letters_before_its_kind():
    got = _names("塞浦路斯将开发Aphrodite气田，部队抵达Jetigen机场。")
    assert ("place", "Aphrodite气田") in got and ("place", "Jetigen机场") in got
    assert ("place", "卡里什气田") in _names("以色列将开发Karish气田。")   # a field the gazetteer knows
    assert not [n for n in _names("这是一个LNG港口。") if n[1].startswith("LNG")]


def test_a_companys_trade_after_its_short_name_is_in_the_surface():
    got = {m.name: m.surfaces for m in extract_entities("马士基和赫伯罗特航运均宣布暂停红海航线。")}
    assert got["赫伯罗特"] == ["赫伯罗特航运"]
    assert {m.name: m.surfaces for m in extract_entities("壳牌石油价格上涨。")}.get("壳牌") == ["壳牌"]


def test_a_brand_company_after_its_country_stands_apart():
    got = _names("德国政府批准中国收购德国埃尔默斯半导体技术公司的工厂。")
    assert ("org", "埃尔默斯半导体技术公司") in got and ("place", "德国") in got
    assert ("org", "英国石油公司") in _names("英国石油公司宣布裁员。")


def test_a_bare_numbered_division_needs_its_army_or_country():
    assert not [n for n in _names("他曾任东北野战军独立第八师政治委员。") if n[1] == "第八师"]
    assert ("org", "第三旅") in _names("乌军第三旅撤出阵地。")


def test_our_countrys_body_is_the_countrys_known_body():
    got = {m.name: m.surfaces for m in extract_entities("我国外交部发言人汪文斌在记者会上表示。")}
    assert got.get("中国外交部") == ["我国外交部"]


def test_an_arabic_first_name_must_sound_alike_to_be_a_known_persons():
    # 阿卜杜勒·加尼 is no 阿什拉夫·加尼; the text's own three-part name owns its last two parts
    got = {m.name: m.surfaces for m in extract_entities(
        "伊拉克石油部长哈扬·阿卜杜勒·加尼周一表示，谈判已经结束。阿卜杜勒·加尼说，出口将在下周恢复。")}
    assert "阿什拉夫·加尼" not in got
    assert got["哈扬·阿卜杜勒·加尼"] == ["哈扬·阿卜杜勒·加尼", "阿卜杜勒·加尼"]


def test_a_known_surname_inside_a_longer_foreign_name_is_no_person():
    assert not [n for n in _names("民兵组织“詹贾维德”在达尔富尔制造了屠杀。") if n[0] == "person"]


def test_a_title_glued_to_the_names_last_character():
    assert ("person", "阿卜杜拉耶·迈加") in _names("政府发言人阿卜杜拉耶·迈加上校在电视上宣读了声明。")


def test_a_brand_among_plain_nouns_is_the_plain_noun():
    assert not [n for n in _names("当地种植玉米、小米、高粱等作物。") if n[0] == "org"]
    assert ("org", "小米") in _names("华为、小米、OPPO都在当地设厂。")


@pytest.mark.parametrize("text", ["局势越加紧张。", "他日日工作到深夜。", "大家美美地睡了一觉。", "核设施深藏地下。"])
def test_words_made_of_one_char_place_forms_are_no_places(text):
    assert not [n for n in _names(text) if n[0] == "place"]


@pytest.mark.parametrize("text, country, named, generic", [
    ("黎巴嫩境内的叙利亚难民营人满为患，加沙的努赛拉特难民营遭到空袭。", "叙利亚", "努赛拉特难民营", "叙利亚难民营"),
    ("韩国希望把捷克核电站订单当作进军欧洲的桥头堡，扎波罗热核电站则再遭炮击。", "捷克", "扎波罗热核电站", "捷克核电站")])
def test_a_countrys_camp_or_plant_names_the_country_not_a_site(text, country, named, generic):
    got = _names(text)
    assert ("place", country) in got and ("place", named) in got
    assert not [n for n in got if n[1] == generic]


def test_a_reporters_name_before_bao_dao_in_a_byline():
    got = _names("【南美侨报编译王晗报道】根据一项最新民调，巴西总统支持率回升。")
    assert ("person", "王晗") in got and not [n for n in got if n[1] == "王晗报道"]


def test_a_three_character_name_before_a_square_bracket():
    assert ("person", "白云怡") in _names("[环球时报记者白云怡]本月上旬，一位智利学者说。")


def test_an_adverb_after_a_dot_names_cut_last_part_ends_it():
    assert ("person", "罗德里戈·德洛雷多") in _names("两名议员米格尔·皮切托和罗德里戈·德洛雷多并未出席会议。")


def test_a_local_spelling_before_a_known_persons_latin_name_is_that_person():
    got = {m.name: m.surfaces for m in extract_entities("哥伦比亚总统裴卓（Gustavo Petro）发文回应。裴卓说，船上都是渔民。")}
    assert "裴卓" not in got and "裴卓" in got["古斯塔沃·佩特罗"]


def test_a_word_starting_with_a_districts_name_is_no_district():
    assert not [n for n in _names("各国承诺从化石燃料过渡，不再从化肥中获利。") if n[0] == "place"]
    assert ("place", "从化区") in _names("广州从化区的荔枝很有名。")


def test_a_company_named_with_its_seat_in_brackets_is_one_name():
    got = {m.name: m.country for m in extract_entities("被勒令撤资的公司是中矿(香港)稀有金属资源有限公司和藏格矿业投资(成都)有限公司。")}
    assert got.get("中矿(香港)稀有金属资源有限公司") == "HK" and got.get("藏格矿业投资(成都)有限公司") == "CN"
    assert "香港" not in got and "成都" not in got
    got = {m.name for m in extract_entities("另一家中国企业中矿(香港)稀有金属资源有限公司也表示。")}
    assert got == {"中国", "中矿(香港)稀有金属资源有限公司"}   # the country and the kind of firm stay outside


def test_the_kind_of_firm_before_a_known_company_is_no_company():
    got = _names("例如美国石油公司雪佛龙仍获授权运输原油。")
    assert ("org", "雪佛龙") in got and ("place", "美国") in got
    assert not [n for n in got if n[1] == "美国石油公司"]
    assert ("org", "保加利亚天然气公司") in _names("保加利亚天然气公司宣布涨价。")


def test_a_communications_director_names_no_body():
    got = _names("白宫通讯主任张振熙表示，攻击将持续。")
    assert ("org", "白宫") in got and not [n for n in got if n[1] == "白宫通讯"]


def test_a_known_short_name_at_the_start_of_a_longer_foreign_one():
    got = {m.name: [t for t in m.surfaces] for m in extract_entities("武装分子在达尔瓦兹方向越境，巴基斯坦外长达尔表示关切。")}
    assert "伊沙克·达尔" in got   # the Pakistani minister named on his own
    text = "美国派出副国务卿纽兰登门谈判。"
    assert ("person", "维多利亚·纽兰") in _names(text)   # after a role, the known person whatever follows


def test_visiting_china_is_no_central_china():
    got = _names("据悉，在此次访华中，耶伦会见了李强。")
    assert ("place", "中国") in got and not [n for n in got if n[1] == "华中"]


def test_a_party_named_by_its_cause_before_a_known_partys_name():
    got = _names("塔吉克斯坦农业党、社会主义党和经济改革党相继召开代表大会。")
    assert ("org", "经济改革党") in got and not [n for n in got if n[1] == "英国改革党"]


@pytest.mark.parametrize("text, word", [("上海合作组织的领导人齐聚阿斯塔纳。", "齐聚"), ("未来看来，文官出任国防部长将成为常态。", "文官"),
                                        ("公司必须获得特别许可证才能出口芯片。", "许可证"), ("这种高福利模式使欧洲国家捉襟见肘。", "高福利"),
                                        ("就连战争能否获胜都是未知数。", "连战"), ("他们计划审查申请人的社交媒体内容。", "内容")])
def test_common_words_that_look_like_names_are_no_entities(text, word):
    got = {m.name: m.surfaces for m in extract_entities(text)}
    assert not [name for name, surfaces in got.items() if word in surfaces]


def test_a_title_qualifier_is_no_name_and_a_known_person_after_it_is():
    got = _names("国民党荣誉主席连战访问大陆。")
    assert ("person", "连战") in got and not [n for n in got if n[1] == "荣誉"]


def test_a_name_ends_before_a_preposition_and_after_a_verb_before_it():
    assert not [n for n in _names("日本防卫大臣小泉进次郎访问冲绳。小泉向媒体强调，部署是必要的。") if n[1] == "小泉向媒体"]
    got = _names("只有62%的乌克兰人表示他们信任泽连斯基。")
    assert ("person", "弗拉基米尔·泽连斯基") in got and not [n for n in got if n[1] == "信任泽连斯基"]


def test_a_general_federation_is_named_whole():
    got = _names("日本工会总联合会2日召开会议，敲定春季劳资谈判方针。")
    assert ("org", "日本工会总联合会") in got and not [n for n in got if n[1] == "日本工会"]


@pytest.mark.parametrize("text", ["财政部计划回购3亿美元欧洲债券。", "德国联邦外交部欧洲事务部长发表讲话。",
                                  "这些经济体曾是亚洲四小龙。", "他出席了第十九届亚洲运动会闭幕式。"])
def test_a_continent_in_a_term_or_a_title_is_no_mention_of_it(text):
    assert not [n for n in _names(text) if n[1] in ("欧洲", "亚洲")]
    assert ("place", "欧洲") in _names("欧洲经济增长放缓。")


def test_a_services_general_staff_is_one_body_with_its_country():
    got = {m.name: m.country for m in extract_entities("倭马亚广场旁的叙利亚军队总参谋部遭袭，以色列空军司令部发表声明。")}
    assert got.get("叙利亚军队总参谋部") == "SY" and got.get("以色列空军司令部") == "IL" and "叙利亚" in got
    assert ("org", "陆军总参谋部") in _names("袭击目标包括国防部大楼和陆军总参谋部。")
    assert not [n for n in _names("陆军司令部下令撤退。") if n[0] == "org"]   # no country, no name


def test_chinas_telecoms_before_a_kind_of_firm_is_no_china_telecom():
    assert ("org", "中国电信") not in _names("这是对中国电信巨头华为的打压。")
    assert ("org", "中国电信") in _names("中国电信宣布全面提速。")


def test_the_mainland_in_a_text_about_taiwan_is_china():
    got = {m.name: m.surfaces for m in extract_entities("台湾当局提醒台商注意赴大陆投资的风险。")}
    assert got.get("中国") == ["大陆"]
    assert "中国" not in {m.name for m in extract_entities("法国大陆和科西嘉岛之间的航线停运。")}


def test_a_country_and_its_territory_in_one_word_count_both():
    got = _names("新加坡拒绝让尼公民入境，中国台湾、中国香港也实施限制。")
    assert {("place", "中国"), ("place", "台湾"), ("place", "香港")} <= got


def test_a_legislature_glued_to_its_members_or_to_a_verb_is_the_countrys():
    got = {m.name: m.surfaces for m in extract_entities("约翰逊告诉国会议员，他将辞职。英国首相约翰逊说。")}
    assert any(name.startswith("英国") and "国会" in surfaces for name, surfaces in got.items())
    assert ("org", "国会") in _names("法国总统马克龙宣布解散国会，提早举行大选。")
    assert not [n for n in _names("全国会议在北京召开。") if n[0] == "org"]


@pytest.mark.parametrize("text, place, not_person", [
    # a name introduced as a town is a place, whatever it sounds like
    ("在长达1400英里的边境线上，一个名为邦瓦的小镇坐落在山谷里。", "邦瓦", "邦瓦"),
    # a known person's short name glued to a place character names a place (Cook Inlet, not Tim Cook)
    ("管道将从北坡通往南部的库克湾，在那里液化。", "库克湾", "蒂姆·库克"),
    # ... or a foreign works' name that starts like it (Petrotel refinery, not Gustavo Petro)
    ("公司将出售罗马尼亚的佩特罗特尔炼油厂。", "佩特罗特尔炼油厂", "古斯塔沃·佩特罗"),
    # a Latin name right before a mine, a field or a plant is that site
    ("刚果(金)的Manono锂矿正在扩建。", "Manono锂矿", None),
    ("韩国将重启Shin-Hanul核电厂的两座反应堆。", "Shin-Hanul核电厂", None),
    ("Greenbushes矿山宣布减产。", "Greenbushes矿山", None),
])
def test_places_named_like_people_or_in_latin(text, place, not_person):
    found = by_name(text)
    assert place in found and found[place].type == "place"
    assert not (not_person in found and found[not_person].type == "person")


def test_people_of_those_names_still_found():
    assert "蒂姆·库克" in names("苹果公司首席执行官库克说，销量增长。", "person")
    assert "古斯塔沃·佩特罗" in names("哥伦比亚总统佩特罗表示反对。", "person")


def test_city_a_treaty_is_named_after_is_no_mention():
    assert "维也纳" not in by_name("此举违反了《维也纳外交关系公约》。")
    assert "维也纳" in by_name("双方代表在维也纳举行会谈。")
