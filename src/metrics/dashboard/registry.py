"""The dashboard's pages: file, URL path and icon; titles come from ui_text by key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    path: str  # relative to app.py
    url_path: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "pages/overview.py", "overview", ":material/dashboard:"),
    PageSpec("trends", "pages/trends.py", "trends", ":material/show_chart:"),
    PageSpec("compare", "pages/compare.py", "compare", ":material/compare_arrows:"),
    PageSpec("requests", "pages/requests.py", "requests", ":material/rule:"),
    PageSpec("review", "pages/review.py", "review", ":material/gavel:"),
    PageSpec("builder", "pages/builder.py", "builder", ":material/table_view:"),
    PageSpec("rollup", "pages/rollup.py", "rollup", ":material/functions:"),
    PageSpec("anomalies", "pages/anomalies.py", "anomalies", ":material/troubleshoot:"),
    PageSpec("similar", "pages/similar.py", "similar", ":material/content_copy:"),
    PageSpec("quality", "pages/quality.py", "quality", ":material/fact_check:"),
    PageSpec("directory", "pages/directory.py", "directory", ":material/account_tree:"),
    PageSpec("report", "pages/report.py", "report", ":material/description:"),
    PageSpec("upload", "pages/upload.py", "upload", ":material/upload_file:"),
)

REPORT_PAGE = next(p for p in PAGES if p.key == "report")
UPLOAD_PAGE = next(p for p in PAGES if p.key == "upload")
