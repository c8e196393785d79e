"""Figure extraction: the numbers Chinese news articles report, normalised as in shared/gold/README.md.

`extract_figures(doc, people)` is a pure function over the composed document (etl.models.compose_document)
and, optionally, the offsets of the people the entity extractor found in it (which small counts only
point at named people).
It works in three passes, each a small set of precompiled regular expressions:

1. number tokens: Arabic numerals (separators, decimals, full-width digits), Chinese numerals (via
   cn2an) and mixed forms (3.5万, 4.5万亿, 一百多万), each with the unit that follows it, if any;
2. ranges: two adjacent tokens joined by 到/至/-/~/— share the second token's unit (and multiplier);
   从A…至B stays two figures, B's unit applying to A when A has none;
3. each token or range with a unit (or a bare number whose clause names a head count: 人数, 人口,
   病例 …) becomes a Figure once its context has been checked: kind (percent vs growth and the sign
   of a change), count sanity checks (ordinals, ratios, "one"/"two" pointing at named people), then
   approximation, time basis and subject phrase. Title figures are reconciled with the body last.

Precision comes first (a wrong number in a published chart is a correction in print): anything that is
not clearly one of the six kinds is skipped. Only the subject phrase uses the jieba tagger, on a short
window around each figure found, so the whole pass stays fast.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from etl.models import Figure

KINDS = ("volume", "mass", "money", "percent", "growth", "count")

# Full-width digits and signs map one-to-one onto ASCII, so offsets into the translated text are
# offsets into the document.
_FULLWIDTH_CHARS = "０１２３４５６７８９％．～－−"
_FULLWIDTH = str.maketrans(_FULLWIDTH_CHARS, "0123456789%.~--")

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿"
# Thousands are grouped by commas, or by spaces before a count's unit (409 222例, as WHO reports write it).
_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f\xa0]\d{3})+(?=[例人名])|\d+(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十 (百分之 is handled apart). A leading 百/千/万 is read
# only after an approximation word (近千人, 逾百万人); otherwise it is vague or a slogan (上千人,
# 百万人大游行, 百亿级).
# A bare 百/千/万 after 达/到 before a physical unit is a stated amount (日产天然气达千万立方米, 达到百万吨), and so
# is a bare 百亿/千亿 of a currency (拨款千亿欧元).
# (零点四 starts with 零 only before 点)
_CN = (rf"(?:[{_CN_DIGITS[2:]}十]|零(?=点)|(?:(?<=[近逾超约过破])|(?<=不到))[百千万](?=[百千万亿]*[多余]?[人名位元美欧英日韩卢铢吨桶])"
       # (超亿元 is an amount; 签约亿元以上项目 and 超亿元级 name a class of projects)
       rf"|(?<=[近逾超过破])亿(?=[多余]?(?:人|名|元|美元|欧元)(?!以上|级|项目|大关))"
       rf"|(?<=[达到])[百千万](?=[百千万亿]*(?:立方米|吨|桶))"
       # (拨款千亿欧元, 百亿美元合同: a hundred or a thousand 亿 of a currency; not 数千亿, 上百亿, 千亿级)
       rf"|(?<![{_CN_ALL}数几上好成逾近超约])[百千](?=亿(?:美元|欧元|日元|英镑|元|卢布|人民币|兹罗提|韩元|卢比|里拉|澳元|加元|港元)(?!级|以上|俱乐部))"
       # (价值万亿美元: a trillion of a currency after a word of amount; not 万亿级, 万亿俱乐部)
       rf"|(?<=[价值达超近逾约])万(?=亿(?:美元|欧元|日元|元|人民币)(?!级|以上|俱乐部))"
       # (百余人受伤, 千余名官员: a hundred or a thousand and more people; not 上百人, 数百人, 几千名)
       rf"|(?<![{_CN_ALL}上数几好])[百千](?=[余多][人名])"
       # (上千人: a thousand people and more, as every annotator counts it; not 上百人 or 上万人, which they do not)
       rf"|(?<=上)千(?=[余多]?[人名](?!单|字|义|额|次)))"
       rf"[{_CN_ALL}]*(?:点[{_CN_DIGITS}]+)?")
_MULT = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
         "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}
_MULT_EXACT = {k: Decimal(int(v)) for k, v in _MULT.items()}
# The leading lookahead lets the regex engine skip quickly to characters that can start a number.
_NUM_RE = re.compile(
    rf"(?=[\d{_CN_DIGITS[2:]}十百千万亿零])(?P<pct>百分之|千分之)?(?:(?P<ar>{_AR})|(?P<cn>{_CN}))"
    # 兆 is 万亿 in Malaysian, Singaporean and Taiwanese Chinese (8兆8800亿); only before 亿 digits or a
    # currency, since 兆瓦 and 兆赫 are mega-
    r"(?:[ \u3000\xa0]?(?P<ap1>多|余|馀))?(?:[ \u3000\xa0]?(?P<mult>万亿|兆(?=\d[\d,]*(?:\.\d+)?亿|[美欧英日韩人港澳新台令]|元)|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百))?"
    r"(?:(?<=[万亿兆])(?P<tail>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<tmult>千万|百万|亿|万|千|百)?"
    # 1千7百万: thousands and hundreds of the 万 (or 亿) written last, 1700万
    r"|(?<=千)(?P<hundreds>\d)(?P<hmult>百万|百亿))?(?P<ap2>多|余|馀)?")

# unit surface -> (kind, unit, factor). Longest alternatives first so 美元 wins over 元.
_CURRENCIES = {
    "美元": "USD", "美金": "USD", "人民币": "CNY", "欧元": "EUR", "英镑": "GBP", "日元": "JPY",
    "日圆": "JPY", "韩元": "KRW", "韩圆": "KRW", "港元": "HKD", "港币": "HKD", "澳元": "AUD",
    "澳大利亚元": "AUD", "加元": "CAD", "加拿大元": "CAD", "新西兰元": "NZD", "新加坡元": "SGD",
    "新台币": "TWD", "台币": "TWD", "瑞士法郎": "CHF", "瑞郎": "CHF", "卢布": "RUB",
    "格里夫纳": "UAH", "卢比": "INR", "印度卢比": "INR", "巴基斯坦卢比": "PKR",
    "斯里兰卡卢比": "LKR", "里拉": "TRY", "土耳其里拉": "TRY", "里亚尔": "IRR", "伊朗里亚尔": "IRR",
    "沙特里亚尔": "SAR", "卡塔尔里亚尔": "QAR", "迪拉姆": "AED", "兰特": "ZAR", "雷亚尔": "BRL",
    "墨西哥比索": "MXN", "阿根廷比索": "ARS", "菲律宾比索": "PHP", "泰铢": "THB", "铢": "THB", "林吉特": "MYR",
    "令吉": "MYR", "印尼盾": "IDR", "越南盾": "VND", "谢克尔": "ILS", "新谢克尔": "ILS",
    "以色列谢克尔": "ILS", "以色列新谢克尔": "ILS",
    "埃及镑": "EGP", "俄罗斯卢布": "RUB", "乌克兰格里夫纳": "UAH", "丹麦克朗": "DKK",
    "瑞典克朗": "SEK", "挪威克朗": "NOK", "捷克克朗": "CZK", "马来西亚林吉特": "MYR",
    "印度尼西亚盾": "IDR", "南非兰特": "ZAR", "巴西雷亚尔": "BRL", "阿联酋迪拉姆": "AED",
    "伊拉克第纳尔": "IQD", "约旦第纳尔": "JOD", "科威特第纳尔": "KWD", "黎巴嫩镑": "LBP",
    "叙利亚镑": "SYP", "黎巴嫩里拉": "LBP", "叙利亚里拉": "SYP", "奈拉": "NGN", "尼日利亚奈拉": "NGN", "阿富汗尼": "AFN", "兹罗提": "PLN",
    # (磅 for 镑 and the short forms: 1万叙利亚磅, 15000黎镑)
    "叙利亚磅": "SYP", "黎巴嫩磅": "LBP", "埃及磅": "EGP", "黎镑": "LBP", "叙镑": "SYP", "埃镑": "EGP",
    "波兰兹罗提": "PLN", "福林": "HUF", "匈牙利福林": "HUF", "坚戈": "KZT", "白俄罗斯卢布": "BYN",
    "朝鲜元": "KPW", "韩币": "KRW", "澳门元": "MOP", "澳门币": "MOP", "塔卡": "BDT", "缅元": "MMK",
    "肯尼亚先令": "KES", "坦桑尼亚先令": "TZS", "乌干达先令": "UGX", "索马里先令": "SOS", "新元": "SGD",
    "纽元": "NZD", "苏姆": "UZS", "基普": "LAK", "瑞尔": "KHR", "图格里克": "MNT", "智利比索": "CLP",
    "哥伦比亚比索": "COP", "古巴比索": "CUP", "索尔": "PEN", "玻利瓦尔": "VES", "埃塞俄比亚比尔": "ETB",
    "塞地": "GHS", "阿尔及利亚第纳尔": "DZD", "突尼斯第纳尔": "TND", "利比亚第纳尔": "LYD",
    "越盾": "VND", "比索": "", "比尔": "", "索姆": "KGS", "吉尔吉斯斯坦索姆": "KGS", "乌兹别克斯坦索姆": "UZS",
    "盾": "", "先令": "", "基那": "PGK", "马纳特": "AZN", "德拉姆": "AMD",
    "拉里": "GEL", "列伊": "RON", "列弗": "BGN", "第纳尔": "DZD",
    "格鲁吉亚拉里": "GEL", "亚美尼亚德拉姆": "AMD", "阿塞拜疆马纳特": "AZN", "罗马尼亚列伊": "RON", "保加利亚列弗": "BGN",
    "元": "CNY", "块钱": "CNY",   # 块钱: the spoken yuan (300块钱补贴); bare 块 is a measure word
}
_NAMED_CURRENCIES = "(" + "|".join(sorted((k for k in _CURRENCIES if k not in ("元", "块钱")), key=len, reverse=True)) + ")"
_CURRENCY_BEFORE_RE = re.compile(_NAMED_CURRENCIES + "[ \u3000\xa0]*$")
# A currency before a number with 万/亿 and no unit after it (外币美元6.5亿、欧元10亿, 折合人民币约71亿)
_CURRENCY_LEAD_RE = re.compile(_NAMED_CURRENCIES + "(?:约|逾|超过|超|近|达|共计|共|合计)?[ \u3000\xa0]*$")
# A place in a ranking before 位 (从第10位跌至17位)
_RANK_BEFORE_RE = re.compile("(?:跌至|升至|降至|滑落至|上升至|下降至|排至|排在|位列|位居|排名|跃居|跃升至|名列)(?:第)?$")
_UNITS: dict[str, tuple[str, str, float]] = {k: ("money", v, 1.0) for k, v in _CURRENCIES.items()}
_UNITS.update({
    "美分": ("money", "USD", 0.01),
    "立方米": ("volume", "m3", 1.0), "立方英尺": ("volume", "m3", 0.028316846592),
    "立方": ("volume", "m3", 1.0), "方": ("volume", "m3", 1.0),
    # shortened and Taiwanese forms of the cubic metre (1070亿立米, 30万立方公尺)
    "立米": ("volume", "m3", 1.0), "立方公尺": ("volume", "m3", 1.0),
    "桶": ("volume", "barrel", 1.0), "加仑": ("volume", "m3", 0.003785411784),
    # litres of fuel and water (每天消耗约3300万升汽油)
    "升": ("volume", "m3", 1e-3), "公升": ("volume", "m3", 1e-3),
    "吨": ("mass", "t", 1.0), "公吨": ("mass", "t", 1.0), "千克": ("mass", "t", 1e-3),
    "公斤": ("mass", "t", 1e-3), "斤": ("mass", "t", 5e-4), "克": ("mass", "t", 1e-6),
    "磅": ("mass", "t", 0.00045359237), "kg": ("mass", "t", 1e-3), "g": ("mass", "t", 1e-6),
    # gold and silver are weighed in troy ounces (央行黄金储备7402万盎司)
    "盎司": ("mass", "t", 3.11034768e-5), "金衡盎司": ("mass", "t", 3.11034768e-5),
    "%": ("percent", "%", 1.0), "‰": ("percent", "%", 0.1),
    "人": ("count", "person", 1.0), "名": ("count", "person", 1.0), "位": ("count", "person", 1.0),
    "人口": ("count", "person", 1.0), "例": ("count", "person", 1.0),
    # 宗 counts cases of a disease in Hong Kong's usage (37,529宗阳性个案, 死亡个案1,561宗); elsewhere deals or
    # lawsuits (两宗交易): only with a word for cases beside it (_CASES_AROUND_RE)
    "宗": ("count", "person", 1.0),
    "死": ("count", "person", 1.0), "伤": ("count", "person", 1.0),
    # 个 counts people only before 人 and words for children (3个人受伤, 两个儿子, 七个孩子); 口人 counts a family
    "个人": ("count", "person", 1.0), "个孩子": ("count", "person", 1.0), "个儿子": ("count", "person", 1.0),
    "个女儿": ("count", "person", 1.0), "个子女": ("count", "person", 1.0), "口人": ("count", "person", 1.0),
    # lives lost (夺走45条生命, 造成上百条人命损失)
    "条生命": ("count", "person", 1.0), "条人命": ("count", "person", 1.0), "条逝去生命": ("count", "person", 1.0),
})
# Nouns for people that may follow a number directly (350万难民); demonyms (300万法国人) are added
# from the gazetteer's country names.
_PEOPLE = ("难民 公民 选民 居民 平民 士兵 军人 官兵 大军 人口 移民 儿童 妇女 学生 工人 农民 患者 病人 "
           "兵力 部队 民众 群众 人民 华人 华侨 侨民 穆斯林 美军 俄军 乌军 以军 英军 法军 德军 日军 韩军 朝鲜军 "
           "抗议者 示威者 志愿者 警察 医护人员 医生 护士 教师 官员 外交官 议员 运动员 雇佣兵 武装分子 "
           "战士 战斗人员 囚犯 人质 受害者 遇难者 死者 伤者 伤员 教徒 信徒 朝圣者 朝觐者 人员 从业人员 "
           "工作人员 球迷 观众 游客 乘客 旅客 学者 记者 流离失所者 无家可归者 幸存者 失踪者 被拘留者 "
           "被捕者 移民工人 农民工 平民百姓 渔民 牧民 村民 市民 灾民 员工 职工 陆军 海军官兵 民兵 "
           "菲军 印军 巴军 叙军 泰军 缅军 越军 土军 伊军 苏军 守军 敌军 联军 支持者 拥护者 追随者 新兵 受益者 "
           "少年儿童 青少年 未成年人 妇孺 婴儿 新生儿 孕妇 成年人 受访者 女性 男性 病例 女孩 男孩 原住民 土著居民 "
           "工作者 总人口 基督徒 天主教徒 东正教徒 佛教徒 印度教徒 孩子 小孩 "
           "留学生 大学生 研究生 中学生 小学生 毕业生 法官 律师 警员 消防员 矿工 船员 飞行员 工程师 科学家 专家 "
           "党员 外国人 公务员 雇员 嫌犯 嫌疑人 犯罪嫌疑人 恐怖分子 枪手 战俘 俘虏 劳工 侨胞 同胞 选手 球员 "
           "医务人员 军官 将领 士官 警官").split()
# Modifier characters allowed between a number and a people noun: no classifier (5万户居民 counts
# households), no date, age or fraction word.
_MODIFIER_CHAR_RE = re.compile(r"[^\W\dA-Za-z户张个套家辆架艘枚所座条份剂次件项台部只头支批种类起年月日岁的底号时天周世纪分之成]")
_MODIFIER_RE = re.compile(_MODIFIER_CHAR_RE.pattern + "{2}")
# Words after a number that count kinds, not people (三方面人员: people of three kinds).
_NOT_MODIFIERS = frozenset(("方面", "层面", "领域", "类别", "部门", "级别"))
_SECT_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?[派族教]")   # (85万阿拉维派民众, 77万锡克教教徒)
_UNIT_RE = re.compile("|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)))
_BODIES_RE = re.compile(r"具[\u4e00-\u9fff]{0,12}?(?:尸体|遗体|遗骸|尸首|死尸)")   # 109具中国人民志愿军烈士遗骸

# Characters after a unit that turn it into another word (人民币, 名单, 位置, 例如, 吨级 ...).
_UNIT_BLOCK = {
    # (3人组 is a trio's name; 约400人组成的人群 counts people)
    # (人次, person-trips, count people as every annotator counts them; 亿人公里 is passenger-kilometres)
    "人": re.compile(r"次(?=公里|千米)|公里|千米|民币|均|身(?!亡)|造|工|格|类|权|质|选|文|物|团|组(?!成)|小组|制|份|头|中(?!有)|年|天|日"),
    "名": re.compile(r"次|单|字|义|称|额|声|列|气|胜|望|誉|牌|副|著|言|校|画"),
    "位": re.compile(r"数|置|于|居|列|次|元|移|址|子|面|点|阶|号|比|一体|[A-Za-z0-9]"),   # (三位一体: a trinity)
    # 个人 starting a longer word is "personal" (3个人所得税 is no head count; 3个人受伤 is)
    "个人": re.compile(r"所得|主义|信息|数据|资料|账户|隐私|电脑|崇拜|财产|名义|身份|观点|意见|原因|恩怨|能力|卫生|生活|利益"
                     r"|护照|社交|贷款|消费|储蓄|养老|住房|品牌|风格|魅力|经历|问题|事务|行为|安全|权利|道|格|性|化"),
    "例": re.compile(r"如|外|子|证|行|句|会|题"),
    "克": re.compile(r"[里兰罗林拉什莱苏斯服制朗]"),
    "方": re.compile(r"面|案|向|式|法|针|便|位|阵|舟|言|兴|能|才|可|同|的"),
    # 3死5伤: deaths and injured in their shortest form; 死/伤 starting a longer word are not units
    "死": re.compile(r"[者去刑亡角板守战磕]"), "伤": re.compile(r"[者害心口痕亡残病员势]"),
    # 升 is a verb as often as a litre (3日升至, 升息, 升级)
    "升": re.compile(r"[至到高级值息温格学职任为了幅降值空起华]"),
    # (亿吨公里: tonne-kilometres, no mass)
    "吨": re.compile(r"级|位|(?:以上|以下)级|公里|千米"), "公斤": re.compile(r"级|(?:以上|以下)级"), "桶": re.compile(r"装"),
    "元": re.compile(r"[论化素首旦宵帅老气凶件音]"),
    "里拉": re.compile(r"(?!兑|对|的|，)[^\W\d]"),  # 里拉 followed by more letters is a name (not 里拉兑1美元)
    # 86g, 1.5kg are weights; 4g网络, 5g手机 and a g inside a Latin word (8gb) are not
    "g": re.compile(r"[A-Za-z0-9网信手基]"), "kg": re.compile(r"[A-Za-z0-9]"),
}
_WEIGHT_AFTER = re.compile(r"k?g(?![A-Za-z0-9])")   # 86g, 1.5kg: the Latin weight units
_SPACE = " \u3000\xa0\t"
_SPACE_CHARS = frozenset(_SPACE)   # unlike _SPACE, does not hold the empty string
_CLAUSE_END = "，,。；;：:！？!?\n"

# (节约15%, 签约50亿元: 约 closing a verb is no "about")
_APPROX_PREFIX_RE = re.compile(r"(?:大约|(?<![节制签预公条契违履邀特])约|大概|逾|超过|超|将近|接近|近)(?:为|有)?[" + _SPACE + r"]*$")
_APPROX_SUFFIX_RE = re.compile(r"[" + _SPACE + r"]*(?:左右|上下)")
_PER_PREFIX_RE = re.compile(r"(?:每年度|每年|年均|一年|每月|月均|每天|每日|日均|单日)[" + _SPACE + r"]*$")
_PER_WINDOW_RE = re.compile(r"每年度|每年|年均|每月|月均|每天|每日|日均|单日")
_PER_SUFFIX_RE = re.compile(r"[" + _SPACE + r"]*(?:/|每|一)(年|月|日|天)")
_PER = {"年": "year", "月": "month", "日": "day", "天": "day"}

# How _CONNECTOR_RE's gaps begin, and their possible first characters.
# 2023-04-25, 2024-2025: a date or a span of years (not 3800-4000万吨, a range of amounts)
_DATE_BEFORE_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–](?:\d{1,2}[-–])?$")
_CONNECTOR_AHEAD_RE = re.compile(r"[" + _SPACE + r"]*(?:到|至|-|~|—|–)")
_CONNECTOR_FIRST = frozenset(_SPACE + "到至-~—–")
_CONNECTOR_RE = re.compile(r"[" + _SPACE + r"]*(?:到|至|-|~|—{1,2}|–)[" + _SPACE + r"]*$")

# Change verbs directly before a percentage make it a growth rate; 至/到 after the verb would make
# it a level (增长至5% is where it ended, not how much it changed), so they are not allowed fillers.
_NEG_VERBS = ("下降 下跌 减少 降低 下滑 萎缩 缩减 削减 缩水 流失 回落 下调 贬值 收缩 锐减 骤降 暴跌 节省 节约 "
              "大跌 下挫 重挫 低开 走低 减排 降价 减价 缩小 滑落 跌落 跌去 蒸发 折价 失去 贬低 跌 降 减 少").split()
_POS_VERBS = ("增长 上涨 提高 增加 上升 扩大 上调 升值 攀升 飙升 反弹 提升 高涨 大涨 跃升 猛增 激增 "
              "暴涨 涨价 提价 加薪 涨薪 多出 溢价 高开 上扬 走高 增 涨 升 多").split()   # (溢价12.7%: above the reference price)
_VERB_RE = re.compile(
    "(?P<verb>" + "|".join(sorted(_NEG_VERBS + _POS_VERBS, key=len, reverse=True)) + ")"
    r"(?:了|约|近|逾|超过|超|达到|达|高达|已达|已|至少|最多|大约|将近|接近|多达|幅度为|幅度达|幅达|幅为|幅度|[" + _SPACE + r"]){0,3}"
    # (减少幅度接近 20%: the size of the change, then how near; 产量同比分别增长2.8倍和18.4%: a multiple listed first, then the percentage of the same verb)
    r"(?:\d+(?:\.\d+)?倍[和、及与][" + _SPACE + r"]*)?[-负]?$")
# 多/少 before a percentage are changes only in a comparison (比去年多5%)
_SMALL_VERBS = {"少", "多"}
_COMPARE_RE = re.compile(r"比(?![例重率])|较|相比|相较|同比|环比")   # (not 比例, 比重, 比率: a share)
_CHANGE_AFTER_RE = re.compile(
    # (以年均14%的速度持续增长, 5%左右的增长目标)
    r"[" + _SPACE + r"]*(?:左右|以上)?(?:的)?(?:速度|速率|年率|幅度)?(?:持续|稳步|快速|逐年|连续)?"
    # (1.5%的经济增长, 5.3%的实际增长率, 11%的环比营收增长, 140%的通货膨胀率)
    # (5%左右的雄心勃勃的经济增长目标, 6%以上的年度经济增长目标: a description between them)
    r"(?:(?<=的)(?:[\u4e00-\u9fff]{2,4}的(?=[\u4e00-\u9fff]{0,4}(?:经济|GDP)))?"
    # (9.5%左右的M2高增, 接近5%的中度通货膨胀警示线: a money aggregate or an index, a degree of inflation)
    r"(?:双位数|两位数|经济|营收|收入|销售|销量|利润|出口|进口|同比|环比|年度|全年|年|高|实际|名义|GDP|M[012]|CPI|PPI"
    r"|中度|温和|轻度|严重|恶性|[\u4e00-\u9fff]{2}同比){0,2})?"
    r"(?P<w>增长|下降|增速|增幅|涨幅|降幅|跌幅|上涨|下跌|减少|递增|递减|增加|贬值|升值|通货膨胀|通胀|高增|溢价|折价)"
    r"(?![到至为])")   # 从11.3%增长到18.5%: a level that changed, not a rate
_GROWTH_NOUN_RE = re.compile(
    # (经济增长 + 预期下调至2.9%: economic growth is a rate of change, whatever level it is lowered to)
    r"(?P<noun>增长率|年增率|增率|增速|增幅|涨幅|降幅|(?<!涨)跌幅|通胀率|通货膨胀率|通货膨胀|通胀|CPI|消费价格指数|物价指数|生产者价格指数|PPI|同比|环比"
    r"|经济增长|GDP增长|增长预期|增长预测)"
    # what lies between the noun and the number: no share word (占, 比重), a year allowed (从2022年的8.7%)
    r"(?:(?!占|贡献|比重|份额)(?:\d{4}年|\d{1,2}月(?!\d)|[^\d，,。；;：:%])){0,10}$")
# 比国际价格低30%, 比官价贵了足足30%: a comparison stated as a relative difference
_COMPARATIVE_RE = re.compile(r"(高出|低出|便宜|高|低|快|慢|贵|小|大)(?:了|约|近|足足|大约|将近|[" + _SPACE + r"]){0,3}$")
_COST_NOUNS = ("成本", "排放", "排放量", "价格", "售价", "油耗", "能耗", "费用", "造价", "运价", "电价", "票价")
_BENCHMARK_RE = re.compile(r"较|相比|不及|低于|高于|未达|好于|差于|超出|预期|前值|上一季度|上季度|上月|上年|去年")
_MARGIN_AFTER_RE = re.compile(r"^[" + _SPACE + r"]*的(?:劣势|优势|差距|领先|差额)")
# (a year after 至 names when the level is reached: 放缓至2023年的3.0%)
_YEAR_OF = r"(?:\d{4}年)?(?:\d{1,2}月份?)?(?:底|末|初)?的?"   # (2023年的, 9月份的)
# when a rate reached a level (升至2023年的, 上升至今年年底的, 升至目前的)
_WHEN_OF = r"(?:\d{4}年|今年|去年|明年)?(?:\d{1,2}月份?|年)?(?:底|末|初)?(?:目前|当前|眼下|现在)?的?"
# A change to a level: 降至, 回落到了, 放缓至2023年的 (the verbs before 至/到 that name where a rate ended)
_TO_LEVEL_VERBS = "回落|下降|上升|放缓|加快|下调|上调|反弹|回升|降低|升高|降|升|跌|涨"
_TO_LEVEL = r"(?:至|到)了?[" + _SPACE + r"]*" + _WHEN_OF
# (after another rate in the sentence, 提高到 too: 增速从6.1%提高到6.5%; not after a share's noun, whose
# 占比从24.7%提高到27.6% stays a share)
_TO_LEVEL_RE = re.compile(r"^[^。；;！？!?]{0,16}?(?:提高|" + _TO_LEVEL_VERBS + ")" + _TO_LEVEL + "$")
_TO_LEVEL_END_RE = re.compile("(?:" + _TO_LEVEL_VERBS + ")" + _TO_LEVEL + "$")
_RATE_SUBJECT_RE = re.compile(r"(?P<growth>通胀率|通货膨胀率|通胀|通货膨胀|CPI|增速|增长率|经济增长)|率|比例|比重|份额|PMI|采购经理")
# A rate held at a level (通胀率可能会保持在央行提出的4.5%左右, 稳定在5.4%): the sentence's rate noun decides
_HOLD_AT_RE = re.compile(r"(?:保持|维持|稳定|控制)在(?:[^，,。；;%\d]{0,16}的)?[" + _SPACE + r"]*$")
_FROM_LEVEL_RE = re.compile(r"从[" + _SPACE + r"]*" + _YEAR_OF + "$")
_TO_LEVEL_AFTER_RE = re.compile(r"[" + _SPACE + r"]*(?:" + _TO_LEVEL_VERBS + ")" + _TO_LEVEL)
_RESTATED_RE = re.compile(r"(?:即|亦即|也就是)[" + _SPACE + r"]*$")
# A comparison set up earlier in the sentence (与2019年相比, ……高出了0.7%)
_COMPARED_WITH_RE = re.compile(r"(?:与|和|同|跟)[^，,。；;]{1,14}?(?:相比|相较|比较)")
# The same rate a period earlier, right after it (193%，前一年则是305%; 4.1%，去年同期为3.2%)
_EARLIER_PERIOD_RE = re.compile(r"^%?[" + _SPACE + r"]*[，,][" + _SPACE + r"]*(?:(?:前一年|去年|上一年|前年|上月|上个月|一年前|此前|去年同期|上年同期)"
                                # (约为5%，而2023年的预测为5.1%: the same rate of another year)
                                r"|(?:而|但)?[" + _SPACE + r"]*\d{4}[" + _SPACE + r"]*年的?(?:预测|预期|增速|数字)?)"
                                r"(?:则|还|也)?(?:是|为|达|高达|仅为)[" + _SPACE + r"]*$")
_LEVEL_NOUN_RE = re.compile(r"率|比例|占|比重|份额|%|PMI|采购经理")   # (PMI跌至48.7%: a level, not a rate)
_LIST_ITEM_GAP_RE = re.compile(r"^[" + _SPACE + r"]*[、][" + _SPACE + r"]*[\u4e00-\u9fff]{1,5}[" + _SPACE + r"]*$")
# (2023年的6.9%和2024年的5.8%: each item of a list may name its year; 分别为-6.5%和-0.2%: or carry its sign)
_LIST_SEP_RE = re.compile(r"^[" + _SPACE + r"]*(?:、|和|及|与|或|以及|，|,)[" + _SPACE + r"]*" + _YEAR_OF + "[-+负]?$")

# Casualty words that make an explicit "1人"/"两人" a figure.
_CASUALTY_RE = re.compile(r"死亡|身亡|丧生|遇难|遇害|罹难|受伤|负伤|伤亡|失踪|失联|下落不明|被杀|被捕|确诊|感染|病亡|死|伤")
# A bare number (no unit) counts people when its clause says what it measures: 人数/人口/病例 ...
# What happened to the one person a numeral in words counts (一人死亡; not 一名伤者: a noun)
_CASUALTY_VERB_RE = re.compile(r"死亡|身亡|丧生|遇难|遇害|罹难|受伤|负伤|伤势|重伤|轻伤|失踪|失联|下落不明|被杀|被捕|被枪击|中弹")
_NUMERAL_CHARS = r"[\d一二两三四五六七八九十百千万]"
_INJURED_AFTER_RE = re.compile(r"(?:近|约|逾|超)?" + _NUMERAL_CHARS + r"+多?伤")   # 9死近3000伤
_DEAD_BEFORE_RE = re.compile(_NUMERAL_CHARS + r"+多?死(?:近|约|逾|超)?$")
_FROM_CHANGE_RE = re.compile(r"[增减降升上下跌涨扩缩提攀飙跃到至变]")
_HEADCOUNT_RE = re.compile(r"人数|人口|兵力|死亡|伤亡|病例|确诊|人员|士兵|军人|难民|移民|选民"
                           r"|参与者|参加者|抗议者|示威者|罢工者"   # (参与者的数字达到了280万)
                           # (新生儿仅122万, 外国劳工约347万, 游客达到300万)
                           # (not inside a body's name: 儿童基金会, 劳工部, 居民委员会)
                           r"|(?:新生儿|劳工|劳动力|公民|居民|儿童|游客|乘客|旅客|失业者|患者)(?![基会组局部院节委权福署区])")
_COUNT_NOUNS = frozenset(("人数", "总数", "票数", "户数", "次数", "件数", "个数", "岁数", "座数", "位数"))
_WAN_YI_END_RE = re.compile("[万亿]$")
# 每3欧元预算里就有1欧元: the two ends of a proportion of money
_SHARE_OF_EACH_AFTER_RE = re.compile(r"[^，,。；;\d]{0,10}?(?:里|中|内|当中)就?有")
_SHARE_OF_EACH_BEFORE_RE = re.compile(r"每[^，,。；;]{0,14}?(?:里|中|内|当中)就?有$")
_RATIO_BEFORE_RE = re.compile(r"每[^，,。]{0,6}中就?有?$|人中就?有$")
# (每10名5岁以下儿童中,就有8人: the ratio's clause ends before 就有)
_RATIO_ACROSS_COMMA_RE = re.compile(r"每[^，,。；]{1,14}中[，,]就有$")
_DIGIT_RE = re.compile(r"\d")
# Economic indicators glued to their value (人均GDP533美元, CPI2.1%): the number is no model name.
_INDICATOR_BEFORE_RE = re.compile(r"(?:GDP|GNP|GNI|CPI|PPI|PMI)$")
_GROUPING = re.compile("[, \u2009\u202f\xa0]")   # thousands separators inside an Arabic number
# (人口2448万(2023年): a year in brackets after the count)
_BARE_FOLLOW_RE = re.compile(r"^(?:$|[" + _SPACE + r"，,。；;：:、）)」”！？!?\n]|和|与|及|左右|以上|的|[(（]\d{2})")
_CLAUSE_OPENERS = frozenset("，,。；;：:")
# A purchasing managers' index right before its reading (PMI为49.5, (PMI)回升至51, PMI升至51.6)
_PMI_BEFORE_RE = re.compile(r"PMI[)）]?(?:指数)?(?:分别)?(?:为|是|录得|回升至|回升到|升至|上升至|上升到|降至|下降至|回落至|回落到|跌至|达到|达|报)?"
                            # (a reading of at most three digits, no year or date: PMI 2023年, PMI 12月)
                            r"[" + _SPACE + r"]*(?=\d{1,3}(?:\.\d+)?(?![\d年月日号]))")
# (a currency's last character, then the word for "against": 15000黎巴嫩镑兑换1美元, 41.12里拉兑1美元)
_RATE_BASE_BEFORE_RE = re.compile(r"[\d万亿千百][\u4e00-\u9fff]{0,6}[镑磅元郎尔拉币索盾特令比朗吉]["
                                  + _SPACE + r"]*(?:兑换|兑|对|换|=|＝)[" + _SPACE + r"]*$")
_RATE_BASE_AFTER_RE = re.compile(r"[" + _SPACE + r"]*(?:=|＝|兑|可兑换|兑换|折合|约合|合)")
# (城镇新增就业1256万人, 带动当地就业超10万人: jobs, not people)
_JOBS_AFTER_RE = re.compile(r"的?就业(?:问题|岗位|机会)")
_JOBS_BEFORE_RE = re.compile(r"(?:就业|岗位)(?:人数)?(?:超过|超|逾|约|近|达到|达|为)?[" + _SPACE + r"]*$")
_DEMONSTRATIVE_END_RE = re.compile("(?:这|那|该|此|上述|前述)$")
_CERTAINTY_AFTER_RE = re.compile("[" + _SPACE + "]*(?:的)?(?:确信|肯定|相信|确定|保证|把握|同意|支持|地)")


@dataclass(slots=True)
class _Tok:
    start: int          # first char of the number (or of 百分之)
    end: int            # end of the number
    value: float
    has_mult: bool
    approx: bool
    cn: bool            # written in Chinese numerals
    raw: str
    unit_key: str | None = None
    unit_end: int | None = None
    unit_noun: str | None = None  # the people noun that served as the unit (350万难民 -> 难民)
    loose_range: bool = False  # the low end of 三四百: joined to the next token, which holds the unit


def _cn_value(s: str) -> float | None:
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


@functools.lru_cache(maxsize=1)
def _places() -> tuple[frozenset, dict[str, tuple[int, ...]]]:
    """Country names (and aliases of two or more chars) from the gazetteer, for 300万法国人, and for
    each first character the lengths of the names it starts, longest first."""
    from etl import gazetteer  # local import: the gazetteer is only needed for this lookup

    names = {w for e in gazetteer.load() if e.type == "place"
             for w in (e.name, *e.aliases) if len(w) >= 2 and not w.endswith("方")}
    names |= {"库尔德", "巴勒斯坦", "罗兴亚", "维吾尔", "犹太"}
    lengths: dict[str, set[int]] = {}
    for w in names:
        lengths.setdefault(w[0], set()).add(len(w))
    return frozenset(names), {c: tuple(sorted(ns, reverse=True)) for c, ns in lengths.items()}


_PEOPLE_SET = frozenset(_PEOPLE)
# What turns a people noun into a place or a body (居民小区, 难民营, 学生会, 居民楼, 移民局).
_PLACE_OF_PEOPLE = frozenset("小区楼营会点户村站局所岗职")   # (10万个公务员岗位: jobs)
_PEOPLE_LENS = sorted({len(w) for w in _PEOPLE}, reverse=True)
_PEOPLE_FIRST = frozenset(w[0] for w in _PEOPLE)
# Countries' one-character forms that news writes before a word for people (俄公民, 阿难民, 吉劳工)
_ONE_CHAR_COUNTRIES = frozenset("中美俄乌英法德日韩朝印巴阿伊以叙土沙埃吉哈塔越菲泰缅澳加墨")


_ELIGIBLE_RE = re.compile(r"(?:有|具有|拥有|具备)(?:投票|选举)?(?:资格|权利|权)的|合资格的?|已?登记(?:在册)?的?"
                          r"|符合(?:条件|资格)的")
_ELIGIBLE_FIRST = frozenset("有具拥合已登符")


def _people_noun_end(t: str, k: int) -> int | None:
    """The end of the people noun (难民, 选民 …) at k, or None."""
    if t[k:k + 1] in _PEOPLE_FIRST:
        for n in _PEOPLE_LENS:
            if t[k:k + n] in _PEOPLE_SET:
                return k + n
    return None


def _people_end(t: str, j: int) -> int | None:
    """End of a people noun at j, optionally led by a country (600万乌克兰难民), or of a demonym
    (300万法国人); a set lookup rather than a regex over hundreds of names, for speed."""
    places, lengths = _places()
    k = j
    # Only the lengths of names starting with this character are tried: most positions need no
    # slicing at all.
    rest = len(t) - j
    for n in lengths.get(t[j:j + 1], ()):
        if n <= rest and t[j:j + n] in places:
            k = j + n
            break
    if k > j and t.startswith("族", k):
        k += 1
    if t[k:k + 1] in _PEOPLE_FIRST:
        for n in _PEOPLE_LENS:
            if t[k:k + n] in _PEOPLE_SET and not t.startswith("币", k + n):
                return k + n
    if k > j and t.startswith("人", k) and not t.startswith(("人民币", "人次"), k):
        return k + 1
    if k == j:
        # 85万阿拉维派民众, 20万库尔德族难民: a sect or an ethnic group before the noun;
        # 5087万有投票资格的选民, 300万登记选民: the voters entitled or registered
        for lead in (_SECT_RE.match(t, j), _ELIGIBLE_RE.match(t, j)):
            if lead is not None and (end := _people_noun_end(t, lead.end())) is not None:
                return end
    if k == j and t[j:j + 1] in _ONE_CHAR_COUNTRIES:
        # a country's one-character form before the noun, maybe with a modifier: 超110万吉公民,
        # 近80万阿非法移民 (Kyrgyz citizens, illegal Afghan migrants)
        for at in (j + 1, j + 3):
            if at == j + 3 and not _MODIFIER_RE.fullmatch(t[j + 1:j + 3]):
                break
            if (end := _people_noun_end(t, at)) is not None and not t.startswith("币", end):
                return end
    modifier = t[j:j + 2]
    if k == j and _MODIFIER_RE.fullmatch(modifier) and modifier not in _NOT_MODIFIERS:
        # a two-character modifier before the noun: 800万无证移民, 300万寄递从业人员;
        # not 5万户居民 (households), 13岁学生 (an age), 8月底美军 (a date)
        for n in _PEOPLE_LENS:
            if t[j + 2:j + 2 + n] in _PEOPLE_SET and not t.startswith("币", j + 2 + n):
                return j + 2 + n
    return None


_GE_CASUALTY_AFTER_RE = re.compile("(?:受伤|死亡|遇难|丧生|身亡|罹难|伤亡)")


def _ge_casualties(t: str, s: int, j: int) -> bool:
    """Whether 个 at j (after the number at s) counts people killed or wounded: 死13个, 46个受伤."""
    return _GE_CASUALTY_AFTER_RE.match(t, j + 1) is not None or t[s - 1:s] in ("死", "伤")


def _unit_at(t: str, j: int) -> tuple[str | None, int | None, str | None]:
    """The unit written at j, right after a number (_tokens skips at most two spaces before it),
    where it ends, and the people noun when a noun stands for the unit (350万难民, 12具尸体)."""
    um = _UNIT_RE.match(t, j)
    if um:
        key = um.group(0)
        block = _UNIT_BLOCK.get(key)
        if block is None or not block.match(t, um.end()):
            if key == "人" and t.startswith("次", um.end()):
                return key, um.end() + 1, None   # 43.12亿人次: person-trips, the surface keeps 次
            return key, um.end(), None
    bm = _BODIES_RE.match(t, j)
    if bm:
        return "人", bm.end(), bm.group(0)[1:]
    pe = _people_end(t, j)
    if pe:
        return "人", pe, t[j:pe]
    if t.startswith("个", j) and (pe := _people_end(t, j + 1)) is not None and t[pe:pe + 1] not in _PLACE_OF_PEOPLE:
        # 2050个英国成年人, 500个难民: 个 before a word for people (not 473个居民小区, 一个难民营: places)
        return "人", pe, t[j + 1:pe]
    return None, None, None


@functools.lru_cache(maxsize=1)
def _unit_pairs() -> tuple[frozenset, frozenset]:
    """The first two characters of every unit, people noun and country name of two or more, and
    the first characters of these."""
    pairs = frozenset(w[:2] for w in (*_UNITS, *_PEOPLE, *_places()[0]) if len(w) >= 2)
    return pairs, frozenset(p[0] for p in pairs)


_SINGLE_UNIT = 1    # a one-character unit, or 具 (12具尸体)
_PAIR_START = 2     # the first character of a longer unit, people noun or country name
_MODIFIER_START = 4  # may start a two-character modifier before a people noun (800万无证移民)


@functools.cache
def _unit_start(c: str) -> int:
    """What _unit_at could find starting at character c, as the flags above (0: nothing)."""
    return ((_SINGLE_UNIT if c in _UNITS or c == "具" else 0)
            | (_PAIR_START if c in _unit_pairs()[1] else 0)
            | (_MODIFIER_START if _MODIFIER_CHAR_RE.fullmatch(c) else 0))


def _tokens(t: str) -> list[_Tok]:
    # This loop runs for every number-like match in the corpus, most of them years, dates and words
    # like 一些/一个 that are dropped: these are recognised first, from the character after them,
    # before the detailed checks; the unit lookup only runs when the next characters can start a unit.
    toks = []
    n = len(t)
    unit_pairs = _unit_pairs()[0]
    # A plain number (no unit, no multiplier, no range connector after it) is never a figure and
    # joins no range (_join_ranges); its only role is to stand between the previous token and the
    # next. Its digits already keep those from joining as a range, so it is kept only after a bare
    # 万/亿 number (the 从A…至B rule) or inside the previous token's unit (北溪2号): when it starts
    # before this offset.
    keep_plain_before = 0
    # a purchasing managers' index is a level in percent without the sign (PMI回升至51): kept like a figure
    index_levels = {m.end() for m in _PMI_BEFORE_RE.finditer(t)} if "PMI" in t else ()
    for m in _NUM_RE.finditer(t):
        pct, ar, cn, ap1, mult, tail, tmult, hundreds, hmult, ap2 = m.groups()
        s, e = m.span()
        nxt = t[e] if e < n else ""
        has_mult = mult is not None or cn is not None and ("万" in cn or "亿" in cn)
        # Whether _unit_at can find anything at j (past at most two spaces): most characters after
        # a number (年, 月, 个, punctuation) can start nothing, which one cached look-up tells.
        j = e
        c = nxt
        if c in _SPACE_CHARS:
            j += 2 if e + 1 < n and t[e + 1] in _SPACE_CHARS else 1
            c = t[j:j + 1]
        flags = _unit_start(c) if c else 0
        unit_possible = flags and (
            flags & _SINGLE_UNIT or flags & _PAIR_START and t[j:j + 2] in unit_pairs
            or flags & _MODIFIER_START and t[j + 2:j + 3] in _PEOPLE_FIRST and _MODIFIER_RE.fullmatch(t[j:j + 2])
            or has_mult and flags & _MODIFIER_START and _SECT_RE.match(t, j)   # 12万什叶派穆斯林
            or has_mult and c in _ONE_CHAR_COUNTRIES   # 110万吉公民
            or c in _ELIGIBLE_FIRST and _ELIGIBLE_RE.match(t, j)   # 5087万有投票资格的选民
            or c == "个" and (_people_end(t, j + 1) is not None   # 2050个英国成年人
                             or _ge_casualties(t, s, j)))
        # Nothing after the number can make it a figure or join it to one (the checks below would
        # drop it): a Chinese numeral word (一些), or a plain number unless it must stay.
        if not unit_possible and not pct and not has_mult and nxt not in _CONNECTOR_FIRST and (
                cn is not None and nxt or s >= keep_plain_before) and s not in index_levels:
            continue
        prev = t[s - 1] if s else ""
        # Model names and codes: F-35, 3C5000, Tu-22, G20 — a number glued to Latin letters or digits.
        # (50-70%: a number before the dash makes a range; a letter makes a model, F-35)
        if prev and prev.isascii() and (prev.isalnum() or prev in "._/") and not _INDICATOR_BEFORE_RE.search(t, max(0, s - 4), s) \
                and not (prev == "." and t[e:e + 1] in "%％" and (w := t[max(0, s - 4):s - 1]).isascii() and w.isalpha()) or \
                (prev in "-–" and s >= 2 and t[s - 2].isascii() and t[s - 2].isalpha()) or \
                prev in "-–" and not has_mult and _DATE_BEFORE_RE.search(t, max(0, s - 8), s):
            continue   # (2023-04-25: the parts of a date)
        if nxt.isascii() and nxt.isalpha() and not _WEIGHT_AFTER.match(t, e):  # 32MB, 3C5000, 5G (not 86g)
            continue
        # Chinese numerals are mostly words (一些, 一起, 统一): keep them only with a unit, a
        # multiplier or a range connector after them, before paying for the conversion. Most such
        # words are ruled out by the characters after them, before the unit lookup.
        bare_cn = cn and not has_mult and nxt not in "到至-~—"
        if bare_cn and not pct and not unit_possible:
            continue
        half = pct == "百分之" and not mult and t.startswith("半", e)
        if half:
            e += 1   # 百分之三半: three and a half per cent
        if pct:
            unit_key, unit_end, noun = ("%" if pct == "百分之" else "‰"), e, None
        elif unit_possible:
            unit_key, unit_end, noun = _unit_at(t, j)
            if unit_key is None and c == "个" and _ge_casualties(t, s, j):
                unit_key, unit_end = "人", j + 1   # 死13个, 46个受伤: 个 for people killed or wounded
        else:
            unit_key = unit_end = noun = None
        if unit_key is None and s in index_levels and not has_mult:
            unit_key, unit_end = "%", e   # 制造业PMI回升至51: the index is read as a percentage
        if bare_cn and unit_key is None:
            continue
        if unit_key is None and not has_mult and not (nxt in _CONNECTOR_FIRST and _CONNECTOR_AHEAD_RE.match(t, e)) \
                and s >= keep_plain_before:
            continue  # a plain number (a year, a date) that plays no part
        if ar and (len(ar) > 1 and ar[0] == "0" and ar[1].isdigit()
                   or noun is not None and not has_mult and _YEAR_DIGITS.fullmatch(ar) and t.startswith(noun, e)):
            continue  # 055万吨大驱: a type number (055型); “2019陆军技术日”: a year before a word, no head count
        if ar:
            # (in decimal: 21.4 × 1e8 in binary floats is 2139999999.9999998, not the 21.4亿 the text says)
            value = float(Decimal(_GROUPING.sub("", ar)) * _MULT_EXACT[mult]) if mult else float(_GROUPING.sub("", ar))
        else:
            if (span := _CN_SPAN_RE.fullmatch(cn)) and unit_key is not None:
                # 三四百名, 五六十亿美元, 两三千人: two neighbouring digits before the order of magnitude are
                # a loose range (300 to 400): a low token joined to the high one (_join_ranges)
                low = _cn_value_with_mult(span.group(1) + span.group(3), mult)
                high = _cn_value_with_mult(span.group(2) + span.group(3), mult)
                step = _cn_value_with_mult("一" + span.group(3), mult)   # (the digits must be neighbours: not 三八百)
                if low is not None and high is not None and step and abs(high - low - step) < 1e-6 * step:
                    toks.append(_Tok(s, s + 1, low, has_mult, True, True, cn[0], loose_range=True))
                    toks.append(_Tok(s + 1, e, high, has_mult, True, True, m.group(0)[1:], unit_key, unit_end, noun))
                    keep_plain_before = unit_end or 0
                continue
            if len(cn) >= 2 and not _CN_UNIT_CHARS.intersection(cn):
                continue  # 一一, 三四名 (three or four), 二〇: digit strings, not one number
            value = _cn_value_with_mult(cn, mult)
            if value is None:
                continue
        if hundreds:
            if not ar or mult != "千":
                continue
            value = (value + float(hundreds) * 100) * (1e4 if hmult == "百万" else 1e8)   # (1000 + 700) × 1万
            has_mult = True
        if tail:
            # 12亿4676.9万, 1万2千, 14万7500: the tail must be a smaller order of magnitude than the head
            tail = tail.replace(",", "")
            tail_value = float(tail) * _MULT.get(tmult or "", 1.0)
            if ar and mult == "万" and tmult == "亿" and len(tail) == 4 and "." not in tail:
                # 8万1000亿韩元 (Korean style): 8万 + 1000 of the 亿, 8.1万亿
                value = (value + float(tail)) * 1e8
                has_mult = True
            elif not ar or _MULT.get(tmult or "", 1.0) >= _MULT.get(mult or "", 1.0) \
                    or tmult is None and len(tail) != {"万": 4, "亿": 8}.get(mult or "", 0):
                continue   # 1万5 is spoken for 15000: a bare tail must fill the places (14万7500)
            else:
                value += tail_value
        if half:
            value += 0.5
        toks.append(_Tok(s, e, value, has_mult, bool(ap1 or ap2), bool(cn), t[s:e] if half else m.group(0),
                         unit_key, unit_end, noun))
        keep_plain_before = n + 1 if unit_key is None and has_mult else (unit_end or 0)
    return toks


_CN_UNIT_CHARS = frozenset("十百千万亿点")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_CN_SPAN_RE = re.compile("([一两三四五六七八])([两三四五六七八九])([十百千万亿]{1,2})")


def _cn_value_with_mult(cn: str, mult: str | None) -> float | None:
    """A Chinese numeral times the multiplier written after it. After 亿, a smaller multiplier applies
    to the part after 亿 only: 一亿零五百多万 is 1亿 + 500万, not (1亿零500) × 万."""
    factor = _MULT.get(mult or "", 1.0)
    k = cn.rfind("亿")
    if k >= 0 and k < len(cn) - 1 and factor < 1e8:
        head, rest = _cn_number(cn[:k + 1]), _cn_number(cn[k + 1:].lstrip("零〇"))
        return None if head is None or rest is None else head + rest * factor
    value = _cn_number(cn)
    return None if value is None else value * factor


@functools.lru_cache(maxsize=4096)
def _cn_number(cn: str) -> float | None:
    """cn2an reads Chinese numerals (五千, 三千五百万, 六十点五) but not 四点五万亿: split off 万亿."""
    body, extra = cn, 1.0
    if body[0] in "百千万亿":  # 百万, 千亿, 近千, 超亿: cn2an wants the leading 一
        body = "一" + body
    if body.endswith("万亿") and len(body) > 2:
        body, extra = body[:-2], 1e12
    v = _cn_value(body)
    return None if v is None else v * extra


_ASIDE_RE = re.compile(r"[(（][^()（）]{1,16}[)）]")
_VARYING_RE = re.compile(r"(?:[(（][^()（）]{1,16}[)）])?不等")


# What joins the items of a list of amounts (610亿、260亿和80亿美元)
_LIST_JOIN_RE = re.compile("[" + _SPACE + "]*(?:、|和|与|及|以及|或)[" + _SPACE + "]*")


def _shared_units(t: str, toks: list[_Tok]) -> list[_Tok]:
    """Amounts listed before one unit share it: 分别为610亿、260亿和80亿美元 is three sums in dollars,
    300万、500万和800万吨 three masses. Only amounts with a multiplier (a bare 3、5和7 may be anything)."""
    for k in range(len(toks) - 2, -1, -1):
        cur, nxt = toks[k], toks[k + 1]
        if cur.unit_key is None and cur.has_mult and nxt.has_mult and nxt.unit_key is not None \
                and nxt.unit_key not in ("%", "‰") and not cur.loose_range \
                and _LIST_JOIN_RE.fullmatch(t, cur.end, nxt.start):
            toks[k] = dataclasses.replace(cur, unit_key=nxt.unit_key, unit_end=cur.end, unit_noun=nxt.unit_noun)
    return toks


def _join_ranges(t: str, toks: list[_Tok]) -> list[tuple[_Tok, _Tok]]:
    """Pairs (low token, high token); a single number is a pair of the same token twice.

    A single number with neither unit nor multiplier (a year, a date, a rank) is left out: it is
    never a figure (_classify, _bare_count) nor a title amount, and most tokens are such numbers.
    It still takes part in the joins, as the first token of a range (3至5万人) or as the token
    that keeps its neighbours apart."""
    out: list[tuple[_Tok, _Tok]] = []
    i, count = 0, len(toks)
    while i < count:
        a = toks[i]
        # Both joins need a unit on the second token; most tokens (years, dates) have none.
        if i + 1 < count and toks[i + 1].unit_key:
            b = toks[i + 1]
            a_end = a.unit_end if a.unit_key else a.end
            gap = t[a_end:b.start]
            if gap[:1] in "(（" and (aside := _ASIDE_RE.match(gap)):
                gap = gap[aside.end():]   # 从17.4%(特斯拉)到37.6%(上汽)不等: an aside after the low end
            same_unit = a.unit_key is None or a.unit_key == b.unit_key
            lead = t[max(0, a.start - 3):a.start]

            # 8人或9人: two close values of one unit joined by 或 are a range too (not 2人或20人)
            either = gap == "或" and a.unit_key == b.unit_key and a.value < b.value <= 2 * a.value
            # 2万元以上20万元以下: bounds of a range, as a law or a fine states them
            either = either or gap == "以上" and a.unit_key == b.unit_key and a.value < b.value \
                and t.startswith("以下", b.unit_end or b.end)
            # 从A到B is where something started and ended (two figures), unless the text says the values
            # vary between them (税率从10%到25%不等)
            # (削减约三分之一至850亿美元: a fraction's numerator starts no range)
            if same_unit and (_CONNECTOR_RE.match(gap) or either or a.loose_range) and not lead.endswith("分之") and (
                    "从" not in lead or _VARYING_RE.match(t, b.unit_end or b.end)):
                low = a.value
                bare = _bare_value(b) if a.unit_key is None and not a.has_mult and b.has_mult else 0
                if bare:  # (0万人 has no multiplier to distribute)
                    # 3至5万人 means 3万 to 5万: the multiplier is distributed.
                    scaled = a.value * b.value / bare
                    if scaled <= b.value:
                        low = scaled
                # 上涨5美元至85美元 is a change and the level it reached, not a range
                after_change = _VERB_RE.search(t[max(0, a.start - 8):a.start]) is not None
                if low <= b.value and not (after_change and b.value > 3 * low):
                    a.value, a.has_mult = low, a.has_mult or low != a.value
                    a.unit_key = b.unit_key
                    out.append((a, b))
                    i += 2
                    continue
            # 从4万亿缩水为1万亿美元, 从6万增加至30万人: two figures, the second's unit applying to both
            if (a.unit_key is None and a.has_mult and "从" in lead
                    and len(gap) <= 8 and not any(c in _CLAUSE_END for c in gap)):
                a.unit_key, a.unit_end, a.unit_noun = b.unit_key, a.end, b.unit_noun
        if a.unit_key == "%" and t.startswith("百分之", a.start) \
                and (m := _PCT_RANGE_TAIL.match(t, a.end)) and (i + 1 >= count or toks[i + 1].start >= m.end()):
            # 百分之四到五: the second number of a range in words takes the first's 百分之
            high = _cn_value(m.group(1)) if not m.group(1)[0].isdigit() else float(m.group(1))
            if high is not None and high > a.value:
                b = _Tok(m.start(1), m.end(), high, False, False, not m.group(1)[0].isdigit(), m.group(1), "%", m.end())
                out.append((a, b))
                i += 1
                continue
        if a.unit_key or a.has_mult:
            out.append((a, a))
        i += 1
    return out


_PCT_RANGE_TAIL = re.compile(r"(?:到|至|-|~)([一二两三四五六七八九十]+(?:点[一二三四五六七八九零]+)?|\d+(?:\.\d+)?)(?![\d%％万亿千百])")


def _bare_value(tok: _Tok) -> float:
    """The value of a token without its 万/亿 multiplier (for distributing it over a range)."""
    m = _NUM_RE.fullmatch(tok.raw)
    if m and m.group("ar"):
        return float(_GROUPING.sub("", m.group("ar")))
    if m and m.group("cn"):
        digits = m.group("cn").rstrip("万亿")
        v = _cn_value(digits) if digits else None
        if v:
            return v
    return tok.value


# Clause and sentence bounds are found by the regex engine rather than by a Python loop over
# characters; backwards, by matching the reversed text (rt = t[::-1], made once per document).
# The full-width translation maps no character to or from these punctuation marks, so the reversed
# translated text serves for the original document too.
_CLAUSE_REST_RE = re.compile("[^" + _CLAUSE_END + "]*")
# A sentence is a run of characters other than 。！？!?； and line breaks.
_SENT_REST_RE = re.compile(r"[^。！？!?；\n]*")


def _clause_start(rt: str, pos: int, floor: int) -> int:
    """Start of the clause holding pos, not before floor (rt: the text reversed)."""
    if pos <= floor:
        return pos
    n = len(rt)
    return n - _CLAUSE_REST_RE.match(rt, n - pos, n - floor).end()


def _clause_end(t: str, pos: int, ceil: int) -> int:
    """End of the clause holding pos, not after ceil."""
    if pos >= ceil:
        return pos
    return _CLAUSE_REST_RE.match(t, pos, ceil).end()


_NAMES_WITHIN = 20   # characters between a count and the first of the people it names
_CLAUSE_BREAK_RE = re.compile(r"[，,。；;！？!?\n]")
_NAME_GAP = 8   # characters of the people's noun between a count and their names (保守倾向的大法官)
_INTRODUCES_NAMES_RE = re.compile(r"(?:是|包括|为|[：:])[^，,。；;]{0,16}$")


def _names_follow(t: str, people: Sequence[int], num_end: int, s_end: int) -> bool:
    """Whether a person's name follows the count in its clause (两名后座议员穆仁理和黄伟中, 三位专家是……梁万年,
    两名特使前往埃及：其女婿贾里德·库什纳), and nothing says what happened to them (两名记者阿里和萨米遇难)."""
    i = bisect.bisect_right(people, num_end)
    if i == len(people) or people[i] - num_end > _NAMES_WITHIN or people[i] >= s_end:
        return False
    gap = t[num_end:people[i]]
    if _CLAUSE_BREAK_RE.search(gap):
        return False
    # The name is the count's own: right after its noun (3位委员蒋洁敏, 两名保守倾向的大法官尼尔·戈萨奇), or
    # after a word that introduces who they are (三位专家是……司长梁万年); not a name further on in
    # what they did (3名福克斯主持人在骚乱时发给梅多斯的短信).
    if len(gap) > _NAME_GAP and not _INTRODUCES_NAMES_RE.search(gap):
        return False
    # (造成另外两名巴勒斯坦人伊布拉欣·阿尔-瓦迪(Ibrahim Al-Wadi)和他的儿子死亡: named, and a casualty count)
    return not _CASUALTY_RE.search(t, num_end, s_end)


def _growth_sign(word: str) -> int:
    return -1 if word in _NEG_VERBS or word in ("降幅", "跌幅", "递减") else 1


def extract_figures(doc: str, people: Sequence[int] = ()) -> list[Figure]:
    """Every figure (volume, mass, money, percent, growth, count) reported in the document, in order.

    `people`: the sorted start offsets of the people the entity extractor found in `doc`, when the
    caller has them: a small number of people followed by their names (两名政务部长刘燕玲和陈国明) points at
    them and is no figure (shared/gold/README.md)."""
    if not doc:
        return []
    # Full-width forms are rare; a substring search per character finds them faster than a regex.
    t = doc.translate(_FULLWIDTH) if any(c in doc for c in _FULLWIDTH_CHARS) else doc
    rt = t[::-1]
    n = len(t)
    s_start = s_end = -1          # the sentence of the current token, found when first needed
    title_end = t.find("\n\n")
    title_end = len(t) if title_end < 0 else title_end
    found: list[list] = []        # [kind, unit, low, high, lo, hi, num_end, s_start, s_end]
    title_bare: list[tuple] = []  # title numbers without a unit (520亿芯片法案): resolved against the body
    prev_growth: tuple[int, int, int] | None = None  # (end offset, sign, sentence start) of the last growth
    prev_bare = -1                # sentence start of the last bare head count
    prev_money: tuple[str, int] | None = None   # (currency, sentence start) of the last figure, if money
    for lo, hi in _join_ranges(t, _shared_units(t, _tokens(t))):
        if lo.start >= s_end:
            # Tokens come in text order and start with a numeral (or 百分之), never with a
            # sentence end, so each lies inside one sentence: the run of _SENT_REST_RE around it.
            s_start = n - _SENT_REST_RE.match(rt, n - lo.start).end()
            s_end = _SENT_REST_RE.match(t, lo.start).end()
        num_end = hi.unit_end if hi.unit_key else hi.end
        left = t[_clause_start(rt, lo.start, s_start):lo.start]
        fig = _classify(t, lo, hi, num_end, left, s_start, s_end, prev_growth, prev_bare == s_start,
                        prev_money[0] if prev_money and prev_money[1] == s_start else None)
        if fig is None:
            if hi.unit_key is None and lo.start < title_end and lo.has_mult:
                title_bare.append((lo, hi, num_end, s_start, s_end))
            continue
        kind = fig[0]
        if kind == "count" and people and lo is hi and fig[2] <= 12 and _names_follow(t, people, num_end, s_end):
            continue
        # the sign the next item of a list takes: the verb's (下降1.2%和0.4%), not a minus written
        # before this number (增速分别为-6.5%和-0.2%: each item carries its own)
        prev_growth = (num_end, 1 if fig[2] >= 0 or _negative(t, lo.start, s_start) else -1, s_start) \
            if kind == "growth" else None
        prev_bare = s_start if hi.unit_key is None and kind == "count" else -1   # (a bare sum of money chains no head count)
        prev_money = (fig[1], s_start) if kind == "money" else None
        found.append([*fig, lo, hi, num_end, s_start, s_end])
    # Titles are terse: a title percentage that the body reports as a change is that change, and a
    # title amount without a currency takes the body's (shared/gold/README.md).
    body = [f for f in found if f[7] >= title_end]
    for f in found:
        if f[7] < title_end and f[0] == "percent":
            if any(g[0] == "growth" and g[2] == f[2] and g[3] == f[3] for g in body):
                f[0] = "growth"
    for lo, hi, num_end, s_start, s_end in title_bare:
        for g in body:
            if g[0] == "money" and g[2] == lo.value and g[3] == hi.value:
                found.append(["money", g[1], lo.value, hi.value, lo, hi, num_end, s_start, s_end])
                break
    found.sort(key=lambda f: f[4].start)
    figures: list[Figure] = []
    sentence: list[Figure] = []   # the figures before, in the same sentence (what a conversion or a bare change measures)
    for i, f in enumerate(found):
        if i and f[-2] != found[i - 1][-2]:
            sentence = []
        figures.append(_figure(doc, t, rt, *f, earlier=sentence, previous=figures))
        sentence.append(figures[-1])
    return figures


def _figure(doc, t, rt, kind, unit, low, high, lo: _Tok, hi: _Tok, num_end, s_start, s_end,
            earlier: Sequence[Figure] = (), previous: Sequence[Figure] = ()) -> Figure:
    """The Figure record, its surface text widened to the approximation and time-basis words."""
    start, end = lo.start, num_end
    if kind in ("percent", "growth") and _negative(t, start, s_start):
        start -= 1
    approx = lo.approx or hi.approx
    am = _APPROX_PREFIX_RE.search(t, max(s_start, start - 5), start)
    if am:
        approx, start = True, am.start()
    elif t[start - 1:start] == "上" and t.startswith("千", start):
        approx, start = True, start - 1   # 上千人: a thousand and more
    sm = _APPROX_SUFFIX_RE.match(t, end)
    if sm:
        approx, end = True, sm.end()
    per = None
    pm = _PER_PREFIX_RE.search(t, max(s_start, start - 4), start)
    if pm:
        per, start = _per_of(pm.group(0)), pm.start()
    else:
        # 每天向欧洲出口约200万桶: the time basis stated earlier in the clause
        words = _PER_WINDOW_RE.findall(t, _clause_start(rt, start, max(s_start, start - 12)), start)
        if words:
            per = _per_of(words[-1])
    ps = _PER_SUFFIX_RE.match(t, end)
    if ps:
        per, end = _PER[ps.group(1)], ps.end()
    if kind == "count" and hi.unit_noun:
        subject = hi.unit_noun
    elif kind == "count" and hi.unit_key in _NOUN_UNITS:
        subject = hi.unit_key.lstrip("个条")   # 100万人口, 3个孩子, 200条生命: the unit names what is counted
    else:
        subject = _subject(doc, rt, start, end, s_start, s_end, kind, earlier, previous)
    if kind == "count" and hi.unit_key == "例":
        # 境外输入病例22例（云南7例，上海5例）: a row of a list of cases counts the cases the list is about,
        # named in full (新增确诊病例75例: 确诊病例, not 病例)
        case = None
        for case in _CASE_NOUN_RE.finditer(doc, s_start, start):
            pass
        if case is not None and (not subject or not _CASE_NOUN_RE.search(subject)
                                 or case.group().endswith(subject) and case.end() > start - 12):
            subject = case.group()
    return Figure(kind, low, high, unit, per, approx, doc[start:end], doc[s_start:s_end], start, end, subject)


def _per_of(word: str) -> str:
    word = word.strip(_SPACE)
    if "年" in word:
        return "year"
    if "月" in word:
        return "month"
    return "day"


# Currency names several countries use: the country the text names first decides (沙特阿美 … 975亿里亚尔 is
# in Saudi riyals); without one, the unit of the table above stands.
_SHARED_CURRENCIES = {
    # (比索 alone: without a country named, no currency is sure, and no figure is made)
    "比索": (("菲律宾", "PHP"), ("墨西哥", "MXN"), ("阿根廷", "ARS"), ("智利", "CLP"), ("哥伦比亚", "COP"),
           ("古巴", "CUP"), ("乌拉圭", "UYU"), ("多米尼加", "DOP")),
    "里亚尔": (("沙特", "SAR"), ("卡塔尔", "QAR"), ("阿曼", "OMR"), ("也门", "YER"), ("伊朗", "IRR")),
    "卢比": (("巴基斯坦", "PKR"), ("斯里兰卡", "LKR"), ("尼泊尔", "NPR"), ("毛里求斯", "MUR"), ("印度", "INR")),
    # (盾 and 先令 alone: no figure without the country; 索姆 is Kyrgyz unless Uzbekistan is named first)
    "盾": (("印尼", "IDR"), ("印度尼西亚", "IDR"), ("越南", "VND")),
    "先令": (("肯尼亚", "KES"), ("坦桑尼亚", "TZS"), ("乌干达", "UGX"), ("索马里", "SOS")),
    "索姆": (("乌兹别克", "UZS"), ("吉尔吉斯", "KGS")),
    # (比尔 is also a name: birr only in a text about Ethiopia)
    "比尔": (("埃塞俄比亚", "ETB"), ("埃塞", "ETB")),
}


# Currencies whose amounts are written with a bare 元 where they are spoken (Taiwan, Hong Kong, Macao)
_YUAN_CURRENCIES = frozenset(("TWD", "HKD", "MOP"))
_YUAN_CURRENCY_AFTER_RE = re.compile("(港币|港元|澳门币|澳门元|新台币|人民币)")
# Nouns for sums of money right after a bare amount (800亿的产值, 1.1万亿结存利润, 4000亿MLF)
_MONEY_NOUN_AFTER_RE = re.compile("的?(?:产值|利润|结存利润|营收|营业收入|财政收入|税收|市值|销售额|交易额|成交额|贸易额|进出口额"
                                  "|外汇储备|赤字|贷款|信贷|融资|专项债|国债|补贴|资金|预算|MLF|逆回购)")
# Verbs of paying right before a bare amount (加薪3万, 投资约50亿, 罚款超过20万): a sum of money
_MONEY_VERB_BEFORE_RE = re.compile("(?:加薪|涨薪|投资|拨款|捐款|捐赠|罚款|赔偿|融资|贷款|补贴|资助|援助|出资)"
                                   "(?:了|约|近|超过|超|逾|达|共|总计|共计|高达)?[" + _SPACE + "]*$")
# A currency written right after a number (300亿美元, 5万元): what the text counts its money in.
_CURRENCY_AFTER_NUMBER_RE = re.compile("(?<=[0-9万亿千百十])(" + "|".join(
    sorted((k for k, v in _CURRENCIES.items() if v), key=len, reverse=True)) + ")")


@functools.lru_cache(maxsize=4)
def _sar_yuan(t: str) -> str | None:
    """The currency 元 stands for in a text from Macao or Hong Kong (the SAR named in its title or dateline)
    about the SAR's government, that never says 人民币: the SAR's own (MOP, HKD); None elsewhere (a national
    digest with one item on Hong Kong keeps its yuan)."""
    if "人民币" in t:
        return None
    cut = t.find("\n\n")   # the title, and the body's dateline (中新社澳门12月16日电)
    head = t[:40] if cut < 0 else t[:cut] + t[cut + 2:cut + 32]
    macao = "澳门" in head and ("澳门特区" in t or "澳门特别行政区" in t)
    hong_kong = "香港" in head and ("香港特区" in t or "香港特别行政区" in t)
    return "MOP" if macao and not hong_kong else "HKD" if hong_kong and not macao else None


@functools.lru_cache(maxsize=4)
def _main_currency(t: str) -> str | None:
    """The currency most amounts of the text are in, or None when it names none."""
    counts: dict[str, int] = {}
    for m in _CURRENCY_AFTER_NUMBER_RE.finditer(t):
        code = _CURRENCIES[m.group(1)]
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.get) if counts else None


# 里拉 alone is the Turkish lira, unless the text writes another country's lira in full (5600黎巴嫩里拉 … 1500里拉)
# or names Lebanon or Syria and not Turkey
_LIRAS = (("黎巴嫩里拉", "LBP"), ("叙利亚里拉", "SYP"), ("土耳其里拉", "TRY"))


def _currency_in_context(key: str, unit: str, t: str) -> str:
    if key == "里拉":
        found = [(t.find(name), code) for name, code in _LIRAS if name in t]
        if found:
            return min(found)[1]
        if "土耳其" not in t:
            named = [(t.find(country), code) for country, code in (("黎巴嫩", "LBP"), ("叙利亚", "SYP")) if country in t]
            if named:
                return min(named)[1]
        return unit
    choices = _SHARED_CURRENCIES.get(key)
    if choices is None:
        return unit
    found = [(t.find(country), code) for country, code in choices if country in t]
    return min(found)[1] if found else unit


def _classify(t, lo: _Tok, hi: _Tok, num_end, left, s_start, s_end, prev_growth, chained=False, money_before=None):
    """(kind, unit, low, high) for a token pair, or None when it is not a figure. `money_before` is the
    currency of the figure right before, when it is money in the same sentence."""
    key = hi.unit_key
    before = t[max(s_start, lo.start - 2):lo.start].rstrip(_SPACE)
    if before.endswith("第") or before.endswith("分之") and not before.endswith("百分之"):
        return None  # ordinals, fractions (四分之三)
    if lo.cn and lo.end - lo.start == 1 and (before.endswith(("星期", "礼拜")) or before.endswith("周") and lo is hi):
        return None  # 星期三执法人员, 周三: a weekday, not three people
    if t[max(s_start, lo.start - 1):lo.start] in ("数", "几") and t[max(s_start, lo.start - 2):lo.start] not in _COUNT_NOUNS \
            or t[hi.end:hi.end + 1] == "几":
        return None  # vague amounts: 数十万亿日元, 几百人, 十几名记者 (not 投票人数902万人: the 数 of a noun)
    if before == "数以":
        return None  # 数以十亿美元计, 数以万计的难民: "by the billions", no amount
    if key == "位" and _RANK_BEFORE_RE.search(t[max(s_start, lo.start - 4):lo.start]):
        return None  # 从第10位跌至17位: a rank, not people
    if key is None:
        if hi.has_mult and (cur := _CURRENCY_LEAD_RE.search(t[max(s_start, lo.start - 8):lo.start])):
            return "money", _CURRENCIES[cur.group(1)], lo.value, hi.value
        if hi.has_mult and money_before and (_PART_OF_SUM_RE.search(left) or not left.strip(_SPACE)
                                             and not _BARE_FOLLOW_RE.match(t[num_end:num_end + 3])):
            # 提供400亿美元融资，其中100亿直接注入央行，300亿用于偿还债务: the parts of a sum are in its currency
            return "money", money_before, lo.value, hi.value
        if hi.has_mult and (_MONEY_NOUN_AFTER_RE.match(t, num_end) or _MONEY_VERB_BEFORE_RE.search(t, max(s_start, lo.start - 6), lo.start)) \
                and (cur := money_before or _main_currency(t)):
            # 800亿的产值, 1.1万亿结存利润, 4000亿MLF: a sum of money by what it is, in the text's currency
            return "money", cur, lo.value, hi.value
        return _bare_count(t, lo, hi, num_end, left, s_start, chained)
    kind, unit, factor = _UNITS.get(key, ("count", "person", 1.0))
    low, high = lo.value * factor, hi.value * factor
    after = t[num_end:min(s_end, num_end + 14)]
    if kind == "money":
        if before.endswith("每") and _SHARE_OF_EACH_AFTER_RE.match(t, num_end) or _SHARE_OF_EACH_BEFORE_RE.search(left):
            return None   # 每3欧元预算里就有1欧元: a proportion, not two amounts
        if lo is hi and lo.value == 1 and not lo.has_mult and (
                _RATE_BASE_AFTER_RE.match(t, num_end) or _RATE_BASE_BEFORE_RE.search(t, max(0, lo.start - 12), lo.start)):
            # 1美元 = 530坚戈, 1欧元兑7.8元, 1万叙利亚镑对1美元: the base of an exchange rate, not an amount
            return None
        unit = _currency_in_context(key, unit, t)
        if not unit:
            return None   # 比索 in a text that names no country of the peso
        if key == "元":
            if lo.cn and not lo.has_mult and lo.value < 10:  # 二元对立, 一元化: words, not money
                return None
            # 新台币3000元, 人民币50元: a currency named before the number decides what 元 is
            cur = _CURRENCY_BEFORE_RE.search(t[max(s_start, lo.start - 6):lo.start]) \
                or _YUAN_CURRENCY_AFTER_RE.match(t, num_end)   # (100万元港币: or named right after 元)
            if cur:
                unit = _CURRENCIES[cur.group(1)]
            elif money_before in _YUAN_CURRENCIES:
                unit = money_before   # 新台币2万元以上20万元以下: 元 in the currency of the amount just before
            elif (local := _sar_yuan(t)) is not None:
                unit = local   # 澳门特区政府 … 1188亿元: the SAR's own dollars in a text about its government
        return kind, unit, low, high
    if key == "宗" and not (_CASES_AFTER_RE.match(t, num_end) or _CASES_BEFORE_RE.search(t, max(s_start, lo.start - 12), lo.start)):
        return None  # 两宗交易, 3宗案件: no people
    if key == "方" and not _WAN_YI_END_RE.search(hi.raw):
        return None  # 方 stands for 立方米 only in 万方/亿方
    if key == "死" and not _INJURED_AFTER_RE.match(t, num_end) or \
            key == "伤" and not _DEAD_BEFORE_RE.search(t[max(s_start, lo.start - 5):lo.start]):
        return None  # 死/伤 are units only in the paired form 3死5伤
    if kind in ("volume", "mass"):
        if lo.cn and lo.value == 1 and not lo.has_mult:
            return None  # 一克主权, 一吨也不: a figure of speech
        if _negative(t, lo.start, s_start):
            low, high = -high, -low   # 进口量 -2.6万桶/日: a change written with its sign
        return kind, unit, low, high
    if kind == "percent":
        if _MARGIN_AFTER_RE.match(after):
            return None
        if low == 100 and _CERTAINTY_AFTER_RE.match(after):
            return None  # 100%确信, 百分之百肯定: certainty, not a share
        sign = _change_sign(t, lo, hi, num_end, left, s_start, prev_growth)
        if sign is None:
            return ("percent", "%", -high, -low) if _negative(t, lo.start, s_start) else ("percent", "%", low, high)
        if _negative(t, lo.start, s_start):
            low, high = -high, -low
        return ("growth", "%", low, high) if sign > 0 else ("growth", "%", -high, -low)
    # count
    if (hi.unit_noun or "").endswith("部队") and not lo.has_mult and lo is hi and lo.raw.isdigit():
        return None  # 8200情报部队, 731部队: a unit's number, not a head count (10万部队 is one)
    if before.endswith("就业") or _JOBS_BEFORE_RE.search(t, max(s_start, lo.start - 8), lo.start) \
            or _JOBS_AFTER_RE.match(t, num_end):
        return None  # 城镇新增就业1256万人, 解决了1000人的就业问题: jobs, not people
    if lo is hi and lo.cn and lo.value <= 6 and not lo.has_mult and before.endswith(("大", "高", "初", "研")) \
            and (hi.unit_noun or "").endswith("生"):
        return None  # 大四学生, 高三学生: a school year, not four students
    if before.endswith("每") or t[max(s_start, lo.start - 2):lo.start] in ("每个", "平均"):   # (平均4口人: an average)
        return None  # 每20人一组: a ratio, not a head count
    if left.endswith("就有") and _RATIO_ACROSS_COMMA_RE.search(t, max(0, lo.start - 20), lo.start):
        return None
    if _RATIO_BEFORE_RE.search(left) and not (left.endswith("人中有") and "每" not in left[-12:]
                                              and _CASUALTY_RE.search(after[:16].split("，")[0])):
        return None  # 每5个人中就有1人: a ratio (39名平民中有21人在战斗中丧生: the dead among them count)
    if key in ("名", "位") and before.endswith("前") and not before.endswith(tuple(c + "前" for c in "此之以目提日天月年周当")):
        return None  # 排名前10名: a rank
    if lo.value < 1 and not (lo.value == 0 and lo is hi and (key == "例" or _CASUALTY_RE.search(after[:6]))):
        # 新增疑似病例0例, 0人死亡: a reported zero belongs in a chart of daily cases; other zeros do not
        return None
    if lo is hi and lo.value < 2:
        # "One" counts only in explicit statements: 1人死亡, 1例, 一人死亡 (the casualty right after), not 一名X.
        if key != "例" and not (_CASUALTY_VERB_RE.match(after) if lo.cn else _CASUALTY_RE.search(after)):
            return None
    if lo is hi and lo.value == 2 and lo.cn and key in ("人", "位", "个人") \
            and not _CASUALTY_RE.search(after[:12].split("，")[0].split(",")[0]):   # (两人在抗议活动中丧生)
        return None  # 两位领导人 / 两人: people already named
    if lo is hi and lo.cn and 2 < lo.value <= 10 and key in ("人", "个人") and t[lo.start - 1:lo.start] in _CLAUSE_OPENERS \
            and not _CASUALTY_RE.search(after[:12].split("，")[0].split(",")[0]):
        return None  # ……阿利耶夫中间，三人紧握双手: the people just named, as a clause's subject
    if lo is hi and 2 <= lo.value <= 10 and not lo.has_mult and _listed_count(left) == lo.value:
        return None  # 艾克森、阿兰、费南多3位: the number of the names just listed
    if key in _KIN_UNITS and (lo.value < 2 or not _PLIGHT_RE.search(t[num_end:min(s_end, num_end + 12)])):
        # 两个儿子还困在废墟中: children counted in what befell them; 一名有三个孩子的农民, 三个孩子的母亲: who
        # someone is, no number of people in the news (and "one" with a noun is no count, as 一名X is not)
        return None
    if lo.value != int(lo.value) and not lo.has_mult:
        return None  # 2.5人 is an average, not a head count
    if lo is hi and lo.value <= 10 and not lo.has_mult and _DEMONSTRATIVE_END_RE.search(before) \
            and not _CASUALTY_RE.search(after[:6]):
        return None  # 这两名囚犯, 该3人: people the text has named already
    return "count", "person", low, high


_KIN_UNITS = frozenset(("个孩子", "个儿子", "个女儿", "个子女"))
_PLIGHT_RE = re.compile(r"死亡|身亡|丧生|遇难|遇害|罹难|受伤|失踪|失联|下落不明|被困|困在|废墟|被捕|被杀|被绑架|获救")

# Names listed right before a number (艾克森、阿兰、费南多3位, 张三和李四两人).
_LIST_ITEM = r"(?:(?![和与及])[\u4e00-\u9fff·A-Za-z]){1,8}"
_LIST_BEFORE_RE = re.compile(rf"(?:{_LIST_ITEM}(?:、|和|与|及))+{_LIST_ITEM}等?$")


def _listed_count(left: str) -> int:
    """How many items a list ending right before the number has (0 when there is none)."""
    m = _LIST_BEFORE_RE.search(left.rstrip(_SPACE))
    return 0 if m is None else len(re.findall("、|和|与|及", m.group())) + 1


def _negative(t: str, start: int, s_start: int) -> bool:
    """A minus sign (or 负) written before the number: -0.1%, 负3%; not the dash of a range or model."""
    c = t[start - 1] if start > s_start else ""
    if c == "负":
        return t[start - 2:start - 1] != "正"   # 误差为正负1.8%: a margin, not a minus
    if c == "±":
        return False
    if c != "-":
        return False
    p = t[start - 2] if start - 1 > s_start else ""
    return not (p.isascii() and p.isalnum()) and p not in "%‰"


def _change_sign(t, lo, hi, num_end, left, s_start, prev_growth) -> int | None:
    """+1/-1 when the percentage is a rate of change, None when it is a share or level."""
    if t[lo.start - 1:lo.start] == "+" and not (lo.start >= 2 and t[lo.start - 2].isascii() and t[lo.start - 2].isalnum()):
        return 1   # (+7%): a plus sign marks a change
    vm = _VERB_RE.search(left)
    if vm:
        verb = vm.group("verb")
        # 多/少 are changes only in a comparison (比去年多5%) or with 了 (少了近90%); 80%的人口 is not "more",
        # and 至少, 最多 are "at least", "at most"
        if verb not in _SMALL_VERBS or not left[:vm.start()].endswith(("至", "最", "多", "不", "减", "增")) and (
                _COMPARE_RE.search(left[:vm.start()]) or left.startswith("了", vm.end("verb"))):
            return _growth_sign(verb)
    cm = _COMPARATIVE_RE.search(left)
    # (比国际价格低30%; 三星工艺成本低20%: a cost or an output named right before needs no 比)
    if cm and (_COMPARE_RE.search(left[:cm.start()]) or left[:cm.start()].endswith(_COST_NOUNS)
               or _COMPARED_WITH_RE.search(t, s_start, lo.start)):   # (与2019年相比,2023年的GDP仅高出了0.7%)
        return -1 if cm.group(1) in ("低", "慢", "便宜", "低出", "小") else 1
    am = _CHANGE_AFTER_RE.match(t, num_end)
    if am:
        return _growth_sign(am.group("w"))
    gm = _GROWTH_NOUN_RE.search(left)
    if gm:
        # the noun nearest the number decides (同比跌幅已达19%: 跌幅, not 同比)
        while (nearer := _GROWTH_NOUN_RE.search(left, gm.end("noun"))) is not None:
            gm = nearer
        if left.endswith(gm.group("noun") + "的"):
            return None   # 贡献亚洲经济增长的46%: a share of the growth, not a rate
        return _growth_sign(gm.group("noun"))
    if prev_growth and prev_growth[2] == s_start:
        gap = t[prev_growth[0]:lo.start]
        if (_LIST_SEP_RE.match(gap) or _LIST_ITEM_GAP_RE.match(gap) and not _LEVEL_NOUN_RE.search(gap)) \
                and not t.startswith("的", num_end):
            # 天然气上涨9.4%、电价10.9%: the next item of a list of changes, named by its noun (not a share
            # of something after it: 飙升55%，94%的家庭农场)
            return prev_growth[1]
        if _EARLIER_PERIOD_RE.match(gap):
            return prev_growth[1]   # 通胀率仍高达193%，前一年则是305%: the same rate a period earlier
        if _FROM_LEVEL_RE.search(gap) and _TO_LEVEL_AFTER_RE.match(t, num_end):
            return 1   # 通货膨胀率平均为33.69%，尽管从2月份的41.26%下降到……: where the rate fell from is a rate
        if (_TO_LEVEL_RE.match(gap) or _RESTATED_RE.search(gap)) and not _LEVEL_NOUN_RE.search(gap):
            # 通胀从8.7%降至6.5%, 高于2%的目标，即3%，然后回落至2.6%: the rate it falls to, or the same rate
            # restated, is a rate too (of 6.5%, not −6.5); not another kind of level (失业率回落至4%)
            return 1
        # 同比增长6.8%，低于上季度的7.2%: a rate compared with a growth rate is a growth rate too;
        # not a floor or a ceiling set on a level (节省20%的用气，库存水平不低于40%)
        bm = _BENCHMARK_RE.search(left)
        if bm and left[bm.start() - 1:bm.start()] != "不" and "水平" not in gap:
            return 1
    if _TO_LEVEL_END_RE.search(left) or _SUBJECTLESS_RE.match(left) or _HOLD_AT_RE.search(left):
        # 居民通胀率在经历两个月回落后，4月单月反弹至13.1%: the level a rate of change reaches, named by
        # the sentence before the clause (the last rate or level noun there decides; 失业率回升至4% is none);
        # or the level a clause with no subject of its own reports (通货膨胀率正在飙升，达到37%以上)
        last = None
        for last in _RATE_SUBJECT_RE.finditer(t, s_start, lo.start):
            pass
        if last is not None and last.group("growth"):
            return 1
    return None


_CASES_AFTER_RE = re.compile(r"宗?(?:新型冠状病毒|新冠|2019冠状病毒|阳性|确诊|个案|病例|死亡|本地|输入)")
_CASES_BEFORE_RE = re.compile(r"(?:个案|病例|死亡|确诊|阳性)[^，。；;,]{0,8}$|(?:个案|病例)(?:有|为|共)?$")
_CASUALTIES_AFTER_BARE_RE = re.compile("死亡|丧生|遇难|罹难|身亡|受伤|伤亡|失踪")
# What introduces a part of a sum just named (其中100亿), or a clause that is the next part (，300亿用于).
_PART_OF_SUM_RE = re.compile(r"(?:其中|包括|另有|另外|剩余|余下|剩下)(?:的)?[" + _SPACE + r"]*$")


# A clause that is only the verb of a change or a level (，达到347万 / ，则增至12万): its subject is the previous clause's.
_SUBJECTLESS_RE = re.compile(r"[" + _SPACE + r"]*(?:\d{4}年(?:底|初|末|[上下]半年)?|今年|去年|目前)?"
                             r"(?:并|且|则|又|已|还|再|随后|最终|全年则|全年)?"
                             r"(?:达到|达|增至|增加到|增加至|增长到|增长至|升至|上升到|上升至|降至|下降到|下降至"
                             r"|减少到|减少至|减至|回落到|回落至|突破|超过|约为)了?[" + _SPACE + r"]*$")
# The clause before a clause break that ends at the search's end (the break itself left out).
_PREV_CLAUSE_RE = re.compile(r"[^，,；;：:。]*(?=[，,][" + _SPACE + r"]*$)")


def _bare_count(t, lo: _Tok, hi: _Tok, num_end, left, s_start, chained: bool):
    """A number with 万/亿 and no unit that the clause says is a head count: 难民人口达到8240万,
    移民人数约为24.5万; or that continues such a count in the same sentence (……的47.7万，更低于……的104.9万)."""
    if lo is not hi or not lo.has_mult or lo.value < 1000:
        return None
    if _CASUALTIES_AFTER_BARE_RE.match(t, num_end):
        return "count", "person", lo.value, lo.value   # 第二次内战导致190万死亡: the dead, without 人
    from_change = t[max(s_start, lo.start - 1):lo.start] == "从" and _FROM_CHANGE_RE.match(t, num_end)
    if not _BARE_FOLLOW_RE.match(t[num_end:num_end + 3]) and not from_change:
        return None  # 8240万， but not 80万辆; 从6万增加至30万 is fine
    if left.rstrip(_SPACE).endswith(("每", "数", "几")) and not left.rstrip(_SPACE).endswith(("人数", "总数")):
        return None   # (数万, 几千: vague; 人口总数21.4亿 is a head count)
    if not chained:
        hm = None
        for hm in _HEADCOUNT_RE.finditer(left):
            pass
        if hm is None and _SUBJECTLESS_RE.match(left):
            # 移民人数有所增加，达到347万: a clause with no subject of its own reports on the one before
            clause_start = lo.start - len(left)
            before = _PREV_CLAUSE_RE.search(t, s_start, clause_start)
            if before is not None:
                left = before.group()
                for hm in _HEADCOUNT_RE.finditer(left):
                    pass
        if hm is None:
            return None
        # a number with its own unit in between measures something else
        if _UNIT_RE.search(left[hm.end():]) and _DIGIT_RE.search(left[hm.end():]):
            return None
    return "count", "person", lo.value, lo.value


@functools.lru_cache(maxsize=1)
def _tag():
    """etl.segment.tag, imported when the first figure is found: importing the segmenter (rjieba)
    and building its tagger are only worth it then; cached, as an import statement per figure costs
    more than the lookup."""
    from etl.segment import tag
    return tag


_NOUNISH = ("n", "vn", "nz", "ns", "nt", "nr", "ng", "eng", "j", "s")
_NOUNISH_OR_VERB = _NOUNISH + ("v",)
# Words between a subject and its number that are not part of the subject: copulas, hedges, modals and
# the verbs of reaching a level (集成电路出口额突破1595亿美元, 中美贸易额预计降至5800亿美元).
_LINK_WORDS = frozenset("为 是 达 达到 约 约为 约有 有 共 共有 共计 总计 合计 仅 仅为 只有 已 已经 超过 "
                        "超 逾 近 将近 接近 高达 多达 至少 累计 目前 预计 估计 大约 大概 则 "
                        "突破 冲破 跌破 超出 降至 增至 升至 涨至 跌至 达至 减至 攀升 回升 回落 下调 上调 "
                        "有望 可能 或 料 料将 或将 预期将 定为 估算为 估计为 录得 创下 维持 保持 稳定 小幅 大幅 "
                        "价值 总价值 同比 环比 年均 月均 日均 年化 约合 折合 "
                        # reporting words the tagger calls nouns (报告全国死亡人数: the report is not counted)
                        "报告 显示 表示 称 声称 宣布 指出 透露 统计 预测 预计称 直言 坦言 微调 下修 上修 盘中 一度 站上 提供".split())
# Nouns the tagger calls verbs or numerals (收入/v, 预算/v, 大米/m), which a subject may be or end with.
_NOUNS_TAGGED_OTHERWISE = frozenset("收入 预算 开支 产能 支出 营收 赔偿 需求 拨款 捐款 大米 增资 投入 占比 合同 零部件 "
                                    "警察 通货膨胀 通货膨胀率 进度 增速 还款".split())
# What names no measured thing: currencies (约合人民币427亿元: the unit of the number after them).
_NOT_SUBJECTS = frozenset(_CURRENCIES) | {"约合", "约合人民币", "折合", "相当于"} | {
    # periods (大众品牌的利润率降至2.3%，去年同期为3.8%: the same rate a year before)
    "去年同期", "同期", "上年同期", "去年", "今年", "前年", "当年", "同年", "上年", "月份", "季度", "年度",
    # units of a change and words too bare to say what (下调25个基点至4%, 还有人预测3500美元)
    "基点", "百分点", "人", "内", "外", "中", "上", "下", "时", "交易日"}
# Nouns that point back at a number already given, after a demonstrative (这一数字, 该数据, 此数额).
_BACK_REFERENCES = frozenset(("数字", "数据", "数额", "数值"))
_DEMONSTRATIVE_END_RE = re.compile(r"(?:这一|这个|该|此|上述|这)[" + _SPACE + r"]*$")
# The size of a change, which measures the change of what the figure before measured (……降至1.15万亿卢比，降幅超过13%).
_CHANGE_SIZE_NOUNS = frozenset("涨幅 降幅 增幅 跌幅 幅度 减幅".split())
# Nouns after "X的" that say how fast or how big (以每年10%的速度, 3.4%的增长, 8.3%的降幅), not what:
# the subject is then the noun before the number.
_HOW_NOUNS = frozenset("速度 水平 规模 幅度 降幅 涨幅 增幅 跌幅 增速 增长 下降 比例 比重 高位 纪录 记录 新高 新低 "
                       "程度 速率 重要性 意义 目标".split())
# Nouns of a milestone a number passes (突破43亿人次大关): they say nothing of what is measured.
_MILESTONES = frozenset("大关 关口 关卡 门槛 高位 新高 新低 纪录 记录".split())
# The people nouns a phrase of people counted may end with (船员, 士兵, 居民 …).
_PEOPLE_ENDS = tuple(sorted(_PEOPLE_SET | {"船员", "议员", "官员", "员工", "人员", "士兵", "居民", "民众"}, key=len, reverse=True))
# Heads that say "how many" of the word before them, which belongs to the subject (死亡人数, 减免税额).
_COUNT_HEADS = frozenset("人数 数量 总数 总额 金额 额 总量 总值 数字 次数".split())
# Where a comparison's base or the whole a share is of begins (较去年同期, 从上个财年的, 占GDP的):
# the subject is what comes before it.
_BASE_WORDS = frozenset("较 比 相比 相较 从 由 自 占 占到 被 高于 低于 远高于 远低于".split())
# The gap between the two ends of a change within one clause (贸易额从2000年的24亿美元增长到2022年的2349亿美元).
_FROM_TO_GAP_RE = re.compile(r"[^\d，,。；;]{0,4}(?:到|至)了?(?:\d{4}年)?[^\d，,。；;]{0,8}$")
# A clause that only names another period (，去年同期为3.8%): it reports what the figure before reported.
_PERIOD_ONLY_RE = re.compile(r"[\s" + _SPACE + r"]*(?:\d{4}年|去年|今年|前年|上年|同年|当年|上个?月|本月)?"
                             r"(?:同期|全年|[上下]半年|第?[一二三四1-4]季度)?(?<!^)(?:则|仅|也)?(?:为|是|达|达到)"
                             r"[\s" + _SPACE + r"]*$")
# What happened to the people a count counts, after it (3人死亡, 15万人被疏散); a death sentence is no death.
_CASUALTY_AFTER_RE = re.compile(_CASUALTY_RE.pattern.replace("|死|", "|死(?!刑)|")
                                + "|流离失所|疏散|撤离|逃离|被困|获救|被拘|拘留|逮捕|滞留|失业|无家可归")
# The gap between an amount and its conversion into another currency: 30亿雷亚尔(约4.842亿美元),
# 2.8万亿坚戈，约合60亿美元, (17万亿坚戈或更多) after 350亿美元.
_CONVERSION_GAP_RE = re.compile(r"[\s" + _SPACE + r"]*[（(，,]?[\s" + _SPACE + r"]*(?:约合|折合|合|相当于|约|即|或|约为)?"
                                r"[\s" + _SPACE + r"]*(?:" + _NAMED_CURRENCIES[1:-1] + r")?[\s" + _SPACE + r"]*(?:约|近|逾)?$")
# A clause that is only a change, with no subject of its own (，同比增长13.2%, ，较峰值缩水25%: the base cut off).
_SUBJECTLESS_CHANGE_RE = re.compile(r"[\s" + _SPACE + r"]*(?:同比|环比|年均|年化|月均)?(?:增长|增加|上涨|上升|下降|下跌|减少|下滑|缩水"
                                    r"|提高|降低|增|降|涨|跌|升)了?[\s" + _SPACE + r"]*$")
# The nouns of a case count (确诊病例, 境外输入病例, 无症状感染者, 死亡病例).
_CASE_NOUN_RE = re.compile(r"(?:本土|境外输入|输入性?|新增|累计|现有)?(?:新冠肺炎)?(?:确诊|疑似|重症|危重症?|轻型|普通型|死亡|治愈出院|出院)?"
                           r"(?:病例|个案)|无症状感染者|感染者")
# Count units that are nouns of what they count (100万人口, 3个孩子, 200条生命).
_NOUN_UNITS = frozenset(("人口", "个孩子", "个儿子", "个女儿", "个子女", "条生命", "条人命"))
# Copulas a figure's text may open with (约为3.62万亿卢比, 高达33%): they link it to the noun before.
_LINKING_OPENERS = ("约为", "为", "达", "高达", "多达", "仅为", "约达")
# What may stand between a number and the 的 before its noun: an approximation, a bracketed conversion, or
# 重 of a weight (6吨重的锚).
_AFTER_ASIDE_RE = re.compile(r"^[" + _SPACE + r"]*(?:以上|以下|左右|上下|不等|之多|重(?=的)|[（(][^（()）]{0,20}[）)])+[" + _SPACE + r"]*")
_PER_UNIT_TAIL_RE = re.compile(r"每[" + _SPACE + r"]*(?:兆瓦时|千瓦时|度|桶|吨|立方米|千立方米|公斤|千克|升|加仑|盎司|克"
                               r"|百万英热单位|英热单位|股|平方米|公里|千米)[" + _SPACE + r"]*$")
_PROPER = ("nr", "ns", "nt", "nz")   # tags of names
# The gap between two rows of a list (，普雷马达萨 before its 33%): a comma and a short name, no verb.
_LIST_GAP_RE = re.compile(r"[" + _SPACE + r"]*[，,、；;][^，,、；;。\d]{1,12}$")
_LOCATIVE_PREPOSITIONS = frozenset("在 向 对 于 给 为 往 赴".split())
_BRACKETED_RE = re.compile(r"[（(][^（()）]{0,20}[）)]")
_QUOTES = "“”\"《》「」『』'‘’"


def _right_nouns(tags: list[tuple[str, str]], counted: bool = False) -> list[str]:
    """The noun phrase that opens a stretch of text (53名英国官员, 的“抵押贷款”): its nouns up to the first
    other word, a currency that is only the number's unit (6.8万元人民币) skipped; a verbal noun with a
    preposition after it is the verb of a clause (60%的尼日尔人生活在……: the people, not their life)."""
    words: list[str] = []
    for k, (word, pos) in enumerate(tags):
        if not words and (word in _NOT_SUBJECTS or word in _QUOTES):
            continue
        if not words and pos in ("a", "b") and k + 1 < len(tags) and tags[k + 1][1].startswith(_NOUNISH):
            words.append(word)   # 的新贷款, 的总营收: an adjective that opens the noun phrase
            continue
        if word in _QUOTES and words:
            break
        if not pos.startswith(_NOUNISH) or not word.strip() or word in _LINK_WORDS:
            break
        if word[-1] in "约近逾" and k + 1 < len(tags) and tags[k + 1][1] == "m":
            break   # 4800名士兵和约200名……: 和约 is "and about" before the next number, no treaty
        if counted and words and words[-1].endswith(_PEOPLE_ENDS) and not word.endswith(_PEOPLE_ENDS):
            break   # 20多名船员/弃船, 1100名美军士兵/部署: the phrase of the people counted ends with them
        if pos == "vn" and k + 1 < len(tags) and (tags[k + 1][0] in ("在", "于", "到", "至", "了", "着")
                                                  or not words and tags[k + 1][1][:1] in ("m", "q", "r")):
            break   # (投资30亿雷亚尔建设/一座工厂: a verb with its object)
        words.append(word)
    return words


def _left_nouns(tags: list[tuple[str, str]], linked: bool, kind: str) -> tuple[str | None, bool, bool]:
    """The noun phrase a clause ends with before its number (天然气消费量为, 财政赤字突破), whether the
    clause has a comparison base or a whole (较…, 占…) that was cut off, and whether the phrase ends
    with a name (a person, place or body: 普雷马达萨 before its 33%): (phrase, cut, named). linked: the
    figure's own text opens with a link word (约为3.62万亿卢比)."""
    cut = False
    if not linked and tags and tags[-1][0] in ("将", "把"):
        # 俄军将三人……: what 将/把 takes is the figure itself; the noun before is the agent (no fallback to it)
        return None, True, False
    for k in range(len(tags) - 1, -1, -1):
        if tags[k][0] in _BASE_WORDS and (tags[k][1].startswith(("p", "v", "zg", "c")) or len(tags[k][0]) > 2):
            tags, cut = tags[:k], True
            break
    # drop the link words and function words between the subject and the number
    dropped = []
    while tags and (tags[-1][0] in _LINK_WORDS or not tags[-1][1].startswith(_NOUNISH_OR_VERB)):
        dropped.append(tags.pop()[0])
    if kind == "percent" and dropped and dropped[-1] == "的" and not any(w in _LINK_WORDS for w in dropped[:-1]):
        # 债务将增至GDP的121%: the nouns before 的 are the whole the share is of; the subject is before them
        whole = len(tags)
        while whole and tags[whole - 1][1].startswith(_NOUNISH) and tags[whole - 1][0] not in _LINK_WORDS:
            whole -= 1
        if whole and tags[whole - 1][0] in _LINK_WORDS:
            tags = tags[:whole]
            while tags and (tags[-1][0] in _LINK_WORDS or not tags[-1][1].startswith(_NOUNISH_OR_VERB)):
                dropped.append(tags.pop()[0])
    copula_only = cut or linked or (bool(dropped) and all(w in _LINK_WORDS for w in dropped))
    left: list[str] = []
    left_pos: list[str] = []
    while tags:
        word, pos = tags[-1]
        if word in _LINK_WORDS:
            break   # 标准普尔/预计/政府债务: the forecaster is not the subject
        # before a copula, a two-char "verb" after a noun is the head of a compound (国防/预算为)
        compound_head = (copula_only and not left and pos.startswith("v") and len(word) >= 2
                         and len(tags) > 1 and tags[-2][1].startswith(_NOUNISH))
        # 死亡/v 人数/n: the word before a "how many" head is part of the subject
        counted = len(left) == 1 and left[0] in _COUNT_HEADS and pos.startswith(("v", "a"))
        if pos.startswith(_NOUNISH) or compound_head or counted:
            left.append(tags.pop()[0])
            left_pos.append(pos)
        else:
            break
    phrase = "".join(reversed(left)) or None
    if phrase and len(phrase) > 2 and phrase[0] in "年月" and tags and tags[-1][1] == "m":
        phrase = phrase[1:]   # 2024/年德美/贸易总额: the year's 年 glued to the subject
    if phrase and len(left) > 1 and left[-1] in ("财年", "年度", "季度", "月份", "上半年", "下半年", "全年"):
        phrase = phrase[len(left[-1]):]   # 2022-2023财年/苏伊士运河收入: the period is not the subject
    if phrase and len(phrase) > 3 and phrase[0] == "每" and len(left) > 1 and left[-1] == phrase[:2]:
        phrase = phrase[2:]   # 每吨/成本: the unit it is per is not the subject
    if phrase and len(left) > 1 and left[-1] in ("计划", "拟", "准备", "打算"):
        phrase = phrase[len(left[-1]):]   # 计划/投资: the plan to invest is the investment
    elif phrase and len(left) > 1 and tags and tags[-1][0] in _LOCATIVE_PREPOSITIONS and left_pos[-1] in _PROPER:
        # 在/巴西/投资, 为/国际开发协会/增资: the place or body after 在, 向 or 为 is where or whom, not what
        phrase = phrase[len(left[-1]):]
    elif phrase and len(left) > 1 and tags and tags[-1][0] in _LOCATIVE_PREPOSITIONS and left_pos[0] == "vn":
        phrase = left[0]   # 对/一项/教育项目/捐款: the donation, not the project it goes to
    named = bool(left_pos) and left_pos[0] in _PROPER   # (the word before the number)
    return (None if phrase in _NOT_SUBJECTS else phrase), cut, named


