import streamlit as st

from metrics import catalog, eras, queries
from metrics.dashboard import charts, data, state, widgets
from metrics.dashboard.state import lang, metric_label, t
from metrics.ui_text import code_label

state.ensure_app_frame()

TOP_GROUPS = 10
RATES = ("grant_rate", "refusal_rate", "correction_rate")

st.title(t("page_trends"))
f = widgets.require_filters()

left, right = st.columns([1, 3])
mode = widgets.coded_control(
    left.segmented_control,
    t("trend_mode"),
    ["counts", "rates"],
    "trend_mode",
    "counts",
    format_func=lambda m: t(f"mode_{m}"),
    required=True,
)
group_by = widgets.coded_control(
    left.selectbox,
    t("group_by"),
    queries.GROUPINGS,
    "trend_group",
    "all",
    format_func=lambda g: t(f"group_{g}"),
)


def group_label(value: str) -> str:
    if group_by == "all":
        return t("group_all_label")
    return code_label(lang(), group_by, value) if group_by == "level" else value


if mode == "counts":
    chosen = widgets.coded_control(
        right.multiselect,
        t("choose_series"),
        queries.trend_series(),
        "trend_series",
        ["requests_new"],
        format_func=metric_label,
        placeholder=t("choose_placeholder"),
        select_all=False,
    )
    if not chosen:
        st.info(t("choose_something"))
        st.stop()
    df = data.query("trend_series", **queries.series_params(chosen), group_by=group_by, top_n=TOP_GROUPS)
    if df.empty:
        st.warning(t("empty_series"))
        st.stop()
    df = df.assign(series=df["series_id"].map(metric_label), group=df["grp"].map(group_label))
    colour = "series" if group_by == "all" else "group"
    facet = "series" if group_by != "all" and len(chosen) > 1 else None
    units = sorted({t(f"unit_{catalog.metrics()[s].unit}") for s in chosen if s in catalog.metrics()})
    charts.show(charts.lines(df, "value", colour, " / ".join(units), facet=facet), "trend_counts")
    st.caption(t("trend_counts_caption", units=" / ".join(units), reports=int(df["reports"].sum())))
    if charts.spans_format_change(df["year"]):
        widgets.format_change_note(data.query("headline_by_year"))
        for series in chosen:
            members = eras.legacy_members(series)
            if queries.spans_eras(series) and members:
                st.caption(
                    t(
                        "era_join",
                        series=metric_label(series),
                        members=" + ".join(metric_label(m) for m in members),
                    )
                )
            else:
                st.caption(t("era_single", series=metric_label(series)))
    widgets.downloads(
        "trend-rows",
        "trend_rows",
        "trend_rows",
        data.params(series=chosen),
        shown=widgets.displayed(
            df.sort_values(["series", "group", "year"], kind="stable"),
            {
                "series": t("choose_series"),
                "group": t("group_by"),
                "year": t("year"),
                "value": t("col_value"),
            },
        ),
    )
else:
    chosen = widgets.coded_control(
        right.multiselect,
        t("choose_rates"),
        RATES,
        "trend_rates",
        ["grant_rate"],
        format_func=lambda r: t(f"rate_{r}"),
        placeholder=t("choose_placeholder"),
        select_all=False,
    )
    if not chosen:
        st.info(t("choose_something"))
        st.stop()
    wide = data.query("trend_rates", group_by=group_by, top_n=TOP_GROUPS)
    long = wide.melt(
        id_vars=["year", "grp", "requests_base", "cases_base"],
        value_vars=chosen,
        var_name="rate_id",
        value_name="rate",
    ).dropna(subset=["rate"])
    base = long["requests_base"].where(long["rate_id"] != "correction_rate", long["cases_base"])
    long = long.assign(
        base=base,
        rate_name=long["rate_id"].map(lambda r: t(f"rate_{r}")),
        group=long["grp"].map(group_label),
        basis=widgets.basis(base),
    )
    if long.empty:
        st.warning(t("empty_series"))
        st.stop()
    colour = "rate_name" if group_by == "all" else "group"
    facet = "rate_name" if group_by != "all" and len(chosen) > 1 else None
    charts.show(
        charts.lines(long, "rate", colour, t("rate_axis"), percent=True, symbol="basis", facet=facet),
        "trend_rates_chart",
    )
    widgets.formulas(*[r.removesuffix("_rate") for r in chosen])
    widgets.small_base_note()
    widgets.unknown_years_note(wide, chosen)
    if charts.spans_format_change(long["year"]):
        widgets.format_change_note(data.query("headline_by_year"))
    widgets.downloads(
        "trend-rate-rows",
        "trend_rate_rows",
        "selected_reports",
        shown=widgets.displayed(
            long.sort_values(["rate_name", "group", "year"], kind="stable"),
            {
                "rate_name": t("choose_rates"),
                "group": t("group_by"),
                "year": t("year"),
                "rate": t("rate_axis"),
                "base": t("col_base"),
            },
            rates=("rate",),
        ),
    )

if group_by != "all":
    st.caption(t("top_groups_note", n=TOP_GROUPS))
widgets.reports_behind("trends")
