"""One function per chart, shared by the pages and `geonews export`.

CHARTS maps a name to a ChartSpec: `data(db_path, filters, **options)` returns the tidy frame the chart
draws (it is also the CSV export), `figure(df, ctx)` draws it in the house style. Options are keyword
arguments with sensible defaults, so `data(db_path, Filters())` alone gives the default chart; the same
options go into ChartContext.options for the figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Callable

import networkx as nx
import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import analysis, queries
from dashboard.filters import Filters
from dashboard.style import (ENTITY_TYPE_COLORS, MUTED_COLOR, ChartContext, empty_figure, house_style,
                             outlet_color, outlet_colors, series_color)

ALL_OUTLETS = "全部媒体 all outlets"


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: str
    data: Callable[..., pd.DataFrame]                       # (db_path, filters, **options) -> tidy frame
    figure: Callable[[pd.DataFrame, ChartContext], go.Figure]


# ---- context ----------------------------------------------------------------------------------------

def source_line(summary: dict[str, Any], max_sources: int = 5) -> str:
    """'geonews analysis of N articles from A, B, C · 2022-01-01 – 2022-12-31'."""
    srcs = list(summary.get("sources") or [])
    names = ", ".join(srcs[:max_sources]) + (f" +{len(srcs) - max_sources}" if len(srcs) > max_sources else "")
    line = f"geonews analysis of {summary.get('n', 0):,} articles"
    if names:
        line += f" from {names}"
    first, last = summary.get("first"), summary.get("last")
    if first is not None and not pd.isna(first):
        line += f" · {pd.Timestamp(first):%Y-%m-%d} – {pd.Timestamp(last):%Y-%m-%d}"
    return line


def chart_context(db_path: str, filters: Filters, title: str, options: dict[str, Any] | None = None,
                  note: str = "") -> ChartContext:
    """Title, subtitle (filters in words, plus an optional note on the chart's own options) and the
    source line counted from the database."""
    summary = queries.filter_summary(db_path, filters)
    labels = {}
    if filters.topics:
        tl = queries.topic_list(db_path)
        labels = dict(zip(tl["topic_id"], tl["label"]))
    subtitle = filters.describe(labels)
    if note:
        subtitle = f"{note} · {subtitle}"
    return ChartContext(title=title, subtitle=subtitle, source_line=source_line(summary),
                        options=dict(options or {}))


def _is_empty(df: pd.DataFrame) -> bool:
    return df is None or df.empty


# ---- overview: articles per outlet and month ----------------------------------------------------------

def overview_data(db_path: str, filters: Filters) -> pd.DataFrame:
    return queries.articles_per_source_month(db_path, filters)


def overview_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    if _is_empty(df):
        return empty_figure(ctx)
    fig = px.bar(df, x="month", y="n", color="source", color_discrete_map=outlet_colors(df["source"].unique()),
                 labels={"month": "", "n": "文章 articles", "source": ""})
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_traces(hovertemplate="%{x|%Y-%m}<br>%{fullData.name}: %{y}<extra></extra>")
    return house_style(fig, ctx)


# ---- trends -----------------------------------------------------------------------------------------

def default_trend_items(db_path: str, filters: Filters, kind: str, n: int = 5) -> list[str]:
    """What to chart when nothing is chosen: the filter's topics/entity, else the most frequent."""
    if kind == "topic":
        if filters.topics:
            return list(filters.topics)
        tl = queries.top_topics_recent(db_path, filters, days=100000, limit=n)
        return tl["topic_id"].tolist()
    if kind == "entity":
        if filters.entity:
            return [filters.entity]
        return queries.top_entities(db_path, filters, limit=n)["entity_id"].tolist()
    return []


# A period should hold this many articles on average before a share of them means much.
ARTICLES_PER_PERIOD = 10
_PERIOD_DAYS = {"week": 7, "month": 30.4, "quarter": 91.3, "year": 365.25}


def default_granularity(summary: dict[str, Any]) -> str:
    """The finest of week, month, quarter and year whose periods hold ARTICLES_PER_PERIOD articles on
    average over the selection's dates (`summary` as queries.filter_summary gives it)."""
    n, first, last = summary.get("n") or 0, summary.get("first"), summary.get("last")
    if not n or first is None or last is None or pd.isna(first) or pd.isna(last):
        return "month"
    days = max((pd.Timestamp(last) - pd.Timestamp(first)).days, 1)
    return next((g for g, per in _PERIOD_DAYS.items() if n / max(days / per, 1.0) >= ARTICLES_PER_PERIOD), "year")


def trends_data(db_path: str, filters: Filters, kind: str = "topic", items: tuple[str, ...] | list[str] = (),
                granularity: str = "auto", mode: str = "share", per_source: bool = False,
                full_text: bool = False) -> pd.DataFrame:
    """series × period × outlet with n_match, n_total, share and `value` (share or count as chosen);
    per_source=False (the default, as Media Cloud charts a collection) pools the outlets, which keeps
    small archives readable; per_source=True gives a line per outlet. The peak period of each series
    carries its top headline. granularity="auto": default_granularity of the selection."""
    if granularity == "auto":
        granularity = default_granularity(queries.filter_summary(db_path, filters))
    items = list(items) or default_trend_items(db_path, filters, kind)
    df = queries.trend_series(db_path, filters, kind, items, granularity, full_text)
    if df.empty:
        return df.assign(value=pd.Series(dtype=float))
    if not per_source:
        # summing a few hundred aggregated rows (not raw articles) over outlets
        df = (df.groupby(["series_id", "series", "period"], as_index=False, dropna=False)
              .agg(n_match=("n_match", "sum"), n_total=("n_total", "sum"), peak_title=("peak_title", "first"),
                   peak_article_id=("peak_article_id", "first"))
              .assign(source=ALL_OUTLETS))
        df["share"] = df["n_match"] / df["n_total"]
    df["value"] = df["share"] if mode == "share" else df["n_match"]
    return df[["series_id", "series", "period", "source", "n_match", "n_total", "share", "value",
               "peak_title", "peak_article_id"]]


def trends_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    """Lines over time. Layout (ctx.options['layout']):
    - 'lines' (default): colour = outlet (stable colours); one panel per series when there are several;
    - 'facet': small multiples, one panel per outlet, colour = series;
    - 'combined' (data with per_source=False): one panel, colour = series.
    The peak of each series is annotated with its top headline (not in per-outlet facets)."""
    if _is_empty(df) or df["n_match"].sum() == 0:
        return empty_figure(ctx)
    share = ctx.option("mode", "share") == "share"
    layout = ctx.option("layout") or ("facet" if ctx.option("facet") else "lines")
    series = sorted(df["series"].unique())
    sources = sorted(df["source"].unique())
    if sources == [ALL_OUTLETS]:
        layout = "combined"
    if layout == "facet":
        panel_col, line_col = "source", "series"
    elif layout == "combined":
        panel_col, line_col = None, "series"
    else:
        panel_col, line_col = ("series" if len(series) > 1 else None), "source"
    panels = sorted(df[panel_col].unique()) if panel_col else [None]
    ncols = 1 if len(panels) == 1 else (2 if len(panels) in (2, 4) else 3)
    nrows = -(-len(panels) // ncols)
    fig = make_subplots(rows=nrows, cols=ncols, shared_xaxes=True, shared_yaxes=True,
                        subplot_titles=[str(p) for p in panels] if panel_col else None,
                        horizontal_spacing=0.04, vertical_spacing=0.12 if nrows > 1 else 0.05)
    hover_val = "%{y:.1%}" if share else "%{y}"
    # Traces and annotations are collected and added in one call each: plotly validates on every
    # call, and one by one this chart took a second to build for 30 lines.
    traces, rows, cols, notes = [], [], [], []
    shown: set[str] = set()
    for i, panel in enumerate(panels):
        row, col = i // ncols + 1, i % ncols + 1
        pdf = df if panel is None else df[df[panel_col] == panel]
        for key, d in pdf.groupby(line_col, sort=True):
            d = d.sort_values("period")
            color = outlet_color(key) if line_col == "source" else series_color(series.index(key))
            traces.append(go.Scatter(
                x=d["period"], y=d["value"], mode="lines+markers", name=str(key), legendgroup=str(key),
                showlegend=str(key) not in shown, line=dict(color=color, width=2), marker=dict(size=4),
                customdata=np.stack([d["series_id"], d["source"], d["n_match"], d["n_total"], d["series"]], axis=1),
                hovertemplate=("%{x|%Y-%m-%d} · %{customdata[1]}<br>%{customdata[4]}: " + hover_val
                               + " (%{customdata[2]} / %{customdata[3]})<extra></extra>")))
            rows.append(row)
            cols.append(col)
            shown.add(str(key))
        if layout != "facet":
            notes += _peak_notes(fig, pdf, row, col)
    fig.add_traces(traces, rows=rows, cols=cols)
    fig.update_layout(annotations=list(fig.layout.annotations) + notes)
    fig.update_yaxes(tickformat=".0%" if share else None, rangemode="tozero")
    if notes:
        # headroom for the stacked headlines (plotly's autorange ignores annotations): ~5% of the height a step
        top = float(df["value"].max()) * (1.1 + 0.06 * (1 + max(-n["ay"] - 24 for n in notes) // 20))
        fig.update_yaxes(range=[0, top])
        if share:   # no tick above 100%: a share cannot be more
            step = next(s for s in (0.05, 0.1, 0.2, 0.25) if min(top, 1.0) / s <= 6)
            fig.update_yaxes(tickvals=list(np.arange(0, min(top, 1.0) + 1e-9, step)))
    fig.update_yaxes(title_text="占该媒体文章比例 share of outlet's articles" if share else "文章数 articles",
                     row=1, col=1, title_font=dict(size=12))
    return house_style(fig, ctx, panels=panel_col is not None)


def _peak_notes(fig: go.Figure, df: pd.DataFrame, row: int, col: int) -> list[dict]:
    """Annotations (as dicts) putting each series' top headline on its peak, in subplot (row, col)."""
    xaxis, yaxis = fig.get_subplot(row, col).xaxis.plotly_name, fig.get_subplot(row, col).yaxis.plotly_name
    xref, yref = xaxis.replace("axis", ""), yaxis.replace("axis", "")
    peaks = [(d["period"].iloc[0], float(d["value"].max()), str(d["peak_title"].iloc[0]))
             for _, d in df.dropna(subset=["peak_title"]).groupby(["series_id", "period"])]
    notes = []
    if not peaks:
        return notes
    xs = pd.to_datetime([p[0] for p in peaks])
    near = (xs.max() - xs.min()) * 0.2   # a 20-character headline spans about a fifth of the chart
    placed: list[tuple[pd.Timestamp, int]] = []
    # a headline goes one step higher than those already placed near it, so none prints over another
    for x, (_, y, title) in sorted(zip(xs, peaks), key=lambda p: (p[0], -p[1][1])):
        level = 0
        while any(lv == level and abs(x - px) <= near for px, lv in placed):
            level += 1
        placed.append((x, level))
        short = title if len(title) <= 20 else title[:19] + "…"
        notes.append(dict(x=x, y=y, xref=xref, yref=yref, text=short, showarrow=True, arrowhead=0, ax=0,
                          ay=-24 - 20 * level, font=dict(size=10, color=MUTED_COLOR),
                          bgcolor="rgba(255,255,255,0.85)", hovertext=title))
    return notes


# ---- entities: co-occurrence network and matrix ----------------------------------------------------------

def entities_data(db_path: str, filters: Filters, top_n: int = 30, types: tuple[str, ...] | list[str] = (),
                  min_count: int = 2, weight: str = "pmi") -> pd.DataFrame:
    """Nodes (kind='node': entity_id, name, type, n_articles) and edges (kind='edge': a, b, n_ab, pmi,
    npmi, weight) of the top entities' co-occurrence network, in one frame (one CSV)."""
    nodes = queries.top_entities(db_path, filters, types=types, min_count=min_count, limit=top_n)
    cols = ["kind", "entity_id", "name", "label", "type", "n_articles", "a", "b", "a_name", "b_name",
            "n_ab", "n_a", "n_b", "n_docs", "pmi", "npmi", "weight"]
    if nodes.empty:
        return pd.DataFrame(columns=cols)
    edges = analysis.add_pmi(queries.cooccurrence(db_path, filters, nodes["entity_id"].tolist()))
    edges = edges[edges["n_ab"] >= min_count] if not edges.empty else edges
    names = dict(zip(nodes["entity_id"], nodes["name"]))
    n = nodes.assign(kind="node", label=node_labels(db_path, nodes))
    e = edges.assign(kind="edge", a_name=edges["a"].map(names), b_name=edges["b"].map(names))
    # Edge weight: raw counts favour the ubiquitous entities; NPMI (in [-1, 1]) shows pairs that
    # co-occur more than their frequencies predict. Negative associations get no edge strength.
    e["weight"] = e["n_ab"].astype(float) if weight == "count" else e["npmi"].clip(lower=0)
    return pd.concat([n, e], ignore_index=True).reindex(columns=cols)


# Longer names are shown on the network in a short form the articles use often (俄气, 北约, 普京): a
# twelve-character company name crowds its neighbours and runs off the chart; the hover keeps the full name.
LONG_NAME = 6
_HAN = re.compile(r"[\u4e00-\u9fff]")
SHORT_FORM_SHARE = 0.25   # a short form must be used by at least this share of the articles of the most used form


def short_label(name: str, surfaces: pd.DataFrame) -> str:
    """`name`, or for a long name the shortest form (Chinese before Latin) that the articles use at least
    SHORT_FORM_SHARE as often as their most used form. `surfaces`: surface, n_articles of this entity."""
    if len(name) <= LONG_NAME or surfaces.empty:
        return name
    common = surfaces[surfaces["n_articles"] >= SHORT_FORM_SHARE * surfaces["n_articles"].max()]
    forms = sorted(common.itertuples(), key=lambda r: (not _HAN.search(r.surface), len(r.surface), -r.n_articles))
    return forms[0].surface if forms and len(forms[0].surface) < len(name) else name


def node_labels(db_path: str, nodes: pd.DataFrame) -> list[str]:
    long_ids = nodes.loc[nodes["name"].str.len() > LONG_NAME, "entity_id"].tolist()
    forms = queries.surface_counts(db_path, long_ids) if long_ids else pd.DataFrame(columns=["entity_id"])
    by_id = dict(tuple(forms.groupby("entity_id"))) if not forms.empty else {}
    return [short_label(name, by_id.get(i, pd.DataFrame())) for i, name in zip(nodes["entity_id"], nodes["name"])]


def _labels(nodes: pd.DataFrame) -> pd.Series:
    """What the network and the matrix show for each node: its label, or its name (frames without labels)."""
    return nodes["label"].fillna(nodes["name"]) if "label" in nodes else nodes["name"]


def _split(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    return df[df["kind"] == "node"], df[df["kind"] == "edge"]


def _node_sizes(n_articles: pd.Series, nmax: float) -> np.ndarray:
    return 10 + 40 * np.sqrt(n_articles.astype(float).to_numpy() / nmax)


def entities_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    nodes, edges = _split(df) if not _is_empty(df) else (pd.DataFrame(), pd.DataFrame())
    if nodes.empty:
        return empty_figure(ctx)
    g = nx.Graph()
    g.add_nodes_from(nodes["entity_id"])
    for r in edges.itertuples():
        if r.weight > 0:
            g.add_edge(r.a, r.b, weight=float(r.weight))
    pos = nx.spring_layout(g, seed=7, weight="weight", k=1.2 / np.sqrt(max(len(g), 1)))
    fig = go.Figure()
    wmax = float(edges["weight"].max()) if not edges.empty and edges["weight"].max() > 0 else 1.0
    # One trace per edge (widths differ); fine for the ~100-300 edges of a top-30 network.
    for r in edges.sort_values("weight").itertuples():
        if r.weight <= 0:
            continue
        (x0, y0), (x1, y1) = pos[r.a], pos[r.b]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=0.5 + 5.5 * r.weight / wmax, color="rgba(120,120,120,0.35)")))
    nmax = float(nodes["n_articles"].max())
    for typ, d in nodes.groupby("type"):
        xy = np.array([pos[i] for i in d["entity_id"]])
        fig.add_trace(go.Scatter(
            x=xy[:, 0], y=xy[:, 1], mode="markers", name=typ,
            marker=dict(size=_node_sizes(d["n_articles"], nmax),
                        color=ENTITY_TYPE_COLORS.get(typ, "#999999"), line=dict(width=1, color="white"),
                        opacity=0.9),
            customdata=np.stack([d["entity_id"], d["n_articles"], d["name"]], axis=1),
            hovertemplate="%{customdata[2]}<br>%{customdata[1]} 篇 articles<extra></extra>"))
    # the labels in one trace drawn after every node, with a white halo: no node hides a neighbour's label
    labels = _labels(nodes)
    xy = np.array([pos[i] for i in nodes["entity_id"]])
    # (invisible markers of the nodes' sizes: plotly puts "top center" text above its marker)
    fig.add_trace(go.Scatter(x=xy[:, 0], y=xy[:, 1], mode="markers+text", text=labels, textposition="top center",
                             marker=dict(size=_node_sizes(nodes["n_articles"], nmax), opacity=0),
                             textfont=dict(size=11, shadow="1px 1px 2px white, -1px -1px 2px white"),
                             hoverinfo="skip", showlegend=False))
    # room for the labels of the outermost nodes (a label is centred on its node: half of it lies outside)
    xs = np.array([p[0] for p in pos.values()])
    pad = 0.18 * max(float(xs.max() - xs.min()), 0.5)
    fig.update_xaxes(visible=False, range=[float(xs.min()) - pad, float(xs.max()) + pad])
    fig.update_yaxes(visible=False, scaleanchor=None)
    return house_style(fig, ctx)


def cooccurrence_matrix(df: pd.DataFrame, value: str = "n_ab") -> pd.DataFrame:
    """Square matrix of one edge column, from the entities_data frame, most mentioned first; rows and
    columns are the nodes' labels (the network's short forms; a label two nodes share gets its type)."""
    nodes, edges = _split(df)
    nodes = nodes.sort_values("n_articles", ascending=False)
    order = nodes["entity_id"].tolist()
    mat = pd.DataFrame(np.nan, index=order, columns=order)
    for r in edges.itertuples():
        v = getattr(r, value)
        mat.loc[r.a, r.b] = v
        mat.loc[r.b, r.a] = v
    labels = _labels(nodes).tolist()
    shared = {x for x in labels if labels.count(x) > 1}
    mat.index = mat.columns = [f"{x} ({t})" if x in shared else x for x, t in zip(labels, nodes["type"])]
    return mat


def heatmap_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    if _is_empty(df) or (df["kind"] == "edge").sum() == 0:
        return empty_figure(ctx)
    value = "n_ab" if ctx.option("weight", "pmi") == "count" else "npmi"
    mat = cooccurrence_matrix(df, value)
    fig = go.Figure(go.Heatmap(
        z=mat.values, x=mat.columns, y=mat.index, colorscale="Blues" if value == "n_ab" else "RdBu",
        zmid=None if value == "n_ab" else 0, hoverongaps=False,
        colorbar=dict(title="共现 count" if value == "n_ab" else "NPMI", thickness=12),
        hovertemplate="%{y} × %{x}: %{z}<extra></extra>" if value == "n_ab"
        else "%{y} × %{x}: %{z:.2f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=11))
    fig.update_xaxes(tickangle=-60, tickfont=dict(size=11))
    return house_style(fig, ctx, bottom=150)


# ---- sources --------------------------------------------------------------------------------------------

def sources_data(db_path: str, filters: Filters, limit_topics: int = 20) -> pd.DataFrame:
    return queries.topic_share_by_source(db_path, filters, limit_topics=limit_topics)


def sources_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    if _is_empty(df) or df["n"].sum() == 0:
        return empty_figure(ctx)
    mat = df.pivot_table(index="source", columns="label", values="share", fill_value=0)
    mat = mat[mat.sum(axis=0).sort_values(ascending=False).index]
    counts = df.pivot_table(index="source", columns="label", values="n", fill_value=0).reindex_like(mat)
    fig = go.Figure(go.Heatmap(
        z=mat.values, x=mat.columns, y=mat.index, colorscale="Blues", zmin=0,
        text=np.vectorize(lambda v: f"{v:.0%}")(mat.values), texttemplate="%{text}", textfont=dict(size=11),
        customdata=counts.values, colorbar=dict(title="比例 share", tickformat=".0%", thickness=12),
        hovertemplate="%{y} · %{x}: %{z:.1%} (%{customdata} articles)<extra></extra>"))
    fig.update_xaxes(tickangle=-40)
    fig.update_yaxes(autorange="reversed")
    return house_style(fig, ctx, bottom=150)


def distinctive_data(db_path: str, filters: Filters, what: str = "terms", top: int = 10,
                     min_total: int = 5) -> pd.DataFrame:
    """Per outlet, the `top` words (or entities) with the highest log-odds z-score vs the other outlets
    (queries.distinctive_terms: analysis.weighted_log_odds computed in DuckDB)."""
    return queries.distinctive_terms(db_path, filters, what=what, top=top, min_total=min_total)


def distinctive_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    if _is_empty(df):
        return empty_figure(ctx, "至少需要两家媒体 · needs at least two outlets with words")
    sources = sorted(df["source"].unique())
    d = df.copy()
    d["label"] = d["term"]
    fig = px.bar(d, x="z", y="label", color="source", facet_col="source", facet_col_wrap=min(len(sources), 3),
                 orientation="h", color_discrete_map=outlet_colors(sources), category_orders={"source": sources},
                 custom_data=["n", "log_odds"], labels={"z": "z", "label": "", "source": ""})
    # every word labelled (categorical axis, one tick per category)
    fig.update_yaxes(matches=None, showticklabels=True, autorange="reversed", tickmode="linear", dtick=1,
                     tickfont=dict(size=10))
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
    fig.update_traces(hovertemplate="%{y}: z=%{x:.1f} (n=%{customdata[0]})<extra></extra>")
    fig.update_layout(showlegend=False)
    return house_style(fig, ctx, panels=True)


def leadlag_data(db_path: str, filters: Filters, window: str = "week") -> pd.DataFrame:
    """Per topic and outlet: first article, median lag behind the first outlet per story window,
    windows covered and how often first (queries.lead_lag: analysis.lead_lag done in DuckDB)."""
    return queries.lead_lag(db_path, filters, granularity=window)


def leadlag_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    d = df.dropna(subset=["median_lag_hours"]) if not _is_empty(df) else df
    if _is_empty(d):
        return empty_figure(ctx, "没有多家媒体共同报道的话题 · no topic covered by several outlets in the same window")
    sources = sorted(d["source"].unique())
    fig = px.scatter(d, x="median_lag_hours", y="label", color="source", size="n_windows",
                     color_discrete_map=outlet_colors(sources), custom_data=["n_windows", "n_first"],
                     labels={"median_lag_hours": "中位滞后（小时） median lag behind first outlet, hours",
                             "label": "", "source": ""})
    fig.update_traces(hovertemplate="%{y} · %{fullData.name}: %{x:.0f} h "
                                    "(%{customdata[0]} windows, first in %{customdata[1]})<extra></extra>")
    return house_style(fig, ctx)


# ---- figures ------------------------------------------------------------------------------------------

def default_figure_kind(db_path: str, filters: Filters) -> tuple[str | None, str | None]:
    """Gas volumes if there are any (the archive's central story), else the commonest kind/unit."""
    kinds = queries.figure_kinds(db_path, filters)
    if kinds.empty:
        return None, None
    hit = kinds[(kinds["kind"] == "volume") & (kinds["unit"] == "m3")]
    row = hit.iloc[0] if len(hit) else kinds.iloc[0]
    return row["kind"], row["unit"]


def figures_data(db_path: str, filters: Filters, kind: str | None = None, unit: str | None = None,
                 subject: str | None = None, limit: int = 5000) -> pd.DataFrame:
    if kind is None:
        kind, unit = default_figure_kind(db_path, filters)
        if kind is None:
            return queries.figures_table(db_path, filters, kinds=["\0none"], limit=0)
    return queries.figures_table(db_path, filters, kinds=[kind], units=[unit] if unit is not None else [],
                                 subject=subject, limit=limit)


def figures_figure(df: pd.DataFrame, ctx: ChartContext) -> go.Figure:
    if ctx.option("subject"):
        # a chart of the figures about one thing says which (in every export, not only on the page)
        ctx = replace(ctx, subtitle=f"主题 subject「{ctx.option('subject')}」 · {ctx.subtitle}")
    d = df.dropna(subset=["published_at", "value_low"]) if not _is_empty(df) else df
    if _is_empty(d):
        return empty_figure(ctx)
    sources = sorted(d["source"].unique())
    d = d.assign(subject=d["subject"].fillna(""), conflict_mark=np.where(d["conflict"], "⚠ 冲突 conflict", ""))
    unit = d["unit"].dropna().iloc[0] if d["unit"].notna().any() else ""
    fig = px.scatter(d, x="published_at", y="value_low", color="source", symbol="conflict",
                     symbol_map={True: "diamond-open", False: "circle"},
                     color_discrete_map=outlet_colors(sources),
                     custom_data=["text", "subject", "title", "conflict_mark"],
                     labels={"published_at": "", "value_low": f"{d['kind'].iloc[0]} ({unit})", "source": ""})
    fig.update_traces(marker=dict(size=9, opacity=0.8),
                      hovertemplate="%{x|%Y-%m-%d} · %{fullData.name}<br>%{customdata[0]} · %{customdata[1]}"
                                    "<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>")
    # Volumes and money span orders of magnitude: a log axis keeps small and large numbers readable.
    if ctx.option("log_y", True) and (d["value_low"] > 0).all():
        fig.update_yaxes(type="log")
    # the symbol legend entries ('True'/'False') are noise: keep one legend entry per outlet
    seen = set()
    for tr in fig.data:
        src = tr.name.split(",")[0].strip()
        tr.name = src
        tr.legendgroup = src
        tr.showlegend = src not in seen
        seen.add(src)
    return house_style(fig, ctx)


# ---- registry -------------------------------------------------------------------------------------------

CHARTS: dict[str, ChartSpec] = {
    "overview": ChartSpec("overview", "各媒体每月文章数 · Articles per outlet and month", overview_data, overview_figure),
    "trends": ChartSpec("trends", "话题关注度 · Attention over time", trends_data, trends_figure),
    "entities": ChartSpec("entities", "实体共现网络 · Who appears with whom", entities_data, entities_figure),
    "cooccurrence": ChartSpec("cooccurrence", "实体共现矩阵 · Co-occurrence matrix", entities_data, heatmap_figure),
    "sources": ChartSpec("sources", "各媒体话题比例 · Share of each outlet's coverage by topic", sources_data,
                         sources_figure),
    "distinctive": ChartSpec("distinctive", "各媒体特色用词 · Words each outlet uses distinctively",
                             distinctive_data, distinctive_figure),
    "leadlag": ChartSpec("leadlag", "谁先报道 · Who covers a topic first", leadlag_data, leadlag_figure),
    "figures": ChartSpec("figures", "报道中的数字 · Reported figures over time", figures_data, figures_figure),
}
