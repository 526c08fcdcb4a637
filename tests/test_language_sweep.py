"""One language at a time: reasons, check names, statuses and file names on the pages that list
files and findings, in the interface language and without codes or server folders."""

import re
import signal
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metrics import ui_text, workers
from metrics.dashboard import findings, reasons
from metrics.readers import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
LANG_PARAM = {"zh": "中文", "en": "English"}


def open_page(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = LANG_PARAM[lang]
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


# Ingest's wrapper around a reader's own reason, which is said by the reason it wraps.
WRAPPER = re.compile(r"^could not be read: x(: x)?$")


def reader_reasons() -> list[str]:
    """Every reason a reader or ingest records, its fields written x."""
    found = []
    for path in [*(ROOT / "src/metrics/readers").glob("*.py"), ROOT / "src/metrics/ingest.py"]:
        for m in re.finditer(
            r'(?:ReadError\(|(?:FAILED|UNSUPPORTED|PARTIAL), )f?"([^"]+)"', path.read_text()
        ):
            found.append(re.sub(r"\{[^}]*\}", "x", m.group(1)))
    return [r for r in found if not WRAPPER.match(r)]


def test_every_reason_a_reader_records_is_said_in_words_of_its_own():
    unknown = {
        r
        for r in reader_reasons()
        if reasons.in_words("failed", r, "zh") == ui_text.text("zh", "reason_other_failed")
    }
    assert reader_reasons() and not unknown, unknown


@pytest.mark.parametrize("exitcode", [-signal.SIGKILL, -signal.SIGABRT, -signal.SIGSEGV, 3])
def test_a_reader_process_that_died_is_said_in_words_of_its_own(exitcode):
    # A damaged spreadsheet can make its library abort (SIGABRT) or allocate until it is killed.
    said = reasons.in_words("failed", f"could not be read: {workers._death(exitcode)}", "zh")
    assert said == ui_text.text("zh", "reason_reader_died")


@pytest.mark.parametrize(
    "code",
    sorted(findings.BY_CODE)
    + ["date:published_in_year", "across_years:carried_over", "ambiguous_row", "metadata_agency_disagrees"],
)
def test_every_check_has_a_name_in_each_language_not_its_code(code):
    for lang in ui_text.LANGUAGES:
        name = findings.check_name(code, lang)
        assert name and code not in name and "check_" not in name
    assert re.search(r"[\u4e00-\u9fff]", findings.check_name(code, "zh"))


def test_a_finding_recorded_in_english_is_said_in_chinese_in_the_chinese_interface():
    flag = {
        "code": "ambiguous_row",
        "message": "row 总计: the number 5 stands without the unit every other row prints",
    }
    assert findings.sentence(flag, {}, "std2021", "zh") == ui_text.text("zh", "check_ambiguous_row")
    assert findings.sentence(flag, {}, "std2021", "en") == flag["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_data_quality_lists_failed_files_by_name_with_reasons_and_checks_in_the_interface_language(
    app_env, lang
):
    at = open_page("pages/quality.py", lang)
    ingest = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert not ingest["file_path"].str.contains("/").any()
    assert set(ingest["status"]) <= {
        ui_text.text(lang, f"ingest_{s}") for s in ("failed", "unsupported", "partial", "duplicate")
    }
    english = ingest["reason"].str.contains(r"[A-Za-z]{3,} [a-z]{2,}")
    assert (~english).all() if lang == "zh" else english.all()
    summary = next(d.value for d in at.dataframe if "check" in d.value.columns and "flags" in d.value.columns)
    assert not summary["check"].str.contains(r"^[a-z_]+:").any()
    assert summary["check"].str.startswith(ui_text.text(lang, "check_identity", rule="")).any()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_data_quality_download_is_the_table_shown_headed_in_the_interface_language(
    app_env, monkeypatch, lang
):
    from metrics.dashboard import widgets

    offered = {}
    monkeypatch.setattr(
        widgets, "downloads", lambda stem, key, *a, shown=None, **kw: offered.update({stem: shown})
    )
    open_page("pages/quality.py", lang)
    assert {"ingest-problems", "missing-years", "flags"} <= set(offered)
    for stem, offered_shown in offered.items():
        assert offered_shown is not None, stem
        # A large table's download is made when asked for: the page offers the function that makes it.
        shown = offered_shown() if callable(offered_shown) else offered_shown
        codes = [c for c in shown.columns if re.fullmatch(r"[a-z_]+", c)]
        assert not codes, (stem, codes)
        assert not shown.astype(str).apply(lambda col: col.str.startswith("/")).any().any(), stem


def test_the_report_detail_download_is_its_figures_in_words_not_stored_codes(app_env, monkeypatch):
    from metrics.dashboard import widgets

    offered = {}
    monkeypatch.setattr(
        widgets, "downloads", lambda stem, key, *a, shown=None, **kw: offered.update({stem: shown})
    )
    open_page("pages/report.py", "en")
    shown = next(v for k, v in offered.items() if k.startswith("report-"))
    assert list(shown.columns) == [
        ui_text.text("en", k) for k in ("col_metric", "col_requester", "col_value", "col_evidence")
    ]
    assert "Total" in set(shown[ui_text.text("en", "col_requester")])
    assert not shown[ui_text.text("en", "col_metric")].str.fullmatch(r"[a-z_]+").any()


def test_the_roll_up_lists_agencies_with_level_format_and_findings_in_words(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["rollup_year"] = "2019"
    at.run()
    at.switch_page("pages/rollup.py").run()
    included = next(
        d.value for d in at.dataframe if "flag_codes" in d.value.columns and "link" in d.value.columns
    )
    assert set(included["level"]) <= set(ui_text.CODES["zh"]["level"].values())
    assert set(included["format"]) <= set(ui_text.CODES["zh"]["format"].values())
    assert included["flag_codes"].str.contains(ui_text.text("zh", "check_identity", rule="")).any()
    assert not included["flag_codes"].str.contains("identity:").any()


def test_the_reports_behind_say_late_and_findings_in_words_and_download_what_is_shown(app_env, monkeypatch):
    from metrics.dashboard import widgets

    offered = {}
    real = widgets.downloads
    monkeypatch.setattr(
        widgets,
        "downloads",
        lambda stem, *a, shown=None, **kw: offered.update({stem: shown}) or real(stem, *a, shown=shown, **kw),
    )
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["overview_behind"] = "true"
    at.run()
    behind = next(d.value for d in at.dataframe if "parser_version" in d.value.columns)
    assert set(behind["late"]) <= {ui_text.text("zh", "yes"), ui_text.text("zh", "no"), "—"}
    assert not behind["flag_codes"].str.contains(r"[a-z_]+:[a-z_]+").any()
    # The download is made when pressed, outside the script run: still in the page's words.
    shown = offered["reports"]()
    assert ui_text.text("zh", "col_late") in shown.columns
    assert set(shown[ui_text.text("zh", "col_late")]) <= {
        ui_text.text("zh", "yes"),
        ui_text.text("zh", "no"),
        "—",
    }


# Words the Chinese interface may print: file kinds and units, and a page's own anchor in a link.
ALLOWED_LATIN = {"CSV", "Excel", "Word", "PDF", "HTML", "DOCX", "TXT", "MB", "OCR", "late", "missing"}
# A file name or a list of file kinds ('a004-2014.html', '.txt, .md'): the reader's own words.
FILE_NAMES = re.compile(
    r"[\w.-]*\.(?:" + "|".join(s.removeprefix(".") for s in SUPPORTED_SUFFIXES) + r")\b|utf-8"
)


def shown_texts(at: AppTest) -> list[str]:
    """Every text a page shows outside its tables (whose headers AppTest gives as the stored column
    names; the tables are checked by the tests of each page): headings, prose, metrics, widgets."""
    out = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "success",
        "error",
    ):
        out += [str(e.value) for e in at.get(kind)]
    out += [f"{m.label} {m.value}" for m in at.metric]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "button", "text_input", "download_button"):
        for e in at.get(kind):
            out += [str(e.label or ""), *(str(o) for o in (getattr(e, "options", None) or []))]
    return out


@pytest.mark.parametrize(
    "page", [p.path for p in __import__("metrics.dashboard.registry").dashboard.registry.PAGES]
)
def test_the_chinese_interface_prints_no_english_words(app_env, page):
    at = open_page(page, "zh")
    english = {
        word
        for text in shown_texts(at)
        for word in re.findall(r"[A-Za-z][A-Za-z_:]{2,}", FILE_NAMES.sub("", text))
        if word not in ALLOWED_LATIN and not text.startswith("http")
    }
    assert not english, english


def test_report_detail_in_english_names_section_two_figures_in_english(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "English"
    at.query_params["agency"] = "广州市人民政府"
    at.run()
    at.switch_page("pages/report.py").run()
    assert not at.exception
    grids = [d.value for d in at.dataframe if list(d.value.columns) == [ui_text.text("en", "col_value")]]
    assert grids
    labels = [str(label) for grid in grids for label in grid.index]
    assert not [label for label in labels if re.search(r"[\u4e00-\u9fff]", label)]
    assert any("Article 20, item (1)" == c.value for c in at.caption)
