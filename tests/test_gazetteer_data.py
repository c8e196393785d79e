"""Checks on the gazetteer data (data/gazetteer/{countries,places,people,orgs}.tsv).

The four files are loaded on their own (copied into a temporary folder) so that other *.tsv files in
data/gazetteer (small supplements kept by other modules) do not blur what these tests are about.
"""
from __future__ import annotations

import csv
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from etl import gazetteer

FILES = ("countries.tsv", "places.tsv", "people.tsv", "orgs.tsv")
HEADER = ["name", "type", "subtype", "country", "aliases"]
TYPES = {"person", "place", "org"}
ISO2 = re.compile(r"^[A-Z]{2}$")

# ISO 3166-1 alpha-2 codes of the 193 UN member states.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD
GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU
MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY
PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ
TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
UN_OBSERVERS = ["VA", "PS"]

# Aliases deliberately shared by two entries of the same type (none today; add with a reason).
SHARED_ALIAS_ALLOWED: set[tuple[str, str]] = set()

# Ordinary words that must never be a name or alias: they would turn every mention of a role or a
# generic body into an entity (the gold README: unnamed bodies and roles are not entities).
GENERIC_WORDS = {
    "国家", "政府", "中心", "军方", "总统", "总理", "外长", "部长", "国会", "议会", "外交部", "国防部",
    "商务部", "财政部", "司法部", "央行", "警方", "西方", "国际社会", "联军", "当局", "军队", "地区",
    "首都", "大使馆", "参议院", "众议院", "最高法院", "发言人", "委员会", "政党", "公司", "集团",
    "大学", "媒体", "人民", "民族", "国际", "全球", "世界", "北方", "南方", "东方", "东部", "西部",
    "南部", "北部", "中部", "观察者", "澎湃", "大众", "联想", "外交政策", "土方",
}


@pytest.fixture(scope="module")
def gdir(tmp_path_factory) -> Path:
    src = gazetteer.GAZETTEER_DIR
    dst = tmp_path_factory.mktemp("gazetteer")
    for f in FILES:
        shutil.copy(src / f, dst / f)
    return dst


@pytest.fixture(scope="module")
def entries(gdir):
    return gazetteer.load(gdir)


def _rows(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [l for l in fh if not l.startswith("#")]
    reader = csv.reader(lines, delimiter="\t")
    return next(reader), list(reader)


def _resolve(entries, type_: str, surface: str) -> list[str]:
    return [e.name for e in entries if e.type == type_ and (e.name == surface or surface in e.aliases)]


@pytest.mark.parametrize("fname", FILES)
def test_file_shape(fname):
    header, rows = _rows(gazetteer.GAZETTEER_DIR / fname)
    assert header == HEADER
    for row in rows:
        assert len(row) == 5, row
        name, type_, subtype, country, aliases = row
        assert name and name == name.strip(), row
        assert type_ in TYPES, row
        assert subtype, row
        assert country == "" or ISO2.match(country), row
        if aliases:
            parts = aliases.split("|")
            assert all(p and p == p.strip() for p in parts), f"empty or padded alias in {row}"


def test_sizes(entries):
    by_type = defaultdict(int)
    for e in entries:
        by_type[(e.type, e.subtype in ("country", "territory", "historical"))] += 1
    assert by_type[("place", True)] >= 240
    assert by_type[("place", False)] >= 700
    assert by_type[("person", False)] >= 600
    assert by_type[("org", False)] >= 500


def test_countries_file():
    _, rows = _rows(gazetteer.GAZETTEER_DIR / "countries.tsv")
    for name, type_, subtype, country, _ in rows:
        assert type_ == "place"
        assert subtype in ("country", "territory", "historical"), name
        assert ISO2.match(country), name
    codes = [r[3] for r in rows if r[2] == "country"]
    assert len(codes) == len(set(codes)), "a country code is used twice"
    missing = set(UN_MEMBERS + UN_OBSERVERS) - set(codes)
    assert not missing, f"UN members/observers missing: {sorted(missing)}"
    assert len(set(UN_MEMBERS)) == 193


def test_canonical_names_unique_per_type(entries):
    seen = set()
    for e in entries:
        key = (e.type, e.name)
        assert key not in seen, f"duplicate {key}"
        seen.add(key)


def test_aliases_unambiguous_within_type(entries):
    owners = defaultdict(set)
    for e in entries:
        for a in e.aliases:
            owners[(e.type, a)].add(e.name)
    # Bare party names that several countries use (工党, 人民党) are each country's: the extractor takes the
    # party of the country the text names most. Every owner of such a name needs a country of its own.
    country = {e.name: e.country for e in entries}
    by_country = {k for k, v in owners.items()
                  if k[0] == "org" and all(country[n] for n in v) and len({country[n] for n in v}) == len(v)}
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in SHARED_ALIAS_ALLOWED and k not in by_country}
    assert not shared, shared
    # An alias must not be another entry's canonical name (it would be shadowed and never resolve), unless
    # the name is one the text's country decides.
    names = {(e.type, e.name): e.name for e in entries}
    shadow = {k: v for k, v in owners.items() if k in names and names[k] not in v
              and not (k in by_country and country[names[k]] not in {country[n] for n in v})}
    assert not shadow, shadow


