"""Reading posts and feeds: encodings, front matter, dates, HTML cleaning. Pure functions, own sentences."""
from __future__ import annotations

import codecs
from datetime import datetime

import pytest

from etl.clean import clean_body, clean_html
from etl.reader import BadInput, decode, infer_date, parse_date, parse_feed, parse_post
from tests.conftest import CORPUS, need_shared

POST = """---
title: '测试：欧盟外长在布鲁塞尔开会'
categories:
 - 新媒体
 - 测试通讯社
 - 国际
author: 测试通讯社
date: Sun, 06 Feb 2022 03:46:09 GMT
link: 'https://wire.example/2022/02/06/eu'
---

<div>
<p>欧盟外长周一在布鲁塞尔举行会议。</p>
<h3>制裁方案</h3>
<p>会议讨论了新的制裁方案。<font color="#F8F8F8">Mitbbs.com</font></p>
<figure><img src="https://wire.example/img/2022-02-06/a.jpg"><figcaption>与会者抵达会场（测试通讯社）</figcaption></figure>
<blockquote><p>我们会团结一致。</p></blockquote>
<script>var tracker = 1;</script><style>p {color: red}</style>
<p>外长们将在下月再次开会&amp;讨论后续步骤&nbsp;。<img src="https://t.example/pixel.gif" width="1" height="1"></p>
</div>
"""


def test_post_fields_and_clean_text():
    post = parse_post(POST.encode("utf-8"), "测试通讯社/国际/eu.md")
    assert post.title == "测试：欧盟外长在布鲁塞尔开会"
    assert (post.source, post.channel) == ("测试通讯社", "国际")
    assert post.published_at == datetime(2022, 2, 6, 3, 46, 9)
    assert post.date_status == "given"
    assert post.url == "https://wire.example/2022/02/06/eu"
    paragraphs = post.text.split("\n\n")
    assert paragraphs == ["欧盟外长周一在布鲁塞尔举行会议。", "制裁方案", "会议讨论了新的制裁方案。",
                          "我们会团结一致。", "外长们将在下月再次开会&讨论后续步骤。"]
    assert post.captions == "与会者抵达会场（测试通讯社）"
    assert "Mitbbs" not in post.text and "tracker" not in post.text and "color" not in post.text


def test_source_falls_back_to_second_category_and_overrides_win():
    raw = POST.replace("author: 测试通讯社\n", "").encode()
    assert parse_post(raw, "x.md").source == "测试通讯社"
    assert parse_post(raw, "x.md", {"source": "另一家", "channel": "要闻"}).source == "另一家"
    assert parse_post(raw, "x.md", {"source": "另一家", "channel": "要闻"}).channel == "要闻"


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: s.encode("gb18030"),
    lambda s: s.encode("gbk"),
    lambda s: s.encode("utf-16"),
])
def test_encodings_decode_to_the_same_post(encode):
    post = parse_post(encode(POST), "x.md")
    assert post.title == "测试：欧盟外长在布鲁塞尔开会"
    assert "布鲁塞尔" in post.text


def test_leading_blank_line_before_front_matter():
    assert parse_post(("\n" + POST).encode(), "x.md").title.startswith("测试")


@pytest.mark.parametrize("value,expected", [
    ("Sun, 06 Feb 2022 03:46:09 GMT", datetime(2022, 2, 6, 3, 46, 9)),
    ("Sun, 06 Feb 2022 11:46:09 +0800", datetime(2022, 2, 6, 3, 46, 9)),
    ("2022-02-06T03:46:09Z", datetime(2022, 2, 6, 3, 46, 9)),
    ("2022-02-06T06:46:09+03:00", datetime(2022, 2, 6, 3, 46, 9)),
    ("2022-02-06 03:46:09", datetime(2022, 2, 6, 3, 46, 9)),
    ("2022/02/06 03:46", datetime(2022, 2, 6, 3, 46)),
    ("2022-02-06", datetime(2022, 2, 6)),
    (datetime(2022, 2, 6, 3, 46, 9), datetime(2022, 2, 6, 3, 46, 9)),
    ("Invalid Date", None),
    ("", None),
    (None, None),
    ("not a date at all", None),
])
def test_dates_are_utc(value, expected):
    assert parse_date(value) == expected


