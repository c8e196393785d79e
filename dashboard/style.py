"""The one house style of every geonews chart, on screen and in print.

A chart carries its own title, subtitle (the filters) and source line, so the PNG that plotly's
browser button saves and the file `geonews export` writes are the same self-explaining figure.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go

# CJK-capable fonts first: the default plotly font has no Chinese glyphs and renders boxes in print.
FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
EXPORT_WIDTH = 1000
EXPORT_HEIGHT = 600
TEXT_COLOR = "#222222"
MUTED_COLOR = "#666666"
GRID_COLOR = "#e6e6e6"

# Colour-blind-safe qualitative palette (Okabe-Ito, then Tableau 10 for more outlets).
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F7F",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#EDC948", "#76B7B2", "#FF9DA7", "#9C755F",
)
# The outlets of our archives get fixed colours so that they never swap between charts or runs;
# any other outlet gets a colour from a stable hash of its name (not Python's salted hash()).
KNOWN_OUTLETS = {
    "观察者网": PALETTE[0],
    "Aljazeera 半岛网": PALETTE[1],
    "cnBeta": PALETTE[2],
    "iDaily 每日环球视野": PALETTE[3],
    "未名新闻": PALETTE[4],
    "金色财经": PALETTE[5],
    # the bundled demo corpus (data/sample)
    "环球纵览": PALETTE[0],
    "欧亚能源周刊": PALETTE[1],
    "太平洋通讯社": PALETTE[2],
    "东方观察报": PALETTE[3],
    "新月观察": PALETTE[4],
}
ENTITY_TYPE_COLORS = {"person": "#D55E00", "place": "#0072B2", "org": "#009E73"}
SEQUENTIAL_SCALE = "Blues"
DIVERGING_SCALE = "RdBu"

# For st.plotly_chart(config=...) and fig.to_html(config=...): the camera button saves the print size.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "width": EXPORT_WIDTH, "height": EXPORT_HEIGHT,
                             "scale": 2, "filename": "geonews"},
}


def outlet_color(name: str) -> str:
    """The colour of an outlet: the same name always gets the same colour."""
    if name in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[name]
    digest = hashlib.md5(str(name).encode("utf-8")).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def outlet_colors(names) -> dict[str, str]:
    """color_discrete_map for plotly express."""
    return {n: outlet_color(n) for n in names}


def series_color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


@dataclass(frozen=True)
class ChartContext:
    """What a chart says about itself besides its data."""
    title: str
    subtitle: str = ""                 # the filters, in words
    source_line: str = ""              # "geonews analysis of N articles from A, B · 2022-01-01 – 2022-12-31"
    options: dict[str, Any] = field(default_factory=dict)   # chart-specific (granularity, mode …)
    width: int = EXPORT_WIDTH
    height: int = EXPORT_HEIGHT

    def option(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


MARGIN_TOP = 115
MARGIN_BOTTOM = 95


def house_style(fig: go.Figure, ctx: ChartContext, bottom: int = MARGIN_BOTTOM, panels: bool = False) -> go.Figure:
    """Apply the house style in place and return the figure.

    bottom: the bottom margin in px; charts with long or rotated x labels ask for more. The source
    line sits 8 px above the bottom edge of the figure whatever the plot area (its paper position is
    computed from the fixed height), so it never collides with tick labels inside the margin.
    panels: the figure has subplot titles above its top row; the legend moves up above them."""
    top = MARGIN_TOP + (20 if panels else 0)
    plot_height = max(ctx.height - top - bottom, 1)
    legend_y = 1 + (30 if panels else 4) / plot_height
    # plotly's own subtitle (not a <br> in the title): multi-line titles ignore yanchor and get clipped
    title = dict(text=f"<b>{_esc(ctx.title)}</b>", x=0.012, xref="container", xanchor="left",
                 y=0.97, yref="container", yanchor="top", font=dict(size=20))
    if ctx.subtitle:
        title["subtitle"] = dict(text=_esc(ctx.subtitle), font=dict(size=13, color=MUTED_COLOR))
    fig.update_layout(
        template="plotly_white",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(family=FONT_FAMILY, size=13, color=TEXT_COLOR),
        title=title,
        margin=dict(l=70, r=30, t=top, b=bottom),
        height=ctx.height,
        legend=dict(orientation="h", x=0, xanchor="left", y=legend_y, yanchor="bottom",
                    bgcolor="rgba(255,255,255,0)", font=dict(size=12), title_text=""),
        hoverlabel=dict(font_family=FONT_FAMILY),
    )
    fig.update_xaxes(gridcolor=GRID_COLOR, zeroline=False, linecolor="#999999", ticks="outside")
    fig.update_yaxes(gridcolor=GRID_COLOR, zeroline=False)
    if ctx.source_line:
        fig.add_annotation(
            text=_esc(ctx.source_line), showarrow=False, xref="paper", yref="paper",
            x=0, xanchor="left", y=-(bottom - 8) / plot_height, yanchor="bottom", align="left",
            font=dict(size=11, color=MUTED_COLOR), name="source_line",
        )
    return fig


def empty_figure(ctx: ChartContext, message: str = "没有符合条件的数据 · no data for these filters") -> go.Figure:
    """A styled figure that says there is nothing to show (for exports of an empty selection)."""
    fig = go.Figure()
    fig.add_annotation(text=_esc(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font=dict(size=16, color=MUTED_COLOR))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return house_style(fig, ctx)


def _esc(s: str) -> str:
    # plotly titles and annotations take a subset of HTML: escape outlet or topic names in them.
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
