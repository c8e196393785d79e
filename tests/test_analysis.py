"""The pure statistics of dashboard/analysis.py on tiny hand-made inputs with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard import analysis


# ---- weighted log-odds (Monroe, Colaresi & Quinn 2008) ----------------------------------------------

def counts(rows):
    return pd.DataFrame(rows, columns=["source", "term", "n"])


def z_of(out, source, term):
    return float(out[(out["source"] == source) & (out["term"] == term)]["z"].iloc[0])


def test_word_used_only_by_one_outlet_gets_large_positive_z_for_it():
    df = counts([
        ("A", "独家", 30), ("A", "政府", 50), ("A", "经济", 50),
        ("B", "政府", 50), ("B", "经济", 50),
        ("C", "政府", 50), ("C", "经济", 50),
    ])
    out = analysis.weighted_log_odds(df)
    assert z_of(out, "A", "独家") > 3.0
    # it is A's most distinctive word, and under-used (negative z) by the others
    assert out[out["source"] == "A"].iloc[0]["term"] == "独家"
    assert z_of(out, "B", "独家") < 0 and z_of(out, "C", "独家") < 0
    # B and C use 政府 exactly as much as A does in relative terms (less, since A also says 独家)
    assert abs(z_of(out, "B", "政府")) < abs(z_of(out, "A", "独家"))


def test_evenly_used_words_are_not_distinctive():
    df = counts([("A", "会谈", 40), ("A", "合作", 60), ("B", "会谈", 40), ("B", "合作", 60)])
    out = analysis.weighted_log_odds(df)
    assert np.allclose(out["z"], 0.0, atol=1e-9)


def test_two_groups_are_mirror_images():
    df = counts([("A", "x", 10), ("A", "y", 90), ("B", "x", 30), ("B", "y", 70)])
    out = analysis.weighted_log_odds(df)
    for term in ("x", "y"):
        assert z_of(out, "A", term) == pytest.approx(-z_of(out, "B", term))
    assert z_of(out, "B", "x") > 0


def test_log_odds_matches_the_formula_with_a_given_prior():
    df = counts([("A", "x", 10), ("A", "y", 90), ("B", "x", 30), ("B", "y", 70)])
    prior = pd.Series({"x": 2.0, "y": 8.0})
    out = analysis.weighted_log_odds(df, prior=prior)
    a_x, a0 = 2.0, 10.0
    y_i, n_i, y_j, n_j = 10, 100, 30, 100
    delta = (math.log((y_i + a_x) / (n_i + a0 - y_i - a_x)) - math.log((y_j + a_x) / (n_j + a0 - y_j - a_x)))
    z = delta / math.sqrt(1 / (y_i + a_x) + 1 / (y_j + a_x))
    row = out[(out["source"] == "A") & (out["term"] == "x")].iloc[0]
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(z)


def test_log_odds_of_an_empty_frame_is_empty():
    out = analysis.weighted_log_odds(counts([]))
    assert out.empty and list(out.columns) == ["source", "term", "n", "log_odds", "z"]


# ---- PMI --------------------------------------------------------------------------------------------

def test_pmi_known_values():
    # a and b each in 10 of 100 articles, together in all 10: 10x more than independence predicts
    assert analysis.pmi(10, 10, 10, 100) == pytest.approx(math.log2(10))
    # independent: P(a,b) = P(a) P(b)
    assert analysis.pmi(5, 50, 10, 100) == pytest.approx(0.0)
    # together less often than chance
    assert analysis.pmi(1, 50, 20, 100) < 0


def test_npmi_bounds():
    assert analysis.pmi(10, 10, 10, 100, normalized=True) == pytest.approx(1.0)
    assert analysis.pmi(5, 50, 10, 100, normalized=True) == pytest.approx(0.0)
    assert analysis.pmi(0, 50, 10, 100, normalized=True) == -1.0
    assert analysis.pmi(0, 50, 10, 100) == -math.inf


def test_pmi_does_not_reward_a_ubiquitous_partner():
    # 美国 is in 90 of 100 articles and so co-occurs with X often; Y co-occurs less but far beyond chance.
    df = pd.DataFrame({"b": ["美国", "Y"], "n_ab": [18, 8], "n_a": [20, 20], "n_b": [90, 10], "n_docs": [100, 100]})
    out = analysis.add_pmi(df)
    by_count = out.sort_values("n_ab", ascending=False)["b"].iloc[0]
    by_pmi = out.sort_values("npmi", ascending=False)["b"].iloc[0]
    assert (by_count, by_pmi) == ("美国", "Y")


# ---- lead / lag ---------------------------------------------------------------------------------------

def test_lead_lag_median_over_shared_windows():
    t = pd.Timestamp
    first = pd.DataFrame([
        # week 1: A first, B a day later
        ("energy", t("2022-01-03"), "A", t("2022-01-03 08:00")),
        ("energy", t("2022-01-03"), "B", t("2022-01-04 08:00")),
        # week 2: B first, A 12 hours later
        ("energy", t("2022-01-10"), "B", t("2022-01-10 06:00")),
        ("energy", t("2022-01-10"), "A", t("2022-01-10 18:00")),
        # week 3: only C covers it: says nothing about lag, but C was first there
        ("energy", t("2022-01-17"), "C", t("2022-01-18 00:00")),
    ], columns=["topic_id", "period", "source", "first_at"])
    out = analysis.lead_lag(first).set_index("source")
    assert out.loc["A", "median_lag_hours"] == pytest.approx(6.0)     # median of 0 and 12
    assert out.loc["B", "median_lag_hours"] == pytest.approx(12.0)    # median of 24 and 0
    assert math.isnan(out.loc["C", "median_lag_hours"])
    assert out.loc["A", "first_article"] == t("2022-01-03 08:00")
    assert (out.loc["A", "n_first"], out.loc["B", "n_first"], out.loc["C", "n_first"]) == (1, 1, 1)
    assert out.loc["C", "share_first"] == 1.0 and out.loc["A", "n_windows"] == 2


def test_lead_lag_of_nothing_is_empty():
    assert analysis.lead_lag(pd.DataFrame(columns=["topic_id", "period", "source", "first_at"])).empty


# ---- sentences and highlighting ------------------------------------------------------------------------

DOC = "两国元首会晤\n\n甲国总统与乙国总理在首都会谈。双方签署了供气协议！此后乙国总理离开。"


def test_sentences_with_both_entities():
    a = [DOC.index("甲国总统")]
    b = [DOC.index("乙国总理"), DOC.rindex("乙国总理")]
    assert analysis.sentences_with_both(DOC, a, b) == ["甲国总统与乙国总理在首都会谈。"]
    assert analysis.sentences_with_both(DOC, a, []) == []


def test_mention_spans_use_the_surface_found_at_each_offset():
    doc = "普京会见了弗拉基米尔·普京的顾问"
    spans = analysis.mention_spans(doc, np.array([0, 5]), np.array(["普京", "弗拉基米尔·普京"]))
    assert [doc[s:e] for s, e in spans] == ["普京", "弗拉基米尔·普京"]


def test_highlight_escapes_article_text_and_wraps_spans():
    doc = "A<script>x</script> 卖出100亿立方米 & more"
    s = doc.index("100亿立方米")
    out = analysis.highlight_html(doc, [(s, s + len("100亿立方米"), "figure", 'vol "m3"'),
                                        (s + 2, s + 4, "place", "overlap: dropped")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<mark class="figure" title="vol &quot;m3&quot;">100亿立方米</mark>' in out
    assert out.count("<mark") == 1
    assert "&amp; more" in out


def test_highlight_ignores_spans_outside_the_document():
    assert analysis.highlight_html("abc", [(2, 9, "x", ""), (-1, 1, "x", "")]) == "abc"
