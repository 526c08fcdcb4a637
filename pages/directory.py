import pandas as pd
import streamlit as st

from metrics import directory, ui_text
from metrics.dashboard import access, data, messages, state, widgets
from metrics.dashboard.state import lang, t
from metrics.store import StoreError

state.ensure_app_frame()

st.title(t("page_directory"))
if not data.has_database():
    messages.no_database()
    st.stop()
st.caption(t("dir_intro"))

entries = data.run("directory", {})
shown = entries.assign(
    level=widgets.per_value(entries["level"], lambda c: ui_text.code_label(lang(), "level", c)),
    names=directory.names_over_time(entries),
)
columns = {
    "printed_agency": t("dir_col_printed_agency"),
    "region": t("dir_col_region"),
    "level": t("dir_col_level"),
    "agency_type": t("dir_col_agency_type"),
    "agency": t("dir_col_agency"),
    "names": t("dir_names_over_time"),
    "first_year": t("dir_col_first_year"),
    "last_year": t("dir_col_last_year"),
    "edited": t("dir_col_edited"),
}
st.dataframe(
    shown,
    hide_index=True,
    key="directory_table",
    placeholder=widgets.EMPTY,
    column_order=list(columns),
    column_config={c: h for c, h in columns.items() if not c.endswith("_year")}
    | {c: st.column_config.NumberColumn(columns[c], format="%d") for c in ("first_year", "last_year")},
)
# The CSV to edit is the directory's own format (one row per printed name), which the upload reads back.
# Built only when pressed (a callable, run outside this script run: the language is fixed now).
language = lang()
st.download_button(
    t("dir_download"),
    lambda: directory.csv_frame(entries, language).to_csv(index=False).encode("utf-8-sig"),
    file_name="directory.csv",
    mime="text/csv",
    icon=":material/download:",
    key="directory_download",
    on_click="ignore",
)


def save_upload() -> None:
    """Store the uploaded directory; runs before the page reruns, so the table shows the change."""
    upload = st.session_state["directory_upload"]
    if upload is None:
        return
    try:
        frame = pd.read_csv(upload, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError):
        st.session_state["directory_result"] = ("error", t("dir_unreadable"))
        return
    try:
        imported = directory.import_csv(data.db_file(), frame)
    except StoreError as e:
        st.session_state["directory_result"] = ("error", str(e))
        return
    problems = [
        t("dir_unknown_agencies", names="、".join(imported.unknown_agencies))
        if imported.unknown_agencies
        else "",
        t("dir_unknown_levels", levels="、".join(imported.unknown_levels)) if imported.unknown_levels else "",
    ]
    data.wait_for_current()
    st.session_state["directory_result"] = (
        "warning" if any(problems) else "success",
        " ".join([t("dir_imported", n=imported.stored), *problems]).strip(),
    )


def confirm(agency: str, successor: str) -> None:
    directory.confirm_successor(data.db_file(), agency, successor)
    data.wait_for_current()


def undo(agency: str) -> None:
    directory.separate(data.db_file(), agency)
    data.wait_for_current()


if access.writes_allowed("directory_token"):
    st.caption(t("dir_edit_caption"))
    widgets.uploader_in_language(t("dir_upload_instructions"))
    st.file_uploader(t("dir_upload"), type=["csv"], key="directory_upload")
    st.button(t("dir_import"), on_click=save_upload, key="directory_import")
    kind, text = st.session_state.pop("directory_result", (None, ""))
    if kind:
        getattr(st, kind)(text)

    st.subheader(t("dir_suggest_title"))
    st.caption(t("dir_suggest_caption"))
    suggested = data.rename_suggestions()
    if suggested.empty:
        st.success(t("dir_suggest_none"))
    for row in suggested.itertuples(index=False):
        st.button(
            t("dir_confirm", agency=row.agency, successor=row.successor),
            on_click=confirm,
            args=(row.agency, row.successor),
            key=f"confirm_{row.agency}_{row.successor}",
        )

    joined = entries[entries["agency"] != entries["printed_agency"]]
    if not joined.empty:
        st.subheader(t("dir_joined_title"))
        st.caption(t("dir_joined_caption"))
        for row in joined.itertuples(index=False):
            st.button(
                t("dir_undo", agency=row.printed_agency, successor=row.agency),
                on_click=undo,
                args=(row.printed_agency,),
                key=f"undo_{row.printed_agency}",
            )
