import dataclasses

import pandas as pd
import streamlit as st

from metrics import cleaned_layer, queries
from metrics.dashboard import charts, data, sidebar, state, widgets
from metrics.dashboard.state import lang, metric_label, t
from metrics.ui_text import code_label

state.ensure_app_frame()

VOLUMES = ("requests_new", "outcome_total", "outcome_denied", "review_total", "litigation_total")
OUTCOMES = (
    "outcome_granted",
    "outcome_partial",
    "outcome_denied",
    "outcome_unable",
    "outcome_not_processed",
    "outcome_other",
)
RATES = {"grant_rate": "outcome_total", "refusal_rate": "outcome_total", "correction_rate": "cases_closed"}
YEARLY_DEFAULT = ["requests_new", "grant_rate", "review_total", "litigation_total"]


def indicator_label(indicator: str) -> str:
    return t(f"rate_{indicator}") if indicator in RATES else metric_label(indicator)


def shown_value(indicator: str, value) -> str:
    return widgets.rate(value) if indicator in RATES else widgets.count(value)


st.title(t("page_compare"))
f = widgets.require_filters()

if f.year_from < f.year_to:
    widgets.keep_choices_valid("compare_span", (), (f.year_from, f.year_to))
    # A widget whose value lives in session state must not also be given a default.
    first_visit = {} if "compare_span" in st.session_state else {"value": (f.year_to, f.year_to)}
    span = st.slider(
        t("compare_span"), f.year_from, f.year_to, key="compare_span", bind=sidebar.BIND, **first_visit
    )
else:
    span = (f.year_from, f.year_to)
in_span = data.query("agency_rates", dataclasses.replace(f, year_from=span[0], year_to=span[1]))
by_volume = in_span.sort_values("outcome_total", ascending=False, na_position="last")["agency"].tolist()
options = sorted(set(data.query("selected_agencies")["agency"]))
preset = [a for a in f.agencies if a in options][:8]
widgets.keep_choices_valid("compare_agencies", options)
first_pick = (
    {}
    if "compare_agencies" in st.session_state
    else {"default": preset if len(preset) >= 2 else by_volume[:3]}
)
chosen = st.multiselect(
    t("compare_agencies"),
    options,
    max_selections=8,
    key="compare_agencies",
    help=t("compare_agencies_help"),
    placeholder=t("choose_placeholder"),
    bind=sidebar.BIND,
    **first_pick,
)
if len(chosen) < 2:
    st.info(t("compare_pick_two"))
    st.stop()

scope = dataclasses.replace(f, year_from=span[0], year_to=span[1], agencies=tuple(chosen))
table = data.query("agency_rates", scope)
if table.empty:
    st.warning(t("compare_no_reports", first=span[0], last=span[1]))
    st.stop()

# Year by year over the sidebar's years: one small chart per indicator, each on its own scale.
st.subheader(t("compare_yearly"))
indicators = widgets.coded_control(
    st.multiselect,
    t("compare_indicators"),
    [*VOLUMES, *RATES],
    "compare_indicators",
    YEARLY_DEFAULT,
    format_func=indicator_label,
    placeholder=t("choose_placeholder"),
    select_all=False,
)
if not indicators:
    st.info(t("choose_something"))
else:
    yearly = data.query("agency_year_rates", dataclasses.replace(f, agencies=tuple(chosen)))
    long = yearly.melt(id_vars=["agency", "year"], value_vars=indicators, var_name="indicator")
    long = long.assign(panel=long["indicator"].map(indicator_label))
    charts.show(
        charts.small_multiples(long, "panel", "agency", "value", {indicator_label(r) for r in RATES}),
        "compare_yearly_chart",
    )
    years = list(range(f.year_from, f.year_to + 1))
    grid = long.pivot_table(index=["agency", "indicator"], columns="year", values="value", dropna=False)
    grid = grid.reindex(
        pd.MultiIndex.from_product([chosen, indicators], names=["agency", "indicator"]), columns=years
    )
    yearly_table = pd.DataFrame(
        {
            t("col_agency"): grid.index.get_level_values("agency"),
            t("col_indicator"): [indicator_label(i) for i in grid.index.get_level_values("indicator")],
            **{
                str(year): [
                    shown_value(i, v)
                    for i, v in zip(grid.index.get_level_values("indicator"), grid[year], strict=True)
                ]
                for year in years
            },
        }
    )
    st.dataframe(yearly_table, hide_index=True, key="compare_yearly_table", placeholder=widgets.EMPTY)
    st.caption(t("compare_yearly_caption", first=f.year_from, last=f.year_to))
    widgets.downloads("compare-year-by-year", "compare_yearly", frame=yearly_table)

