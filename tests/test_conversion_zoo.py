"""The conversion zoo: every complete real HTML report we have, converted by real converters (Python
HTML-to-text libraries, pandoc, w3m, lynx, LibreOffice to DOCX and PDF, Chromium's print to PDF, and
each PDF read back by our reader, pdftotext, pdfplumber and pypdfium2; also Chromium's print of the
page with its table borders taken away, which our PDF reader can only read as page text, and its
print on A5 paper, whose page breaks cut tables inside rows), then read by our extractor.

Sources: the development corpus's HTML reports (pt-*.html, std-001.html; converted at run time into a
temporary folder, their text never enters the repository), any .html under tests/corpus/wide/, and
the project's own HTML fixtures (tests/fixtures/legacy and standard, which run wherever the tests do),
and the 2008-2014 prose reports with truth (dev leg-*.txt and tests/corpus/wide/legacy), each made
back into a page of one paragraph per line.

A conversion's expected figures are what our extractor reads from the HTML source itself, restricted,
where a truth file lies beside the source, to the values that agree with it; a yielded value conflicts
when it differs from the truth (or, without one, from the source's reading). The texts of a PDF split
into one file per page are scored by precision only, since a page holds only some of the tables;
recall is scored on the whole-document conversions.

Proves: (a) no conversion yields a value that conflicts with its source, beyond the conflicts known
today (CONFLICTS_TODAY, to be emptied); (b) each converter's recall over the development reports
stays at or above its floor (RECALL_FLOORS), and likewise over the fixtures and the prose reports. `pytest -s` prints the converter table; so does
scripts/conversion_zoo.py. A converter whose program is missing is skipped with the reason, except in
CI, whose .ci/run installs them all.
"""

from __future__ import annotations

import conversion_zoo as zoo
import pytest

# Recall over the development reports, per whole-document converter: what the extractor reaches today
# minus 0.01, a regression guard. The target is 0.98 for every converter: raise these as it improves
# (`python scripts/conversion_zoo.py --floors` prints both dicts as measured at that moment).
# PYMUPDF4LLM_SPREAD: pymupdf4llm's readings move from one run to the next even with the print clock
# fixed (224 and 221 of the 244 prose values in two runs of the same code, one in a clean clone); the
# cause is not found. Its floors stand 0.03 below today, not 0.01.
RECALL_FLOORS = {
    "html2text": 0.990,  # today 1.000
    "markdownify": 0.990,  # today 1.000
    "inscriptis": 0.952,  # today 0.962
    "trafilatura": 0.990,  # today 1.000
    "html-text": 0.952,  # today 0.962
    "bs4 get_text": 0.990,  # today 1.000
    "bs4 get_text, no separator": 0.764,  # today 0.774
    "bs4 row cells |": 0.990,  # today 1.000
    "pandoc plain": 0.484,  # today 0.494
    "pandoc markdown": 0.990,  # today 1.000
    "pandoc gfm": 0.990,  # today 1.000
    "w3m -dump": 0.990,  # today 1.000
    "lynx -dump": 0.952,  # today 0.962
    "libreoffice docx": 0.990,  # today 1.000
    "chromium pdf, no table borders": 0.980,  # today 0.991
    "chromium pdf on A5 paper": 0.928,  # today 0.939
    "chromium pdf": 0.990,  # today 1.000
    "chromium pdf → pdftotext": 0.507,  # today 0.518
    "chromium pdf → pdftotext -layout": 0.945,  # today 0.955
    "chromium pdf → pdfplumber": 0.950,  # today 0.960
    "chromium pdf → pypdfium2": 0.952,  # today 0.962
    "libreoffice pdf": 0.926,  # today 0.936
    "libreoffice pdf → pdftotext": 0.482,  # today 0.492
    "libreoffice pdf → pdftotext -layout": 0.861,  # today 0.871
    "libreoffice pdf → pdfplumber": 0.861,  # today 0.871
    "libreoffice pdf → pypdfium2": 0.797,  # today 0.807
    "chromium pdf → markitdown": 0.646,  # today 0.656
    "chromium pdf → pymupdf4llm": 0.725,  # today 0.755 (see PYMUPDF4LLM_SPREAD)
    "libreoffice pdf → markitdown": 0.521,  # today 0.532
    "libreoffice pdf → pymupdf4llm": 0.784,  # today 0.814 (see PYMUPDF4LLM_SPREAD)
}

