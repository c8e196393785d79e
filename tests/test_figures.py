"""Figure extraction (etl/figures.py) on sentences written for these tests, plus a well-formedness
check over the real corpus when it is present. Kinds, units and normalisation follow
shared/gold/README.md."""
from __future__ import annotations

from pathlib import Path

import pytest

from etl.figures import KINDS, extract_figures
from etl.models import compose_document

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def figs(text: str) -> list[tuple]:
    """(kind, low, high, unit) of every figure, values rounded so float noise does not matter."""
    out = extract_figures(text)
    for f in out:
        assert text[f.start:f.end] == f.text, f
    return [(f.kind, round(f.value_low, 9), round(f.value_high, 9), f.unit) for f in out]


def kind_values(text: str) -> list[tuple]:
    """(kind, low) of every figure."""
    return [(f.kind, f.value_low) for f in extract_figures(text)]


def kind_value_units(text: str) -> list[tuple]:
    """(kind, low, unit) of every figure."""
    return [(f.kind, f.value_low, f.unit) for f in extract_figures(text)]


def one(text: str):
    found = extract_figures(text)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ kinds and units

@pytest.mark.parametrize("text, expected", [
    # volume: cubic metres (万/亿, 亿方), barrels stay barrels
    ("管道每年可输送550亿立方米天然气。", ("volume", 5.5e10, 5.5e10, "m3")),
    ("该气田去年产气80亿方。", ("volume", 8e9, 8e9, "m3")),
    ("这个油田每天产出120万桶原油。", ("volume", 1.2e6, 1.2e6, "barrel")),
    # mass: tonnes, from 吨, 公斤, 磅, 斤
    ("港口去年吞吐煤炭3.2亿吨。", ("mass", 3.2e8, 3.2e8, "t")),
    ("救援队运来了800公斤药品。", ("mass", 0.8, 0.8, "t")),
    ("包裹重约100磅。", ("mass", 0.045359237, 0.045359237, "t")),
    # money: one unit of the currency, ISO 4217
    ("议会批准了一笔120亿美元的援助。", ("money", 1.2e10, 1.2e10, "USD")),
    ("地方财政拨款4.5万亿元用于基建。", ("money", 4.5e12, 4.5e12, "CNY")),
    ("该笔交易金额为人民币3000万元。", ("money", 3e7, 3e7, "CNY")),
    ("欧盟承诺提供9亿欧元。", ("money", 9e8, 9e8, "EUR")),
    ("俄方合同价值达2000亿卢布。", ("money", 2e11, 2e11, "RUB")),
    ("球员的周薪为30万英镑。", ("money", 3e5, 3e5, "GBP")),
    ("政府追加了2万亿日元预算。", ("money", 2e12, 2e12, "JPY")),
    ("每吨钢材报价708美元/吨。", ("money", 708, 708, "USD")),
    ("油价下跌以后，这个国家每月只收入5000万里亚尔。", ("money", 5e7, 5e7, "IRR")),
    ("新的住房计划耗资800亿卢比。", ("money", 8e10, 8e10, "INR")),
    ("该国央行抛售了30亿里拉。", ("money", 3e9, 3e9, "TRY")),
    ("交易额约为5000亿韩元。", ("money", 5e11, 5e11, "KRW")),
    # percent: shares and levels
    ("在受访的市民中，62%表示满意。", ("percent", 62, 62, "%")),
    ("当地的失业率为7.8%。", ("percent", 7.8, 7.8, "%")),
    ("本届选举的投票率只有48%。", ("percent", 48, 48, "%")),
    # growth: signed changes
    ("上半年出口同比增长12.4%。", ("growth", 12.4, 12.4, "%")),
    ("该市房价环比下跌0.6%。", ("growth", -0.6, -0.6, "%")),
    ("工业产量比去年减少了9%。", ("growth", -9, -9, "%")),
    ("上个月的通胀率达到8.2%。", ("growth", 8.2, 8.2, "%")),
    ("这种药比进口药便宜，价格比同类产品低25%。", ("growth", -25, -25, "%")),
    ("到2035年把排放量降低40%。", ("growth", -40, -40, "%")),
    ("该国货币今年已贬值18%。", ("growth", -18, -18, "%")),
    ("该股盘中一度跌超7%。", ("growth", -7, -7, "%")),
    ("新款手机比旧款贵了近20%。", ("growth", 20, 20, "%")),
    # count: people
    ("火灾造成12人死亡。", ("count", 12, 12, "person")),
    ("共有2300名志愿者参加了清理。", ("count", 2300, 2300, "person")),
    ("该省新增确诊病例86例。", ("count", 86, 86, "person")),
    ("边境附近聚集了15万难民。", ("count", 1.5e5, 1.5e5, "person")),
    ("全市常住人口达到2100万。", ("count", 2.1e7, 2.1e7, "person")),
    ("该国拥有4600万人口。", ("count", 4.6e7, 4.6e7, "person")),
    ("约有200万叙利亚人居住在那里。", ("count", 2e6, 2e6, "person")),
    ("已有500万乌克兰难民离开。", ("count", 5e6, 5e6, "person")),
    ("瓦砾中找到了9具遇难者遗体。", ("count", 9, 9, "person")),
])
def test_kind_and_unit(text, expected):
    assert figs(text) == [expected]


# ------------------------------------------------------------------ numerals

@pytest.mark.parametrize("text, expected", [
    ("百分之六十的居民同意。", ("percent", 60, 60, "%")),
    ("约五千人参加了游行。", ("count", 5000, 5000, "person")),
    ("公司营收3.5万亿日元。", ("money", 3.5e12, 3.5e12, "JPY")),
    ("该国债务规模为1.2亿美元。", ("money", 1.2e8, 1.2e8, "USD")),
    ("该市政府预算为4.5万亿元。", ("money", 4.5e12, 4.5e12, "CNY")),
    ("仓库储存了1,250吨粮食。", ("mass", 1250, 1250, "t")),
    ("这座城市有１２００名警察。", ("count", 1200, 1200, "person")),
    ("全国共有两千三百名代表出席。", ("count", 2300, 2300, "person")),
    ("今年新增就业人口中，有一百二十万人来自农村。", ("count", 1.2e6, 1.2e6, "person")),
    ("全国有12亿4000万人接种了疫苗。", ("count", 1.24e9, 1.24e9, "person")),
    ("当天的工钱是1万2千日元。", ("money", 12000, 12000, "JPY")),
    ("此前有超过 60 万名难民越境。", ("count", 6e5, 6e5, "person")),   # spaced digits
    ("管道容量为 90 亿立方米。", ("volume", 9e9, 9e9, "m3")),
])
def test_numerals(text, expected):
    assert figs(text) == [expected]


def test_per_mille_converts_to_percent():
    assert figs("该省去年的出生率为7.52‰。") == [("percent", 0.752, 0.752, "%")]
    assert figs("人口自然增长率为4.35‰。") == [("growth", 0.435, 0.435, "%")]  # a rate of change
    assert figs("出生率约为千分之八。") == [("percent", 0.8, 0.8, "%")]


def test_negative_level_keeps_its_sign():
    assert figs("央行把利率维持在-0.1%。") == [("percent", -0.1, -0.1, "%")]
    assert figs("今年经济增长率预计为负2.5%。") == [("growth", -2.5, -2.5, "%")]


# ------------------------------------------------------------------ ranges and approximations

def test_ranges():
    assert figs("该项目预计耗资2200万至2500万美元。") == [("money", 2.2e7, 2.5e7, "USD")]
    assert figs("需求每年以5%到8%的速度增长。") == [("growth", 5, 8, "%")]
    assert figs("估计有3至5万人被迫离开。") == [("count", 3e4, 5e4, "person")]
    assert figs("该国派出了800~1000名士兵。") == [("count", 800, 1000, "person")]
    assert figs("预计增长1.5%-2%。") == [("growth", 1.5, 2, "%")]
    assert figs("每桶价格在70—90美元之间。") == [("money", 70, 90, "USD")]


def test_from_to_is_two_figures():
    assert figs("参与人数从6万人增加至30万人。") == [
        ("count", 6e4, 6e4, "person"), ("count", 3e5, 3e5, "person")]
    # the unit written once applies to both ends
    assert figs("援助计划从3万亿缩水为8000亿美元。") == [("money", 3e12, 3e12, "USD"), ("money", 8e11, 8e11, "USD")]
    assert figs("驻军兵力从2万增加至9万。") == [("count", 2e4, 2e4, "person"), ("count", 9e4, 9e4, "person")]
    # a change followed by the level it reached is not a range either
    assert figs("油价每桶上涨6美元至90美元。") == [("money", 6, 6, "USD"), ("money", 90, 90, "USD")]


@pytest.mark.parametrize("text, value, surface", [
    ("现场有3000多人。", 3000, "3000多人"),
    ("已疏散230余人。", 230, "230余人"),
    ("约有800名学生。", 800, "约有800名"),
    ("逾4000人被捕。", 4000, "逾4000人"),
    ("超过1.5万人受伤。", 15000, "超过1.5万人"),
    ("将近600名乘客滞留。", 600, "将近600名"),
    ("大约有1000人左右。", 1000, "大约有1000人左右"),
    ("近千人参加了悼念活动。", 1000, "近千人"),
])
def test_approximations_keep_the_stated_number(text, value, surface):
    f = one(text)
    assert (f.kind, f.value_low, f.value_high, f.approx, f.text) == ("count", value, value, True, surface)