st.caption(t("compare_scope", first=span[0], last=span[1]))
st.subheader(t("compare_volumes"))
volumes = table.melt(id_vars="agency", value_vars=list(VOLUMES), var_name="metric_id", value_name="value")
volumes = volumes.assign(metric=volumes["metric_id"].map(metric_label))
panels = [(metric_label(m), table[["agency", m]].rename(columns={m: "value"})) for m in VOLUMES]
charts.show(charts.hbar_panels(panels, "agency", "value", t("unit_axis_count")), "compare_volumes")
st.caption(t("compare_volumes_caption"))
widgets.downloads(
    "compare-figures",
    "compare_figures",
    "facts_behind",
    data.params(scope, metrics=list(VOLUMES), columns=["total"]),
    shown=widgets.displayed(
        volumes, {"metric": t("col_indicator"), "agency": t("col_agency"), "value": t("col_value")}
    ),
)

st.subheader(t("compare_outcomes"))
parts = table[["agency", *OUTCOMES]].fillna(0)
remainder = (table["outcome_total"].fillna(0) - parts[list(OUTCOMES)].sum(axis=1)).clip(lower=0)
parts = parts.assign(outcome_rest=remainder)
composition = parts.melt(id_vars="agency", var_name="metric_id", value_name="value")
composition = composition.assign(
    outcome=composition["metric_id"].map(
        lambda m: t("outcome_rest") if m == "outcome_rest" else metric_label(m)
    )
)
charts.show(
    charts.bars(
        composition,
        "agency",
        "value",
        "outcome",
        t("share_axis"),
        stacked=True,
        horizontal=True,
        percent=True,
    ),
    "compare_outcomes",
)
st.caption(t("compare_outcomes_caption"))
widgets.downloads(
    "compare-outcomes",
    "compare_outcomes",
    "facts_behind",
    data.params(scope, metrics=[*OUTCOMES, "outcome_total"], columns=["total"]),
    shown=widgets.displayed(
        composition.assign(
            share=composition["value"] / composition.groupby("agency")["value"].transform("sum")
        ),
        {
            "agency": t("col_agency"),
            "outcome": t("col_indicator"),
            "value": t("col_value"),
            "share": t("share"),
        },
        rates=("share",),
    ),
)

st.subheader(t("compare_ranking"))
include_small = st.checkbox(t("include_small", n=queries.MIN_BASE), key="compare_small", bind=sidebar.BIND)
rank_by = widgets.coded_control(
    st.selectbox, t("rank_by"), list(RATES), "compare_rank_by", "grant_rate", format_func=indicator_label
)
ranking = table[
    [
        "agency",
        "agency_type",
        "level",
        "reports",
        "requests_new",
        "outcome_total",
        "grant_rate",
        "refusal_rate",
        "cases_closed",
        "correction_rate",
    ]
].copy()
ranking["level"] = ranking["level"].map(lambda code: code_label(lang(), "level", code))
for rate_id, base in RATES.items():
    small = ranking[base].fillna(0) < queries.MIN_BASE
    ranking[f"{rate_id}_small"] = small
    if not include_small:
        ranking.loc[small, rate_id] = None
# Rank 1 is the highest rate; agencies with the same rate share a rank, and the table says so.
ranking["rank"] = ranking[rank_by].rank(ascending=False, method="min")
tied = ranking["rank"].notna() & ranking["rank"].duplicated(keep=False)
ranking["rank_label"] = [
    widgets.EMPTY if widgets.missing(r) else t("rank_tied", n=int(r)) if tie else str(int(r))
    for r, tie in zip(ranking["rank"], tied, strict=True)
]
ranking = ranking.sort_values(["rank", "agency"], na_position="last")
st.dataframe(
    ranking,
    hide_index=True,
    key="compare_ranking_table",
    placeholder=widgets.EMPTY,
    column_order=[
        "rank_label",
        "agency",
        rank_by,
        *[r for r in RATES if r != rank_by],
        "requests_new",
        "outcome_total",
        "cases_closed",
        "reports",
        "agency_type",
        "level",
        "grant_rate_small",
        "correction_rate_small",
    ],
    column_config={
        "rank_label": t("col_rank"),
        "agency": t("col_agency"),
        "agency_type": t("f_agency_type"),
        "level": t("f_level"),
        "reports": t("h_reports"),
        "requests_new": metric_label("requests_new"),
        "outcome_total": metric_label("outcome_total"),
        "cases_closed": t("col_cases_closed"),
        "grant_rate": st.column_config.NumberColumn(t("rate_grant_rate"), format="percent"),
        "refusal_rate": st.column_config.NumberColumn(t("rate_refusal_rate"), format="percent"),
        "correction_rate": st.column_config.NumberColumn(t("rate_correction_rate"), format="percent"),
        "grant_rate_small": t("col_small_requests", n=queries.MIN_BASE),
        "correction_rate_small": t("col_small_cases", n=queries.MIN_BASE),
    },
)
widgets.formulas("grant", "refusal", "correction")
st.caption(t("ranking_small_note", n=queries.MIN_BASE) if not include_small else t("ranking_small_included"))
widgets.downloads(
    "compare-ranking",
    "compare_ranking",
    "selected_reports",
    data.params(scope),
    shown=widgets.displayed(
        ranking,
        {
            "rank": t("col_rank"),
            "agency": t("col_agency"),
            "agency_type": t("f_agency_type"),
            "level": t("f_level"),
            "reports": t("h_reports"),
            "requests_new": metric_label("requests_new"),
            "outcome_total": metric_label("outcome_total"),
            "grant_rate": t("rate_grant_rate"),
            "refusal_rate": t("rate_refusal_rate"),
            "cases_closed": t("col_cases_closed"),
            "correction_rate": t("rate_correction_rate"),
        },
        rates=tuple(RATES),
    ),
)