# The same over the project's own HTML fixtures (tests/fixtures/legacy and standard), which run
# wherever the tests do: the legacy statistics table among them, and tables that print zeros blank.
FIXTURE_RECALL_FLOORS = {
    "html2text": 0.973,  # today 0.983
    "markdownify": 0.990,  # today 1.000
    "inscriptis": 0.888,  # today 0.898
    "trafilatura": 0.990,  # today 1.000
    "html-text": 0.888,  # today 0.898
    "bs4 get_text": 0.888,  # today 0.898
    "bs4 get_text, no separator": 0.713,  # today 0.723
    "bs4 row cells |": 0.990,  # today 1.000
    "pandoc plain": 0.990,  # today 1.000
    "pandoc markdown": 0.990,  # today 1.000
    "pandoc gfm": 0.990,  # today 1.000
    "w3m -dump": 0.990,  # today 1.000
    "lynx -dump": 0.888,  # today 0.898
    "libreoffice docx": 0.990,  # today 1.000
    "chromium pdf, no table borders": 0.990,  # today 1.000
    "chromium pdf on A5 paper": 0.956,  # today 0.966
    "chromium pdf": 0.990,  # today 1.000
    "chromium pdf → pdftotext": 0.165,  # today 0.175
    "chromium pdf → pdftotext -layout": 0.770,  # today 0.780
    "chromium pdf → pdfplumber": 0.809,  # today 0.819
    "chromium pdf → pypdfium2": 0.877,  # today 0.887
    "libreoffice pdf": 0.973,  # today 0.983
    "libreoffice pdf → pdftotext": 0.544,  # today 0.554
    "libreoffice pdf → pdftotext -layout": 0.866,  # today 0.876
    "libreoffice pdf → pdfplumber": 0.866,  # today 0.876
    "libreoffice pdf → pypdfium2": 0.888,  # today 0.898
    "chromium pdf → markitdown": 0.487,  # today 0.497
    "chromium pdf → pymupdf4llm": 0.936,  # today 0.966 (see PYMUPDF4LLM_SPREAD)
    "libreoffice pdf → markitdown": 0.340,  # today 0.350
    "libreoffice pdf → pymupdf4llm": 0.778,  # today 0.808 (see PYMUPDF4LLM_SPREAD)
}

# The same over the 2008-2018 prose reports with hand-checked truth (the development corpus's and the
# wide corpus's: 223 of them, 485 values, when today's figures below were measured; 255 and 546 in a
# later full run, whose figures set the floors of pandoc plain, lynx and markitdown on LibreOffice's PDF;
# 266 and 570 in the last, whose figure sets the floor of bs4 without a separator),
# each made back into a web page of one paragraph per line: printed pages
# wrap their sentences, and the figures must survive the wrapping. Some PDF text sets a line's half-width
# digits and commas on a line of their own (pdfplumber, pymupdf4llm, markitdown), where no reading can
# put them back beside their words.
PROSE_RECALL_FLOORS = {
    "html2text": 0.990,  # today 0.996
    "markdownify": 0.990,  # today 0.998
    "inscriptis": 0.990,  # today 0.998
    "trafilatura": 0.977,  # today 0.988
    "html-text": 0.990,  # today 0.998
    "bs4 get_text": 0.990,  # today 1.000
    # A sentence that opens with the year and the agency (2016年,我局在…平台发布信息27条) is read where it opens
    # its line; run into the heading before it (…情况2016年,我局…) it is not.
    "bs4 get_text, no separator": 0.974,  # 0.984 in the last run
    "bs4 row cells |": 0.990,  # today 1.000
    "pandoc plain": 0.980,  # today 0.989
    "pandoc markdown": 0.985,  # today 0.992
    "pandoc gfm": 0.985,  # today 0.992
    "w3m -dump": 0.990,  # today 0.996
    "lynx -dump": 0.968,  # today 0.978
    "libreoffice docx": 0.990,  # today 1.000
    "chromium pdf, no table borders": 0.985,  # today 0.996
    "chromium pdf on A5 paper": 0.973,  # today 0.981
    "chromium pdf": 0.985,  # today 0.996
    "chromium pdf → pdftotext": 0.982,  # today 0.994
    "chromium pdf → pdftotext -layout": 0.982,  # today 0.992
    "chromium pdf → pdfplumber": 0.975,  # today 0.986
    "chromium pdf → pypdfium2": 0.985,  # today 0.996
    "chromium pdf → markitdown": 0.973,  # today 0.981
    "chromium pdf → pymupdf4llm": 0.890,  # today 0.905 (see PYMUPDF4LLM_SPREAD)
    "libreoffice pdf": 0.990,  # today 0.998
    "libreoffice pdf → pdftotext": 0.990,  # today 0.998
    "libreoffice pdf → pdftotext -layout": 0.990,  # today 0.996
    "libreoffice pdf → pdfplumber": 0.990,  # today 0.998
    "libreoffice pdf → pypdfium2": 0.990,  # today 0.998
    "libreoffice pdf → markitdown": 0.948,  # today 0.958
    "libreoffice pdf → pymupdf4llm": 0.970,  # today 0.996 (see PYMUPDF4LLM_SPREAD)
}

# Conflicting values per converter over all sources, as many as today's extractor yields: a ceiling so
# that no new wrong figure gets in. The requirement is precision 1.0, none at all: lower an entry when
# the extractor stops misreading that conversion, delete it at zero; a converter not listed allows none.
CONFLICTS_TODAY = {
    "pandoc plain": 1,
    "chromium pdf → pdfplumber per page": 1,
    "chromium pdf → pypdfium2 per page": 1,
    "libreoffice pdf → pdfplumber per page": 1,
    "libreoffice pdf → pypdfium2 per page": 1,
    "libreoffice pdf → markitdown": 3,
}


