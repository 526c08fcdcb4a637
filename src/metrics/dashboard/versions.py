"""Choosing which version of an agency's report for a year counts (the Data quality page)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import store
from metrics.dashboard import access, data
from metrics.dashboard.state import t

BY_RULE = ""  # the chooser's option for "no choice: the rule decides"


def label(row: pd.Series) -> str:
    published = "—" if pd.isna(row["published"]) else f"{row['published']:%Y-%m-%d}"
    name = str(row["file_path"]).rsplit("/", 1)[-1]
    return f"{published} · {name} · {row['report_id']}"


def chooser(versions: pd.DataFrame) -> None:
    """An agency and year, then the version that counts for it; the rule is the first option."""
    if not access.writes_allowed("versions_token"):
        return
    groups = list(dict.fromkeys(zip(versions["agency"], versions["year"], strict=True)))
    left, right = st.columns(2)
    agency, year = left.selectbox(
        t("versions_group"), groups, format_func=lambda g: f"{g[0]} · {g[1]}", key="versions_group"
    )
    rows = versions[(versions["agency"] == agency) & (versions["year"] == year)]
    labels = {r["report_id"]: label(r) for _, r in rows.iterrows()}
    options = [BY_RULE, *labels]
    chosen = rows.loc[rows["is_current"] & (rows["current_by"] == "choice"), "report_id"]
    # One chooser per agency and year, so each opens on what counts for it now.
    key = f"versions_choice_{agency}_{year}"
    right.selectbox(
        t("versions_choice"),
        options,
        index=options.index(chosen.iloc[0]) if len(chosen) else 0,
        format_func=lambda r: t("versions_by_rule") if r == BY_RULE else labels[r],
        key=key,
    )
    st.button(t("versions_apply"), on_click=_apply, args=(agency, int(year), key), key="versions_apply")


def _apply(agency: str, year: int, key: str) -> None:
    """Store the choice; it runs before the page reruns, so the page shows the new totals."""
    choice = st.session_state[key]
    with store.open_for_writing(data.db_file()) as writer:
        if choice == BY_RULE:
            writer.forget_current_choice(agency, year)
        else:
            writer.choose_current(choice)
    data.wait_for_current()
