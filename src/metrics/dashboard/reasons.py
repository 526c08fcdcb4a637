"""Why a file was not read, in the interface language.

Readers and ingest record their reason in English, with technical detail (an exception's words, a
worker's limits), and the ingest log keeps it so; the pages say it in plain words instead: the first
pattern a reason matches names its sentence, and a reason no pattern knows is said by its status
alone. The recorded reason stays in the downloads' detail.
"""

from __future__ import annotations

import re

from metrics import ui_text

# (pattern of the recorded reason, key of its sentence in ui_text), most specific first.
_PATTERNS = (
    (r"the file is empty", "reason_empty"),
    (r"only blank space", "reason_blank"),
    (r"old binary Word", "reason_old_doc"),
    (r"read through LibreOffice", "reason_needs_libreoffice"),
    (r"LibreOffice could not convert|LibreOffice took more than", "reason_doc_unconverted"),
    (r"holds no HTML", "reason_page_without_html"),
    (r"is not a Word document", "reason_not_docx"),
    (r"Word document contains no text", "reason_docx_no_text"),
    (r"Word document(?:'s XML)? is (?:truncated|damaged)|Word document's XML", "reason_docx_damaged"),
    (r"spreadsheet is damaged|spreadsheet holds no cell", "reason_spreadsheet"),
    (r"needs OCR", "reason_needs_ocr"),
    (r"neither a text layer", "reason_pdf_no_text"),
    (r"PDF is encrypted", "reason_pdf_encrypted"),
    (r"PDF is damaged", "reason_pdf_damaged"),
    (r"OFD file(?:'s XML)? is damaged", "reason_ofd_damaged"),
    (r"pages, more than the .* we read|more than the .* pages we read", "reason_too_many_pages"),
    (r"image cannot be read", "reason_image"),
    (r"not text in any encoding|the rest is binary", "reason_binary"),
    (r"page has no readable content", "reason_no_content"),
    (r"does not read as a government", "reason_not_report"),
    (r"not a regular file", "reason_not_regular"),
    (r"could not be opened", "reason_cannot_open"),
    (r"more than the .* MB of memory|took longer than", "reason_out_of_memory"),
    (r"the process reading it (?:was killed|died of signal|stopped unexpectedly)", "reason_reader_died"),
    (r"no statistics were found", "reason_no_statistics"),
    (r"could not be stored", "reason_not_stored"),
    (r"; could not read the ", "reason_some_missing"),
)


def in_words(status: str, reason: str, lang: str) -> str:
    """The reason a file has its status, as one sentence of the interface language."""
    for pattern, key in _PATTERNS:
        if re.search(pattern, reason or ""):
            return ui_text.text(lang, key)
    return ui_text.text(lang, f"reason_other_{status}")
