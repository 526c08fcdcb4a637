"""The sidebar: language switch and filters, each bound to a URL query parameter.

Binding puts the whole filter state in the address bar, so a filtered view can be shared and
survives a reload; the widgets live in app.py's run, so every page shares them.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from metrics import ui_text
from metrics.dashboard import data
from metrics.dashboard.state import lang, t
from metrics.queries import Filters

BIND = "query-params"
# The URL parameters the sidebar reads: links between pages carry them.
URL_KEYS = ("lang", "years", "region", "level", "type", "agency", "format")


def language() -> str:
    st.sidebar.segmented_control(
        "语言 / Language",
        list(ui_text.LANGUAGES),
        format_func=ui_text.LANGUAGES.get,
        default=ui_text.DEFAULT_LANG,
        required=True,
        key="lang",
        bind=BIND,
    )
    return lang()


_NOTE_RUNS = "_loading_note_runs"
NOTE_EVERY_SECONDS = 2  # how often the note looks whether the new snapshot is in


@st.fragment(run_every=NOTE_EVERY_SECONDS)
def _loading_note() -> None:
    """Said while the pages show the snapshot from before an ingest; once the new one is built the
    whole app runs again on it, without the user having to touch anything. Only the note's own timed
    runs start that: a rerun asked for in the middle of the page's run would cut it short."""
    st.session_state[_NOTE_RUNS] += 1
    if st.session_state[_NOTE_RUNS] == 1 or data.showing_older():
        st.info(t("snapshot_loading"), icon=":material/hourglass_top:")
    else:
        st.rerun(scope="app")


def filters() -> Filters | None:
    """The chosen filters; None when the database holds no report with a year to filter on."""
    if not data.has_database():
        return None
    opts = data.options()
    if not opts.years:
        return None
    sb = st.sidebar
    if data.showing_older():
        st.session_state[_NOTE_RUNS] = 0
        with sb:
            _loading_note()
    sb.subheader(t("filters"))
    first, last = opts.years[0], opts.years[-1]
    if first < last:
        year_from, year_to = sb.slider(t("f_years"), first, last, (first, last), key="years", bind=BIND)
    else:
        year_from = year_to = first
        sb.caption(t("f_single_year", year=first))

    def choose(kind: str, key: str, label: str) -> tuple[str, ...]:
        return tuple(
            sb.multiselect(
                label, opts.values[kind], key=key, bind=BIND, placeholder=t("f_all"), select_all=False
            )
        )

    def choose_coded(kind: str, key: str, label: str) -> tuple[str, ...]:
        # A bound widget puts the words it shows in the URL, and these words change with the language,
        # so the stored codes (county, std2019 ...) are kept in the URL here instead.
        options = opts.values[kind]
        wanted = st.session_state.get(key, st.query_params.get_all(key))
        st.session_state[key] = [v for v in wanted if v in options]
        chosen = sb.multiselect(
            label,
            options,
            key=key,
            placeholder=t("f_all"),
            select_all=False,
            format_func=lambda code: ui_text.code_label(lang(), kind, code),
        )
        if chosen:
            st.query_params[key] = chosen
        else:
            st.query_params.pop(key, None)
        return tuple(chosen)

    return Filters(
        year_from=year_from,
        year_to=year_to,
        regions=choose("region", "region", t("f_region")),
        levels=choose_coded("level", "level", t("f_level")),
        agency_types=choose("agency_type", "type", t("f_agency_type")),
        agencies=choose("agency", "agency", t("f_agency")),
        formats=choose_coded("format", "format", t("f_format")),
    )


def share_link(slot, url_path: str) -> None:
    """The address of the view as it stands (filters, language and the page's own controls), to copy.

    Drawn into a sidebar slot, again after the page has run, since the page's controls write
    themselves into the URL as it runs.
    """
    # The browser's address, without the page's own path, which it may still hold.
    base = (st.context.url or "").rstrip("/").removesuffix(f"/{url_path}" if url_path else "")
    query = urlencode({k: st.query_params.get_all(k) for k in st.query_params}, doseq=True)
    link = f"{base}/{url_path}" + (f"?{query}" if query else "")
    with slot.container(), st.popover(t("share_link"), icon=":material/link:", width="stretch"):
        st.caption(t("share_link_help"))
        st.code(link, language=None, wrap_lines=True)
