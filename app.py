"""The dashboard: `streamlit run app.py` (or `ogi dashboard`). Pages are in pages/, listed in
metrics.dashboard.registry; the sidebar (language and filters) is drawn here so every page shares it."""

import streamlit as st

from metrics.dashboard import messages, registry, sidebar, state

st.set_page_config(
    page_title="政府信息公开年报 / Disclosure reports", page_icon=":material/analytics:", layout="wide"
)
# Streamlit's own table download and copy export cells raw, so a report's "=HYPERLINK(…)" would run
# in a spreadsheet; every table has our CSV and Excel downloads instead, which keep text as text.
st.set_option("client.disableDataExport", True)

sidebar.language()
failure = None
try:
    state.set_filters(sidebar.filters())
except Exception as exc:  # an unreadable database must still leave the navigation (and Add reports) usable
    state.set_filters(None)
    failure = exc

page = st.navigation(
    [
        st.Page(p.path, title=state.t(f"page_{p.key}"), icon=p.icon, url_path=p.url_path, default=(i == 0))
        for i, p in enumerate(registry.PAGES)
    ],
    # Every page listed: a collapsed list ends in Streamlit's own "View more", in English only.
    expanded=True,
)
if failure is not None:
    messages.error(failure)
    # Said once, here: every other page would only fail again on the same database.
    if page.url_path != registry.UPLOAD_PAGE.url_path:
        st.stop()
link = st.sidebar.empty()
sidebar.share_link(link, page.url_path)
try:
    page.run()
except Exception as exc:
    messages.error(exc)
sidebar.share_link(link, page.url_path)
