"""What the current script run knows: the interface language and the sidebar filters."""

from __future__ import annotations

import streamlit as st

from metrics import catalog, ui_text
from metrics.queries import Filters

_FILTERS = "_filters"


def lang() -> str:
    return st.session_state.get("lang") or ui_text.DEFAULT_LANG


def t(key: str, **values) -> str:
    return ui_text.text(lang(), key, **values)


def metric_label(metric_id: str) -> str:
    return catalog.label(metric_id, lang())


def set_filters(filters: Filters | None) -> None:
    st.session_state[_FILTERS] = filters


def filters() -> Filters | None:
    """None when there is no data to filter."""
    return st.session_state.get(_FILTERS)