def test_exact_numbers_are_not_approximate():
    assert one("共有320名议员投票。").approx is False


# ------------------------------------------------------------------ time basis

@pytest.mark.parametrize("text, per", [
    ("俄方每年向该国供应300亿立方米天然气。", "year"),
    ("该国年均进口小麦1200万吨。", "year"),
    ("这座工厂每月生产5000吨钢材。", "month"),
    ("油田的产量为60万桶/日。", "day"),
    ("日均新增病例120例。", "day"),
    ("该国去年进口了1.3亿吨铁矿石。", None),
])
def test_per(text, per):
    assert one(text).per == per


def test_surface_text_includes_the_time_basis():
    f = one("邻国的天然气消费量为每年3600亿立方米。")
    assert (f.text, f.per, f.subject) == ("每年3600亿立方米", "year", "天然气消费量")


# ------------------------------------------------------------------ two currencies, title

def test_two_currencies_give_two_figures():
    assert figs("罚款为4亿丹麦克朗（约合6000万美元）。") == [
        ("money", 4e8, 4e8, "DKK"), ("money", 6e7, 6e7, "USD")]
    assert figs("收购价为20亿英镑（约合人民币170亿元）。") == [
        ("money", 2e9, 2e9, "GBP"), ("money", 1.7e10, 1.7e10, "CNY")]


def test_title_amount_takes_the_body_currency():
    doc = compose_document("80亿芯片补贴落空", "国会原本要批准80亿美元的补贴。")
    assert set(figs(doc)) == {("money", 8e9, 8e9, "USD")}
    assert [f.start for f in extract_figures(doc)][0] == 0


def test_title_percentage_takes_the_body_kind():
    doc = compose_document("3.2%！该国物价创新高", "统计局称，消费价格同比上涨3.2%。")
    assert set(figs(doc)) == {("growth", 3.2, 3.2, "%")}


# ------------------------------------------------------------------ growth details

def test_list_after_a_change_keeps_its_sign():
    assert figs("两省人口分别减少1.2%和0.4%。") == [("growth", -1.2, -1.2, "%"), ("growth", -0.4, -0.4, "%")]
    assert figs("四个季度的增速依次为6%、5.2%和4.8%。") == [
        ("growth", 6, 6, "%"), ("growth", 5.2, 5.2, "%"), ("growth", 4.8, 4.8, "%")]


def test_level_reached_after_a_change_verb_is_percent():
    assert figs("支持率下降到38%。") == [("percent", 38, 38, "%")]


def test_change_and_level_in_one_clause():
    assert figs("居民收入增长6.3%至4.2万元。") == [("growth", 6.3, 6.3, "%"), ("money", 42000, 42000, "CNY")]


def test_margin_is_not_a_percent():
    assert figs("他以2%的劣势落败。") == []


# ------------------------------------------------------------------ counts: what is and is not people

def test_one_counts_only_in_explicit_casualty_statements():
    assert figs("爆炸导致1人死亡。") == [("count", 1, 1, "person")]
    assert figs("另有1名工人受伤。") == [("count", 1, 1, "person")]
    assert figs("今天只新增1例。") == [("count", 1, 1, "person")]
    assert figs("一名发言人拒绝置评。") == []
    assert figs("他派了1名助手前往。") == []


def test_two_named_people_are_not_a_count():
    assert figs("两位领导人在会后共同会见记者。") == []
    assert figs("马克和安娜两人随后离开。") == []
    assert figs("两人在事故中死亡。") == [("count", 2, 2, "person")]


def test_paired_deaths_and_injuries():
    assert figs("车祸造成2死7伤。") == [("count", 2, 2, "person"), ("count", 7, 7, "person")]


@pytest.mark.parametrize("text", [
    "该国有300万户家庭缺电。",            # households
    "新政策创造了50万个就业岗位。",        # jobs
    "该平台拥有2亿用户。",                # customers
    "他获得了700万张选票。",              # vote tallies
    "空军出动了40架战机。",               # aircraft
    "对方发射了12枚导弹。",               # missiles
    "每10万人中有5人感染。",              # ratio base
    "每20人为一组。",                     # per-group size
    "五人小组今天开会。",                 # group size
    "他在排行榜上名列前10名。",           # rank
])
def test_not_people(text):
    assert [f for f in figs(text) if f[0] == "count"] == []


# ------------------------------------------------------------------ not figures

@pytest.mark.parametrize("text", [
    "2022年3月15日上午9点，会议开始。",     # years, dates, times
    "这位44岁的候选人赢得了选举。",         # age
    "他是第三位发言的代表。",               # ordinal
    "谈判持续了5至7年。",                   # duration
    "工作组将在六个月内提交报告。",         # duration
    "支持率下降了5个百分点。",              # percentage points
    "美联储加息25个基点。",                 # basis points
    "三分之一的学校关闭，七成商店停业。",   # fractions
    "一半的员工居家办公，收入翻一番。",     # fraction, multiple
    "产量增长了两倍。",                     # multiple
    "数十人受伤，数百万人受影响。",         # vague amounts
    "几十名游客被困。",                     # vague amounts
    "海军新型055型驱逐舰和F-35战机亮相。",  # model names
    "他用iPhone 13拍摄了照片。",            # model names
    "请拨打热线010-12345678咨询。",         # phone-like
    "当地气温降到-0.2℃。",                  # temperature
    "主队以3：1获胜。",                     # score
    "决议以30票赞成、2票反对获得通过。",    # vote tally
    "没有人愿意出卖一克主权。",             # figure of speech
])
def test_not_figures(text):
    assert figs(text) == []


def test_only_the_six_kinds():
    text = "全国有1.2万所学校、800架飞机、3000辆汽车、50公里道路和90%的居民。"
    assert {f.kind for f in extract_figures(text)} <= set(KINDS)
    assert figs(text) == [("percent", 90, 90, "%")]


# ------------------------------------------------------------------ records: offsets, sentence, subject

def test_offsets_and_sentence_in_a_composed_document():
    doc = compose_document("标题里没有数字", "第一段。\n第二段说，今年有1.8万名士兵抵达边境；另有600名医生。", "图：450人排队")
    found = extract_figures(doc)
    assert [f.text for f in found] == ["1.8万名", "600名", "450人"]
    for f in found:
        assert doc[f.start:f.end] == f.text
        assert f.text in f.sentence and f.sentence in doc
    assert found[0].sentence == "第二段说，今年有1.8万名士兵抵达边境"
    assert found[2].sentence == "图：450人排队"


def test_fullwidth_offsets_point_into_the_original_text():
    doc = "损失约为３．５亿美元，占全年收入的１２％。"
    found = extract_figures(doc)
    assert [(f.kind, f.value_low) for f in found] == [("money", 3.5e8), ("percent", 12.0)]
    assert [doc[f.start:f.end] for f in found] == [f.text for f in found] == ["约为３．５亿美元", "１２％"]


@pytest.mark.parametrize("text, subject", [
    ("中国目前的石油消费量为每天1500万桶。", "石油消费量"),
    ("俄罗斯向中国输送100亿立方米天然气。", "天然气"),
    ("当局疏散了4000名居民。", "居民"),
    ("今年的国防预算为8000亿美元。", "国防预算"),
    # the noun phrase after 的 (unless it only says how: 速度, 增长)
    ("全球约60%的天然气经由这条航线运输。", "天然气"),
    ("反对派候选人以52.3%的得票率胜出。", "得票率"),
    ("约72%的居民生活在贫困线以下。", "居民"),            # not 居民生活
    ("基金组织将向该国提供20亿美元的新贷款。", "新贷款"),
    ("该国经济去年实现3.4%的增长。", "经济"),
    ("该国国内生产总值实现3.4%的增长。", "国内生产总值"),   # (国内/s: a place word in a noun)
    # the part, not the whole it is a share of
    ("石油收入占该国财政收入的40%。", "石油收入"),
    ("政府债务将增至GDP的120%。", "政府债务"),
    # link verbs, comparison bases, reporting words and the year are not the subject
    ("铜价较去年同期上涨12%。", "铜价"),
    ("出口额突破1000亿美元。", "出口额"),
    ("当局报告全国死亡人数已超过500人。", "全国死亡人数"),
    ("2024年德法贸易总额高达2500亿欧元。", "德法贸易总额"),
    # a count's unit that names what it counts; what happened to people a count names no noun for
    ("拥有100万人口的城市是舰队的基地。", "人口"),
    ("洪水已导致该省至少15万人被疏散。", "疏散"),
    # nouns the tagger calls verbs
    ("该国今年的国防开支为500亿美元。", "国防开支"),
    # the people counted end the phrase; a milestone, a period or a per-unit is no subject
    ("当地时间21日，20多名船员弃船逃生。", "船员"),
    ("1100名美军士兵部署在尼日尔。", "美军士兵"),
    ("全国铁路旅客发送量突破43亿人次大关。", "全国铁路旅客发送量"),
    ("2022-2023财年苏伊士运河收入达到了94亿美元。", "苏伊士运河收入"),
    ("中国加征关税后，每吨成本高出近300元。", "成本"),
    # who gives or gets a sum is not what it is
    ("美国向以色列和台湾提供260亿美元。", None),
    # an approximation, a bracketed conversion or alias, a place after 在 are not in the way
    ("全球90%以上的稀土加工产能集中在一个国家。", "稀土加工产能"),
    ("该国国内生产总值(GDP)同比下滑0.3%。", "国内生产总值"),
    ("公司宣布将在巴西投资30亿雷亚尔。", "投资"),
    ("公司宣布在巴西投资30亿雷亚尔建设一座工厂。", "投资"),          # (建设一座工厂: a verb and its object)
    ("现代位于蔚山的工厂，目前有 30% 的生产线专供出口。", "生产线"),   # (a space before 的)
    ("双方签署了一项各占 50% 股权的合资协议。", "股权"),                # (spaces around the number)
    ("荷兰天然气价格本月维持在每兆瓦时45欧元以上。", "荷兰天然气价格"),  # (not 时: the unit it is per)
    ("ICE英国天然气价格涨幅超过8%。", "ICE英国天然气价格"),          # (the size of its change)
    ("据信，这条痕迹是由海军打捞上来的一个 6 吨重的锚留下的。", "锚"),      # (a weight: 6吨重的锚)
    # a long clause: the look-back window does not start in the middle of a word (not DP增速)
    ("2025年韩国GDP增速被韩国开发研究院(KDI)下调至0.8%。", "韩国GDP增速"),
    # what 将 takes is counted; the agent before it is not what is counted; a death sentence is no death
    ("法院将两人判处死刑。", None),
])
def test_subject_phrase(text, subject):
    assert one(text).subject == subject