def _subject_tags(text: str) -> list[tuple[str, str]]:
    """The tagger's (word, tag) pairs, with the nouns it calls something else called nouns."""
    return [(w, "n" if w in _NOUNS_TAGGED_OTHERWISE else p) for w, p in _tag()(text)]


def _text_after(doc: str, start: int, end: int, s_end: int) -> str:
    """The rest of the figure's clause after it, where its noun may be: spaces around the number are
    padding (有 30% 的生产线, 各占 50% 股权), but a space after it alone parts a title's phrases (每桶139美元
    欧洲气价……: nothing after); an approximation or a bracketed conversion before the 的 is skipped
    (90%以上的产能, 2.5万拉里(约合6.8万元人民币)的罚款)."""
    after = doc[end:_clause_end(doc, end, min(s_end, end + 24))]
    stripped = after.lstrip(_SPACE)
    padded = stripped.startswith("的") or doc[start - 1:start] in _SPACE_CHARS
    if not padded and len(stripped) != len(after):
        return ""
    return _AFTER_ASIDE_RE.sub("", stripped, count=1)


def _list_row_subject(first: str) -> str | None:
    """What a row of a list measures, from the first row's subject without its owner (迪萨纳亚克得票率为42%，
    普雷马达萨33%: 得票率); None when the first row is named by a place or a name alone (上海96例，其中浦东新区
    39例: a list of places, each its own subject)."""
    words = _subject_tags(first)
    while len(words) > 1 and words[0][1] in _PROPER:
        words = words[1:]
    return None if words[-1][1] in _PROPER else "".join(w for w, _ in words)


