"""Saving uploaded report files before ingest: safe names, content-addressed so re-uploads dedupe."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from metrics.readers import MAX_BYTES, SUPPORTED_SUFFIXES

# The uploader offers what the readers read; st.file_uploader wants the suffixes without their dot.
ALLOWED_SUFFIXES = tuple(s.removeprefix(".") for s in SUPPORTED_SUFFIXES)
MAX_MEGABYTES = MAX_BYTES // 2**20

_UNSAFE = re.compile(r"[^\w.\-\u3400-\u9fff]+")


def uploads_dir() -> Path:
    return Path(os.environ.get("OGI_UPLOADS") or "data/uploads")


def safe_name(name: str) -> str:
    """The browser's file name reduced to its last part, without characters a file system dislikes."""
    base = re.split(r"[\\/]", name)[-1].strip().lstrip(".")
    return _UNSAFE.sub("_", base)[:120] or "upload"


def save(name: str, content: bytes, folder: Path | None = None) -> Path:
    folder = folder or uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(content).hexdigest()[:12]
    path = folder / f"{digest}-{safe_name(name)}"
    if not path.exists():
        path.write_bytes(content)
    return path
