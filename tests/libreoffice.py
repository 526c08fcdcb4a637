"""LibreOffice's headless conversion, for tests that make or check files with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def convert(source: Path, to: str, outdir: Path) -> None:
    """Convert `source` with LibreOffice (`to` as `--convert-to` takes it) into `outdir`, with a
    profile of its own there; the test is skipped where LibreOffice is not installed."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    profile = (outdir / "profile").as_uri()
    command = ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", to]
    subprocess.run(
        [*command, "--outdir", str(outdir), str(source)], capture_output=True, timeout=180, check=True
    )