def _subject(doc: str, rt: str, start: int, end: int, s_start: int, s_end: int, kind: str,
             earlier: Sequence[Figure] = (), previous: Sequence[Figure] = ()) -> str | None:
    """The noun phrase a figure measures: the nouns right after it (53名英国官员, 100亿立方米天然气,
    64%的得票率), else the nouns that precede its verb (天然气消费量为每年3600亿立方米); a conversion
    into another currency or a clause with no subject of its own (，同比增长13.2%) measures what a
    figure before it in the sentence measures (earlier: those figures, in text order), and 这一数字 what the
    last figure of its kind measured (previous: every figure before it in the text)."""
    prev = earlier[-1] if earlier else None
    if prev is not None and _CONVERSION_GAP_RE.match(doc, prev.end, start) and kind == "money":
        # 2.8万亿坚戈，增长7.2%，约合60亿美元: the last sum before, past a change in between
        source = next((f for f in reversed(earlier) if f.kind == "money"), None)
        if source is not None and source.subject:
            return source.subject
    if prev is not None and prev.subject and prev.kind == kind and _FROM_TO_GAP_RE.match(doc, prev.end, start):
        return prev.subject
    after = _text_after(doc, start, end, s_end)
    direct = not after.startswith("的")
    rest = after.removeprefix("的").lstrip(_SPACE)
    right_words = _right_nouns(_subject_tags(rest), kind == "count") if rest else []
    if right_words and right_words[0] in _MILESTONES:
        right_words = []   # 突破43亿人次大关: a milestone, not what is counted
    right_phrase = "".join(right_words) or None
    if right_phrase and (direct or kind == "count" or right_words[-1] not in _HOW_NOUNS):
        return right_phrase
    if kind == "count":
        # 3人死亡, 1600人在暴力事件中丧生: what happened to them is what the count measures
        cm = _CASUALTY_AFTER_RE.search(after)
        if cm:
            return cm.group(0)
    before, tags = _words_before(doc, rt, start, s_start)
    left_phrase, cut, named = _left_nouns(list(tags), doc.startswith(_LINKING_OPENERS, start), kind)
    if left_phrase in _BACK_REFERENCES and _DEMONSTRATIVE_END_RE.search(before, 0, max(0, before.rfind(left_phrase))):
        # 2021年，这一数字为3.6万亿卢布: the number the text was just talking about
        last = next((f for f in reversed(previous) if f.kind == kind and f.subject
                     and f.subject not in _BACK_REFERENCES), None)
        return last.subject if last is not None else None
    if left_phrase in _CHANGE_SIZE_NOUNS and prev is not None and prev.subject:
        return prev.subject
    if left_phrase and left_phrase[-2:] in _CHANGE_SIZE_NOUNS and len(left_phrase) > 2:
        left_phrase = left_phrase[:-2]   # ICE英国天然气价格涨幅超过8%: the price changed by 8%
    if named and prev is not None and prev.subject and prev.kind == kind and _LIST_GAP_RE.match(doc, prev.end, start):
        row = _list_row_subject(prev.subject)
        if row:
            return row
    if left_phrase and kind == "money" and all(p in _PROPER for _, p in _subject_tags(left_phrase)):
        return None   # 美国向以色列和台湾提供260亿美元: who gives or gets the money is not what it is
    if left_phrase:
        return left_phrase
    if prev is not None and prev.subject and (cut or not before.strip(_SPACE + " ，,")
                                              or _SUBJECTLESS_RE.match(before) or _SUBJECTLESS_CHANGE_RE.match(before)
                                              or _PERIOD_ONLY_RE.match(before)):
        return prev.subject   # 制造业产值达到2.8万亿坚戈，增长7.2%; 国防预算为…，较去年增加8.2%
    if not cut:
        actor = _actor(tags)
        if actor:
            return actor
    return right_phrase


