"""What the current script run knows: the interface language and the sidebar filters."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

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


def ensure_app_frame() -> None:
    """Make sure app.py (sidebar and navigation) framed this page.

    Until app.py has called st.navigation once in a process, Streamlit serves a file in pages/ on
    its own (its older multipage mode) when a page is opened by URL. The page then asks for a rerun
    in the st.navigation mode, which runs app.py first and lands on the same page (same URL path).
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
