"""Old Word files (.doc, Word 97-2003), Kingsoft Writer's .wps and RTF: converted to .docx by
LibreOffice, then read as Word.

Many agencies still publish their report as a .doc, and some as the .wps of Kingsoft's WPS Office
(which many offices use; its .wps is Word's binary container, or a .docx's zip in newer versions),
which LibreOffice tells from a Microsoft Works file by its content. No maintained Python library
reads a .doc's tables; LibreOffice's import filter does, so it converts the file (headless, with a
profile of its own in a temporary folder, so that conversions in parallel workers never share one)
and the .docx reader takes it from there. Without LibreOffice such a file fails with what to install.

Sites also save Word's "web page" export, and a .docx, under the name .doc: those are read as what
they are.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from metrics.models import Document
from metrics.readers import budgets
from metrics.readers.errors import ReadError

SUFFIXES = (".doc", ".wps", ".rtf")
INSTALL_HINT = "install LibreOffice Writer (Debian: apt install libreoffice-writer-nogui)"
_ZIP = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .doc (and .xls) container
_MARKUP = re.compile(rb"<(?:html|head|body|meta)[\s>/]", re.IGNORECASE)


def read_word_binary(path: str, data: bytes, suffix: str) -> Document:
    """Read a .doc, .wps or .rtf. Raises ReadError when LibreOffice is missing or cannot convert it."""
    if data.startswith(_ZIP):
        from metrics.readers.docx import read_docx

        return read_docx(path, data)
    if _MARKUP.search(data[:4096]):
        from metrics.readers.html import read_html

        return read_html(path, data)
    from metrics.readers.docx import read_docx

    return read_docx(path, _converted(data, suffix))


def _converted(data: bytes, suffix: str) -> bytes:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise ReadError(
            f"a Word 97-2003 (.doc), WPS (.wps) or RTF file is read through LibreOffice: {INSTALL_HINT}"
        )
    with tempfile.TemporaryDirectory(prefix="ogi-word-") as tmp:
        folder = Path(tmp)
        source = folder / f"report{suffix}"
        source.write_bytes(data)
        command = [
            program,
            "--headless",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder),
            str(source),
        ]
        error = _run(command)
        converted = folder / "report.docx"
        if not converted.is_file():
            raise ReadError(f"LibreOffice could not convert it to .docx ({error or 'it wrote nothing'})")
        return converted.read_bytes()


def _run(command: list[str]) -> str:
    """Run LibreOffice within the conversion budget; its last line of errors, if any. LibreOffice
    starts helper processes of its own, so a conversion that overruns is stopped as a whole group."""
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    ) as process:
        try:
            _, stderr = process.communicate(timeout=budgets.CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ReadError(f"LibreOffice took more than {budgets.CONVERT_SECONDS} s to convert it") from None
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""
