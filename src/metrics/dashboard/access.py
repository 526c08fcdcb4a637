"""Who may change the database from the dashboard (uploads, the choice of current versions).

On this computer only, with the server bound to a loopback address as `ogi dashboard` binds it by
default, whoever reaches the page may. Open to a network, only a session that gives the token set
in OGI_UPLOAD_TOKEN may; without a token, changes are off.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

from metrics.dashboard.state import t

LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_ENV = "OGI_UPLOAD_TOKEN"
_UNLOCKED = "_writes_unlocked"


def exposed() -> bool:
    """Whether the server listens beyond this computer (no address set: on every interface)."""
    return (st.get_option("server.address") or "") not in LOOPBACK


def writes_allowed(key: str) -> bool:
    """Whether this session may change the database; asks for the token where one is needed."""
    if not exposed() or st.session_state.get(_UNLOCKED):
        return True
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        st.info(t("writes_off_exposed", env=TOKEN_ENV))
        return False
    entered = st.text_input(t("writes_token"), type="password", key=key)
    if not entered:
        return False
    if not hmac.compare_digest(entered.encode(), token.encode()):
        st.error(t("writes_token_wrong"))
        return False
    # Remembered for the session, so the token is asked once, not on every page that writes.
    st.session_state[_UNLOCKED] = True
    return True