@pytest.mark.parametrize("text, subjects", [
    # a conversion into another currency measures the same thing
    ("援助金额为30亿欧元（约合32亿美元）。", ["援助金额", "援助金额"]),
    # a clause that is only a change, a period or the size of a change reports on the figure before
    ("出口额达到1200亿美元，同比增长8%。", ["出口额", "出口额"]),
    ("大众品牌的利润率降至2.3%，去年同期为3.8%。", ["利润率", "利润率"]),
    ("养老金支出降至1.1万亿卢比，降幅超过10%。", ["养老金支出", "养老金支出"]),
    ("违规者将面临2.5万欧元（约合19万元人民币）的罚款。", ["罚款", "罚款"]),
    ("制造业产值达到2.8万亿坚戈，增长7.2%，约合60亿美元。", ["制造业产值"] * 3),
    # both ends of a change in one clause
    ("双边贸易额从2010年的300亿美元增长到2020年的900亿美元。", ["双边贸易额", "双边贸易额"]),
    ("韩国政府将明年的国防预算定为66万亿韩元，比今年（61万亿韩元）增加8.2%。", ["国防预算"] * 3),
    ("欧盟液化天然气进口量达到9473万吨，远高于2021年的5727万吨。", ["欧盟液化天然气进口量"] * 2),
    # the rows of a list measure what its first row measures, without the first row's owner
    ("第一轮点票，迪萨纳亚克得票率为42%，普雷马达萨33%，现任总统维克拉马辛哈17%。",
     ["迪萨纳亚克得票率", "得票率", "得票率"]),
    # 和约 before a number is "and about", no treaty
    ("这个旅将由约4800名士兵和约200名文职人员组成。", ["士兵", "文职人员"]),
    # 这一数字 is the number the text was just talking about
    ("俄罗斯今年的国防预算为13.5万亿卢布。2021年，这一数字为3.6万亿卢布。", ["国防预算", "国防预算"]),
    # …but a list of places, each with its number, is a list of places
    ("上海96例，其中浦东新区39例、静安区10例。", ["上海", "浦东新区", "静安区"]),
    # a space after a number parts a title's phrases (not 欧洲气价盘中 for the oil price)
    ("布伦特油价一度冲至每桶139美元 欧洲气价盘中突破345欧元", ["布伦特油价", "欧洲气价"]),
    # the rows of a list of cases count the cases the list is about, named in full
    ("新增确诊病例75例，其中境外输入病例22例（云南7例，上海5例）。", ["新增确诊病例"] + ["境外输入病例"] * 3),
    # …but a new subject in the next clause is its own
    ("出口额达到1200亿美元，进口额下降8%。", ["出口额", "进口额"]),
])
def test_subject_carried_from_the_figure_before(text, subjects):
    assert [f.subject for f in extract_figures(text)] == subjects


def test_every_occurrence_is_returned():
    found = extract_figures("援助总额为50亿美元。报告再次确认，这50亿美元已到位。")
    assert [(f.kind, f.value_low) for f in found] == [("money", 5e9), ("money", 5e9)]
    assert found[0].start != found[1].start


def test_empty_document():
    assert extract_figures("") == []


# ------------------------------------------------------------------ the real corpus

@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_figures_are_well_formed():
    from etl.reader import BadInput, parse_post

    n_docs = n_figs = 0
    for path in sorted(CORPUS.rglob("*.md")):
        try:
            post = parse_post(path.read_bytes(), str(path.relative_to(CORPUS)))
        except BadInput:
            continue  # the pipeline quarantines these; nothing to extract
        doc = compose_document(post.title, post.text, post.captions)
        n_docs += 1
        for f in extract_figures(doc):
            n_figs += 1
            assert f.kind in KINDS, f
            assert f.value_low <= f.value_high, f
            assert 0 <= f.start < f.end <= len(doc) and doc[f.start:f.end] == f.text, f
            assert f.text in f.sentence and f.sentence in doc, f
            assert f.per in (None, "year", "month", "day"), f
            expected_unit = {"volume": ("m3", "barrel"), "mass": ("t",), "percent": ("%",),
                             "growth": ("%",), "count": ("person",)}.get(f.kind)
            if expected_unit:
                assert f.unit in expected_unit, f
            else:
                assert len(f.unit) == 3 and f.unit.isupper(), f
    assert n_docs > 100 and n_figs > n_docs


def test_spoken_yuan_is_cny_but_bare_kuai_is_a_measure_word():
    found = [(f.kind, f.value_low, f.unit) for f in extract_figures("每户领到300块钱补贴，院里有3块石头。")]
    assert found == [("money", 300.0, "CNY")]


# ------------------------------------------------------------------ plain numbers between figures
# _tokens drops plain numbers (years, dates, 3个月) early, for speed; these pin down that doing so
# changes no range join.

def test_plain_numbers_before_a_range_change_nothing():
    assert figs("2023年3至5万人被迫离开。") == [("count", 3e4, 5e4, "person")]
    assert figs("会议于2023年5月1日召开，一些代表缺席，两名士兵死亡。") == [("count", 2, 2, "person")]
    assert figs("第3至5名选手获奖。") == []


def test_plain_number_between_from_and_to_keeps_them_apart():
    # the plain number after 从6万 stands between it and the unit of 30万人, as it always did
    assert figs("从6万增加到2倍即30万人。") == [("count", 3e5, 3e5, "person")]
    assert figs("从6万在3个月内增加至30万人。") == [("count", 3e5, 3e5, "person")]


def test_digit_inside_a_unit_keeps_two_counts_apart():
    # the 2 of 北溪2号 lies inside the first count's unit: no range across it
    found = extract_figures("共有300北溪2号工作人员至500北溪2号工作人员撤离。")
    assert [(f.value_low, f.value_high, f.text) for f in found] == [
        (300, 300, "300北溪2号工作人员"), (500, 500, "500北溪2号工作人员")]


def test_units_after_spaces_and_full_width_digits():
    assert figs("约300名北溪2号工作人员撤离，另有12 名士兵受伤。") == [
        ("count", 300, 300, "person"), ("count", 12, 12, "person")]
    assert figs("每年大约1000  吨大米运抵。") == [("mass", 1000, 1000, "t")]
    assert figs("去年共有１２３人死亡，损失约３．５亿元。") == [
        ("count", 123, 123, "person"), ("money", 3.5e8, 3.5e8, "CNY")]


def test_range_to_zero_with_multiplier_does_not_crash():
    # 3到0万人 once divided by the bare value of 0万 (ZeroDivisionError quarantined the article)
    for text in ("统计显示3到0万人参加。", "预算为5至0亿美元。"):
        assert isinstance(extract_figures(text), list)


def test_people_already_named_are_no_count():
    assert extract_figures("释放这两名囚犯是出于人道主义原因。") == []
    assert [f.value_low for f in extract_figures("这3名士兵死亡。")] == [3.0]   # a casualty statement counts


def test_bare_head_count_before_a_colon():
    figs = extract_figures("全球累计新冠确诊病例超2亿7196万：多国出现高风险传播。")
    assert [(f.kind, f.value_low, f.approx) for f in figs] == [("count", 271960000.0, True)]


def test_remains_counted_with_a_long_description_between():
    figs = extract_figures("第八批109具在韩中国人民志愿军烈士遗骸入殓。")
    assert [(f.kind, f.value_low) for f in figs] == [("count", 109.0)]