def test_yaml_native_timestamps_are_converted_to_utc():
    raw = POST.replace("date: Sun, 06 Feb 2022 03:46:09 GMT", "date: 2022-02-06T06:46:09+03:00").encode()
    assert parse_post(raw, "x.md").published_at == datetime(2022, 2, 6, 3, 46, 9)


def test_invalid_date_is_inferred_from_dated_image_path():
    raw = POST.replace("Sun, 06 Feb 2022 03:46:09 GMT", "Invalid Date").replace(
        "img/2022-02-06/a.jpg", "uploadIMG/news3/2021-09-22/pic.jpg").encode()
    post = parse_post(raw, "x.md")
    assert (post.published_at, post.date_status) == (datetime(2021, 9, 22), "inferred")
    assert any("inferred" in w for w in post.warnings)


def test_missing_date_without_evidence_is_unknown_but_kept():
    raw = POST.replace("date: Sun, 06 Feb 2022 03:46:09 GMT\n", "").replace("img/2022-02-06/", "img/").encode()
    post = parse_post(raw, "x.md")
    assert post.published_at is None and post.date_status == "unknown"
    assert post.text


@pytest.mark.parametrize("text,expected", [
    ("https://x.example/uploadIMG/news3/2021-09-22/a.jpg", datetime(2021, 9, 22)),
    ("https://x.example/news/2022/06/14/20220614222710121.jpg", datetime(2022, 6, 14)),
    ("https://x.example/article/2021/0705/1c6e.jpg", datetime(2021, 7, 5)),
    ("https://picsum.photos/400/300?random=7901", None),
    ("https://x.example/2022/13/45/a.jpg", None),
])
def test_infer_date(text, expected):
    assert infer_date(text) == expected


