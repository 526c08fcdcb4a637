"""sql_files.insert_rows: rows made in Python go into a table in one statement."""

from __future__ import annotations

import duckdb
import pytest

from metrics.sql_files import insert_rows, sql_text


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute(sql_text("directory_tables"))  # the region_paths table region_paths_fill.sql fills
    yield con
    con.close()


def test_insert_rows_stores_every_row_and_none_as_null(con):
    rows = [("某省某市", "某省/某市"), ("某县", None), ("乙县", "某省/乙县")]
    insert_rows(con, "region_paths_fill", rows, ("region", "path"))
    assert con.execute("SELECT region, path FROM region_paths ORDER BY region").fetchall() == sorted(rows)


def test_insert_rows_of_no_rows_inserts_nothing_and_leaves_no_table_of_rows_behind(con):
    insert_rows(con, "region_paths_fill", [], ("region", "path"))
    assert con.execute("SELECT count(*) FROM region_paths").fetchone() == (0,)
    with pytest.raises(duckdb.CatalogException):
        con.execute("SELECT * FROM new_rows")