def test_hundred_percent_certainty_is_no_figure():
    assert extract_figures("我100%确信病毒已经传播。") == []
    assert [f.value_low for f in extract_figures("该提案的支持率为100%。")] == [100.0]


def test_bare_magnitude_before_a_physical_unit():
    got = [(f.kind, f.value_low, f.unit) for f in extract_figures("气田日产天然气达千万立方米，年产量达到百万吨。")]
    assert ("volume", 1e7, "m3") in got and ("mass", 1e6, "t") in got
    assert not extract_figures("千万不要放弃。") and not extract_figures("游客达到千万人次。")


def test_latin_weight_units():
    got = [(f.kind, round(f.value_low, 9), f.unit) for f in extract_figures("鼠标重量仅86g，背包重1.5kg。")]
    assert ("mass", 8.6e-05, "t") in got and ("mass", 0.0015, "t") in got
    assert not extract_figures("支持4g网络和5G手机，内存8gb。")


def test_a_reported_zero_count_of_cases_or_deaths():
    got = [(f.kind, f.value_low, f.unit) for f in extract_figures("新增疑似病例0例，0人死亡。")]
    assert got.count(("count", 0.0, "person")) == 2
    assert not extract_figures("共0.5人。")


def test_a_share_that_grew_from_one_level_to_another():
    # 从11.3%增长到18.5%: two levels of a share, not a growth rate of 11.3%
    assert figs("经济占世界的比重从11.3%增长到18.5%。") == [("percent", 11.3, 11.3, "%"), ("percent", 18.5, 18.5, "%")]
    assert figs("出口同比增长11.3%。") == [("growth", 11.3, 11.3, "%")]


def test_a_weight_class_is_no_mass():
    assert not figs("她在女子举重81公斤以上级决赛中夺冠，男子61公斤级也有金牌。")


def test_the_number_of_the_names_just_listed_is_no_figure():
    assert not figs("为了恢复活力，艾克森、阿兰、费南多3位归化球员重新入选。")
    assert figs("小特朗普和3名主持人在骚乱时发来短信。") == [("count", 3, 3, "person")]


def test_fans_and_population_counts_but_not_tenths():
    assert figs("游行吸引了超过100万球迷到场。") == [("count", 1e6, 1e6, "person")]
    assert figs("人口逾170万的曼德勒损毁惨重。") == [("count", 1.7e6, 1.7e6, "person")]
    assert not figs("调查显示，7成俄民众支持政府。")      # 7成 is seven tenths
    assert not figs("公司资金达到170万的规模。")


def test_more_currencies():
    assert figs("该法案将增加3460亿肯尼亚先令的税收。") == [("money", 3.46e11, 3.46e11, "KES")]
    assert figs("老挝发行了10亿基普债券。") == [("money", 1e9, 1e9, "LAK")]


def test_a_number_written_as_wan_and_its_four_last_digits():
    assert figs("警方部署了逾14万7500名警察。") == [("count", 147500, 147500, "person")]
    assert figs("1万2千人参加。") == [("count", 12000, 12000, "person")]


def test_zhao_is_a_trillion_before_yi_or_a_currency_but_not_in_megawatts():
    assert figs("出口8兆8800亿人民币，进口5兆人民币。") == [("money", 8.88e12, 8.88e12, "CNY"), ("money", 5e12, 5e12, "CNY")]
    assert not figs("装机容量100兆瓦。")


def test_a_trillion_and_billions_with_a_comma_in_taiwanese_text():
    got = [(f.kind, f.value_low, f.unit) for f in extract_figures("政府宣布提供新台币1兆6,200亿元的资金。")]
    assert got == [("money", 1.62e12, "TWD")]


def test_thousands_grouped_by_spaces_before_a_count():
    got = [(f.value_low, f.text) for f in extract_figures("共报告霍乱病例409 222例，死亡4 738例。")]
    assert got == [(409222.0, "409 222例"), (4738.0, "4 738例")]
    assert not extract_figures("会议于2024 年举行。")


def test_deaths_and_injuries_in_headline_form_with_an_approximation():
    got = [(f.value_low, f.approx) for f in extract_figures("传呼机爆炸9死近3000伤。")]
    assert got == [(9.0, False), (3000.0, True)]


def test_jobs_and_unit_numbers_are_no_head_counts():
    assert not [f for f in extract_figures("城镇新增就业1256万人，调查失业率5.2%。") if f.kind == "count"]
    assert not extract_figures("以色列8200情报部队的前成员创立了该公司。")
    assert [f.value_low for f in extract_figures("俄罗斯在边境集结10万部队。")] == [100000.0]


def test_inflation_written_out_and_more_verbs_of_decline():
    assert [(f.kind, f.value_low) for f in extract_figures("阿根廷通货膨胀高达140%。")] == [("growth", 140.0)]
    assert [(f.kind, f.value_low) for f in extract_figures("恒大股价滑落18%。")] == [("growth", -18.0)]
    assert [(f.kind, f.value_low) for f in extract_figures("公司市值蒸发了30%。")] == [("growth", -30.0)]


def test_wan_after_yi_multiplies_only_the_part_after_yi():
    got = [(f.value_low, f.approx) for f in extract_figures("全球已有一亿零五百多万人感染。")]
    assert got == [(1.05e8, True)]
    assert [f.value_low for f in extract_figures("一亿五千万人口")] == [1.5e8]


def test_strings_of_chinese_digits_are_no_number():
    assert not extract_figures("约有三四名士兵受伤。")
    assert not extract_figures("他们一一名列前茅。")


def test_two_neighbouring_chinese_digits_before_a_magnitude_are_a_loose_range():
    def got(text):
        return [(f.kind, f.value_low, f.value_high, f.unit, f.approx, f.text) for f in extract_figures(text)]
    assert got("冲突中有三四百名平民死亡。") == [("count", 300.0, 400.0, "person", True, "三四百名")]
    assert got("援助国拨款五六十亿美元。") == [("money", 5e9, 6e9, "USD", True, "五六十亿美元")]
    assert got("边境聚集了四五十万难民。") == [("count", 4e5, 5e5, "person", True, "四五十万难民")]
    assert got("有一两百人受伤。") == [("count", 100.0, 200.0, "person", True, "一两百人")]
    assert not got("三八百人")           # not neighbours: no range, no number
    assert not got("七八月份天气炎热。")   # months, no magnitude


def test_gold_in_troy_ounces():
    got = [(f.kind, round(f.value_low, 2), f.unit) for f in extract_figures("央行黄金储备达7402万盎司。")]
    assert got == [("mass", 2302.28, "t")]
    assert [f.kind for f in extract_figures("金价升至2000美元/盎司。")] == ["money"]


def test_the_change_noun_nearest_the_number_gives_the_sign():
    assert [(f.kind, f.value_low) for f in extract_figures("油价同比跌幅已达19%。")] == [("growth", -19.0)]
    assert [(f.kind, f.value_low) for f in extract_figures("比索贬值高达54%。")] == [("growth", -54.0)]


def test_a_currency_named_before_an_amount_in_wan_or_yi():
    got = [(f.value_low, f.unit) for f in extract_figures("合同金额外币美元6.5亿、欧元10亿。")]
    assert got == [(6.5e8, "USD"), (1e9, "EUR")]
    assert [(f.value_low, f.unit) for f in extract_figures("总投资55亿雷亚尔(折合人民币约71亿)。")][-1] == (7.1e9, "CNY")
    assert not [f for f in extract_figures("美元指数升至105。") if f.kind == "money"]


def test_vague_counts_and_ranks_are_no_figures():
    assert not extract_figures("听众只有十几名记者。")
    assert not extract_figures("他从富豪榜的第10位跌至17位。")
    assert [f.value_low for f in extract_figures("共有17位代表出席。")] == [17.0]


def test_close_values_joined_by_or_are_a_range():
    assert [(f.value_low, f.value_high) for f in extract_figures("事故造成6人或7人受伤。")] == [(6.0, 7.0)]
    assert len(extract_figures("3人或30人？")) == 2


def test_pay_rises_and_displaced_people():
    assert [(f.kind, f.value_low) for f in extract_figures("司机要求加薪9%。")] == [("growth", 9.0)]
    assert [(f.kind, f.value_low) for f in extract_figures("约40万流离失所者等待援助。")] == [("count", 4e5)]


def test_a_currency_several_countries_use_takes_the_country_of_the_text():
    assert [f.unit for f in extract_figures("沙特阿美一季度净利润975亿里亚尔。")] == ["SAR"]
    assert [f.unit for f in extract_figures("伊朗议会批准预算，总额50万亿里亚尔。")] == ["IRR"]
    assert [f.unit for f in extract_figures("巴基斯坦央行注资300亿卢比。")] == ["PKR"]


