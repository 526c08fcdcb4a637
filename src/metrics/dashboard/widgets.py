"""Pieces every page repeats: number formats, rate notes, downloads, the reports behind a figure."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from metrics import exports
from metrics.dashboard import data, messages, registry, sidebar
from metrics.dashboard.state import filters, lang, t
from metrics.queries import MIN_BASE, Filters
from metrics.ui_text import code_label

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a table shows in a cell no report fills (Streamlit would write "None").
EMPTY = "—"


def missing(v) -> bool:
    """None, NaN, NA or NaT: a missing DATE comes back from DuckDB as NaT, which cannot be formatted."""
    return bool(pd.isna(v))


def count(v) -> str:
    return "—" if missing(v) else f"{v:,.0f}"


def rate(v, base=None) -> str:
    """A percentage; marked with * when it stands on fewer than MIN_BASE requests or cases."""
    if missing(v):
        return "—"
    small = base is not None and not missing(base) and base < MIN_BASE
    return f"{v:.1%}" + ("*" if small else "")


def basis(base: pd.Series) -> pd.Series:
    """Each rate's denominator as a legend entry: below MIN_BASE or not."""
    return base.lt(MIN_BASE).map({True: t("base_small", n=MIN_BASE), False: t("base_enough", n=MIN_BASE)})


def small_base_note() -> None:
    st.caption(t("small_base_note", n=MIN_BASE))


def formulas(*keys: str) -> None:
    st.caption(" · ".join(t(f"formula_{k}") for k in keys))


def keep_choices_valid(key: str, options, year_range: tuple[int, int] | None = None) -> None:
    """Drop a page widget's remembered choices that the current filters no longer offer."""
    if key not in st.session_state:
        return
    value = st.session_state[key]
    if year_range:
        lo, hi = year_range
        first, last = (min(max(v, lo), hi) for v in value)
        st.session_state[key] = (first, last)
    else:
        allowed = set(options)
        st.session_state[key] = [v for v in value if v in allowed]


def require_filters() -> Filters:
    """The current filters, or an empty state and a stop when there is nothing to show."""
    f = filters()
    if f is None:
        messages.no_database()
        st.stop()
    if data.query("selection_summary")["reports"].iloc[0] == 0:
        messages.no_match()
        st.stop()
    return f


def downloads(
    stem: str,
    key: str,
    query: str | None = None,
    query_params: dict | None = None,
    frame: pd.DataFrame | None = None,
) -> None:
    """CSV and Excel buttons for the rows behind a figure: a named query's result, or a given frame.

    The file is built only when a button is pressed (a callable), so large selections cost nothing
    until someone asks for them.
    """
    # Parameters are fixed now: the callable runs later, on another thread, outside this script run.
    query_params = query_params or (data.params() if frame is None else {})

    def rows() -> pd.DataFrame:
        return frame if frame is not None else data.run(query, query_params)

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("download_csv"),
        data=lambda: exports.to_csv_bytes(rows()),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        t("download_xlsx"),
        data=lambda: exports.to_xlsx_bytes(rows(), stem[:31]),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )


def page_link(url_path: str, **params) -> str:
    """A link to a dashboard page that keeps the sidebar's filters and the language."""
    kept = {k: st.query_params.get_all(k) for k in sidebar.URL_KEYS if k in st.query_params}
    return f"{url_path}?{urlencode(kept | params, doseq=True)}"


def file_name(path: str) -> str:
    """A source file as the interface shows it: its name, never the folder it has on the server."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def report_link(report_id: str) -> str:
    return page_link(registry.REPORT_PAGE.url_path, report=report_id)


def coded_control(draw, label: str, options, key: str, default, **kwargs):
    """A page control whose options are codes shown as words, kept in the URL under `key` as codes.

    A control bound to the URL by Streamlit writes the words it shows, which change with the
    language; this one writes the codes, so a shared link restores it in either language. `draw` is
    the widget function (st.selectbox, a column's multiselect ...); `default` is a list for a control
    holding several codes. The value is this session's, else the URL's, else the default.
    """
    options = list(options)
    many = isinstance(default, list)
    if key in st.session_state:
        wanted = st.session_state[key]
    else:
        from_url = st.query_params.get_all(key)
        wanted = (from_url if many else from_url[0]) if from_url else default
    if many:
        st.session_state[key] = [v for v in wanted if v in options]
    else:
        st.session_state[key] = wanted if wanted in options else default
    value = draw(label, options, key=key, **kwargs)
    if value or value == 0:
        st.query_params[key] = value
    else:
        st.query_params.pop(key, None)
    return value


def reports_behind(key: str, filters_: Filters | None = None) -> None:
    """On request, the reports a page's figures are built from, each linked to Report detail."""
    if not st.toggle(t("show_reports_behind"), key=f"{key}_behind", bind=sidebar.BIND):
        return
    df = data.query("selected_reports", filters_)
    shown = df[
        [
            "report_id",
            "agency",
            "year",
            "format",
            "status",
            "published",
            "late",
            "warnings",
            "flag_codes",
            "file_path",
            "parser_version",
        ]
    ].assign(
        link=df["report_id"].map(report_link),
        format=df["format"].map(lambda code: code_label(lang(), "format", code)),
        status=df["status"].map(lambda code: t(f"ingest_{code}")),
        file_path=df["file_path"].map(file_name),
    )
    st.dataframe(
        shown,
        hide_index=True,
        key=f"{key}_behind_table",
        placeholder=EMPTY,
        column_order=[
            "link",
            "agency",
            "year",
            "format",
            "status",
            "published",
            "late",
            "warnings",
            "flag_codes",
            "file_path",
            "parser_version",
        ],
        column_config={
            "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
            "agency": t("col_agency"),
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
            "format": t("col_format"),
            "status": t("col_status"),
            "published": t("published"),
            "late": t("col_late"),
            "warnings": t("col_warnings"),
            "flag_codes": t("col_flags"),
            "file_path": t("col_file"),
            "parser_version": t("col_parser"),
        },
    )
    downloads("reports", f"{key}_behind_dl", "selected_reports", data.params(filters_))
