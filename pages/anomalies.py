import streamlit as st

from metrics.dashboard import data, findings, flag_status, sidebar, state, widgets
from metrics.dashboard.state import lang, t

state.ensure_app_frame()

st.title(t("page_anomalies"))
widgets.require_filters()
st.caption(t("anomaly_intro"))

found = data.query("anomalies_selected")
statuses = data.run("flag_status_rows", {})
found = found.merge(statuses, on=["report_id", "code"], how="left").fillna({"status": "open", "note": ""})
if not st.toggle(t("anomaly_show_confirmed"), key="anomaly_confirmed", bind=sidebar.BIND):
    found = found[found["status"] != "confirmed"]
if found.empty:
    st.success(t("anomaly_none"))
    st.caption(t("anomaly_caption"))
    st.stop()

found = found.assign(
    sentence=[findings.anomaly_sentence(r, lang()) for r in found.to_dict("records")],
    kind_label=found["kind"].map(lambda k: t(f"anomaly_kind_{k}")),
    status_label=found["status"].map(lambda s: t(f"flag_status_{s}")),
    link=widgets.report_links(found["report_id"]),
).reset_index(drop=True)

st.subheader(t("anomaly_kinds"))
kinds = found.groupby("kind_label", as_index=False).agg(
    reports=("report_id", "nunique"), flags=("code", "size")
)
st.dataframe(
    kinds,
    hide_index=True,
    key="anomaly_kinds_table",
    column_config={"kind_label": t("anomaly_kind"), "reports": t("h_reports"), "flags": t("col_flag_count")},
)

columns = {
    "agency": t("col_agency"),
    "region": t("f_region"),
    "year": t("year"),
    "kind_label": t("anomaly_kind"),
    "sentence": t("col_sentence"),
    "status_label": t("col_flag_status"),
    "note": t("col_flag_note"),
}
st.dataframe(
    found,
    hide_index=True,
    key="anomaly_table",
    placeholder=widgets.EMPTY,
    column_order=["link", *columns],
    column_config={
        "link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report")),
        "year": st.column_config.NumberColumn(t("year"), format="%d"),
    }
    | {c: h for c, h in columns.items() if c != "year"},
)
st.caption(t("anomaly_caption"))
widgets.downloads("anomalies", "anomaly_dl", frame=found, shown=lambda: widgets.displayed(found, columns))
flag_status.editor(found)