def test_economic_growth_and_inflation_are_growth_whatever_level_they_reach():
    assert [(f.kind, f.value_low) for f in extract_figures("IMF将全球经济增长预期下调至2.9%。")] == [("growth", 2.9)]
    got = [(f.kind, f.value_low) for f in extract_figures("预计通胀将从2022年的8.7%降至6.5%。")]
    assert got == [("growth", 8.7), ("growth", 6.5)]
    assert [f.kind for f in extract_figures("经济增长对就业的贡献占60%。")] == ["percent"]
    assert [f.kind for f in extract_figures("市场份额从30%降至20%。")] == ["percent", "percent"]


def test_a_rate_restated_or_falling_later_in_the_sentence_stays_a_rate():
    got = [(f.kind, f.value_low) for f in extract_figures("预计通胀率今年高于2%的目标，即3%，然后在2026年回落至2.6%。")]
    assert got == [("growth", 2.0), ("growth", 3.0), ("growth", 2.6)]
    assert [f.kind for f in extract_figures("GDP增长5%，优良天数比例上升至87.2%。")] == ["growth", "percent"]


def test_dash_ranges_litres_dong_and_growth_at_a_steady_pace():
    assert [(f.kind, f.value_low, f.value_high) for f in extract_figures("产能利用率将达到50-70%。")] == [("percent", 50.0, 70.0)]
    assert not extract_figures("2023-04-25人民网讯")   # the parts of a date
    assert not extract_figures("F-35战机")
    assert [(f.kind, f.unit, f.value_low) for f in extract_figures("每天消耗约 3300 万升汽油。")] == [("volume", "m3", 33000.0)]
    assert not [f for f in extract_figures("股价3日升至高位。") if f.kind == "volume"]
    assert [(f.unit, f.value_low) for f in extract_figures("法院判处赔偿148亿越盾。")] == [("VND", 1.48e10)]
    assert [f.kind for f in extract_figures("双边贸易以年均超过14%的速度持续增长。")] == ["growth"]


def test_the_shu_of_a_count_noun_is_no_vague_amount():
    assert [f.value_low for f in extract_figures("投票人数九百零二万三千八百四十七人。")] == [9023847.0]
    assert [f.value_low for f in extract_figures("选民人数902万人。")] == [9.02e6]
    assert not extract_figures("数十万人参加集会。")


def test_parts_of_a_sum_take_its_currency_deaths_without_a_noun_and_kinds_are_no_people():
    figs = [(f.kind, f.value_low, f.unit) for f in
            extract_figures("欧盟宣布拨款60亿欧元，其中25亿用于重建电网，35亿补贴农户。")]
    assert figs == [("money", 6e9, "EUR"), ("money", 2.5e9, "EUR"), ("money", 3.5e9, "EUR")]
    # a bare amount that is not a part of the sum stays out
    assert [f.kind for f in extract_figures("欧盟拨款60亿欧元，受益者达1200万。")] == ["money"]
    assert [(f.kind, f.value_low) for f in extract_figures("那场饥荒造成300万死亡。")] == [("count", 3e6)]
    assert extract_figures("专家组从两方面人员的证词中找到了矛盾。") == []
    assert [(f.kind, f.value_low) for f in extract_figures("今年的罢工天数比去年多出35%。")] == [("growth", 35.0)]


def test_one_dead_in_words_more_people_nouns_indicators_and_growth_named_after_the_rate():
    assert kind_value_units("塌方造成一人死亡。") == [("count", 1.0, "person")]
    assert kind_value_units("一名记者在现场。") == []
    assert kind_value_units("空袭导致6人身亡。") == [("count", 6.0, "person")]
    assert kind_value_units("其人身安全受到威胁。") == []
    assert kind_value_units("沿海约有12万渔民停止出海。") == [("count", 120000.0, "person")]
    assert kind_value_units("参战人员超50万。") == [("count", 500000.0, "person")]
    assert kind_value_units("该国人均GDP900美元。") == [("money", 900.0, "USD")]
    assert kind_value_units("预计实现2.5%的经济增长。") == [("growth", 2.5, "%")]
    assert kind_value_units("通胀率在3月达到了12.5%。") == [("growth", 12.5, "%")]
    assert kind_value_units("工程耗资3000万索姆。") == [("money", 3e7, "KGS")]
    assert kind_value_units("一名伤者躺在担架上。") == []


def test_ranges_in_words_pesos_by_country_margins_and_lists_of_changes():
    assert figs("只有百分之三到四的货物经由该港转运。") == [("percent", 3.0, 4.0, "%")]
    assert figs("墨西哥政府拨款2亿比索。") == [("money", 2e8, 2e8, "MXN")]
    assert figs("政府拨款2亿比索。") == []   # no country named: no sure currency
    assert figs("民调误差为正负2.5%。") == [("percent", 2.5, 2.5, "%")]
    assert figs("燃气上涨8%、电费12%。") == [("growth", 8.0, 8.0, "%"), ("growth", 12.0, 12.0, "%")]
    assert figs("价格下降3%，今年8%的家庭受影响。") == [("growth", -3.0, -3.0, "%"), ("percent", 8.0, 8.0, "%")]
    assert figs("周末有两人在冲突中丧生，一人被枪击。") == [("count", 2.0, 2.0, "person"), ("count", 1.0, 1.0, "person")]
    assert figs("该组织拥有约3万民兵。") == [("count", 30000.0, 30000.0, "person")]


def test_growth_targets_shares_of_growth_rate_bases_sects_and_named_groups():
    assert kind_value_units("政府力争实现6%左右的增长目标。") == [("growth", 6.0, "%")]
    assert kind_value_units("过去十年经济以年均4.1%的实际增长率扩张。") == [("growth", 4.1, "%")]
    assert kind_value_units("该地区贡献了全国经济增长的30%。") == [("percent", 30.0, "%")]
    assert kind_value_units("当日牌价为1美元 = 89.5卢布。") == [("money", 89.5, "RUB")]
    assert kind_value_units("1欧元兑7.6元人民币。") == [("money", 7.6, "CNY")]
    assert kind_value_units("每张门票售价1美元。") == [("money", 1.0, "USD")]   # one dollar outside a rate stays an amount
    # the base written after the rate, and the pound's other character (磅) and short forms
    assert kind_value_units("黑市上原本是1万叙利亚磅对1美元。") == [("money", 10000.0, "SYP")]
    assert kind_value_units("官方汇率调整为15000黎镑兑换1美元。") == [("money", 15000.0, "LBP")]
    assert kind_value_units("汇率跌至41.12里拉兑1美元。") == [("money", 41.12, "TRY")]
    assert kind_value_units("约12万什叶派穆斯林参加游行。") == [("count", 120000.0, "person")]
    # a country's one-character form (and a modifier) between the number and the word for people
    assert kind_value_units("超110万吉公民出国务工，已遣返近80万阿非法移民。") == [("count", 1100000.0, "person"), ("count", 800000.0, "person")]
    assert kind_value_units("出口额为100万美元，另有50万日元。") == [("money", 1e6, "USD"), ("money", 5e5, "JPY")]
    assert kind_value_units("反对派召集了五万支持者。") == [("count", 50000.0, "person")]
    assert kind_value_units("部长站在两位总统之间，三人握手。") == []
    assert kind_value_units("交火中，三人受伤。") == [("count", 3.0, "person")]


def test_dong_rupiah_shillings_and_som_by_country_and_thousands_and_hundreds_of_a_wan():
    assert kind_value_units("印尼政府明年拨款120万亿盾。") == [("money", 1.2e14, "IDR")]
    assert kind_value_units("越南今年吸引外资400万亿盾。") == [("money", 4e14, "VND")]
    assert kind_value_units("预算为20亿盾。") == []   # no country named: no sure currency
    assert kind_value_units("乌干达政府拨款50亿先令。") == [("money", 5e9, "UGX")]
    assert kind_value_units("乌兹别克斯坦今年税收达90万亿索姆。") == [("money", 9e13, "UZS")]
    assert kind_value_units("吉尔吉斯斯坦拨款2亿索姆。") == [("money", 2e8, "KGS")]
    assert kind_value_units("该国获得3千4百万美元贷款。") == [("money", 3.4e7, "USD")]
    assert kind_value_units("军队补充约 20 万新兵，惠及300万受益者。") == [("count", 2e5, "person"), ("count", 3e6, "person")]


def test_a_premium_or_a_discount_on_a_reference_price_is_a_change():
    assert kind_values("现货价格较指数溢价高达8.5%。") == [("growth", 8.5)]
    assert kind_values("新股以折价4%发行。") == [("growth", -4.0)]
    assert kind_values("基金的溢价率为3%。") == [("percent", 3.0)]


