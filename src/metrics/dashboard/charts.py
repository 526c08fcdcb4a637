"""Plotly figures the pages draw, styled so Chinese labels render and units are stated."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st
from plotly.colors import qualitative

from metrics.dashboard import escape
from metrics.dashboard.state import t

FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
FORMAT_CHANGE_YEAR = 2019
# Beyond this many agencies a heat map stops being readable; the download has them all.
MAX_HEATMAP_ROWS = 60
# Ten colours are too few for the outcome chart (twelve kinds across both eras); no colour may repeat.
PALETTE = qualitative.Plotly + qualitative.Set2
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

# Coverage states in the order of the heat map's colour scale.
COVERAGE_STATES = ("missing", "on_time", "undated", "late")
COVERAGE_COLOURS = ("#e6e6e6", "#4c9a6a", "#9ecae1", "#d6604d")


def _style_layout(y_title: str = "", x_title: str = "", height: int | None = None) -> dict:
    """The common layout as one nested dict: Plotly validates it in one pass (its "a_b" paths cost ~1 ms each)."""
    layout = {
        "font": {"family": FONT, "size": 13},
        "hoverlabel": {"font": {"family": FONT}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""}},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "yaxis": {"title": {"text": y_title}},
        "xaxis": {"title": {"text": x_title}},
    }
    if height:
        layout["height"] = height
    return layout


def style(fig: go.Figure, y_title: str = "", x_title: str = "", height: int | None = None) -> go.Figure:
    fig.update_layout(_style_layout(y_title, x_title, height))
    return fig


def show(fig: go.Figure, key: str) -> None:
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)


def spans_format_change(years) -> bool:
    years = list(years)
    return bool(years) and min(years) < FORMAT_CHANGE_YEAR <= max(years)


def _format_change_marks(panels: int = 1) -> tuple[list[dict], list[dict]]:
    """Shapes and annotations of the dashed 2018|2019 line, once per panel (x, x2, ...)."""
    x = FORMAT_CHANGE_YEAR - 0.5
    shapes, notes = [], []
    for i in range(1, panels + 1):
        n = "" if i == 1 else str(i)
        shapes.append(
            {
                "type": "line",
                "x0": x,
                "x1": x,
                "xref": f"x{n}",
                "y0": 0,
                "y1": 1,
                "yref": f"y{n} domain",
                "line": {"dash": "dash", "color": "#888"},
            }
        )
        notes.append(
            {
                "x": x,
                "xref": f"x{n}",
                "y": 1,
                "yref": "paper",
                "text": t("format_change_mark"),
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#666"},
            }
        )
    return shapes, notes


def mark_format_change(fig: go.Figure, years) -> go.Figure:
    """A dashed line between 2018 and 2019 where the chart spans the 2019 change of report format."""
    if spans_format_change(years):
        shapes, notes = _format_change_marks()
        fig.update_layout(
            {"shapes": list(fig.layout.shapes) + shapes, "annotations": list(fig.layout.annotations) + notes}
        )
    return fig


YEAR_AXIS = {"dtick": 1, "tickformat": "d"}
# The hover box names its trace by reference: a name written into the template would be read as
# template syntax (%{…}) and markup.
TRACE_NAME = "<extra>%{fullData.name}</extra>"


def year_axis(fig: go.Figure) -> go.Figure:
    fig.update_xaxes(YEAR_AXIS)
    return fig


def _inert(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell escaped: agency names and other report text become the
    chart's categories, legend names and hover text, where Plotly would draw their tags."""
    text = df.select_dtypes(include=["object", "string"]).columns
    return df.assign(**{c: df[c].map(lambda v: escape.plotly(v) if isinstance(v, str) else v) for c in text})


def _groups(df: pd.DataFrame, colour: str | None):
    """(legend name, rows) per colour in order of first appearance, as Plotly Express splits them."""
    if colour is None:
        return [(None, df)]
    return list(df.groupby(colour, sort=False, dropna=False))


SYMBOLS = ("circle", "diamond", "square", "x", "cross")


