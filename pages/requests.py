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
    charts.show(charts.bars(outcomes, "year", "value", "outcome", t("unit_axis_requests"), stacked=True),
                "requests_outcomes_chart")
    st.caption(t("requests_outcomes_caption"))
widgets.downloads("requests-outcomes", "requests_outcomes", "outcome_rows")


def reasons(title_key: str, metrics: tuple[str, ...], key: str) -> None:
    st.subheader(t(title_key))
    sums = data.query("metric_sums_by_year", metrics=list(metrics), columns=["total"])
    if sums.empty:
        messages.nothing_to_show(t(title_key))
    else:
        totals = sums.groupby("metric_id", as_index=False)[["value", "reports"]].sum()
        totals = totals.assign(reason=totals["metric_id"].map(metric_label)).sort_values("value", ascending=False)
        charts.show(charts.bars(totals, "reason", "value", None, t("unit_axis_requests"), horizontal=True),
                    f"{key}_chart")
        st.caption(t("reasons_caption", first=int(sums["year"].min()), last=int(sums["year"].max())))
    widgets.downloads(f"{key}-rows", key, "facts_behind", data.params(metrics=list(metrics), columns=["total"]))


reasons("requests_denied", DENIED, "requests_denied")
left, right = st.columns(2)
with left:
    reasons("requests_unable", UNABLE, "requests_unable")
with right:
    reasons("requests_not_processed", NOT_PROCESSED, "requests_not_processed")

st.subheader(t("requests_requesters"))
by_requester = data.query("metric_sums_by_year", metrics=["requests_new"], columns=list(REQUESTERS))
if by_requester.empty:
    messages.nothing_to_show(t("requests_requesters"))
else:
    names = {c: (zh if lang() == "zh" else en) for c, zh, en in REQUESTER_COLUMNS}
    by_requester = by_requester.assign(requester=by_requester["requester_column"].map(names))
    charts.show(charts.bars(by_requester, "year", "value", "requester", t("unit_axis_requests"), stacked=True),
                "requests_requesters_chart")
    st.caption(t("requesters_caption"))
widgets.downloads("requests-requesters", "requests_requesters", "facts_behind",
                  data.params(metrics=["requests_new"], columns=list(REQUESTERS)))
widgets.reports_behind("requests")