def test_no_generic_words(entries):
    bad = [(e.name, w) for e in entries for w in (e.name, *e.aliases) if w in GENERIC_WORDS]
    assert not bad, bad


def test_one_char_forms_only_for_places(entries):
    # Single characters name countries/provinces inside compounds (中俄, 粤港澳); a one-char person or
    # organisation alias would be pure noise.
    bad = [(e.name, a) for e in entries if e.type != "place" for a in e.aliases if len(a) == 1]
    assert not bad, bad


@pytest.mark.parametrize("type_,surface,canonical", [
    ("org", "北约", "北大西洋公约组织"),
    ("org", "NATO", "北大西洋公约组织"),
    ("org", "UN", "联合国"),
    ("org", "安理会", "联合国安理会"),
    ("org", "世卫组织", "世界卫生组织"),
    ("org", "IAEA", "国际原子能机构"),
    ("org", "欧洲联盟", "欧盟"),
    ("org", "OPEC", "石油输出国组织"),
    ("org", "上合组织", "上海合作组织"),
    ("org", "G7", "七国集团"),
    ("org", "G20", "二十国集团"),
    ("org", "东盟", "东南亚国家联盟"),
    ("org", "五角大楼", "美国国防部"),
    ("org", "国台办", "国务院台湾事务办公室"),
    ("org", "FBI", "美国联邦调查局"),
    ("org", "美联储", "美国联邦储备委员会"),
    ("org", "俄气", "俄罗斯天然气工业股份公司"),
    ("org", "Huawei", "华为"),
    ("org", "台积电", "台湾积体电路制造公司"),
    ("org", "胡塞", "胡塞武装"),
    ("org", "达伊沙", "伊斯兰国"),
    ("org", "瓦格纳", "瓦格纳集团"),
    ("org", "Al Jazeera", "半岛电视台"),
    ("org", "BBC", "英国广播公司"),
    ("org", "自民党", "自由民主党"),
    ("person", "普京", "弗拉基米尔·普京"),
    ("person", "泽伦斯基", "弗拉基米尔·泽连斯基"),
    ("person", "习主席", "习近平"),
    ("person", "斯托尔滕贝格", "延斯·斯托尔滕贝格"),
    ("person", "布林肯", "安东尼·布林肯"),
    ("person", "沙利文", "杰克·沙利文"),
    ("person", "马斯克", "埃隆·马斯克"),
    ("person", "约翰逊", "鲍里斯·约翰逊"),
    ("place", "俄", "俄罗斯"),
    ("place", "中", "中国"),
    ("place", "我国", "中国"),
    ("place", "大陆", "中国"),
    ("place", "华", "中国"),
    ("place", "南韩", "韩国"),
    ("place", "北韩", "朝鲜"),
    ("place", "伊", "伊朗"),
    ("place", "巴", "巴勒斯坦"),
    ("place", "沙特", "沙特阿拉伯"),
    ("place", "澳洲", "澳大利亚"),
    ("place", "拉美", "拉丁美洲"),
    ("place", "加沙地带", "加沙"),
    ("place", "西岸", "约旦河西岸"),
    ("place", "台海", "台湾海峡"),
    ("place", "哈尔基夫", "哈尔科夫"),
    ("place", "喀布尔机场", "哈米德·卡尔扎伊国际机场"),
    ("place", "北溪", "北溪管道"),
])
def test_examples_resolve(entries, type_, surface, canonical):
    assert _resolve(entries, type_, surface) == [canonical]


@pytest.mark.parametrize("name,subtype", [
    ("欧洲", "region"), ("中东", "region"), ("远东", "region"), ("萨赫勒", "region"),
    ("南海", "waterbody"), ("霍尔木兹海峡", "waterbody"), ("钓鱼岛", "island"),
    ("扎波罗热核电站", "facility"), ("苏伊士运河", "facility"), ("实际控制线", "facility"),
    ("巴赫穆特", "city"), ("坎大哈", "city"), ("克里米亚", "province"),
])
def test_places_have_expected_subtype(entries, name, subtype):
    (e,) = [e for e in entries if e.type == "place" and e.name == name]
    assert e.subtype == subtype