def test_rates_of_change_named_by_a_year_a_plus_sign_or_a_rate_noun_after_them():
    # the level a growth rate slows to, year by year, is a growth rate (each list item may name its year)
    assert kind_values("机构预计经济增速将从2023年的4.1%放缓至2024年的3.2%和2025年的2.8%。") == [
        ("growth", 4.1), ("growth", 3.2), ("growth", 2.8)]
    assert kind_values("该国工业产出先是下降1.5%，随后增长0.4%，上月又加快到了2.6%。") == [
        ("growth", -1.5), ("growth", 0.4), ("growth", 2.6)]
    # a rate noun in the clause before: 通胀 rebounds to a rate; unemployment rises to a level
    assert kind_values("通胀率连续三个月回落后，上月反弹至9.2%。") == [("growth", 9.2)]
    assert kind_values("失业率在连续下降之后，上月回升至5%。") == [("percent", 5.0)]
    # a PMI is a level even after a fall verb; 涨跌幅 limits are neither a rise nor a fall
    assert kind_values("出口下降8%，制造业PMI跌至47.9%。") == [("growth", -8.0), ("percent", 47.9)]
    assert kind_values("新股上市首日的涨跌幅限制为20%。") == [("percent", 20.0)]
    # a multiple listed first, then the percentage of the same verb; 至少 between verb and number
    assert kind_values("两类产品的产量分别增长1.5倍和32%。") == [("growth", 32.0)]
    assert kind_values("今年的小麦收成将减少至少12%。") == [("growth", -12.0)]
    assert kind_values("货币在一年内失去了超过40%的价值。") == [("growth", -40.0)]
    # the rate noun after the number, through two modifiers
    assert kind_values("这个国家一度出现了90%的通货膨胀率。") == [("growth", 90.0)]
    assert kind_values("云业务实现了15%的环比营收增长。") == [("growth", 15.0)]
    assert kind_values("三项业务都实现了10%以上的收入增速。") == [("growth", 10.0)]
    # market verbs and signs
    assert kind_values("该股今天高开6%，另一家重挫11%。") == [("growth", 6.0), ("growth", -11.0)]
    assert kind_values("原油 | 80美元/桶 | (+3%)") == [("money", 80.0), ("growth", 3.0)]
    # each signed item of a list keeps its own sign
    assert kind_values("两个季度的增速分别为-3.1%和-0.5%。") == [("growth", -3.1), ("growth", -0.5)]
    assert kind_values("两个季度的增速分别为-3.1%和0.5%。") == [("growth", -3.1), ("growth", 0.5)]


def test_a_count_followed_by_the_names_of_its_people_is_no_figure():
    def got(s, people=()):
        return [(f.kind, f.value_low) for f in extract_figures(s, people)]
    s = "此外，两名政务官王立和赵明将获得晋升。"
    assert got(s, [s.index("王立"), s.index("赵明")]) == []
    assert got(s) == [("count", 2.0)]   # without the people found, the count stands
    s = "出席的三位学者是大学历史系主任陈安。"
    assert got(s, [s.index("陈安")]) == []
    # a name further on, in what the people did, is not theirs; a casualty count stays a count
    s = "3名主持人在骚乱时发给梅多斯短信。"
    assert got(s, [s.index("梅多斯")]) == [("count", 3.0)]
    s = "空袭造成两名记者阿里和萨米死亡。"
    assert got(s, [s.index("阿里"), s.index("萨米")]) == [("count", 2.0)]


def test_children_and_people_counted_with_ge():
    assert kind_values("爆炸造成5个人死亡。") == [("count", 5.0)]
    assert kind_values("她的两个儿子还被困在废墟下。") == [("count", 2.0)]
    assert kind_values("这位母亲说，她家有7口人。") == [("count", 7.0)]
    assert kind_values("她是三个孩子的母亲。") == []           # who a parent is
    assert kind_values("一名有三个孩子的农民在开车。") == []    # who someone is: children count in what befell them
    assert kind_values("他的妻子和其中一个孩子死亡。") == []      # "one" with a noun, as 一名X
    assert kind_values("当地平均4口人住一套房。") == []           # an average
    assert kind_values("政府设立了9个人道援助站。") == []         # 人道, not people
    assert kind_values("这是三位一体的改革。") == []


def test_bare_yuan_in_the_currency_of_the_amount_just_before():
    assert kind_value_units("违者先被罚新台币3万元，再罚30万元。") == [("money", 3e4, "TWD"), ("money", 3e5, "TWD")]
    assert kind_value_units("门票50美元，约合350元。") == [("money", 50.0, "USD"), ("money", 350.0, "CNY")]


def test_hundred_million_after_an_approximation_decimals_from_zero_and_stated_ranges():
    assert figs("监管部门年内开出的罚款超亿元。") == [("money", 1e8, 1e8, "CNY")]
    assert figs("洪水使近亿人受灾。") == [("count", 1e8, 1e8, "person")]
    assert figs("双边贸易额突破千亿美元。") == [("money", 1e11, 1e11, "USD")]
    assert figs("本次签约亿元以上项目8个。") == []          # a class of projects, not an amount
    assert figs("小党的得票率为百分之零点四。") == [("percent", 0.4, 0.4, "%")]
    # a fraction's numerator starts no range: the amount after 至 stands alone
    assert figs("公司把股息削减约三分之一至600亿美元。") == [("money", 6e10, 6e10, "USD")]
    # 从A到B is two figures unless the values vary between them; an aside may follow the low end
    assert figs("关税税率从17%(甲公司)到35%(乙公司)不等。") == [("percent", 17.0, 35.0, "%")]
    assert figs("失业率从4%上升到6%。") == [("percent", 4.0, 4.0, "%"), ("percent", 6.0, 6.0, "%")]
    assert figs("违者处新台币2万元以上20万元以下罚款。") == [("money", 2e4, 2e5, "TWD")]


def test_annual_rates_costs_jobs_signed_volumes_and_the_people_among_whom():
    assert figs("该品牌销量的年增率达48%。") == [("growth", 48.0, 48.0, "%")]
    # a cost or an output compared without 比
    assert figs("新工艺的成本低10%-15%。") == [("growth", -15.0, -10.0, "%")]
    assert figs("新船的碳排放低12%。") == [("growth", -12.0, -12.0, "%")]
    assert figs("项目带动当地就业超8万人。") == []   # jobs, not people
    assert figs("进口变化 | -3.1万桶/日 |") == [("volume", -31000.0, -31000.0, "barrel")]
    assert figs("议会批准了800亿以色列新谢克尔的预算。") == [("money", 8e10, 8e10, "ILS")]
    assert figs("两位神父至今下落不明。") == [("count", 2.0, 2.0, "person")]
    assert figs("这5万人中有许多是儿童。") == [("count", 5e4, 5e4, "person")]


def test_where_a_rate_fell_from_and_to_by_month_reached_growth_devaluation_and_one_badly_hurt():
    assert kind_values("通货膨胀率平均为30.5%，尽管从3月份的40.2%下降到10月份的22.7%。") == [
        ("growth", 30.5), ("growth", 40.2), ("growth", 22.7)]
    assert kind_values("失业率从5%下降到4%。") == [("percent", 5.0), ("percent", 4.0)]   # levels of a level
    assert kind_values("两国贸易额增长达到了35%以上。") == [("growth", 35.0)]
    assert kind_values("比索每月仅贬低2%。") == [("growth", -2.0)]
    assert kind_values("袭击造成数人受伤，其中一人伤势严重。") == [("count", 1.0)]


def test_savings_are_cuts_school_years_no_heads_and_eligible_voters_are_people():
    def got(s):
        return [(f.kind, f.value_low, f.approx) for f in extract_figures(s)]
    # 节省/节约 cut by the share; the 约 of 节约 or 签约 is no "about" (折合约 still is)
    assert got("各国须节省至少15%的用电量。") == [("growth", -15.0, False)]
    assert got("工厂今年节约12%的用水。") == [("growth", -12.0, False)]
    assert got("两省签约300亿元。") == [("money", 3e10, False)]
    assert got("合同金额折合约40亿欧元。") == [("money", 4e9, True)]
    # a floor on a level after a cut is no rate of change
    assert got("城市须减少10%的用水，水库蓄水水平不低于60%。") == [("growth", -10.0, False), ("percent", 60.0, False)]
    # 大三学生, 高二学生: a school year (两名 before it is the count)
    assert got("一名大三学生和两名高二学生参加了比赛。") == [("count", 2.0, False)]
    assert got("受伤的是一名高三学生。") == []
    assert got("全省有3万名大学生报名。") == [("count", 3e4, False)]
    # voters with the right to vote or registered
    assert got("该国约有2140万有投票资格的选民。") == [("count", 2.14e7, True)]
    assert got("本次选举共有380万登记选民。") == [("count", 3.8e6, False)]
    # a head count named by those who took part
    assert got("据工会统计，游行参与者的数字达到了150万。") == [("count", 1.5e6, False)]


def test_jobs_after_the_number_the_dead_among_a_group_and_a_change_by_its_size():
    assert kind_values("这家工厂解决了当地超2000人的就业问题。") == []
    assert kind_values("在这次行动中，45名平民中有17人在战斗中丧生。") == [("count", 45.0), ("count", 17.0)]
    assert kind_values("每10个人中就有1人失业。") == []
    assert kind_values("保护区里每10名5岁以下儿童中,就有8人营养不良。") == []   # the ratio's clause ends at the comma
    assert kind_values("在这些村民中，就有8人死亡。") == [("count", 8.0)]
    assert kind_values("数据显示，出口减少幅度接近 15%。") == [("growth", -15.0)]
    # a share right after a company's Ltd.
    assert kind_values("该公司收购了Example Metals Ltd.12.5%的股份。") == [("percent", 12.5)]


def test_eligible_voters_by_condition():
    assert [(f.kind, f.value_low) for f in extract_figures("全国共有2980万符合条件的选民。")] == [("count", 2.98e7)]


