"""The SQL the program runs: one file per statement or layer under sql/, read by name."""

from __future__ import annotations

import functools
from importlib import resources

import duckdb
import pyarrow as pa


@functools.cache
def sql_text(name: str) -> str:
    """The text of sql/<name>.sql; the files do not change while a process runs, so each is read once."""
    return resources.files("metrics").joinpath(f"sql/{name}.sql").read_text(encoding="utf-8")


def insert_rows(
    con: duckdb.DuckDBPyConnection, name: str, rows: list[tuple], columns: tuple[str, ...]
) -> None:
    """Run sql/<name>.sql, which inserts `rows` (tuples of `columns`) read from the table new_rows: one
    statement for any number of rows, where executemany runs one per row (seconds for the tens of
    thousands of regions a million reports name)."""
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    con.register("new_rows", pa.table([pa.array(v, pa.string()) for v in values], names=list(columns)))
    try:
        con.execute(sql_text(name))
    finally:
        con.unregister("new_rows")
