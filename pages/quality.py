from collections.abc import Callable

import pandas as pd
import streamlit as st

from metrics import ui_text
from metrics.dashboard import data, findings, flag_status, messages, reasons, state, versions, widgets
from metrics.dashboard.state import filters, lang, metric_label, t

state.ensure_app_frame()

st.title(t("page_quality"))
if not data.has_database():
    messages.no_database()
    st.stop()

INGEST_COLUMNS = {
    "file_path": t("col_file"),
    "status": t("col_status"),
    "reason": t("col_reason"),
    "format": t("col_format"),
    "attempted_at": t("col_attempted"),
}


def reasons_in_words(problems: pd.DataFrame) -> list[str]:
    """Each failed file's reason in words, said once per distinct status and reason (thousands of
    files fail for a few reasons)."""
    pairs = list(zip(problems["status"], problems["reason"], strict=True))
    said = {pair: reasons.in_words(*pair, lang()) for pair in set(pairs)}
    return [said[pair] for pair in pairs]


# The ingest log does not depend on the filters: a file that failed has no agency or year to filter on.
st.subheader(t("quality_ingest"))
problems = data.run("ingest_problems", {})
if problems.empty:
    st.success(t("quality_no_ingest_problems"))
else:
    # Shown in words, by file name (a server's folders mean nothing to the reader); the download's
    # detail keeps the recorded path, status and reason.
    shown_problems = problems.assign(
        file_path=problems["file_path"].map(widgets.file_name),
        reason=reasons_in_words(problems),
        status=widgets.per_value(problems["status"], lambda s: t(f"ingest_{s}")),
        format=widgets.per_value(problems["format"], lambda c: ui_text.code_label(lang(), "format", c)),
    )
    st.dataframe(
        shown_problems,
        hide_index=True,
        key="quality_ingest_table",
        placeholder=widgets.EMPTY,
        column_order=["file_path", "status", "reason", "format", "attempted_at"],
        column_config=INGEST_COLUMNS,
    )
    st.caption(t("quality_ingest_caption"))
    widgets.downloads(
        "ingest-problems",
        "quality_ingest",
        frame=problems,
        shown=widgets.displayed(shown_problems, INGEST_COLUMNS),
    )

# Versions do not depend on the filters either: the choice is about what the filters then count.
st.subheader(t("quality_versions"))
several = data.run("agency_year_versions", {})
if several.empty:
    st.success(t("quality_no_versions"))
else:
    version_columns = {
        "agency": t("col_agency"),
        "year": t("year"),
        "is_current": t("col_current"),
        "current_by": t("col_current_by"),
        "published": t("published"),
        "ingested_at": t("col_ingested"),
        "requests_new": t("h_requests"),
        "outcome_total": metric_label("outcome_total"),
        "warnings": t("col_warnings"),
        "format": t("col_format"),
        "file_path": t("col_file"),
    }
    shown_versions = several.assign(
        link=widgets.report_links(several["report_id"]),
        current_by=widgets.per_value(several["current_by"], lambda c: t(f"current_by_{c}")),
        is_current=widgets.per_value(several["is_current"], lambda c: t("yes") if c else t("no")),
        format=widgets.per_value(several["format"], lambda c: ui_text.code_label(lang(), "format", c)),
        file_path=widgets.per_value(several["file_path"], widgets.file_name),
    )
    st.dataframe(
        shown_versions,
        hide_index=True,
        key="quality_versions_table",
        placeholder=widgets.EMPTY,
        column_order=[*version_columns, "link"],
        column_config={c: h for c, h in version_columns.items() if c != "year"}
        | {
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
            "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
        },
    )
    st.caption(t("quality_versions_caption"))
    widgets.downloads(
        "report-versions",
        "quality_versions",
        frame=several,
        shown=widgets.displayed(shown_versions, version_columns),
    )
    versions.chooser(several)

unplaced = data.run("unplaced_reports", {})
if not unplaced.empty:
    st.subheader(t("quality_unplaced"))
    unplaced_columns = {
        "title": t("col_title"),
        "agency": t("col_agency"),
        "year": t("year"),
        "format": t("col_format"),
        "file_path": t("col_file"),
    }
    shown_unplaced = unplaced.assign(
        link=widgets.report_links(unplaced["report_id"]),
        format=unplaced["format"].map(lambda c: ui_text.code_label(lang(), "format", c)),
        file_path=unplaced["file_path"].map(widgets.file_name),
    )
    st.dataframe(
        shown_unplaced,
        hide_index=True,
        key="quality_unplaced_table",
        placeholder=widgets.EMPTY,
        column_order=[*unplaced_columns, "link"],
        column_config=unplaced_columns
        | {"link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report"))},
    )
    widgets.downloads(
        "unplaced-reports",
        "quality_unplaced",
        frame=unplaced,
        shown=widgets.displayed(shown_unplaced, unplaced_columns),
    )

if filters() is None:
    st.stop()
widgets.require_filters()