@pytest.mark.parametrize("raw,reason", [
    (b"just some text\nwithout front matter", "no YAML front matter"),
    (b"---\ntitle: [unclosed\n---\n<p>x</p>", "not valid YAML"),
    (b"---\ntitle: x\nauthor: y\n---\n<div>  <script>1</script> </div>", "empty body"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_bad_posts_raise_a_readable_reason(raw, reason):
    with pytest.raises(BadInput, match=reason):
        parse_post(raw, "bad.md")


def test_markdown_body_is_rendered_then_cleaned():
    raw = "---\ntitle: 标题\nauthor: 某台\n---\n\n# 小标题\n\n第一段文字，**加粗**。\n\n> 引语一句。\n\n- 要点甲\n".encode()
    post = parse_post(raw, "m.md")
    assert post.text.split("\n\n") == ["小标题", "第一段文字，加粗。", "引语一句。", "要点甲"]


def test_br_separated_text_and_double_escaped_entities():
    body = clean_html("第一行文字<br>第二行&amp;nbsp;文字<br><br>第三行 &lt;b&gt; 不是标签")
    # the twice-escaped &nbsp; is a space; between two Han characters a space separates (记者 徐钦 摄)
    assert body.paragraphs == ["第一行文字", "第二行 文字", "第三行 <b> 不是标签"]


def test_spaces_between_han_characters_are_kept_and_spaces_at_punctuation_dropped():
    body = clean_html("<p>新华社记者 徐钦 摄</p><p>学党史 悟思想 办实事；讨论后续步骤&nbsp;。 他说，  好</p>")
    assert body.paragraphs == ["新华社记者 徐钦 摄", "学党史 悟思想 办实事；讨论后续步骤。他说，好"]


def test_hidden_elements_dropped():
    body = clean_html('<p>可见<span style="display:none">隐藏</span><span style="color: #fafafa">水印</span>文字</p>')
    assert body.paragraphs == ["可见文字"]


def test_wordpress_figure_caption_kept_apart():
    body = clean_html('<p>正文。</p><figure class="wp-caption"><img src="a.jpg">图片说明 (某台)</figure><p>再一段。</p>')
    assert body.paragraphs == ["正文。", "再一段。"]
    assert body.captions == ["图片说明 (某台)"]


def test_grey_centred_caption_paragraph_kept_apart():
    body = clean_body('<p>正文一段。</p><p align="center"><img src="a.jpg"></p>'
                      '<p align="center"><span style="color:#666666;">资料图</span></p>')
    assert body.paragraphs == ["正文一段。"] and body.captions == ["资料图"]


def test_canonical_link_in_body():
    assert clean_html('<link rel="canonical" href="https://a.example/x"><p>文</p>').canonical_url == "https://a.example/x"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>测试电台</title><link>https://radio.example/</link><description>d</description>
<item><title>第一条新闻</title><link>https://radio.example/1</link><guid>https://radio.example/1</guid>
<pubDate>Mon, 02 Dec 2024 08:00:00 +0800</pubDate><category>国际</category>
<content:encoded><![CDATA[<p>第一条的正文。</p><p>第二段。</p>]]></content:encoded></item>
<item><title>第二条新闻</title><link>https://radio.example/2</link>
<description>&lt;p&gt;只有摘要。&lt;/p&gt;</description></item>
<item><link>https://radio.example/3</link><description>没有标题</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>原子报</title><id>urn:x</id><updated>2024-12-01T00:00:00Z</updated>
<entry><title>条目一</title><link href="https://atom.example/a"/><id>urn:a</id>
<updated>2024-12-01T10:00:00+02:00</updated><content type="html">&lt;p&gt;条目正文。&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed_items_become_posts_and_bad_items_are_reported():
    posts, bad = parse_feed(RSS.encode(), "feeds/radio.rss")
    assert [p.title for p in posts] == ["第一条新闻", "第二条新闻"]
    first = posts[0]
    assert first.source == "测试电台" and first.channel == "国际"
    assert first.published_at == datetime(2024, 12, 2, 0, 0) and first.origin == "https://radio.example/1"
    assert first.text == "第一条的正文。\n\n第二段。"
    assert posts[1].text == "只有摘要。" and posts[1].date_status == "unknown"
    assert bad == [("https://radio.example/3", "feed item has no title")]


def test_atom_feed():
    posts, bad = parse_feed(ATOM.encode(), "feeds/a.atom")
    assert not bad and posts[0].source == "原子报"
    assert posts[0].published_at == datetime(2024, 12, 1, 8, 0) and posts[0].text == "条目正文。"


def test_not_a_feed():
    with pytest.raises(BadInput, match="not a readable RSS/Atom feed"):
        parse_feed(b"<html><body>hello</body></html", "x.xml")


def test_decode_rejects_binary():
    with pytest.raises(BadInput):
        decode(b"\x00\x01\x02binary")


# ------------------------------------------------------------- the odd files of the real corpus

def _corpus_post(pattern: str):
    need_shared()
    path = next(CORPUS.glob(pattern))
    return parse_post(path.read_bytes(), str(path.relative_to(CORPUS)))


def test_corpus_mitbbs_watermark_removed_and_date_inferred():
    need_shared()
    posts = [parse_post(p.read_bytes(), p.name) for p in CORPUS.glob("新媒体/未名新闻/分类/*.md")]
    assert posts and not any("Mitbbs" in p.text for p in posts)
    statuses = {p.date_status for p in posts}
    assert "inferred" in statuses
    for p in posts:
        if p.date_status == "inferred":
            assert 2019 <= p.published_at.year <= 2023


def test_corpus_guancha_captions_are_not_running_text():
    need_shared()
    n_with_captions = 0
    for path in CORPUS.glob("新媒体/观察者网/*/*.md"):
        post = parse_post(path.read_bytes(), path.name)
        for caption in post.captions.splitlines():
            n_with_captions += 1
            assert caption not in post.text.split("\n\n")
    assert n_with_captions > 10


def test_corpus_aljazeera_figure_captions():
    post = _corpus_post("新媒体/Aljazeera 半岛网/新闻/2022年法国大选*.md")
    assert post.source == "Aljazeera 半岛网" and post.channel == "新闻"
    assert post.published_at == datetime(2022, 4, 24, 10, 42, 6)
    assert "<" not in post.text and ">" not in post.text


def test_corpus_every_post_parses_or_has_a_reason():
    need_shared()
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file():
            continue
        try:
            post = parse_post(path.read_bytes(), path.name)
        except BadInput as exc:
            # only the corpus's own README and MANIFEST are not posts
            assert path.parent == CORPUS and path.name in ("README.md", "MANIFEST.tsv"), (path, exc)
            continue
        assert post.title and post.text and post.source
        assert "<p" not in post.text and "&nbsp;" not in post.text
