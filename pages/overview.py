import streamlit as st

from metrics.dashboard import charts, data, state, widgets
from metrics.dashboard.state import t

state.ensure_app_frame()

st.title(t("page_overview"))
f = widgets.require_filters()

summary = data.query("selection_summary").iloc[0]
by_year = data.query("headline_by_year").set_index("year")

cols = st.columns(4)
cols[0].metric(t("h_reports"), widgets.count(summary["reports"]))
cols[1].metric(t("h_agencies"), widgets.count(summary["agencies"]))
cols[2].metric(t("h_years"), widgets.count(summary["years"]))
cols[3].metric(t("h_late"), widgets.count(summary["late_reports"]), help=t("late_rule"))

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


cols = st.columns(6)
cols[0].metric(
    t("h_items"), widgets.count(now["proactive_items"]), delta("proactive_items"), help=t("h_items_help")
)
cols[1].metric(t("h_requests"), widgets.count(now["requests_new"]), delta("requests_new"))
cols[2].metric(
    t("h_grant_rate"),
    widgets.rate(now["grant_rate"], now["outcome_total"]),
    delta("grant_rate", True),
    help=t("formula_grant"),
)
cols[3].metric(
    t("h_refusal_rate"),
    widgets.rate(now["refusal_rate"], now["outcome_total"]),
    delta("refusal_rate", True),
    delta_color="inverse",
    help=t("formula_refusal"),
)
cols[4].metric(t("h_cases"), widgets.count(now["cases_total"]), delta("cases_total"), delta_color="off")
cols[5].metric(
    t("h_correction_rate"),
    widgets.rate(now["correction_rate"], now["cases_closed"]),
    delta("correction_rate", True),
    delta_color="off",
    help=t("formula_correction"),
)
widgets.formulas("grant", "refusal", "correction")
widgets.small_base_note()
widgets.downloads("overview-reports", "overview_reports", "selected_reports")

st.subheader(t("coverage_title"))
coverage = data.query("coverage")
agencies = coverage["agency"].unique()
shown = coverage[coverage["agency"].isin(agencies[: charts.MAX_HEATMAP_ROWS])]
if len(agencies) > charts.MAX_HEATMAP_ROWS:
    st.caption(t("coverage_truncated", shown=charts.MAX_HEATMAP_ROWS, total=len(agencies)))
states = {s: t(f"state_{s}") for s in charts.COVERAGE_STATES}
charts.show(charts.coverage_map(shown, states), "coverage_map")
st.caption(t("coverage_caption", dated=int(summary["dated_reports"]), reports=int(summary["reports"])))
widgets.downloads("overview-coverage", "overview_coverage", "coverage")
widgets.reports_behind("overview")