def lines(
    df: pd.DataFrame,
    y: str,
    colour: str,
    y_title: str,
    percent: bool = False,
    symbol: str | None = None,
    facet: str | None = None,
) -> go.Figure:
    df = _inert(df)
    if facet:
        return _faceted_lines(df, y, colour, y_title, percent, symbol, facet)
    # Built directly, one trace per colour (and symbol) as Plotly Express would, at a fraction of its cost.
    colours = {name: PALETTE[i % len(PALETTE)] for i, (name, _) in enumerate(_groups(df, colour))}
    symbols = (
        {}
        if symbol is None
        else {name: SYMBOLS[i % len(SYMBOLS)] for i, (name, _) in enumerate(_groups(df, symbol))}
    )
    keys = [colour] + ([symbol] if symbol else [])
    traces = []
    for names, rows in df.groupby(keys, sort=False, dropna=False):
        names = names if isinstance(names, tuple) else (names,)
        label = ", ".join(str(n) for n in names)
        marker = {"color": colours[names[0]]}
        if symbol:
            marker["symbol"] = symbols[names[1]]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": rows["year"].to_numpy(),
                "y": rows[y].to_numpy(),
                "name": label,
                "legendgroup": label,
                "marker": marker,
                "line": {"color": colours[names[0]]},
                "hovertemplate": "%{x} · %{y" + (":.1%" if percent else ":,") + "}" + TRACE_NAME,
            }
        )
    layout = _style_layout(y_title, t("year"))
    layout["xaxis"] |= YEAR_AXIS
    if percent:
        layout["yaxis"] |= {"tickformat": ".0%", "rangemode": "tozero"}
    if spans_format_change(df["year"]):
        layout["shapes"], layout["annotations"] = _format_change_marks()
    return go.Figure(data=traces, layout=layout)


def _faceted_lines(
    df: pd.DataFrame, y: str, colour: str, y_title: str, percent: bool, symbol: str | None, facet: str
) -> go.Figure:
    fig = px.line(
        df,
        x="year",
        y=y,
        color=colour,
        markers=True,
        symbol=symbol,
        facet_col=facet,
        color_discrete_sequence=PALETTE,
        facet_col_wrap=2,
        labels={"year": t("year"), y: y_title, colour: ""},
    )
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1]))
    fig.update_yaxes(matches=None)
    if percent:
        fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    year_axis(fig)
    mark_format_change(fig, df["year"])
    return style(fig, y_title, t("year"))


def _bar_traces(
    df: pd.DataFrame,
    x: str,
    y: str,
    colour: str | None,
    horizontal: bool,
    colours: dict,
    legend: bool = True,
    axes: str = "",
) -> list[dict]:
    """One bar trace per colour, as plain dicts (Plotly Express costs ~20 ms a figure on every run)."""
    traces = []
    for name, rows in _groups(df, colour):
        label = "" if name is None else str(name)
        colours.setdefault(label, PALETTE[len(colours) % len(PALETTE)])
        cats, values = rows[x].to_numpy(), rows[y].to_numpy()
        traces.append(
            {
                "type": "bar",
                "x": values if horizontal else cats,
                "y": cats if horizontal else values,
                "orientation": "h" if horizontal else "v",
                "name": label,
                "legendgroup": label,
                "showlegend": legend and name is not None,
                "marker": {"color": colours[label]},
                "hovertemplate": ("%{y} · %{x:,}" if horizontal else "%{x} · %{y:,}") + TRACE_NAME,
                "xaxis": f"x{axes}",
                "yaxis": f"y{axes}",
            }
        )
    return traces


def bars(
    df: pd.DataFrame,
    x: str,
    y: str,
    colour: str | None,
    y_title: str,
    x_title: str = "",
    stacked: bool = False,
    horizontal: bool = False,
    percent: bool = False,
) -> go.Figure:
    df = _inert(df)
    traces = _bar_traces(df, x, y, colour, horizontal, {})
    if horizontal:
        layout = _style_layout(x_title, y_title, height=max(300, 28 * df[x].nunique() + 80))
        layout["yaxis"]["autorange"] = "reversed"
    else:
        layout = _style_layout(y_title, x_title)
    layout["barmode"] = "relative" if stacked or horizontal else "group"
    if percent:
        layout["barnorm"] = "percent"
    if x == "year":
        layout["xaxis"] |= YEAR_AXIS
        if spans_format_change(df["year"]):
            layout["shapes"], layout["annotations"] = _format_change_marks()
    return go.Figure(data=traces, layout=layout)


def _panel_title(text: str, x: float, y: float) -> dict:
    return _title_above(f"<b>{escape.plotly(text)}</b>", x, y, size=14)