def test_a_rate_reaching_a_level_named_by_when_and_children_by_their_age_group():
    # 升至目前的9.15%, 在今年年底上升至18%: where inflation rose to is inflation, whatever time word comes between
    assert figs("统计局称，通胀率已由今年1月的8.73%升至目前的9.15%。") == [
        ("growth", 8.73, 8.73, "%"), ("growth", 9.15, 9.15, "%")]
    assert figs("评级机构预计，该国通胀率有可能在今年年底上升至18%。") == [("growth", 18.0, 18.0, "%")]
    # a level that rises is still a level
    assert figs("失业率在今年年底上升至6.5%。") == [("percent", 6.5, 6.5, "%")]
    assert figs("冲突导致约1万1千少年儿童无法上课。") == [("count", 11000.0, 11000.0, "person")]


def test_cases_counted_in_zong_as_hong_kong_writes_them():
    assert figs("本港新增37,529宗新冠病毒阳性检测个案。") == [("count", 37529.0, 37529.0, "person")]
    assert figs("第五波疫情累计死亡个案1,561宗。") == [("count", 1561.0, 1561.0, "person")]
    assert figs("公司去年完成两宗收购交易。") == []
    assert figs("法院审理了3宗案件。") == []


def test_a_proportion_of_money_is_no_amount():
    assert figs("现在每3欧元预算里就有1欧元用于农业。") == []
    assert figs("原油价格为每桶80美元。") == [("money", 80.0, 80.0, "USD")]


def test_half_per_cent_in_words_birr_in_ethiopia_and_a_share_after_a_change():
    assert figs("出口的粮食中只有百分之三半流向最贫穷的国家。") == [("percent", 3.5, 3.5, "%")]
    assert figs("埃塞俄比亚的工资约为2500比尔。") == [("money", 2500.0, 2500.0, "ETB")]
    assert figs("比尔·盖茨说，3比尔不够。") == []   # no Ethiopia named: 比尔 is a name
    assert figs("破产数同比飙升55%，94%的家庭农场面临资金断裂。") == [
        ("growth", 55.0, 55.0, "%"), ("percent", 94.0, 94.0, "%")]


def test_a_hundred_or_a_thousand_and_more_people_in_one_character():
    assert figs("踩踏事故造成百余人受伤。") == [("count", 100.0, 100.0, "person")]
    assert figs("家族掌控着千余名地方官员。") == [("count", 1000.0, 1000.0, "person")]
    assert figs("上百人聚集在广场。") == [] and figs("数百人受伤。") == []


def test_shortened_cubic_metres_and_a_growth_target_described_on_the_way():
    (f,) = extract_figures("卡塔尔出口了近1070亿立米的液化天然气。")
    assert (f.kind, f.unit, f.value_low, f.approx) == ("volume", "m3", 1.07e11, True)
    (f,) = extract_figures("路透社称，5%左右的雄心勃勃的经济增长目标表明转型决心。")
    assert (f.kind, f.value_low) == ("growth", 5.0)
    (f,) = extract_figures("中国仍有望实现6%以上的年度经济增长目标。")
    assert (f.kind, f.value_low) == ("growth", 6.0)
    (f,) = extract_figures("80%的人口增长来自城市。")
    assert f.kind == "percent"


def test_ge_before_a_word_for_people_counts_them():
    (f,) = extract_figures("民调访问了2050个英国成年人。")
    assert (f.kind, f.unit, f.value_low) == ("count", "person", 2050.0)
    assert extract_figures("停电影响473个居民小区。") == []
    assert extract_figures("共有300个家庭受灾。") == []


def test_weekdays_vague_multitudes_crowds_and_more_words_for_people():
    assert extract_figures("星期三执法人员在市场门外站岗。") == []
    assert extract_figures("数以十亿美元计的资金投向中国企业。") == []
    (f,) = extract_figures("约400人组成的人群靠近边境围栏。")
    assert (f.kind, f.value_low, f.approx) == ("count", 400.0, True)
    assert extract_figures("该乐队是3人组。") == []
    got = {(f.value_low, f.unit) for f in extract_figures("日本强迫20万韩国女性成为慰安妇，被感染的27个病例中7人病情严重。")}
    assert {(200000.0, "person"), (27.0, "person"), (7.0, "person")} <= got


def test_head_counts_after_people_nouns_and_currencies_named_with_their_country():
    (f,) = extract_figures("2022年俄罗斯新生儿仅122万。")
    assert (f.kind, f.value_low) == ("count", 1.22e6)
    assert extract_figures("儿童基金会拨款100万。") == []
    (f,) = extract_figures("近百位台湾电影人联署。")
    assert (f.kind, f.value_low, f.approx) == ("count", 100.0, True)
    (f,) = extract_figures("法院判处罚款2.5万格鲁吉亚拉里。")
    assert (f.kind, f.unit, f.value_low) == ("money", "GEL", 25000.0)


def test_a_comparison_set_up_earlier_and_the_same_rate_a_year_before():
    (f,) = extract_figures("与2019年相比，2023年的GDP仅高出了0.7%。")
    assert (f.kind, f.value_low) == ("growth", 0.7)
    got = [(f.kind, f.value_low) for f in extract_figures("2023年通胀率仍高达193%，前一年则是305%。")]
    assert got == [("growth", 193.0), ("growth", 305.0)]
    got = [f.kind for f in extract_figures("失业率为4.1%，去年同期为3.2%。")]
    assert got == ["percent", "percent"]


def test_bare_count_in_a_clause_without_a_subject_of_its_own():
    # the clause is only a verb: it reports on the head count of the clause before it
    figs = extract_figures("去年赴德务工的人数有所增加，达到52万，比前年多出三成。")
    assert [(f.kind, f.value_low, f.unit) for f in figs] == [("count", 520000.0, "person")]
    figs = extract_figures("难民人口继续上升，2022年底已超过1000万。")
    assert [(f.kind, f.value_low, f.approx) for f in figs] == [("count", 1e7, True)]
    # a previous clause about something other than people gives no count
    assert extract_figures("该国的出口额有所增加，达到52万。") == []
    # a clause with its own subject is not a continuation
    assert extract_figures("登记人数有所下降，订单达到35万。") == []


def test_decimal_amounts_keep_the_value_the_text_writes():
    # 21.4 × 1e8 in binary floats is 2139999999.9999998: a chart's label and a CSV would show that
    assert [f.value_low for f in extract_figures("援助21.4亿美元。")] == [2140000000.0]
    assert [f.value_low for f in extract_figures("援助0.7万亿日元。")] == [700000000000.0]


def test_bare_count_after_a_total_of_people():
    figs = extract_figures("两国人口总数21.4亿，体量庞大。")
    assert [(f.kind, f.value_low, f.unit) for f in figs] == [("count", 2140000000.0, "person")]
    assert extract_figures("伤亡人数达数万，仍在上升。") == []


def test_bare_hundreds_and_thousands_of_yi_in_a_currency():
    assert [(f.kind, f.value_low, f.unit) for f in extract_figures("总理宣布拨款千亿欧元投入国防。")] \
        == [("money", 1e11, "EUR")]
    assert [f.value_low for f in extract_figures("法官暂停了与五角大楼的百亿美元合同。")] == [1e10]
    # vague or a class, not an amount
    for text in ("两国贸易额达数千亿美元。", "农户预计将损失上百亿欧元。", "这是一个千亿元级的市场。"):
        assert extract_figures(text) == [], text


def test_inflation_level_reached_in_a_clause_without_a_subject():
    # inflation is a rate of change: the level it reaches is a growth figure (shared/gold/README.md)
    figs = extract_figures("该国的通货膨胀率正在飙升，达到37%以上，而货币正在贬值。")
    assert [(f.kind, f.value_low) for f in figs] == [("growth", 37.0)]
    figs = extract_figures("月通胀率从往年的25%以上降低到了4.2%。")
    assert [(f.kind, f.value_low) for f in figs] == [("growth", 25.0), ("growth", 4.2)]
    # a level that is no rate of change stays a percentage
    assert [f.kind for f in extract_figures("失业率持续上升，达到7.5%。")] == ["percent"]


def test_person_trips_count_people_and_passenger_kilometres_do_not():
    # every annotator of the blind rounds and of the held-out set counts 人次 as people
    assert figs("本次活动共计吸引了5000人次。") == [("count", 5000, 5000, "person")]
    assert [f.text for f in extract_figures("全年发送旅客43.12亿人次。")] == ["43.12亿人次"]
    # passenger- and tonne-kilometres are neither people nor a mass
    assert extract_figures("旅客周转量15799.10亿人公里，货物周转量35861.90亿吨公里。") == []


def test_yuan_with_its_currency_written_after_it():
    assert [(f.unit, f.value_low) for f in extract_figures("警方悬红100万元港币通缉。")] == [("HKD", 1e6)]
    assert [f.unit for f in extract_figures("罚款5000元人民币。")] == ["CNY"]


