import pandas as pd
import streamlit as st

from metrics import catalog, queries
from metrics.dashboard import charts, data, messages, sidebar, state, widgets
from metrics.dashboard.state import metric_label, t

state.ensure_app_frame()

TOP_AGENCIES = 15
CASE_METRICS = tuple(m for m, d in catalog.metrics().items() if d.section in ("review", "litigation"))
RESULTS = ("upheld", "corrected", "other", "pending")
# Each correction rate and its denominator: closed cases of the reports that print corrections.
CORRECTION_BASES = {
    "review_correction_rate": "review_correction_base",
    "litigation_correction_rate": "litigation_correction_base",
    "correction_rate": "correction_base",
}

st.title(t("page_review"))
widgets.require_filters()

by_year = data.query("cases_by_year")
by_year = by_year[by_year["reports"] > 0]
if by_year.empty:
    messages.nothing_to_show(t("page_review"))
    st.stop()

st.subheader(t("review_over_time"))
panels = []
for kind in ("review", "litigation"):
    results = by_year.melt(
        id_vars="year", value_vars=[f"{kind}_{r}" for r in RESULTS], var_name="result", value_name="value"
    )
    results = results.assign(result=results["result"].map(lambda c: t(f"result_{c.rsplit('_', 1)[-1]}")))
    panels.append((t(f"cases_{kind}"), results))
# Review and lawsuits side by side in one figure: one chart for the browser to draw, one legend.
charts.show(
    charts.bar_panels(panels, "year", "value", "result", t("unit_axis_cases"), stacked=True),
    "review_results_chart",
)
st.caption(t("review_results_caption"))
if charts.spans_format_change(by_year["year"]):
    widgets.format_change_note(data.query("headline_by_year"))
widgets.downloads(
    "review-litigation-figures",
    "review_figures",
    "facts_behind",
    data.params(metrics=list(CASE_METRICS), columns=["total"]),
    shown=widgets.displayed(
        pd.concat([rows.assign(kind=title) for title, rows in panels]),
        {"kind": t("col_section"), "year": t("year"), "result": t("col_indicator"), "value": t("col_value")},
    ),
)

st.subheader(t("review_correction_rates"))
rates = by_year.melt(
    id_vars=["year", *CORRECTION_BASES.values()],
    value_vars=list(CORRECTION_BASES),
    var_name="rate_id",
    value_name="rate",
).dropna(subset=["rate"])
rates = rates.assign(
    base=[getattr(r, CORRECTION_BASES[r.rate_id]) for r in rates.itertuples()],
    rate_name=rates["rate_id"].map(lambda r: t(f"rate_{r}")),
)
if rates.empty:
    messages.nothing_to_show(t("review_correction_rates"))
else:
    charts.show(
        charts.lines(
            rates.assign(basis=widgets.basis(rates["base"])),
            "rate",
            "rate_name",
            t("rate_axis"),
            percent=True,
            symbol="basis",
        ),
        "review_rates_chart",
    )
widgets.unknown_years_note(by_year, CORRECTION_BASES)
widgets.formulas("correction")
widgets.small_base_note()
widgets.downloads(
    "review-rates",
    "review_rates",
    "selected_reports",
    shown=widgets.displayed(
        rates,
        {"rate_name": t("col_indicator"), "year": t("year"), "rate": t("rate_axis"), "base": t("col_base")},
        rates=("rate",),
    ),
)

st.subheader(t("review_by_agency"))
include_small = st.checkbox(t("include_small", n=queries.MIN_BASE), key="review_small", bind=sidebar.BIND)
agencies = data.query("cases_by_agency", top_n=TOP_AGENCIES)
results = agencies.melt(
    id_vars="agency",
    value_vars=["review_total", "litigation_total"],
    var_name="metric_id",
    value_name="value",
)
results = results.assign(kind=results["metric_id"].map(metric_label))
charts.show(
    charts.bars(results, "agency", "value", "kind", t("unit_axis_cases"), stacked=True),
    "review_agencies_chart",
)
table = agencies.copy()
for rate_id, base in (
    ("review_correction_rate", "review_closed"),
    ("litigation_correction_rate", "litigation_closed"),
    ("correction_rate", "cases_closed"),
):
    if not include_small:
        table.loc[table[base].fillna(0) < queries.MIN_BASE, rate_id] = None
table["rank"] = table["correction_rate"].rank(ascending=False, method="min")
st.dataframe(
    table,
    hide_index=True,
    key="review_agencies_table",
    placeholder=widgets.EMPTY,
    column_config={
        "agency": t("col_agency"),
        "agency_type": t("f_agency_type"),
        "reports": t("h_reports"),
        "review_total": metric_label("review_total"),
        "litigation_total": metric_label("litigation_total"),
        "cases_total": t("h_cases"),
        "cases_closed": t("col_cases_closed"),
        "rank": st.column_config.NumberColumn(t("col_rank"), format="%d"),
        **{
            c: st.column_config.NumberColumn(t(f"rate_{c}"), format="percent")
            for c in table.columns
            if c.endswith("correction_rate")
        },
    },
)
st.caption(
    t("top_agencies_note", n=TOP_AGENCIES)
    + " "
    + (t("ranking_small_note", n=queries.MIN_BASE) if not include_small else t("ranking_small_included"))
)
widgets.downloads(
    "review-agencies",
    "review_agencies",
    "facts_behind",
    data.params(metrics=list(CASE_METRICS), columns=["total"]),
    shown=widgets.displayed(
        table,
        {
            "agency": t("col_agency"),
            "agency_type": t("f_agency_type"),
            "reports": t("h_reports"),
            "review_total": metric_label("review_total"),
            "litigation_total": metric_label("litigation_total"),
            "cases_total": t("h_cases"),
            "cases_closed": t("col_cases_closed"),
            "review_correction_rate": t("rate_review_correction_rate"),
            "litigation_correction_rate": t("rate_litigation_correction_rate"),
            "correction_rate": t("rate_correction_rate"),
            "rank": t("col_rank"),
        },
        rates=("review_correction_rate", "litigation_correction_rate", "correction_rate"),
    ),
)
widgets.reports_behind("review")
