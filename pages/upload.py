import os

import pandas as pd
import streamlit as st

from metrics.dashboard import access, data, state, uploads, widgets
from metrics.dashboard.state import t
from metrics.ingest import ingest_paths
from metrics.store import StoreError

state.ensure_app_frame()

st.title(t("page_upload"))
st.markdown(
    t(
        "upload_intro",
        types=", ".join(f".{s}" for s in uploads.ALLOWED_SUFFIXES),
        mb=uploads.MAX_MEGABYTES,
        folder=str(uploads.uploads_dir()),
        db=str(data.db_file()),
    )
)

if not access.writes_allowed("upload_token"):
    st.stop()

with st.form("upload_form", clear_on_submit=True):
    files = st.file_uploader(
        t("upload_label"),
        type=list(uploads.ALLOWED_SUFFIXES),
        accept_multiple_files=True,
        max_upload_size=uploads.MAX_MEGABYTES,
        key="upload_files",
    )
    submitted = st.form_submit_button(t("upload_button"), type="primary")

if submitted:
    if not files:
        st.warning(t("upload_none"))
        st.stop()
    saved, unsaved = [], []
    for f in files:
        try:
            saved.append(uploads.save(f.name, f.getvalue()))
        except OSError as e:  # one file the disk refuses costs only that file
            unsaved.append((f.name, "failed", t("upload_not_saved", reason=e.strerror or str(e))))
    bar = st.progress(0.0, text=t("upload_progress", done=0, total=len(saved)))

    def progress(done: int, total: int, path: str) -> None:
        bar.progress(done / max(total, 1), text=t("upload_progress", done=done, total=total))

    # Files are read in worker processes forked from this server, never in it; more than one
    # worker is worth its memory only for a large batch.
    workers = min(4, os.cpu_count() or 1) if len(saved) >= 8 else 1
    try:
        summary = ingest_paths(saved, data.db_file(), workers=workers, progress=progress, waiting=st.info)
    except StoreError as e:
        st.error(str(e))
        st.stop()
    bar.progress(1.0, text=t("upload_done"))
    counts = ", ".join(f"{t(f'ingest_{k}')}: {v}" for k, v in sorted(summary.by_status.items()))
    st.success(t("upload_summary", files=summary.files, counts=counts))
    problems = unsaved + summary.problems
    if problems:
        st.dataframe(
            pd.DataFrame(problems, columns=["file_path", "status", "reason"]),
            hide_index=True,
            key="upload_problems",
            placeholder=widgets.EMPTY,
            column_config={"file_path": t("col_file"), "status": t("col_status"), "reason": t("col_reason")},
        )
    st.caption(t("upload_after"))
