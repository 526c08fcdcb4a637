"""Plotly figures the pages draw, styled so Chinese labels render and units are stated."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from metrics.dashboard.state import t

FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
FORMAT_CHANGE_YEAR = 2019
# Beyond this many agencies a heat map stops being readable; the download has them all.
MAX_HEATMAP_ROWS = 60
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

# Coverage states in the order of the heat map's colour scale.
COVERAGE_STATES = ("missing", "on_time", "undated", "late")
COVERAGE_COLOURS = ("#e6e6e6", "#4c9a6a", "#9ecae1", "#d6604d")


def style(fig: go.Figure, y_title: str = "", x_title: str = "", height: int | None = None) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 13},
        hoverlabel={"font_family": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        yaxis_title=y_title,
        xaxis_title=x_title,
    )
    if height:
        fig.update_layout(height=height)
    return fig


def show(fig: go.Figure, key: str) -> None:
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)


def spans_format_change(years) -> bool:
    years = list(years)
    return bool(years) and min(years) < FORMAT_CHANGE_YEAR <= max(years)


def mark_format_change(fig: go.Figure, years) -> go.Figure:
    """A dashed line between 2018 and 2019 where the chart spans the 2019 change of report format."""
    if spans_format_change(years):
        fig.add_vline(x=FORMAT_CHANGE_YEAR - 0.5, line_dash="dash", line_color="#888")
        fig.add_annotation(x=FORMAT_CHANGE_YEAR - 0.5, y=1, yref="paper", text=t("format_change_mark"),
                           showarrow=False, xanchor="left", yanchor="bottom", font={"size": 11, "color": "#666"})
    return fig


def year_axis(fig: go.Figure) -> go.Figure:
    fig.update_xaxes(dtick=1, tickformat="d")
    return fig


def lines(df: pd.DataFrame, y: str, colour: str, y_title: str, percent: bool = False,
          symbol: str | None = None, facet: str | None = None) -> go.Figure:
    fig = px.line(df, x="year", y=y, color=colour, markers=True, symbol=symbol, facet_col=facet,
                  facet_col_wrap=2 if facet else 0, labels={"year": t("year"), y: y_title, colour: ""})
    if facet:
        fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
        fig.update_yaxes(matches=None)
    if percent:
        fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    year_axis(fig)
    mark_format_change(fig, df["year"])
    return style(fig, y_title, t("year"))


def bars(df: pd.DataFrame, x: str, y: str, colour: str | None, y_title: str, x_title: str = "",
         stacked: bool = False, horizontal: bool = False, percent: bool = False) -> go.Figure:
    if horizontal:
        fig = px.bar(df, x=y, y=x, color=colour, orientation="h")
    else:
        fig = px.bar(df, x=x, y=y, color=colour, barmode="stack" if stacked else "group")
    if percent:
        fig.update_layout(barnorm="percent")
    if x == "year":
        year_axis(fig)
        mark_format_change(fig, df["year"])
    if horizontal:
        fig.update_yaxes(autorange="reversed")
        return style(fig, x_title, y_title, height=max(300, 28 * df[x].nunique() + 80))
    return style(fig, y_title, x_title)


def coverage_map(df: pd.DataFrame, state_labels: dict[str, str]) -> go.Figure:
    """Agencies x years, one coloured cell per report state; hover gives the dates."""
    codes = {s: i for i, s in enumerate(COVERAGE_STATES)}
    agencies = list(dict.fromkeys(df["agency"]))
    years = sorted(df["year"].unique())
    z = df.pivot(index="agency", columns="year", values="state").reindex(index=agencies, columns=years)
    hover = df.assign(
        text=df["state"].map(state_labels)
        + df["published"].map(lambda d: "" if pd.isna(d) else f" · {t('published')} {d:%Y-%m-%d}")
        + df["days_late"].map(lambda n: "" if pd.isna(n) else f" · {t('days_late', n=int(n))}")
    ).pivot(index="agency", columns="year", values="text").reindex(index=agencies, columns=years)
    n = len(COVERAGE_STATES)
    scale = []
    for i, colour in enumerate(COVERAGE_COLOURS):
        scale += [(i / n, colour), ((i + 1) / n, colour)]
    fig = go.Figure(go.Heatmap(
        z=z.apply(lambda col: col.map(codes)).to_numpy(dtype=float), x=years, y=agencies,
        text=hover.to_numpy(), hovertemplate="%{y} · %{x}<br>%{text}<extra></extra>",
        colorscale=scale, zmin=-0.5, zmax=n - 0.5, xgap=2, ygap=2,
        colorbar={"tickvals": list(range(n)), "ticktext": [state_labels[s] for s in COVERAGE_STATES],
                  "title": ""},
    ))
    fig.update_yaxes(autorange="reversed")
    # Years on top as well: with dozens of agencies the bottom axis is out of sight.
    year_axis(fig).update_xaxes(side="top", showticklabels=True)
    mark_format_change(fig, years)
    return style(fig, height=max(260, 24 * len(agencies) + 120))
