import pandas as pd
import streamlit as st

from metrics import catalog
from metrics.dashboard import charts, data, messages, state, widgets
from metrics.dashboard.state import lang, metric_label, t
from metrics.templates.standard import REQUESTER_COLUMNS

state.ensure_app_frame()

DENIED = tuple(m for m in catalog.metrics() if m.startswith("denied_"))
UNABLE = tuple(m for m in catalog.metrics() if m.startswith("unable_"))
NOT_PROCESSED = tuple(m for m in catalog.metrics() if m.startswith("np_"))
REQUESTERS = tuple(c for c, _, _ in REQUESTER_COLUMNS if c != "total")

st.title(t("page_requests"))
widgets.require_filters()

st.subheader(t("requests_outcomes"))
outcomes = data.query("outcomes_by_year")
if outcomes.empty:
    messages.nothing_to_show(t("requests_outcomes"))
else:
    outcomes = outcomes.assign(outcome=outcomes["metric_id"].map(metric_label))
    charts.show(
        charts.bars(outcomes, "year", "value", "outcome", t("unit_axis_requests"), stacked=True),
        "requests_outcomes_chart",
    )
    st.caption(t("requests_outcomes_caption"))
widgets.downloads(
    "requests-outcomes",
    "requests_outcomes",
    "outcome_rows",
    shown=widgets.displayed(
        outcomes if not outcomes.empty else outcomes.assign(outcome=None),
        {"year": t("year"), "outcome": t("col_indicator"), "value": t("col_value")},
    ),
)


REASONS = (
    ("requests_denied", DENIED),
    ("requests_unable", UNABLE),
    ("requests_not_processed", NOT_PROCESSED),
)

# The three kinds of reasons in one figure (one chart for the browser to draw), a panel each.
st.subheader(t("requests_reasons"))
# One query for all three kinds of reasons, split here (the downloads keep one file per kind).
all_sums = data.query("metric_sums_by_year", metrics=[m for _, ms in REASONS for m in ms], columns=["total"])
panels, empty = [], []
for key, metrics in REASONS:
    sums = all_sums[all_sums["metric_id"].isin(metrics)]
    if sums.empty:
        empty.append(key)
        continue
    totals = sums.groupby("metric_id", as_index=False)[["value", "reports"]].sum()
    totals = totals.assign(reason=totals["metric_id"].map(metric_label)).sort_values("value", ascending=False)
    panels.append((t(key), totals))
for key in empty:
    messages.nothing_to_show(t(key))
if panels:
    charts.show(
        charts.hbar_panels(panels, "reason", "value", t("unit_axis_requests")), "requests_reasons_chart"
    )
    st.caption(t("reasons_caption", first=int(all_sums["year"].min()), last=int(all_sums["year"].max())))
shown_reasons = dict(panels)
for key, metrics in REASONS:
    st.caption(t(key))
    reasons = shown_reasons.get(t(key), pd.DataFrame(columns=["reason", "value"]))
    widgets.downloads(
        f"{key}-rows",
        key,
        "facts_behind",
        data.params(metrics=list(metrics), columns=["total"]),
        shown=widgets.displayed(reasons, {"reason": t(key), "value": t("col_value")}),
    )

st.subheader(t("requests_requesters"))
by_requester = data.query("metric_sums_by_year", metrics=["requests_new"], columns=list(REQUESTERS))
if by_requester.empty:
    messages.nothing_to_show(t("requests_requesters"))
else:
    names = {c: (zh if lang() == "zh" else en) for c, zh, en in REQUESTER_COLUMNS}
    by_requester = by_requester.assign(requester=by_requester["requester_column"].map(names))
    charts.show(
        charts.bars(by_requester, "year", "value", "requester", t("unit_axis_requests"), stacked=True),
        "requests_requesters_chart",
    )
    st.caption(t("requesters_caption"))
widgets.downloads(
    "requests-requesters",
    "requests_requesters",
    "facts_behind",
    data.params(metrics=["requests_new"], columns=list(REQUESTERS)),
    shown=widgets.displayed(
        by_requester if not by_requester.empty else by_requester.assign(requester=None),
        {"year": t("year"), "requester": t("col_requester"), "value": t("col_value")},
    ),
)
widgets.reports_behind("requests")
