"""What reading one file may cost, declared once: every reader refuses a file beyond these limits.

A few kilobytes can describe gigabytes (a zip bomb, a table cell merged across a billion columns,
a compressed page of a million ruled lines), so each limit bounds what a file expands into, not
only what it weighs. The limits sit far above any real report (the largest known run to ~200
pages, tables of a few thousand cells and ~1 MB of text), so only hostile or broken files meet them.
Images are decoded only to be read by OCR, under the page budgets of metrics.readers.ocr (pixels and
seconds per page).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import zipfile
from collections.abc import Iterator

from metrics.readers.errors import ReadError

MB = 2**20

# The file as it lies on disk.
FILE_BYTES = 40 * MB
# All parts of a Word document unpacked, counted while unpacking: a zip's header can lie.
UNPACKED_BYTES = 200 * MB
# Text a reader hands on to extraction (characters).
TEXT_CHARACTERS = 4_000_000
# Slots of all table grids of one file together; a merged cell counts once for every slot it covers.
TABLE_CELLS = 500_000
# Elements nested inside each other in an HTML page (what libxml2 parses with XML_PARSE_HUGE).
HTML_DEPTH = 2048
# PDF pages, the ruled lines and boxes on one page (finding tables costs their square) and the
# seconds one page may take to read.
PDF_PAGES = 1000
PDF_PAGE_DRAWINGS = 20_000
PDF_PAGE_SECONDS = 10

# An old Word (.doc) or RTF file's conversion to .docx by LibreOffice: its first start with a new
# profile takes a few seconds, a long report a few more.
CONVERT_SECONDS = 120

# Pictures in one HTML or Word report read by OCR (when its text holds no statistics): a report
# printed as pictures runs to a few dozen pages.
PICTURES = 60

# The worker process reading one file: address space it may add to what it starts with, and
# wall-clock seconds before it is stopped. OCR takes most: ONNX Runtime reserves some 800 MB of
# address space for its engine and threads, and a scanned table page at 150 dpi then needs about
# 1.3 GB resident; 2 GB left it short on a loaded machine.
WORKER_MEMORY_BYTES = 3072 * MB
WORKER_SECONDS = 180
# A scanned report of many pages takes that long by right: each page OCR'd gives its file this much
# more time (OCR itself gives up on a document whose pages average far more, see ocr.SETTINGS).
WORKER_SECONDS_PER_OCR_PAGE = 60


def check_text(text: str) -> str:
    if len(text) > TEXT_CHARACTERS:
        raise ReadError(
            f"the text is {len(text):,} characters long, more than the {TEXT_CHARACTERS:,} "
            "a report can plausibly have"
        )
    return text


def check_cells(cells: int, where: str) -> None:
    """Called with the running count of grid slots of a file as its tables are laid out."""
    if cells > TABLE_CELLS:
        raise ReadError(
            f"{where} spreads its merged cells over more than the {TABLE_CELLS:,} grid cells "
            "all tables of a report can plausibly have"
        )


_REPEAT_SECONDS = 0.05


class _OutOfTime(BaseException):
    """Raised by the timer; a BaseException so that a library's `except Exception` cannot swallow it."""


@contextlib.contextmanager
def time_limit(seconds: float, reason: str) -> Iterator[None]:
    """Stop the block with ReadError(reason) after `seconds`.

    A timer signal interrupts even a long pure-Python parse. Signals reach only the main thread,
    which is where workers read files; in any other thread the block runs without this limit,
    bounded only by its worker's."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    stopped = False

    def expire(signum, frame):
        if not stopped:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _unless_out_of_time(previous_hook)
    # Once due, the signal comes again every REPEAT_SECONDS: one that lands in a weakref callback or a
    # __del__ (the garbage collector runs them anywhere) is only printed by Python, and the parse
    # would go on without a limit.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    except _OutOfTime:
        raise ReadError(reason) from None
    finally:
        stopped = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = previous_hook


def _unless_out_of_time(hook):
    """The unraisable-exception hook, passed over for the limit's own signal landing in a __del__: that
    is no error to print, and a hook written in Python (a test runner's) could itself be cut short by
    the signal's next repeat while handling it."""

    def report(unraisable):
        if not isinstance(unraisable.exc_value, _OutOfTime):
            hook(unraisable)

    return report


def check_unpacked_size(archive: zipfile.ZipFile, what: str) -> None:
    """Refuse a zip bomb before it is unpacked, by the sizes its archive declares (`what`: the file's
    kind, as the reason names it). A lying header cannot get past this: zipfile stops unpacking a part
    at its declared size and then fails its checksum, so no part ever yields more than it declares."""
    declared = sum(member.file_size for member in archive.infolist())
    if declared > UNPACKED_BYTES:
        raise ReadError(
            f"{what} unpacks to {declared / MB:,.0f} MB, beyond the "
            f"{UNPACKED_BYTES // MB} MB a report can plausibly need (a zip bomb?)"
        )
