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
        reason=[
            reasons.in_words(s, r, lang())
            for s, r in zip(problems["status"], problems["reason"], strict=True)
        ],
        status=problems["status"].map(lambda s: t(f"ingest_{s}")),
        format=problems["format"].map(
            lambda c: ui_text.code_label(lang(), "format", c) if isinstance(c, str) else c
        ),
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
        current_by=several["current_by"].map(lambda c: t(f"current_by_{c}")),
        is_current=several["is_current"].map(lambda c: t("yes") if c else t("no")),
        format=several["format"].map(lambda c: ui_text.code_label(lang(), "format", c)),
        file_path=several["file_path"].map(widgets.file_name),
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
flags = data.query("flags_detail")
if flags.empty:
    st.success(t("quality_no_flags"))
    widgets.downloads("flags", "quality_flags", "flags_detail")
else:
    figures = findings.figures_by_report(data.query("flag_figures"))
    flags = findings.with_sentences(flags, figures, lang()).assign(
        status_label=lambda f: f["status"].map(lambda s: t(f"flag_status_{s}")),
        link=lambda f: widgets.report_links(f["report_id"]),
        check=lambda f: f["code"].map(lambda c: findings.check_name(c, lang())),
        severity_label=lambda f: f["severity"].map(lambda s: t(f"severity_{s}")),
        file_name=lambda f: f["file_path"].map(widgets.file_name),
    )
    summary = flags.groupby("code", as_index=False).agg(
        reports=("report_id", "nunique"), flags=("message", "size")
    )
    summary = summary.assign(check=summary["code"].map(lambda c: findings.check_name(c, lang()))).sort_values(
        "flags", ascending=False
    )
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
        frame=flags,
        shown=widgets.displayed(summary, summary_columns),
    )
    flag_columns = {
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
    st.dataframe(
        flags,
        hide_index=True,
        key="quality_flags_table",
        column_order=["link", *flag_columns],
        placeholder=widgets.EMPTY,
        column_config={
            "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
        }
        | {c: h for c, h in flag_columns.items() if c != "year"},
    )
    st.caption(t("quality_flags_caption"))
    widgets.downloads("flags", "quality_flags", frame=flags, shown=widgets.displayed(flags, flag_columns))
    flag_status.editor(flags)

    st.markdown(f"**{t('flag_agency_export')}**")
    agency = st.selectbox(t("flag_agency_pick"), sorted(flags["agency"].unique()), key="flag_agency")
    own = flags[flags["agency"] == agency]
    widgets.downloads(
        f"findings-{agency}"[:60],
        "flag_agency_dl",
        frame=own,
        shown=widgets.displayed(own, flag_columns),
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
    st.dataframe(
        missing,
        hide_index=True,
        key="quality_missing_table",
        placeholder=widgets.EMPTY,
        column_config=missing_columns
        | {
            c: st.column_config.NumberColumn(missing_columns[c], format="%d")
            for c in ("first_year", "last_year")
        },
    )
    st.caption(t("quality_missing_caption"))
# The list shown, with the agencies × years behind it as the detail.
widgets.downloads(
    "missing-years", "quality_missing", "coverage", shown=widgets.displayed(missing, missing_columns)
)
