"""Pieces every page repeats: number formats, rate notes, downloads, the reports behind a figure."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote_plus, urlencode

import pandas as pd
import streamlit as st

from metrics import exports, ui_text
from metrics.dashboard import data, findings, messages, registry, sidebar
from metrics.dashboard.state import filters, lang, t
from metrics.queries import MIN_BASE, Filters
from metrics.ui_text import code_label

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a table shows in a cell no report fills (Streamlit would write "None").
EMPTY = "—"
# A list longer than this shows its first rows and says how many there are; its download has them all
# (a whole country's late and missing reports are a quarter of a million rows).
MAX_LIST_ROWS = 1000


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


def rate_or_unknown(v, base, reports_giving, reason_key: str, year: int) -> tuple[str, str | None]:
    """A rate as shown and why it is not a number: 未报告 where no report gives its parts (unknown
    is not zero), — where its denominator is 0."""
    if reports_giving == 0:
        return t("not_reported"), t(reason_key, year=year)
    if missing(v):
        return "—", t("rate_no_base", year=year)
    return rate(v, base), None


def year_spans(years) -> str:
    """Years as runs: 2010–2013、2015 (2010–2013, 2015 in English)."""
    years = sorted(int(y) for y in years)
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    sep = "、" if lang() == "zh" else ", "
    return sep.join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def unknown_years_note(frame: pd.DataFrame, rate_ids) -> None:
    """Say which years a charted rate is not reported in, instead of leaving a silent gap."""
    for rate_id in rate_ids:
        known = frame.groupby("year")[rate_id].count()
        unknown = known[known == 0].index
        if len(unknown):
            st.caption(t("rate_unknown_years", rate=t(f"rate_{rate_id}"), years=year_spans(unknown)))


def format_change_note(reports_by_year: pd.DataFrame) -> None:
    """What changed in 2019, in plain words, and how many reports each year stands on."""
    counts = "、" if lang() == "zh" else ", "
    per_year = counts.join(
        t("reports_in_year", year=int(r.year), n=int(r.reports)) for r in reports_by_year.itertuples()
    )
    st.info(t("format_change_note") + " " + t("reports_per_year", counts=per_year), icon=":material/info:")


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


def displayed(df: pd.DataFrame, headers: dict[str, str], rates: tuple[str, ...] = ()) -> pd.DataFrame:
    """A table as the page shows it, for download: these columns in this order, headed in the
    interface language; rates as percentages with one decimal, as on screen."""
    out = df[list(headers)].copy()
    for column in out.columns:
        if _dates_only(out[column]):  # a DATE reads back from DuckDB as a timestamp at midnight
            out[column] = out[column].dt.date
    for column in rates:
        out[column] = (out[column].astype(float) * 100).round(1)
    names = {c: t("col_percent", name=h) if c in rates else h for c, h in headers.items()}
    return out.rename(columns=names).reset_index(drop=True)


def _dates_only(values: pd.Series) -> bool:
    if not pd.api.types.is_datetime64_any_dtype(values):
        return False
    known = values.dropna()
    return bool((known == known.dt.normalize()).all())


# The OCR marks of reports and figures, headed in the interface language wherever rows are downloaded,
# so whoever opens the file sees which figures to check against the scan.
OCR_HEADERS = {
    "ocr": "col_ocr",
    "ocr_page": "col_ocr_page",
    "ocr_confidence": "col_ocr_confidence",
    "ocr_pages": "col_ocr_pages",
}


def truncation_note(shown: int, total: int) -> None:
    """Under a list that shows its first rows (MAX_LIST_ROWS): how many it holds, where it holds more."""
    if total > shown:
        st.caption(t("list_truncated", shown=shown, total=total))


def with_ocr_headers(df: pd.DataFrame) -> pd.DataFrame:
    return df.rename(columns={c: t(key) for c, key in OCR_HEADERS.items() if c in df.columns})


def downloads(
    stem: str,
    key: str,
    query: str | None = None,
    query_params: dict | None = None,
    frame: pd.DataFrame | None = None,
    shown: pd.DataFrame | Callable[[], pd.DataFrame] | None = None,
) -> None:
    """Download buttons for a chart or table.

    `shown` is what the page shows (see `displayed`): the CSV button gives it, and the Excel file
    holds it with the rows behind it (a named query's result, or `frame`) as a second sheet, which
    the third button gives as CSV. Without `shown`, the rows behind are the download. The files are
    built only when a button is pressed (a callable), so large selections cost nothing until asked.
    `shown` may be a callable too, where the page shows part of what its table would hold (a map of
    the first agencies of a million cells), so that table is made only when asked for.
    """
    # Parameters are fixed now: the callable runs later, on another thread, outside this script run.
    query_params = query_params or (data.params() if frame is None and query else {})
    has_detail = frame is not None or query is not None

    def rows() -> pd.DataFrame:
        return with_ocr_headers(frame if frame is not None else data.run(query, query_params))

    def sheets() -> dict[str, pd.DataFrame]:
        if shown is None:
            return {stem: rows()}
        return {t("sheet_shown"): shown_rows()} | ({t("sheet_detail"): rows()} if has_detail else {})

    def shown_rows() -> pd.DataFrame:
        return shown() if callable(shown) else shown

    def main() -> pd.DataFrame:
        return shown_rows() if shown is not None else rows()

    buttons = st.columns([1, 1, 1, 3] if shown is not None and has_detail else [1, 1, 4])
    buttons[0].download_button(
        t("download_csv"),
        data=lambda: exports.to_csv_bytes(main()),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    buttons[1].download_button(
        t("download_xlsx"),
        data=lambda: exports.to_xlsx_sheets_bytes(sheets()),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )
    if shown is not None and has_detail:
        buttons[2].download_button(
            t("download_detail_csv"),
            data=lambda: exports.to_csv_bytes(rows()),
            file_name=f"{stem}-{t('sheet_detail')}.csv",
            mime="text/csv",
            key=f"{key}_detail_csv",
            on_click="ignore",
            icon=":material/download:",
        )


def per_value(series: pd.Series, say: Callable, missing=None) -> pd.Series:
    """series.map(say), with say called once per distinct value (at a million reports a column of
    tens of thousands of rows holds a few codes, and saying each row's took seconds); a missing value
    stays missing, or becomes `missing` where one is given."""
    said = series.map({v: say(v) for v in series.dropna().unique()})
    return said if missing is None else said.fillna(missing)


def file_name(path: str) -> str:
    """A source file as the interface shows it: its name, never the folder it has on the server."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def report_links(report_ids: pd.Series) -> pd.Series:
    """Links to these reports' pages (none where no report is given), keeping the sidebar's filters
    and the language."""
    return report_linker()(report_ids)


def report_linker() -> Callable[[pd.Series], pd.Series]:
    """report_links with the URL's filters read now, once for all rows (read per row, they took a
    third of the Data quality page's time at a million reports), for a download made later, outside
    this script run, where the URL cannot be read."""
    kept = {k: st.query_params.get_all(k) for k in sidebar.URL_KEYS if k in st.query_params}
    path, query = registry.REPORT_PAGE.url_path, urlencode(kept, doseq=True)
    start = f"{path}?{query}&" if query else f"{path}?"
    # Joined as columns: urlencode called per row took most of the Roll-up page's time at a million
    # reports; the id alone is quoted per row (a hex digest, which quoting leaves as it is).
    return lambda report_ids: start + "report=" + report_ids.map(quote_plus, na_action="ignore")


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


# The columns of the "reports behind" table, as shown after its link column.
_BEHIND_COLUMNS = [
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


def checks_in_words(codes, language: str) -> str:
    """A report's findings ('identity:std_balance; date:published_in_year') as the names of their checks."""
    if not isinstance(codes, str) or not codes:
        return ""
    return "；".join(findings.check_name(code, language) for code in codes.split("; "))


def in_words(df: pd.DataFrame, language: str) -> pd.DataFrame:
    """Report rows with every stored code the page shows said in words: level, format, status, the
    findings, late as yes/no, and a file by its name (never its server folder). The language is given,
    not read from the session: a download makes its rows later, outside the script run."""
    words = {
        "level": lambda c: code_label(language, "level", c),
        "format": lambda c: code_label(language, "format", c),
        "status": lambda c: ui_text.text(language, f"ingest_{c}"),
        "file_path": file_name,
    }
    said = {c: per_value(df[c], f) for c, f in words.items() if c in df.columns}
    if "flag_codes" in df.columns:
        said["flag_codes"] = per_value(df["flag_codes"], lambda c: checks_in_words(c, language), missing="")
    if "late" in df.columns:
        yes, no = ui_text.text(language, "yes"), ui_text.text(language, "no")
        said["late"] = per_value(df["late"], lambda v: yes if v else no, missing=EMPTY)  # EMPTY: not known
    return df.assign(**said)


def reports_behind(key: str, filters_: Filters | None = None) -> None:
    """On request, the reports a page's figures are built from, each linked to Report detail."""
    if not st.toggle(t("show_reports_behind"), key=f"{key}_behind", bind=sidebar.BIND):
        return
    df = data.query("selected_reports", filters_)[["report_id", *_BEHIND_COLUMNS]]
    language = lang()
    listed = df.head(MAX_LIST_ROWS)
    columns = {
        "agency": t("col_agency"),
        "year": t("year"),
        "format": t("col_format"),
        "status": t("col_status"),
        "published": t("published"),
        "late": t("col_late"),
        "warnings": t("col_warnings"),
        "flag_codes": t("col_flags"),
        "file_path": t("col_file"),
        "parser_version": t("col_parser"),
    }
    st.dataframe(
        in_words(listed, language).assign(link=report_links(listed["report_id"])),
        hide_index=True,
        key=f"{key}_behind_table",
        placeholder=EMPTY,
        column_order=["link", *_BEHIND_COLUMNS],
        column_config=columns
        | {
            "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
        },
    )
    truncation_note(len(listed), len(df))
    downloads(
        "reports",
        f"{key}_behind_dl",
        "selected_reports",
        data.params(filters_),
        shown=lambda: displayed(in_words(df, language), columns),
    )


def uploader_in_language(instructions: str) -> None:
    """Put the interface language's words on Streamlit's file uploader, which prints its own English
    ("Upload", "40MB per file") and takes no text for them: the printed words are hidden and ours shown
    in their place. The texts are ui_text's, never a user's, so they may stand in the style sheet."""
    button = t("upload_choose").replace('"', "")
    instructions = instructions.replace('"', "")
    st.html(
        "<style>"
        "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p{font-size:0}"
        "[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p::after"
        f'{{content:"{button}";font-size:1rem}}'
        "[data-testid=stFileUploaderDropzoneInstructions] span{font-size:0}"
        f'[data-testid=stFileUploaderDropzoneInstructions] span::after{{content:"{instructions}";font-size:.875rem}}'
        "</style>"
    )
