import dataclasses

import pandas as pd
import streamlit as st

from metrics import catalog
from metrics.dashboard import data, sidebar, state, widgets
from metrics.dashboard.state import metric_label, t

state.ensure_app_frame()

DEFAULT_METRICS = ["requests_new", "outcome_total", "outcome_denied", "review_total", "litigation_total"]

st.title(t("page_builder"))
st.caption(t("builder_intro"))
f = widgets.require_filters()
opts = data.options()

left, right = st.columns(2)
regions = left.multiselect(
    t("builder_regions"),
    opts.values["region"],
    key="builder_regions",
    bind=sidebar.BIND,
    placeholder=t("choose_placeholder"),
    select_all=False,
)
agencies = right.multiselect(
    t("builder_agencies"),
    sorted(set(data.query("selected_agencies")["agency"])),
    key="builder_agencies",
    bind=sidebar.BIND,
    placeholder=t("choose_placeholder"),
    select_all=False,
)
metrics = widgets.coded_control(
    st.multiselect,
    t("builder_metrics"),
    catalog.metrics(),
    "builder_metrics",
    DEFAULT_METRICS,
    format_func=metric_label,
    placeholder=t("choose_placeholder"),
    select_all=False,
)
if f.year_from < f.year_to:
    widgets.keep_choices_valid("builder_years", (), (f.year_from, f.year_to))
    first_visit = {} if "builder_years" in st.session_state else {"value": (f.year_from, f.year_to)}
    years = st.slider(
        t("builder_years"), f.year_from, f.year_to, key="builder_years", bind=sidebar.BIND, **first_visit
    )
else:
    years = (f.year_from, f.year_to)

in_regions = data.query("selected_agencies", dataclasses.replace(f, regions=tuple(regions)))["agency"]
chosen = list(dict.fromkeys([*agencies, *(in_regions if regions else [])]))
if not chosen or not metrics:
    st.info(t("builder_pick"))
    st.stop()

scope = dataclasses.replace(f, year_from=years[0], year_to=years[1], agencies=tuple(chosen))
cells = data.query("builder_cells", scope, metrics=metrics)
if cells.empty:
    st.warning(t("builder_empty"))
    st.stop()


def cell(value):
    """A figure as the table shows it: a whole number without decimals, — where no report gives it."""
    if widgets.missing(value):
        return widgets.EMPTY
    return int(value) if float(value).is_integer() else float(value)


# A row for every chosen agency and year, so a year without a report shows as — rather than vanishing.
rows = pd.MultiIndex.from_product([sorted(chosen), range(years[0], years[1] + 1)], names=["agency", "year"])
wide = cells.pivot_table(index=["agency", "year"], columns="metric_id", values="value", aggfunc="sum")
wide = wide.reindex(index=rows, columns=metrics)
sections = dict.fromkeys(catalog.metrics()[m].section for m in metrics)
for section in sections:
    columns = [m for m in metrics if catalog.metrics()[m].section == section]
    # The download is the table shown: the same headers, rows and cells (numbers stay numbers in Excel).
    table = pd.DataFrame(
        {
            t("col_agency"): wide.index.get_level_values("agency"),
            t("year"): wide.index.get_level_values("year"),
            **{metric_label(m): [cell(v) for v in wide[m]] for m in columns},
        }
    )
    st.subheader(t(f"section_{section}"))
    st.dataframe(
        table.astype(str),
        hide_index=True,
        height="content",
        key=f"builder_table_{section}",
        placeholder=widgets.EMPTY,
    )
    widgets.downloads(f"table-{section}", f"builder_{section}", frame=table)
st.caption(t("builder_caption"))