def test_lives_lost_and_children_and_indigenous_people_are_counted():
    got = [(f.kind, f.value_low) for f in extract_figures("近1000万女孩和男孩失学，超过2.8万原住民受影响，洪水夺走了45条生命。")]
    assert got == [("count", 1e7), ("count", 28000.0), ("count", 45.0)]


def test_health_workers_population_totals_baht_and_a_count_before_its_year():
    assert figs("全球约有8万至18万医疗工作者死亡。") == [("count", 8e4, 1.8e5, "person")]
    assert figs("当前全球约有1亿3500万医疗工作者。") == [("count", 1.35e8, 1.35e8, "person")]
    assert figs("其1700万总人口中至少有40%生活在贫困线以下。")[0] == ("count", 1.7e7, 1.7e7, "person")
    assert figs("榴莲每年带来近千亿铢收入。") == [("money", 1e11, 1e11, "THB")]
    assert figs("尼日尔是一个内陆国家，人口2448万(2022年)。") == [("count", 2.448e7, 2.448e7, "person")]


def test_purchasing_managers_index_is_a_percentage_and_at_least_is_no_fall():
    # the gold README lists PMI among the levels that are percent; its readings carry no sign
    assert kind_values("制造业采购经理指数(PMI)回升至51，电子业PMI升至51.6。") == [("percent", 51.0), ("percent", 51.6)]
    assert kind_values("PMI 2023年全年走势平稳。") == []
    # 至少 is "at least" (not the verb 少), 比例 is no comparison; 少了 is a fall
    assert kind_values("到年底接种比例至少达到30%。") == [("percent", 30.0)]
    assert kind_values("对世卫组织的贡献却少了近90%。") == [("growth", -90.0)]


def test_followers_of_a_religion_are_people():
    assert [(f.kind, f.value_low) for f in extract_figures("据称有77万锡克教教徒生活在加拿大。")] == [("count", 770000.0)]


def test_lira_alone_is_the_lira_the_text_names_in_full_else_turkish():
    def got(text):
        return [(f.value_low, f.unit) for f in extract_figures(text) if f.kind == "money"]
    assert got("黑市上一美元兑5600黎巴嫩里拉，官方汇率仍为1500里拉。")[-2:] == [(5600.0, "LBP"), (1500.0, "LBP")]
    assert got("黎巴嫩货币持续贬值，官方汇率为1500里拉。") == [(1500.0, "LBP")]
    assert got("土耳其央行称，市场汇率为18里拉。") == [(18.0, "TRY")]


def test_believers_are_people():
    assert [(f.kind, f.value_low) for f in extract_figures("伊拉克约有150万基督徒。")] == [("count", 1.5e6)]


def test_korean_style_wan_then_yi():
    got = [(f.kind, f.value_low, f.unit) for f in extract_figures("印尼的分担金调整为8万1000亿韩元。")]
    assert got == [("money", 8.1e12, "KRW")]


def test_a_rate_of_another_year_and_a_comparison_by_size():
    got = [(f.kind, f.value_low) for f in extract_figures("预计今年的经济增长约为 5%,而 2023 年的预测为 5.1%。")]
    assert got == [("growth", 5.0), ("growth", 5.1)]
    assert [(f.kind, f.value_low) for f in extract_figures("英国经济规模比可能达到的规模小了4%。")] == [("growth", -4.0)]


def test_a_rate_held_at_a_level_takes_the_sentences_rate_noun():
    assert kind_values("通货膨胀率可能会保持在央行提出的4.5%左右。") == [("growth", 4.5)]
    assert kind_values("失业率保持在4%。") == [("percent", 4.0)]


def test_a_bare_magnitude_after_a_word_of_amount():
    assert kind_value_units("价值万亿美元的倡议。") == [("money", 1e12, "USD")]
    assert kind_value_units("军队总兵力不到万人。") == [("count", 1e4, "person")]
    assert kind_value_units("这项百亿兹罗提的防务计划。") == [("money", 1e10, "PLN")]
    assert kind_value_units("每日吞吐量超万吨。") == [("mass", 1e4, "t")]
    assert kind_value_units("进入万亿美元俱乐部。") == [] and kind_value_units("上万人参加。") == []


def test_ge_counts_casualties_and_yu_with_the_food_radical():
    assert kind_values("炸弹落下,死13个,伤14个。") == [("count", 13.0), ("count", 14.0)]
    assert kind_values("一个月里有46个受伤。") == [("count", 46.0)]
    assert kind_values("袭击中还有两个孩子遇难。") == [("count", 2.0)]
    assert kind_values("首投族有500馀万名选民。") == [("count", 5e6)]
    assert kind_values("这个国家有3个港口。") == []


def test_a_dashed_range_of_four_digit_amounts_is_no_span_of_years():
    assert figs("禁令可能影响每月约3800-4000万吨的煤炭产量。") == [("mass", 3.8e7, 4e7, "t")]
    assert figs("产量约1800-2000万吨。") == [("mass", 1.8e7, 2e7, "t")]
    assert figs("2024-2025年度的预算为5亿美元。") == [("money", 5e8, 5e8, "USD")]
    assert figs("1990-2000年间，人口增长了3%。") == [("growth", 3.0, 3.0, "%")]


def test_amounts_listed_before_one_unit_share_it():
    assert kind_value_units("计划分别为三国提供价值610亿、260亿和80亿美元的援助。") == [
        ("money", 6.1e10, "USD"), ("money", 2.6e10, "USD"), ("money", 8e9, "USD")]
    assert kind_value_units("三座矿的产量分别为300万、500万和800万吨。") == [("mass", 3e6, "t"), ("mass", 5e6, "t"), ("mass", 8e6, "t")]
    assert kind_value_units("2019、2020和2021年经济增长3%。") == [("growth", 3.0, "%")]   # no multiplier: years, no list of sums


def test_type_numbers_and_years_before_a_word_are_no_amounts():
    assert kind_values("编队包括055万吨大驱和054A护卫舰。") == []
    assert kind_values("在“2019陆军技术日”上展出了导弹模型。") == []
    assert kind_values("共有2019名士兵阵亡。") == [("count", 2019.0)]
    assert kind_values("调查访问了2050个英国成年人。") == [("count", 2050.0)]


def test_more_words_for_people_and_jobs_that_are_no_people():
    assert kind_values("美国大学共有超过27.7万中国留学生。") == [("count", 2.77e5)]
    assert kind_values("改革预计影响10万个公务员岗位。") == []


def test_a_bare_sum_named_by_a_money_noun_is_in_the_texts_currency():
    assert figs("今年财政收入达5000亿元。企业从只做800亿的产值，到今天2000亿的产值。") == [
        ("money", 5e11, 5e11, "CNY"), ("money", 8e10, 8e10, "CNY"), ("money", 2e11, 2e11, "CNY")]
    assert figs("他说这个数字是800亿的产值。") == []   # no currency anywhere in the text: no guess
    assert figs("全国有1.4亿人口。") == [("count", 1.4e8, 1.4e8, "person")]


def test_a_growth_word_after_the_rate_and_its_modifiers():
    assert figs("预计全年CPI涨幅在4%左右，接近5%的中度通货膨胀警示线。") == [("growth", 4.0, 4.0, "%"), ("growth", 5.0, 5.0, "%")]
    assert figs("措施足以保证全年9.5%左右的M2高增。") == [("growth", 9.5, 9.5, "%")]
    assert figs("94%的高中生参加了考试。") == [("percent", 94.0, 94.0, "%")]


def test_a_bare_sum_after_a_verb_of_paying_is_money_in_the_texts_currency():
    assert figs("丰田加薪1万日元。住友生命加薪2.5万，初任给达23.5万。") == [
        ("money", 1e4, 1e4, "JPY"), ("money", 2.5e4, 2.5e4, "JPY")]   # no head count chained to a sum
    assert figs("该公司计划投资50亿。") == []   # no currency anywhere in the text: no guess


def test_yuan_in_a_text_from_a_sar_about_its_government_is_the_sars_dollar():
    assert figs("中新社澳门12月16日电 澳门特区政府宣布，投资总额为1188亿元。") == [("money", 1.188e11, 1.188e11, "MOP")]
    # a national digest with a later item on Hong Kong keeps its yuan
    assert figs("新闻联播主要内容\n\n全国“一村一品”主导产业产值超过7000亿元，多地出台扶持措施，农民收入稳步提高。"
                "其他新闻：香港特区政府表示欢迎。") == [("money", 7e11, 7e11, "CNY")]
    assert figs("中新社香港电 香港特区政府称，内地游客消费人民币50亿元，酒店收入30亿元。")[0][3] == "CNY"


def test_shang_qian_counts_a_thousand_people_and_more_but_not_shang_bai_or_shang_wan():
    got = extract_figures("上千人彻夜排队。")
    assert [(f.kind, f.value_low, f.approx, f.text) for f in got] == [("count", 1000.0, True, "上千人")]
    assert figs("上百人受伤，上万人参加集会，上千亿美元的投资。") == []


def test_a_premium_or_a_discount_after_the_rate_is_a_change():
    assert figs("补贴覆盖30%溢价。") == [("growth", 30.0, 30.0, "%")]
    assert figs("俄罗斯原油以30%的折价出售。") == [("growth", -30.0, -30.0, "%")]