st.subheader(t("quality_flags"))
FLAG_COLUMNS = {
    "agency": t("col_agency"),
    "year": t("year"),
    "sentence": t("col_sentence"),
    "status_label": t("col_flag_status"),
    "note": t("col_flag_note"),
    "check": t("col_check"),
    "severity_label": t("col_severity"),
    "evidence": t("col_evidence"),
    "file_name": t("col_file"),
}


def words_for_findings(language: str) -> Callable[[pd.DataFrame, dict], pd.DataFrame]:
    """The findings as the table shows them: each one's sentence, its check, status and link. The
    language and the URL are read now: a download makes its rows later, outside this script run."""
    links = widgets.report_linker()

    def in_words(flags: pd.DataFrame, figure_rows: pd.DataFrame) -> pd.DataFrame:
        # The figures of these findings' reports only: the listed ones are a few of tens of thousands.
        figures = findings.figures_by_report(figure_rows[figure_rows["report_id"].isin(flags["report_id"])])
        return findings.with_sentences(flags, figures, language).assign(
            status_label=lambda f: widgets.per_value(
                f["status"], lambda s: ui_text.text(language, f"flag_status_{s}")
            ),
            link=lambda f: links(f["report_id"]),
            check=lambda f: widgets.per_value(f["code"], lambda c: findings.check_name(c, language)),
            severity_label=lambda f: widgets.per_value(
                f["severity"], lambda s: ui_text.text(language, f"severity_{s}")
            ),
            file_name=lambda f: widgets.per_value(f["file_path"], widgets.file_name),
        )

    return in_words


in_words = words_for_findings(lang())
counts = data.query("flag_counts")
# The downloads hold every finding; the page lists the first (a whole country's reports have tens of
# thousands, which took seconds to fetch and put into words at every run).
every_finding = data.params(limit=None)
if counts.empty:
    st.success(t("quality_no_flags"))
    widgets.downloads("flags", "quality_flags", "flags_detail", query_params=every_finding)
else:
    figure_rows = data.query("flag_figures")
    summary = counts.assign(check=widgets.per_value(counts["code"], lambda c: findings.check_name(c, lang())))
    summary_columns = {"check": t("col_check"), "reports": t("h_reports"), "flags": t("col_flag_count")}
    st.dataframe(
        summary,
        hide_index=True,
        key="quality_flag_summary",
        placeholder=widgets.EMPTY,
        column_order=list(summary_columns),
        column_config=summary_columns,
    )
    widgets.downloads(
        "flag-summary",
        "quality_flag_summary_dl",
        "flags_detail",
        query_params=every_finding,
        shown=widgets.displayed(summary, summary_columns),
    )
    listed = in_words(data.query("flags_detail", limit=widgets.MAX_LIST_ROWS), figure_rows)
    st.dataframe(
        listed,
        hide_index=True,
        key="quality_flags_table",
        column_order=["link", *FLAG_COLUMNS],
        placeholder=widgets.EMPTY,
        column_config={
            "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
        }
        | {c: h for c, h in FLAG_COLUMNS.items() if c != "year"},
    )
    widgets.truncation_note(len(listed), int(counts["flags"].sum()))
    st.caption(t("quality_flags_caption"))
    widgets.downloads(
        "flags",
        "quality_flags",
        "flags_detail",
        query_params=every_finding,
        shown=lambda: widgets.displayed(
            in_words(data.run("flags_detail", every_finding), figure_rows), FLAG_COLUMNS
        ),
    )
    flag_status.editor(listed)

    st.markdown(f"**{t('flag_agency_export')}**")
    agency = st.selectbox(t("flag_agency_pick"), data.query("flag_agencies")["agency"], key="flag_agency")
    # The agency's findings among the filtered reports: the filters with the agency list narrowed to it.
    own = data.params(agencies=[agency], limit=None)
    widgets.downloads(
        f"findings-{agency}"[:60],
        "flag_agency_dl",
        "flags_detail",
        query_params=own,
        shown=lambda: widgets.displayed(in_words(data.run("flags_detail", own), figure_rows), FLAG_COLUMNS),
    )

st.subheader(t("quality_missing"))
missing = data.query("missing_years")
missing_columns = {
    "agency": t("col_agency"),
    "first_year": t("col_first_year"),
    "last_year": t("col_last_year"),
    "years_present": t("col_years_present"),
    "gaps": t("col_gaps"),
    "outside_span": t("col_outside_span"),
}
if missing.empty:
    st.success(t("quality_no_missing"))
else:
    listed_missing = missing.head(widgets.MAX_LIST_ROWS)
    st.dataframe(
        listed_missing,
        hide_index=True,
        key="quality_missing_table",
        placeholder=widgets.EMPTY,
        column_config=missing_columns
        | {
            c: st.column_config.NumberColumn(missing_columns[c], format="%d")
            for c in ("first_year", "last_year")
        },
    )
    widgets.truncation_note(len(listed_missing), len(missing))
    st.caption(t("quality_missing_caption"))
# The list shown, with the agencies × years behind it as the detail.
widgets.downloads(
    "missing-years", "quality_missing", "coverage", shown=widgets.displayed(missing, missing_columns)
)
