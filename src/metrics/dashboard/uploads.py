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


# File systems allow 255 bytes a name, and a Chinese character takes three in UTF-8; the saved name
# also carries the content digest and a hyphen in front.
MAX_NAME_BYTES = 200
MAX_SUFFIX_BYTES = 16


def safe_name(name: str) -> str:
    """The browser's file name reduced to its last part, without characters a file system dislikes,
    and short enough in bytes for any file system."""
    base = re.split(r"[\\/]", name)[-1].strip().lstrip(".")
    return _within_bytes(_UNSAFE.sub("_", base) or "upload", MAX_NAME_BYTES)


def _within_bytes(name: str, limit: int) -> str:
    """The name cut to `limit` UTF-8 bytes at a character boundary, keeping its suffix (the reader
    is chosen by it)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    if len(suffix.encode()) > MAX_SUFFIX_BYTES:
        stem, suffix = name, ""
    room = limit - len(suffix.encode())
    return stem.encode()[:room].decode("utf-8", errors="ignore") + suffix


def save(name: str, content: bytes, folder: Path | None = None) -> Path:
    folder = folder or uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(content).hexdigest()[:12]
    path = folder / f"{digest}-{safe_name(name)}"
    if not path.exists():
        path.write_bytes(content)
    return path


def shown_name(saved_path: str) -> str:
    """The name the user uploaded: the saved file's name without the content digest in front."""
    return Path(saved_path).name.split("-", 1)[-1]