def _title_above(markup: str, x: float, y: float, size: int) -> dict:
    """A title centred at x, standing on y (paper coordinates); `markup` is drawn as given."""
    return {
        "text": markup,
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "xanchor": "center",
        "yanchor": "bottom",
        "font": {"size": size},
    }


def bar_panels(
    panels: list[tuple[str, pd.DataFrame]], x: str, y: str, colour: str, y_title: str, stacked: bool = False
) -> go.Figure:
    """Bar charts side by side in one figure (one chart for the browser to draw), one legend for all."""
    n, gap = len(panels), 0.08
    width = (1 - gap * (n - 1)) / n
    layout = _style_layout(y_title)
    layout["barmode"] = "relative" if stacked else "group"
    layout["margin"]["t"] = 90
    layout["legend"]["y"] = 1.14
    traces, colours, notes = [], {}, []
    for i, (title, df) in enumerate(panels, start=1):
        axes = "" if i == 1 else str(i)
        traces += _bar_traces(_inert(df), x, y, colour, False, colours, legend=i == 1, axes=axes)
        lo = (i - 1) * (width + gap)
        xaxis = {"domain": [lo, lo + width], "anchor": f"y{axes}"}
        if x == "year":
            xaxis |= YEAR_AXIS
        layout[f"xaxis{axes}"] = layout.get(f"xaxis{axes}", {}) | xaxis
        layout[f"yaxis{axes}"] = layout.get(f"yaxis{axes}", {}) | {"anchor": f"x{axes}"}
        notes.append(_panel_title(title, lo + width / 2, 1.07))
    shapes = []
    if x == "year" and spans_format_change(pd.concat([df[x] for _, df in panels])):
        shapes, marks = _format_change_marks(n)
        notes += marks
    layout["shapes"], layout["annotations"] = shapes, notes
    return go.Figure(data=traces, layout=layout)


def hbar_panels(panels: list[tuple[str, pd.DataFrame]], x: str, y: str, x_title: str) -> go.Figure:
    """Horizontal bar charts one above the other in one figure, each panel as tall as its number of bars."""
    row, head, foot = 28, 40, 60  # pixels: a bar, a panel's title, the value axis under a panel
    sizes = [max(1, df[x].nunique()) for _, df in panels]
    height = sum(row * s + head + foot for s in sizes) + 20
    layout = _style_layout(height=height)
    layout["margin"]["t"] = 10
    traces, notes, top = [], [], height - 10 - 10
    plot = height - 20  # the plotting area inside the margins, in pixels
    for i, ((title, df), size) in enumerate(zip(panels, sizes, strict=True), start=1):
        axes = "" if i == 1 else str(i)
        traces += _bar_traces(_inert(df), x, y, None, True, {}, legend=False, axes=axes)
        upper = top - head
        lower = upper - row * size
        domain = [max(0.0, lower / plot), min(1.0, upper / plot)]
        layout[f"yaxis{axes}"] = layout.get(f"yaxis{axes}", {}) | {
            "domain": domain,
            "anchor": f"x{axes}",
            "autorange": "reversed",
        }
        layout[f"xaxis{axes}"] = layout.get(f"xaxis{axes}", {}) | {
            "anchor": f"y{axes}",
            "title": {"text": x_title},
        }
        notes.append(_panel_title(title, 0.5, domain[1] + 8 / plot) | {"x": 0, "xanchor": "left"})
        top = lower - foot
    layout["annotations"] = notes
    layout["showlegend"] = False
    return go.Figure(data=traces, layout=layout)


def _printed_as(df: pd.DataFrame) -> pd.Series:
    """' · printed as <name>' where a report of a renamed agency prints an earlier name."""
    earlier = df["printed_agency"].notna() & (df["printed_agency"] != df["agency"])
    return (
        df["printed_agency"]
        .where(earlier)
        .map(lambda n: "" if pd.isna(n) else f" · {t('printed_as', name=n)}")
    )