st.subheader(t("compare_peers"))
peer_by = widgets.coded_control(
    st.radio,
    t("peer_by"),
    queries.PEER_GROUPINGS,
    "compare_peer_by",
    queries.PEER_GROUPINGS[0],
    format_func=lambda g: t(f"group_{g}"),
    horizontal=True,
)
peers = data.query(
    "peer_medians", scope, peer_by=peer_by, min_base=queries.MIN_BASE, min_peers=cleaned_layer.MIN_PEERS
)
peer_rate = widgets.coded_control(
    st.selectbox, t("peer_rate"), list(RATES), "compare_peer_rate", "grant_rate", format_func=indicator_label
)
base_col = "cases_base" if peer_rate == "correction_rate" else "requests_base"
shown = peers.assign(own=peers[peer_rate].where(peers[base_col].fillna(0) >= queries.MIN_BASE))
pairs = shown.melt(
    id_vars=["agency", "peer_group"],
    value_vars=["own", f"median_{peer_rate}"],
    var_name="which",
    value_name="rate",
)
pairs = pairs.assign(
    which=pairs["which"].map({"own": t("peer_own"), f"median_{peer_rate}": t("peer_median")})
)
charts.show(
    charts.bars(pairs, "agency", "rate", "which", t(f"rate_{peer_rate}"), horizontal=True).update_xaxes(
        tickformat=".0%"
    ),
    "compare_peers_chart",
)
st.dataframe(
    peers.assign(
        peer_group=peers["peer_group"].map(
            lambda g: code_label(lang(), "level", g) if peer_by == "level" else g
        )
    ),
    hide_index=True,
    key="compare_peers_table",
    placeholder=widgets.EMPTY,
    column_config={
        "agency": t("col_agency"),
        "peer_group": t("col_peer_group"),
        "request_peers": t("col_request_peers", n=queries.MIN_BASE),
        "case_peers": t("col_case_peers", n=queries.MIN_BASE),
        "requests_base": metric_label("outcome_total"),
        "cases_base": t("col_cases_closed"),
        **{
            c: st.column_config.NumberColumn(
                t(f"rate_{c}")
                if c in RATES
                else t("col_median", rate=t(f"rate_{c.removeprefix('median_')}")),
                format="percent",
            )
            for c in peers.columns
            if c.endswith("_rate")
        },
    },
)
st.caption(
    t("peer_caption_rule", n=queries.MIN_BASE, peers=cleaned_layer.MIN_PEERS, first=span[0], last=span[1])
)
widgets.downloads(
    "compare-peers",
    "compare_peers",
    "selected_reports",
    data.params(scope),
    shown=widgets.displayed(
        peers,
        {
            "agency": t("col_agency"),
            "peer_group": t("col_peer_group"),
            "request_peers": t("col_request_peers", n=queries.MIN_BASE),
            "case_peers": t("col_case_peers", n=queries.MIN_BASE),
        }
        | {f"median_{r}": f"{t('peer_median')} · {t(f'rate_{r}')}" for r in RATES}
        | {r: f"{t('peer_own')} · {t(f'rate_{r}')}" for r in RATES},
        rates=(*RATES, *(f"median_{r}" for r in RATES)),
    ),
)
widgets.reports_behind("compare", scope)
