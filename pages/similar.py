import streamlit as st

from metrics import similarity
from metrics.dashboard import data, escape, sidebar, state, widgets
from metrics.dashboard.state import t

state.ensure_app_frame()

st.title(t("page_similar"))
widgets.require_filters()
st.caption(t("similar_intro"))

_NOTE_RUNS = "_similar_note_runs"


@st.fragment(run_every=2)
def _comparing_note(had_pairs: bool) -> None:
    """While the comparison of this snapshot runs: says so, and once it is done runs the page again.
    Only the note's own timed runs start that: a rerun asked for in the middle of the page's run would
    cut it short."""
    st.session_state[_NOTE_RUNS] += 1
    seconds = data.comparing_since()
    if seconds is None and st.session_state[_NOTE_RUNS] > 1:
        st.rerun(scope="app")
    st.info(
        t("similar_comparing_older" if had_pairs else "similar_comparing", seconds=f"{seconds or 0:.0f}"),
        icon=":material/hourglass_top:",
    )


compared = data.similar_reports()
if data.comparing_since() is not None:
    st.session_state[_NOTE_RUNS] = 0
    _comparing_note(compared is not None)
if compared is None:
    st.stop()
pairs = compared.pairs
pairs = pairs[pairs["report_id"].isin(data.selected_among(pairs["report_id"]))]
left, right = st.columns([2, 3])
threshold = left.slider(
    t("similar_threshold"),
    min_value=similarity.LSH_THRESHOLD,
    max_value=1.0,
    value=similarity.DEFAULT_SHOWN,
    step=0.05,
    key="similar_threshold",
    bind=sidebar.BIND,
)
relations = widgets.coded_control(
    right.multiselect,
    t("similar_relations"),
    similarity.RELATIONS,
    "similar_relation",
    list(similarity.RELATIONS),
    format_func=lambda r: t(f"similar_{r}"),
)
shown = pairs[(pairs["similarity"] >= threshold) & pairs["relation"].isin(relations)].reset_index(drop=True)
if shown.empty:
    st.success(t("similar_none"))
    st.caption(t("similar_method"))
    st.stop()

shown = shown.assign(
    relation_label=shown["relation"].map(lambda r: t(f"similar_{r}")),
    link=widgets.report_links(shown["report_id"]),
    match_link=widgets.report_links(shown["match_id"]),
)
columns = {
    "agency": t("col_agency"),
    "year": t("year"),
    "relation_label": t("similar_relation"),
    "match_agency": t("similar_match_agency"),
    "match_year": t("similar_match_year"),
    "similarity": t("similar_similarity"),
}
st.dataframe(
    shown,
    hide_index=True,
    key="similar_table",
    column_order=["link", *columns, "match_link"],
    column_config={
        "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
        "match_link": st.column_config.LinkColumn(t("similar_match_report"), display_text=t("open_report")),
        "year": st.column_config.NumberColumn(t("year"), format="%d"),
        "match_year": st.column_config.NumberColumn(t("similar_match_year"), format="%d"),
        "similarity": st.column_config.ProgressColumn(
            t("similar_similarity"), format="percent", min_value=0.0, max_value=1.0
        ),
    }
    | {c: h for c, h in columns.items() if c not in ("year", "match_year", "similarity")},
)
st.caption(t("similar_method"))
widgets.downloads(
    "similar-reports",
    "similar_dl",
    frame=shown,
    shown=widgets.displayed(shown, columns, rates=("similarity",)),
)

st.subheader(t("similar_side_by_side"))
pick = st.selectbox(
    t("similar_pick"),
    list(shown.index),
    format_func=lambda i: (
        f"{shown.at[i, 'agency']} {shown.at[i, 'year']} · {shown.at[i, 'match_agency']} "
        f"{shown.at[i, 'match_year']} · {shown.at[i, 'similarity']:.0%}"
    ),
    key="similar_pick",
)
texts = []
for id_column in ("report_id", "match_id"):
    meta = data.run("report_meta", {"report_id": shown.at[pick, id_column]}).iloc[0]
    texts.append(
        similarity.prose_text(meta["body_text"], (meta["agency"], meta["region"]), compared.template)
    )
marks = similarity.shared_passages(*texts)
st.caption(t("similar_marked"))
for column, report, text, spans in zip(st.columns(2), ("", "match_"), texts, marks, strict=True):
    column.markdown(
        f"**{escape.markdown(shown.at[pick, report + 'agency'])} {int(shown.at[pick, report + 'year'])}**"
    )
    column.html(
        f'<div style="white-space: pre-wrap; line-height: 1.7">{escape.marked_html(text, spans)}</div>'
    )
