import os

import pandas as pd
import streamlit as st

from metrics.dashboard import access, data, reasons, state, uploads, widgets
from metrics.dashboard.state import lang, t
from metrics.ingest import ingest_paths
from metrics.store import StoreError

state.ensure_app_frame()


def result_text(row, attempted: dict[str, str]) -> str:
    """What became of an uploaded file, in words: read now, read before, a duplicate, or failed."""
    if row.file_path not in attempted:
        return t("upload_result_unchanged")
    status = attempted[row.file_path]
    if status in ("ok", "partial"):
        return t("upload_result_new")
    if status == "duplicate":
        return t("upload_result_duplicate")
    return t("upload_result_failed", reason=reasons.in_words(status, row.reason, lang()))


st.title(t("page_upload"))
st.markdown(
    t(
        "upload_intro",
        types=", ".join(f".{s}" for s in uploads.ALLOWED_SUFFIXES),
        mb=uploads.MAX_MEGABYTES,
    )
)

if not access.writes_allowed("upload_token"):
    st.stop()

widgets.uploader_in_language(t("upload_instructions", mb=uploads.MAX_MEGABYTES))
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
    attempted: dict[str, str] = {}  # stored file path -> status, for the files read in this run
    try:
        summary = ingest_paths(
            saved,
            data.db_file(),
            workers=workers,
            progress=progress,
            file_done=lambda a: attempted.__setitem__(a.file_path, a.status),
            waiting=st.info,
        )
    except StoreError as e:
        st.error(str(e))
        st.stop()
    bar.progress(1.0, text=t("upload_done"))
    stored = summary.by_status.get("ok", 0) + summary.by_status.get("partial", 0)
    if stored:
        st.success(t("upload_new_reports", n=stored))
    else:
        st.info(t("upload_nothing_new"))
    data.wait_for_current()
    logged = data.run("upload_results", {"paths": [os.path.realpath(p) for p in saved]})
    counts = ", ".join(f"{t(f'ingest_{k}')}: {v}" for k, v in sorted(summary.by_status.items()))
    st.caption(t("upload_summary", files=summary.files, counts=counts))
    results = logged.assign(
        file=logged["file_path"].map(uploads.shown_name),
        result=[result_text(r, attempted) for r in logged.itertuples()],
    )[["file", "agency", "year", "result"]]
    st.dataframe(
        results,
        hide_index=True,
        key="upload_results",
        column_config={
            "file": t("col_file"),
            "agency": t("col_agency"),
            "year": st.column_config.NumberColumn(t("year"), format="%d"),
            "result": t("col_upload_result"),
        },
    )
    failed = [p for p in unsaved + summary.problems if p[1] in ("failed", "unsupported")]
    if failed:
        st.warning(t("upload_failures"))
        st.dataframe(
            pd.DataFrame(failed, columns=["file_path", "status", "reason"]).assign(
                file_path=lambda f: f["file_path"].map(widgets.file_name),
                reason=lambda f: [
                    reasons.in_words(s, r, lang()) for s, r in zip(f["status"], f["reason"], strict=True)
                ],
                status=lambda f: f["status"].map(lambda s: t(f"ingest_{s}")),
            ),
            hide_index=True,
            key="upload_problems",
            placeholder=widgets.EMPTY,
            column_config={"file_path": t("col_file"), "status": t("col_status"), "reason": t("col_reason")},
        )
    if stored:
        st.caption(t("upload_after"))
