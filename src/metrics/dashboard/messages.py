"""Empty states and errors, said in words: what happened and what to do next."""

from __future__ import annotations

import logging

import duckdb
import streamlit as st

from metrics import queries
from metrics.dashboard import data, escape, registry
from metrics.dashboard.state import t

log = logging.getLogger(__name__)


def no_database() -> None:
    st.info(t("empty_no_database", path=escape.markdown(data.db_file())))
    st.code(f"ogi ingest data/demo --db {data.db_file()}", language="bash")
    st.page_link(registry.UPLOAD_PAGE.path, label=t("page_upload"), icon=registry.UPLOAD_PAGE.icon)


def no_match() -> None:
    st.warning(t("empty_no_match"))


def nothing_to_show(what: str) -> None:
    st.caption(t("empty_section", what=what))


def error(exc: Exception) -> None:
    """A failure shown as a sentence; the traceback goes to the server log only."""
    log.exception("dashboard page failed")
    if isinstance(exc, queries.UnreadableDatabase | duckdb.IOException):
        key = "error_db_unreadable"
    elif isinstance(exc, duckdb.CatalogException | duckdb.BinderException):
        key = "error_db_schema"
    else:
        key = "error_generic"
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    st.error(t(key, path=escape.markdown(data.db_file()), detail=escape.markdown(detail[:300])))
