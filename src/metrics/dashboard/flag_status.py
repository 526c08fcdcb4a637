"""Recording where the follow-up of a finding stands (the Data quality page)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import store
from metrics.dashboard import access, data, findings
from metrics.dashboard.state import t


def editor(flags: pd.DataFrame) -> None:
    """A finding (report and check), its status and a note, saved to the database."""
    if not access.writes_allowed("flag_status_token"):
        return
    st.markdown(f"**{t('flag_status_title')}**")
    firsts = flags.drop_duplicates(["report_id", "code"]).reset_index(drop=True)
    # Labels made column by column: a whole country's findings are tens of thousands of choices.
    keys = list(zip(firsts["report_id"], firsts["code"], strict=True))
    labels = dict(
        zip(
            keys,
            firsts["agency"].astype(str)
            + " · "
            + firsts["year"].astype(str)
            + " · "
            + firsts["sentence"].astype(str).str[:80],
            strict=True,
        )
    )
    left, middle = st.columns([3, 1])
    chosen = left.selectbox(t("flag_status_pick"), keys, format_func=labels.get, key="flag_status_pick")
    row = firsts.iloc[keys.index(chosen)]
    current = row["status"]
    middle.selectbox(
        t("flag_status_choice"),
        findings.STATUSES,
        index=findings.STATUSES.index(current),
        format_func=lambda s: t(f"flag_status_{s}"),
        key="flag_status_choice",
    )
    st.text_input(t("flag_status_note"), value=row["note"], key="flag_status_note")
    st.button(t("flag_status_save"), on_click=_save, args=chosen, key="flag_status_save")
    st.caption(t("flag_status_caption"))


def _save(report_id: str, code: str) -> None:
    """Store the status; it runs before the page reruns, so the tables show it."""
    with store.open_for_writing(data.db_file()) as writer:
        writer.set_flag_status(
            report_id, code, st.session_state["flag_status_choice"], st.session_state["flag_status_note"]
        )
    data.wait_for_current()
