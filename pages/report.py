import pandas as pd
import streamlit as st

from metrics.dashboard import data, escape, findings, layouts, messages, state, widgets
from metrics.dashboard.state import filters, lang, t

state.ensure_app_frame()

st.title(t("page_report"))
if not data.has_database():
    messages.no_database()
    st.stop()

requested = st.query_params.get("report", "")
meta = data.run("report_meta", {"report_id": requested}) if requested else None
if requested and meta.empty:
    st.warning(t("report_not_found", report_id=escape.markdown(requested)))
    meta = None

f = filters()
agencies = data.query("selected_agencies")["agency"].tolist() if f is not None else []
if meta is not None and meta["agency"].iloc[0] not in agencies:
    agencies.insert(0, meta["agency"].iloc[0])
if not agencies:
    messages.no_match()
    st.stop()

# The chooser follows the URL: a link from another page selects its report here.
current = meta["agency"].iloc[0] if meta is not None else agencies[0]
left, right = st.columns([2, 3])
agency = left.selectbox(
    t("col_agency"), agencies, index=agencies.index(current), format_func=lambda a: a or t("unknown_agency")
)
reports = data.run("agency_reports", {"agency": agency})
ids = reports["report_id"].tolist()
labels = dict(zip(ids, layouts.report_choices(reports), strict=True))
chosen = right.selectbox(
    t("col_report"), ids, index=ids.index(requested) if requested in ids else 0, format_func=labels.get
)
if chosen != requested:
    st.query_params["report"] = chosen
    meta = data.run("report_meta", {"report_id": chosen})
m = meta.iloc[0]

st.subheader(escape.markdown(m["title"] or m["agency"] or chosen))
if not widgets.missing(m["ocr_pages"]) and m["ocr_pages"] > 0:
    st.info(t("report_ocr", pages=int(m["ocr_pages"])), icon=":material/document_scanner:")
layouts.metadata(m)

flags = data.run("report_flags", {"report_id": chosen})
facts = data.run("report_facts", {"report_id": chosen})
marked: frozenset[tuple[str, str]] = frozenset()
if not flags.empty:
    figures = {(r.metric_id, r.requester_column): r.value for r in facts.itertuples() if not pd.isna(r.value)}
    flags = findings.with_sentences(
        flags.assign(report_id=chosen, format=m["format"], published=m["published"], year=m["year"]),
        {chosen: figures},
        lang(),
    )
    marked = frozenset().union(*(findings.cells(f) for f in flags.to_dict("records")))
    st.markdown(f"**{t('report_flags')}**")
    st.dataframe(
        flags.assign(
            status=flags["status"].map(lambda s: t(f"flag_status_{s}")),
            code=flags["code"].map(lambda c: findings.check_name(c, lang())),
            severity=flags["severity"].map(lambda s: t(f"severity_{s}")),
        ),
        hide_index=True,
        key="report_flags_table",
        column_order=["sentence", "status", "note", "code", "severity"],
        placeholder=widgets.EMPTY,
        column_config={
            "sentence": t("col_sentence"),
            "status": t("col_flag_status"),
            "note": t("col_flag_note"),
            "code": t("col_check"),
            "severity": t("col_severity"),
        },
    )
    st.caption(t("report_flag_cells"))

if facts.empty:
    st.info(t("report_no_figures"))
else:
    layouts.figures(m["format"], facts, marked)
m_format = m["format"]
figure_columns = {
    "metric": t("col_metric"),
    "requester": t("col_requester"),
    "value": t("col_value"),
    "evidence": t("col_evidence"),
}
# Every figure of the report, in words, as the tables above show them; the stored rows are the detail.
shown_figures = facts.assign(
    metric=facts["metric_id"].map(lambda m: findings.name(m, m_format, lang())),
    requester=facts["requester_column"].map(lambda c: findings.COLUMN_NAMES.get(c, {}).get(lang(), c)),
)
widgets.downloads(
    f"report-{chosen}",
    "report_figures",
    shown=widgets.displayed(shown_figures, figure_columns),
    frame=facts.assign(
        report_id=chosen,
        agency=m["agency"],
        year=m["year"],
        format=m["format"],
        file_path=m["file_path"],
        parser_version=m["parser_version"],
        flag_codes=m["flag_codes"],
    ),
)

st.subheader(t("report_text"))
st.caption(t("report_text_caption", encoding=m["encoding"] or "?"))
st.code(m["body_text"] or "", language=None, wrap_lines=True, height=480)