def test_places_inside_countries_carry_the_code(entries):
    code = {e.name: e.country for e in entries if e.type == "place"}
    assert code["基辅"] == "UA" and code["莫斯科"] == "RU" and code["加利福尼亚州"] == "US"
    assert code["新疆"] == "CN" and code["喀布尔"] == "AF" and code["加沙"] == "PS"
    assert code["欧洲"] is None  # regions spanning several countries carry none


def test_white_house_and_pentagon_are_orgs(entries):
    # Gold convention: 白宫, 克里姆林宫 and 五角大楼 stand for institutions.
    for surface in ("白宫", "克里姆林宫", "五角大楼"):
        assert _resolve(entries, "org", surface), surface
        assert not _resolve(entries, "place", surface), surface


def test_user_words_cover_multichar_names(gdir, entries):
    words = {w: tag for w, tag, _ in gazetteer.user_words(gdir)}
    for e in entries:
        for w in (e.name, *e.aliases):
            if len(w) >= 2:
                assert w in words, w
    assert words["北大西洋公约组织"] == "nt" and words["普京"] == "nr" and words["克里米亚"] == "ns"


US_STATES = ("阿拉巴马 阿拉斯加 亚利桑那 阿肯色 加利福尼亚 科罗拉多 康涅狄格 特拉华 佛罗里达 佐治亚 夏威夷 爱达荷 "
             "伊利诺伊 印第安纳 艾奥瓦 堪萨斯 肯塔基 路易斯安那 缅因 马里兰 马萨诸塞 密歇根 明尼苏达 密西西比 "
             "密苏里 蒙大拿 内布拉斯加 内华达 新罕布什尔 新泽西 新墨西哥 纽约 北卡罗来纳 北达科他 俄亥俄 "
             "俄克拉何马 俄勒冈 宾夕法尼亚 罗得岛 南卡罗来纳 南达科他 田纳西 得克萨斯 犹他 佛蒙特 弗吉尼亚 "
             "华盛顿 西弗吉尼亚 威斯康星 怀俄明").split()


def test_all_fifty_us_states_resolve_with_their_zhou_form(entries):
    assert len(US_STATES) == 50
    by_name = {e.name: e for e in entries if e.type == "place"}
    for s in US_STATES:
        (name,) = _resolve(entries, "place", s + "州")
        assert by_name[name].country == "US" and by_name[name].subtype == "province", s


def test_us_states_resolve_bare_unless_the_bare_form_is_a_city(entries):
    cities = {"纽约", "华盛顿", "罗得岛"}  # bare, these are the cities and the Greek island (Rhodes)
    for s in US_STATES:
        if s in cities:
            continue
        by_name = {e.name: e for e in entries if e.type == "place"}
        got = _resolve(entries, "place", s)
        assert got and by_name[got[0]].country == "US", s


GENERATED = Path(gazetteer.GAZETTEER_DIR) / "places_geonames.tsv"


def test_generated_towns_are_long_tail_words_that_hand_written_names_win_over():
    everything = gazetteer.load()
    towns = [e for e in everything if e.long_tail]
    assert len(towns) > 3000 and {e.subtype for e in towns} == {"town"}
    assert all(e.type == "place" and e.country and ISO2.match(e.country) for e in towns)
    assert all(len(n.replace("·", "")) >= 3 for e in towns for n in (e.name, *e.aliases))
    hand_written = {n for e in everything if not e.long_tail for n in (e.name, *e.aliases)}
    # a place added by hand after the file was generated: rebuild it (build_geonames_cities.py)
    assert not hand_written & {n for e in towns for n in (e.name, *e.aliases)}
    freq = {w: f for w, _, f in gazetteer.user_words()}
    assert freq["埃尔津詹"] == gazetteer.LONG_TAIL_FREQ < freq["莫斯科"] == gazetteer.USER_WORD_FREQ


def test_the_town_builder_keeps_only_names_safe_to_match():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_geonames_cities", GENERATED.parent / "build_geonames_cities.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    tags = builder.jieba_tags()
    assert builder.safe_name("埃尔津詹", tags, set())
    assert not builder.safe_name("海滨", tags, set())          # two characters: an ordinary word
    assert not builder.safe_name("联合市", tags, set())        # no transliteration: 联合 + 市场 would be cut
    assert not builder.safe_name("冬季花园", tags, set())      # a compound of ordinary words
    assert not builder.safe_name("克洛维斯", tags, {"克洛维斯"})   # a part of a person's name
