"""Regional roll-up: sums cell by cell into the 2021 tables, identities, files and the CLI."""

import io
import subprocess
import sys

import docx
import duckdb
import libreoffice
import openpyxl
import pytest
from dashboard_fixture import SPECS

from metrics import queries
from metrics.rollup import compute, files, layout
from metrics.rollup.compute import Selection


@pytest.fixture(scope="module")
def con(fixture_db):
    c = queries.open_snapshot(fixture_db)
    yield c
    c.close()


def input_sums(db, year: int, formats: tuple[str, ...]) -> dict[tuple[str, str], float]:
    """The figures of the year's reports of these layouts added up straight from the raw tables."""
    with duckdb.connect(str(db), read_only=True) as raw:
        rows = raw.execute(
            """SELECT f.metric_id, f.requester_column, sum(f.value) FROM facts f JOIN reports r USING (report_id)
            WHERE r.year = ? AND list_contains(?, r.format) AND f.value IS NOT NULL GROUP BY ALL""",
            [year, list(formats)],
        ).fetchall()
    return {(m, c): v for m, c, v in rows}


def test_standard_rollup_equals_the_sum_of_its_reports_in_every_cell(con, fixture_db):
    result = compute.compute(con, Selection("", 2021))
    expected = {k: v for k, v in input_sums(fixture_db, 2021, ("std2021",)).items() if k in layout.CELLS}
    assert expected and result.values == expected
    assert len(result.reports) == sum(1 for s in SPECS if s.year == 2021)


def test_rollup_of_reports_that_add_up_satisfies_every_identity(con):
    result = compute.compute(con, Selection("", 2021))
    assert result.breaks == []


def test_a_region_adds_up_the_places_under_it_only(con):
    result = compute.compute(con, Selection("北京市", 2021))
    assert list(result.reports["agency"]) == ["北京市海淀区人民政府"]
    assert result.values[("requests_new", "total")] == 30


def test_missing_lists_agencies_with_reports_in_other_years_only(con):
    result = compute.compute(con, Selection("", 2020))
    assert sorted(result.missing["agency"]) == ["上海市公安局", "黑河市民政局"]
    assert set(result.reports["agency"]).isdisjoint(result.missing["agency"])


def test_flagged_lists_included_reports_with_findings(con):
    result = compute.compute(con, Selection("上海市", 2019))
    assert list(result.flagged["agency"]) == ["上海市公安局"]


def test_legacy_year_rolls_up_through_the_era_mapping_and_names_rows_without_counterpart(con):
    result = compute.compute(con, Selection("北京市", 2018))
    # 同意公开 15 and 属于已主动公开范围 3 are both 予以公开 since 2019 (metrics.eras)
    assert result.values[("outcome_granted", "total")] == 18
    assert result.values[("requests_new", "total")] == 30
    unmapped = set(result.unmapped["metric_id"])
    assert {"proactive_items", "litigation_total", "litigation_upheld"} <= unmapped
    assert result.unmapped["why"].str.len().gt(0).all()


def test_workbook_has_the_official_row_labels_and_merged_headers(con):
    result = compute.compute(con, Selection("", 2021))
    wb = openpyxl.load_workbook(io.BytesIO(files.to_xlsx_bytes(result)))
    section3 = next(ws for ws in wb.worksheets if ws.title.startswith("三"))
    labels = [c.value for c in section3["A"] if c.value]
    for label in (
        "一、本年新收政府信息公开申请数量",
        "（三）不予公开",
        '3．危及"三安全一稳定"',
        "（七）总计",
    ):
        assert label in labels
    merged = {str(r) for r in section3.merged_cells.ranges}
    assert {"A4:A6", "B4:H4", "C5:G5", "B5:B6", "H5:H6"} <= merged
    assert section3["B5"].value == "自然人" and section3["C5"].value == "法人或其他组织"
    total_row = next(c.row for c in section3["A"] if c.value == "一、本年新收政府信息公开申请数量")
    assert section3.cell(total_row, 8).value == result.values[("requests_new", "total")]
    section4 = next(ws for ws in wb.worksheets if ws.title.startswith("四"))
    assert {"A4:E4", "F4:O4", "F5:J5", "K5:O5"} <= {str(r) for r in section4.merged_cells.ranges}


def test_word_document_holds_the_three_sections_tables(con):
    result = compute.compute(con, Selection("", 2021))
    doc = docx.Document(io.BytesIO(files.to_docx_bytes(result)))
    first_cells = [t.cell(0, 0).text for t in doc.tables]
    assert "第二十条第（一）项" in first_cells and "行政复议" in first_cells
    section3 = next(t for t in doc.tables if t.cell(0, 1).text == "申请人情况")
    assert section3.cell(3, 0).text == "一、本年新收政府信息公开申请数量"
    assert section3.cell(3, 7).text == str(int(result.values[("requests_new", "total")]))


def _rollup_cli(db, out) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "metrics",
        "rollup",
        "--db",
        str(db),
        "--year",
        "2021",
        "--out",
        str(out),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_cli_writes_the_rollup_file_named_by_its_suffix(fixture_db, tmp_path, suffix):
    out = tmp_path / f"rollup{suffix}"
    done = _rollup_cli(fixture_db, out)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0 and "4个机关" in done.stdout
    if suffix == ".xlsx":
        assert any(name.startswith("三") for name in openpyxl.load_workbook(out).sheetnames)
    else:
        assert len(docx.Document(str(out)).tables) >= len(layout.TABLES)


def test_cli_refuses_an_unknown_file_kind(fixture_db, tmp_path):
    done = _rollup_cli(fixture_db, tmp_path / "x.pdf")
    assert done.returncode == 2 and ".xlsx or .docx" in done.stderr


def test_workbook_opens_in_libreoffice_with_its_row_labels_and_sums(con, tmp_path):
    result = compute.compute(con, Selection("", 2021))
    workbook = tmp_path / "rollup.xlsx"
    workbook.write_bytes(files.to_xlsx_bytes(result))
    # LibreOffice reads the workbook and writes each sheet back out as CSV.
    libreoffice.convert(
        workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", tmp_path
    )
    sheets = {p.read_text(encoding="utf-8") for p in tmp_path.glob("rollup*.csv")}
    section3 = next(text for text in sheets if "一、本年新收政府信息公开申请数量" in text)
    row = next(line for line in section3.splitlines() if line.startswith("一、本年新收政府信息公开申请数量"))
    assert row.split(",")[7] == str(int(result.values[("requests_new", "total")]))