def _words_before(doc: str, rt: str, start: int, s_start: int) -> tuple[str, list[tuple[str, str]]]:
    """The figure's clause before it (up to 30 characters), and its tagged words: the unit a price is per
    (冲高至每兆瓦时340欧元) and bracketed aliases or notes (德国国内生产总值(GDP)同比下滑) left out, and a word the
    window cut in two dropped (…DP/增速)."""
    floor = max(s_start, start - 30)
    clause_start = _clause_start(rt, start, floor)
    before = doc[clause_start:start]
    per = _PER_UNIT_TAIL_RE.search(before)
    if per:
        before = before[:per.start()]
    tags = _subject_tags(_BRACKETED_RE.sub("", before)) if before else []
    if clause_start == floor > s_start and not _CLAUSE_BREAK_RE.match(doc, floor - 1):
        tags = tags[1:]
    return before, tags


def _actor(tags: list[tuple[str, str]]) -> str | None:
    """The nouns before the clause's verbs (美国政府将会拨款3.68亿美元: 美国政府), when no noun names the amount."""
    k = len(tags)
    while k and (not tags[k - 1][1].startswith(_NOUNISH) or tags[k - 1][0] in _LINK_WORDS):
        k -= 1
    j = k
    while j and tags[j - 1][1].startswith(_NOUNISH) and tags[j - 1][0] not in _LINK_WORDS:
        j -= 1
    if k - j > 1 and tags[j][0].startswith("每") and len(tags[j][0]) == 2:
        j += 1   # 每吨/成本高出近300元: the unit it is per is not the subject
    phrase = "".join(w for w, _ in tags[j:k]) or None
    return None if phrase in _NOT_SUBJECTS else phrase