def _available(name: str) -> None:
    """.ci/run installs every converter; where one could not be installed the run says so as a skip
    with its reason rather than failing every other test's landing."""
    why = zoo.CONVERTERS[name].missing()
    if why:
        pytest.skip(f"{name}: {why}")


def _scores(sources, workdir, label):
    runs = zoo.run_zoo(sources, workdir)
    scores = zoo.score(runs, {s.name: zoo.reference(s) for s in sources})
    print("\n" + zoo.table(scores, zoo.skipped(), f"conversion zoo, {label}: {len(sources)} HTML reports"))
    return scores


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory) -> dict[str, zoo.Score] | None:
    """Converter scores over the development corpus, or None where it is absent."""
    sources = zoo.dev_sources()
    return _scores(sources, tmp_path_factory.mktemp("zoo-dev"), "development corpus") if sources else None


@pytest.fixture(scope="module")
def wide_scores(tmp_path_factory) -> dict[str, zoo.Score] | None:
    """Converter scores over the HTML reports of tests/corpus/wide/, or None while it holds none."""
    sources = zoo.wide_sources()
    return _scores(sources, tmp_path_factory.mktemp("zoo-wide"), "wide corpus") if sources else None


@pytest.fixture(scope="module")
def fixture_scores(tmp_path_factory) -> dict[str, zoo.Score]:
    """Converter scores over the project's own HTML fixtures, present wherever the tests run."""
    return _scores(zoo.fixture_sources(), tmp_path_factory.mktemp("zoo-fixtures"), "project fixtures")


@pytest.fixture(scope="module")
def prose_scores(tmp_path_factory) -> dict[str, zoo.Score]:
    """Converter scores over the prose reports with truth; the wide corpus's are always present."""
    sources = zoo.prose_sources(tmp_path_factory.mktemp("zoo-prose-sources"))
    return _scores(sources, tmp_path_factory.mktemp("zoo-prose"), "prose reports")


@pytest.fixture(scope="module")
def all_scores(dev_scores, wide_scores, fixture_scores, prose_scores) -> dict[str, dict[str, zoo.Score]]:
    corpora = {"dev": dev_scores, "wide": wide_scores, "fixtures": fixture_scores, "prose": prose_scores}
    return {label: scores for label, scores in corpora.items() if scores}


@pytest.mark.parametrize("name", list(zoo.CONVERTERS))
def test_converter_runs_on_every_source(name, all_scores):
    _available(name)
    errors = [e for scores in all_scores.values() for e in scores[name].errors]
    assert not errors, f"{name} failed on some sources:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", list(zoo.CONVERTERS))
def test_conversion_yields_no_value_conflicting_with_its_source(name, all_scores):
    _available(name)
    conflicts = [c for scores in all_scores.values() for c in scores[name].conflicts]
    known = CONFLICTS_TODAY.get(name, 0)
    if conflicts:
        print(
            f"\n{name}: {len(conflicts)} conflicting values (known today: {known})\n" + "\n".join(conflicts)
        )
    assert len(conflicts) <= known, (
        f"{name} yields {len(conflicts)} values that conflict with the source (known today: {known}):\n"
        + "\n".join(conflicts)
    )


WHOLE_DOCUMENT = [n for n, c in zoo.CONVERTERS.items() if not c.per_page]


def _keeps_floor(name: str, scores: dict[str, zoo.Score], floors: dict[str, float], title: str) -> None:
    _available(name)
    assert name in floors, f"{name} has no floor in {title}: add today's recall - 0.01"
    s = scores[name]
    assert s.recall >= floors[name], (
        f"{name}: recall {s.recall:.3f} < floor {floors[name]} ({s.found}/{s.expected}); missed:\n"
        + "\n".join(s.missed[:60])
    )


@pytest.mark.parametrize("name", WHOLE_DOCUMENT)
def test_conversion_keeps_its_recall_floor_on_the_development_reports(name, dev_scores):
    if dev_scores is None:
        pytest.skip(f"the development corpus is not at {zoo.DEV}")
    _keeps_floor(name, dev_scores, RECALL_FLOORS, "RECALL_FLOORS")


@pytest.mark.parametrize("name", WHOLE_DOCUMENT)
def test_conversion_keeps_its_recall_floor_on_the_project_fixtures(name, fixture_scores):
    _keeps_floor(name, fixture_scores, FIXTURE_RECALL_FLOORS, "FIXTURE_RECALL_FLOORS")


@pytest.mark.parametrize("name", WHOLE_DOCUMENT)
def test_conversion_keeps_its_recall_floor_on_the_prose_reports(name, prose_scores):
    _keeps_floor(name, prose_scores, PROSE_RECALL_FLOORS, "PROSE_RECALL_FLOORS")
