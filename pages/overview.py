import pandas as pd
import streamlit as st

from metrics.dashboard import charts, data, state, widgets
from metrics.dashboard.state import t

state.ensure_app_frame()

LATE_MISSING_ANCHOR = "late-missing"

st.title(t("page_overview"))
f = widgets.require_filters()

summary = data.query("selection_summary").iloc[0]
by_year = data.query("headline_by_year").set_index("year")
# The coverage figures, map and list, each from its own query: the cells of every agency and year
# (a million at a whole country's scale) are made only for the download that holds them.
coverage_counts = data.query("coverage_counts").iloc[0]
missing_cells = int(coverage_counts["missing_cells"])

cols = st.columns(5)
cols[0].metric(t("h_reports"), widgets.count(summary["reports"]))
cols[1].metric(t("h_agencies"), widgets.count(summary["agencies"]))
cols[2].metric(t("h_years"), widgets.count(summary["years"]))
cols[3].metric(t("h_late"), widgets.count(summary["late_reports"]), help=t("late_rule"))
cols[4].metric(t("h_missing"), widgets.count(missing_cells), help=t("h_missing_help"))
st.markdown(f"[{t('late_missing_link')}](#{LATE_MISSING_ANCHOR})")

latest = int(by_year.index.max())
now = by_year.loc[latest]
before = by_year.loc[latest - 1] if latest - 1 in by_year.index else None
st.subheader(t("headline_year", year=latest))
st.caption(
    t("headline_delta", year=latest - 1) if before is not None else t("headline_no_previous", year=latest - 1)
)


def delta(column: str, as_rate: bool = False):
    if before is None or widgets.missing(now[column]) or widgets.missing(before[column]):
        return None
    change = now[column] - before[column]
    return t("pp", v=f"{change * 100:+.1f}") if as_rate else f"{change:+,.0f}"


def items() -> tuple[str, str]:
    if now["proactive_items_reports"] == 0:
        return t("not_reported"), t("unknown_items", year=latest)
    return widgets.count(now["proactive_items"]), t("h_items_help")


def rate_kpi(rate_id: str, base: str, giving: str, reason: str, formula: str) -> tuple[str, str]:
    value, why = widgets.rate_or_unknown(now[rate_id], now[base], now[giving], reason, latest)
    return value, t(formula) if why is None else f"{why}\n\n{t(formula)}"


# (label, value as shown, change, help, colour of the change)
headline = [
    (t("h_items"), *items(), delta("proactive_items"), "normal"),
    (t("h_requests"), widgets.count(now["requests_new"]), None, delta("requests_new"), "normal"),
    (
        t("h_grant_rate"),
        *rate_kpi(
            "grant_rate", "outcome_total", "outcome_total_reports", "unknown_outcome_total", "formula_grant"
        ),
        delta("grant_rate", True),
        "normal",
    ),
    (
        t("h_refusal_rate"),
        *rate_kpi(
            "refusal_rate",
            "outcome_total",
            "outcome_total_reports",
            "unknown_outcome_total",
            "formula_refusal",
        ),
        delta("refusal_rate", True),
        "inverse",
    ),
    (t("h_cases"), widgets.count(now["cases_total"]), None, delta("cases_total"), "off"),
    (
        t("h_correction_rate"),
        *rate_kpi(
            "correction_rate",
            "correction_base",
            "correction_reports",
            "unknown_correction",
            "formula_correction",
        ),
        delta("correction_rate", True),
        "off",
    ),
]
for col, (label, value, why, change, colour) in zip(st.columns(6), headline, strict=True):
    col.metric(label, value, change, delta_color=colour, help=why)
widgets.formulas("grant", "refusal", "correction")
widgets.small_base_note()
widgets.downloads(
    "overview-reports",
    "overview_reports",
    "selected_reports",
    shown=pd.DataFrame(
        [(label, value, change or "") for label, value, _, change, _ in headline],
        columns=[t("col_indicator"), t("col_value"), t("col_change")],
    ),
)

st.subheader(t("coverage_title"))
shown = data.query("coverage_map", max_agencies=charts.MAX_HEATMAP_ROWS)
if coverage_counts["agencies"] > charts.MAX_HEATMAP_ROWS:
    st.caption(t("coverage_truncated", shown=charts.MAX_HEATMAP_ROWS, total=int(coverage_counts["agencies"])))
states = {s: t(f"state_{s}") for s in charts.COVERAGE_STATES}
charts.show(charts.coverage_map(shown, states), "coverage_map")
st.caption(t("coverage_caption", dated=int(summary["dated_reports"]), reports=int(summary["reports"])))
coverage_params = data.params()
coverage_headers = {
    "agency": t("col_agency"),
    "year": t("year"),
    "state": t("col_state"),
    "published": t("published"),
    "deadline": t("deadline"),
    "days_late": t("col_days_late"),
}


def coverage_shown() -> pd.DataFrame:
    """Every coverage cell as the map shows it, made when a download asks for it."""
    coverage = data.run("coverage", coverage_params)
    return widgets.displayed(coverage.assign(state=coverage["state"].map(states)), coverage_headers)


widgets.downloads("overview-coverage", "overview_coverage", "coverage", coverage_params, shown=coverage_shown)

st.subheader(t("late_missing_title"), anchor=LATE_MISSING_ANCHOR)
by_year = data.query("late_missing_years")
# Years as text, "all" for every year: the URL holds the choice, so a shared link opens the same list.
years = [str(y) for y in by_year["year"]]
all_years = t("late_missing_all_years")  # the words of this run's language, however late they are asked for
year = widgets.coded_control(
    st.selectbox,
    t("year"),
    ["all", *years],
    "late_missing_year",
    "all",
    format_func=lambda y: all_years if y == "all" else y,
)
late_params = data.params(year=None if year == "all" else int(year))
cells = int(
    by_year["cells"].sum() if year == "all" else by_year.loc[by_year["year"] == int(year), "cells"].sum()
)


def late_missing_shown(rows: pd.DataFrame) -> pd.DataFrame:
    return widgets.displayed(
        rows.assign(
            state=rows["state"].map(states),
            link=widgets.report_links(rows["report_id"]),
        ),
        coverage_headers | {"link": t("col_report")},
    )


table = late_missing_shown(data.run("late_missing", late_params | {"max_rows": widgets.MAX_LIST_ROWS}))
if table.empty:
    st.success(t("late_missing_none"))
else:
    widgets.truncation_note(len(table), cells)
    st.dataframe(
        table,
        hide_index=True,
        key="late_missing_table",
        column_config={
            t("year"): st.column_config.NumberColumn(format="%d"),
            t("published"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            t("deadline"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            t("col_days_late"): st.column_config.NumberColumn(format="%d"),
            t("col_report"): st.column_config.LinkColumn(display_text=t("open_report")),
        },
    )
st.caption(t("late_missing_caption"))
every_late_missing = late_params | {"max_rows": None}
widgets.downloads(
    "late-and-missing",
    "late_missing",
    "late_missing",
    every_late_missing,
    shown=lambda: late_missing_shown(data.run("late_missing", every_late_missing)).drop(
        columns=[t("col_report")]
    ),
)
widgets.reports_behind("overview")