def coverage_map(df: pd.DataFrame, state_labels: dict[str, str]) -> go.Figure:
    """Agencies x years, one coloured cell per report state; hover gives the dates."""
    codes = {s: i for i, s in enumerate(COVERAGE_STATES)}
    df = _inert(df)
    agencies = list(dict.fromkeys(df["agency"]))
    years = sorted(df["year"].unique())
    z = df.pivot(index="agency", columns="year", values="state").reindex(index=agencies, columns=years)
    hover = (
        df.assign(
            text=df["state"].map(state_labels)
            + _printed_as(df)
            + df["published"].map(lambda d: "" if pd.isna(d) else f" · {t('published')} {d:%Y-%m-%d}")
            + df["days_late"].map(lambda n: "" if pd.isna(n) else f" · {t('days_late', n=int(n))}")
        )
        .pivot(index="agency", columns="year", values="text")
        .reindex(index=agencies, columns=years)
    )
    n = len(COVERAGE_STATES)
    scale = []
    for i, colour in enumerate(COVERAGE_COLOURS):
        scale += [(i / n, colour), ((i + 1) / n, colour)]
    layout = _style_layout(height=max(260, 24 * len(agencies) + 120))
    layout["yaxis"]["autorange"] = "reversed"
    # Years on top as well: with dozens of agencies the bottom axis is out of sight.
    layout["xaxis"] |= YEAR_AXIS | {"side": "top", "showticklabels": True}
    if spans_format_change(years):
        layout["shapes"], layout["annotations"] = _format_change_marks()
    heatmap = {
        "type": "heatmap",
        "z": z.apply(lambda col: col.map(codes)).to_numpy(dtype=float),
        "x": years,
        "y": agencies,
        "text": hover.to_numpy(),
        "hovertemplate": "%{y} · %{x}<br>%{text}<extra></extra>",
        "colorscale": scale,
        "zmin": -0.5,
        "zmax": n - 0.5,
        "xgap": 2,
        "ygap": 2,
        "colorbar": {
            "tickvals": list(range(n)),
            "ticktext": [escape.plotly(state_labels[s]) for s in COVERAGE_STATES],
            "title": "",
        },
    }
    return go.Figure(data=[heatmap], layout=layout)


def small_multiples(
    df: pd.DataFrame, panel: str, colour: str, y: str, percent_panels: set[str], columns: int = 2
) -> go.Figure:
    """One small line chart per panel over the years, each with its own value axis (a few reviews
    stay readable beside thousands of requests), one colour per `colour` value and one legend.
    Built as plain dicts: Plotly's subplot calls (make_subplots, add_trace and update_yaxes per
    panel) cost about 100 ms a figure on every run."""
    df = _inert(df)
    percent_panels = {escape.plotly(p) for p in percent_panels}
    names = list(dict.fromkeys(df[panel]))
    rows = -(-len(names) // columns)
    h_gap, v_gap = 0.08, 0.5 / rows
    width, height = (1 - h_gap * (columns - 1)) / columns, (1 - v_gap * (rows - 1)) / rows
    layout = _style_layout(height=280 * rows + 60)
    layout["margin"]["t"] = 70
    layout["legend"]["y"] = 1 + 40 / (280 * rows)
    colours = {name: PALETTE[i % len(PALETTE)] for i, (name, _) in enumerate(_groups(df, colour))}
    traces, titles = [], []
    for i, name in enumerate(names):
        axes = "" if i == 0 else str(i + 1)
        left = (i % columns) * (width + h_gap)
        bottom = (rows - 1 - i // columns) * (height + v_gap)  # the first row is the top one
        percent = name in percent_panels
        layout[f"xaxis{axes}"] = (
            layout.get(f"xaxis{axes}", {})
            | YEAR_AXIS
            | {
                "domain": [left, left + width],
                "anchor": f"y{axes}",
            }
        )
        layout[f"yaxis{axes}"] = layout.get(f"yaxis{axes}", {}) | {
            "domain": [bottom, bottom + height],
            "anchor": f"x{axes}",
            "tickformat": ".0%" if percent else ",",
            "rangemode": "tozero",
        }
        titles.append(_title_above(name, left + width / 2, bottom + height, size=16))  # escaped by _inert
        for series, rows_ in _groups(df[df[panel] == name], colour):
            traces.append(
                {
                    "type": "scatter",
                    "x": rows_["year"].to_numpy(),
                    "y": rows_[y].to_numpy(),
                    "mode": "lines+markers",
                    "name": str(series),
                    "legendgroup": str(series),
                    "showlegend": i == 0,
                    "line": {"color": colours[series]},
                    "marker": {"color": colours[series]},
                    "hovertemplate": "%{x} · %{y" + (":.1%" if percent else ":,") + "}" + TRACE_NAME,
                    "xaxis": f"x{axes}",
                    "yaxis": f"y{axes}",
                }
            )
    layout["annotations"] = titles
    return go.Figure(data=traces, layout=layout)
