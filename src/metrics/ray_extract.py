"""Extraction of millions of files on Ray: read the files where they lie, extract, write the Parquet tree.

Ray Data reads the files' bytes in parallel across a cluster's nodes (local folders, or any filesystem
it reads: s3://, gs://, hdfs://), each batch of files is read and extracted by the code `ogi ingest`
runs (ingest.process_bytes, in a reader process under ingest's memory and time limits), and the rows are the ones ingest's writer stores, written in the layout
of `ogi export --format parquet` (reports, facts and flags partitioned by year, ingest_log and the
empty tables people fill as single files, schema.sql), which queries.open_parquet_snapshot reads.

As in an ingest into an empty database, a file whose content another file already gave is logged as
its duplicate; of such files the first by path keeps the report. The checks across an agency's years
need every year at once: they run on this machine after the files are read, on the reports' rows
without their text and the 总计 column's facts. A report without a year lies under
year=__HIVE_DEFAULT_PARTITION__ (Hive's and Spark's name for it), which DuckDB reads as NULL too.
"""

from __future__ import annotations

import functools
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs
import pyarrow.parquet as pq
import ray

from metrics.ingest import UNSUPPORTED, Summary, as_first_stored, attempts, process_bytes, store_batch
from metrics.sql_files import sql_text
from metrics.store import Attempt, in_memory_writer
from metrics.walk import files_under

# Files read and stored per task: enough to amortise a task's start and a writer's transaction,
# few enough that a node's tasks share out a folder of a few thousand files.
FILES_PER_BATCH = 64
# Attempts turned into rows per task: the shuffle leaves many small blocks, and each task sets up an
# in-memory database, so blocks are taken together up to this many files.
STORED_PER_BATCH = 2000
BATCHES_OF_STORED = {"batch_size": STORED_PER_BATCH, "batch_format": "pyarrow"}
PARTITIONED = ("reports", "facts", "flags")
# Written by people on the dashboard, so empty in a tree made from files; the snapshot expects them.
EMPTY_TABLES = ("current_choices", "flag_reviews", "agency_directory")


def extract_to_parquet(inputs: list[str], out: str) -> None:
    """Read every file under `inputs` on the Ray cluster this process is connected to (ray.init) and
    write the Parquet tree into `out`, a folder or a URI Ray Data writes to."""
    local = files_under([i for i in inputs if "://" not in i])
    remote = [i for i in inputs if "://" in i]
    # Local files by their real path, as ingest logs them; URIs as Ray Data lists them.
    paths = [os.path.realpath(p) for p in local.files] + remote
    if not paths:
        raise NothingToRead(f"no files under {', '.join(inputs)}")
    files = ray.data.read_binary_files(paths, include_paths=True)
    logged = files.map_batches(_attempts, batch_size=FILES_PER_BATCH, batch_format="pyarrow")
    # A shuffle by content brings every copy of a file together, wherever it was read. Each of its
    # partitions costs a task: Ray's default number (200) is sized for files it lists itself.
    partitions = None if remote else max(1, len(paths) // STORED_PER_BATCH)
    stored = logged.groupby("content_hash", partitions).map_groups(_as_stored, batch_format="pyarrow")
    refused = [Attempt(path, None, UNSUPPORTED, reason) for path, reason in local.refused]
    if refused:
        stored = stored.union(ray.data.from_arrow(_pickled(as_first_stored(refused))))
    stored = stored.materialize()  # extracted once, written as four tables
    for table in PARTITIONED:
        rows = stored.map_batches(_rows, fn_kwargs={"table": table}, **BATCHES_OF_STORED)
        rows.write_parquet(f"{out}/{table}", partition_cols=["year"])
    across = _across_years_flags(stored)
    if across.num_rows:
        ray.data.from_arrow(across).write_parquet(f"{out}/flags", partition_cols=["year"])
    log = stored.map_batches(_rows, fn_kwargs={"table": "ingest_log"}, **BATCHES_OF_STORED)
    _write_single_files(log.iter_batches(batch_format="pyarrow"), out)


class NothingToRead(Exception):
    """The inputs hold no file to read (empty folders, or only hidden files)."""


def _attempts(files: pa.Table) -> pa.Table:
    """Read and extract a batch of files (columns path, bytes) as ingest does: in a reader process of
    its own, so a file that exhausts memory, crashes a library or never ends fails alone, not the
    batch's task (which Ray would retry, then stop the run)."""
    contents = dict(zip(files.column("path").to_pylist(), files.column("bytes").to_pylist(), strict=True))
    read = functools.partial(_process_held, contents)
    return _pickled(list(attempts(list(contents), 1, read)))


def _process_held(contents: dict[str, bytes], path: str) -> Attempt:
    return process_bytes(path, contents[path])


def _as_stored(copies: pa.Table) -> pa.Table:
    """The attempts of files of one content, the first by path keeping the report."""
    return _pickled(as_first_stored(sorted(_unpickled(copies), key=lambda a: a.file_path)))


def _rows(stored: pa.Table, table: str) -> pa.Table:
    """The rows of `table` (tree_tables.sql) that ingest's writer stores for these attempts."""
    with in_memory_writer() as writer:
        store_batch(writer, _unpickled(stored), Summary(), None)
        writer.con.execute(sql_text("tree_tables"))
        return writer.con.sql(f"SELECT * FROM tree_{table}").to_arrow_table()


def _across_years_flags(stored: ray.data.Dataset) -> pa.Table:
    """The checks between an agency's consecutive years, by the writer's own SQL, run here once every
    file is read: they need the reports (without their text) and total-column facts of all years."""
    reports = stored.map_batches(_rows, fn_kwargs={"table": "reports"}, **BATCHES_OF_STORED)
    totals = stored.map_batches(_totals, **BATCHES_OF_STORED)
    with in_memory_writer() as writer:
        for table, rows in (("reports", reports.drop_columns(["body_text"])), ("facts", totals)):
            for batch in rows.iter_batches(batch_format="pyarrow"):
                writer.con.register("batch", batch)
                writer.con.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM batch")
                writer.con.unregister("batch")
        writer.refresh_cross_year_flags()
        writer.con.execute(sql_text("tree_tables"))
        return writer.con.sql("SELECT * FROM tree_flags WHERE scope = 'across_years'").to_arrow_table()


def _totals(stored: pa.Table) -> pa.Table:
    """The facts of the 总计 column, the only ones the checks across years compare."""
    facts = _rows(stored, "facts")
    return facts.filter(pc.equal(facts["requester_column"], "total")).drop_columns(["year"])


def _write_single_files(log_batches: Iterator[pa.Table], out: str) -> None:
    """The ingest log, streamed into one file, the empty tables people fill, and schema.sql."""
    fs, root = _filesystem(out)
    writer = None
    for batch in log_batches:
        if writer is None:
            writer = pq.ParquetWriter(f"{root}/ingest_log.parquet", batch.schema, filesystem=fs)
        writer.write_table(batch)
    if writer is not None:
        writer.close()
    with in_memory_writer() as empty:
        for table in EMPTY_TABLES:
            rows = empty.con.sql(f"SELECT * FROM raw.{table}").to_arrow_table()
            pq.write_table(rows, f"{root}/{table}.parquet", filesystem=fs)
    with fs.open_output_stream(f"{root}/schema.sql") as schema:
        schema.write(sql_text("schema").encode("utf-8"))


def _filesystem(out: str) -> tuple[pyarrow.fs.FileSystem, str]:
    uri = out if "://" in out else str(Path(out).resolve())
    fs, root = pyarrow.fs.FileSystem.from_uri(uri)
    fs.create_dir(root, recursive=True)
    return fs, root


def _pickled(attempts: list[Attempt]) -> pa.Table:
    """Attempts as rows Ray Data can move between nodes; content_hash is the duplicates' shuffle key."""
    return pa.table(
        {
            "content_hash": pa.array([a.content_hash for a in attempts], pa.string()),
            "attempt": pa.array([pickle.dumps(a) for a in attempts], pa.binary()),
        }
    )


def _unpickled(rows: pa.Table) -> list[Attempt]:
    return [pickle.loads(blob) for blob in rows.column("attempt").to_pylist()]


def run(inputs: list[str], out: str, address: str | None = None, cpus: int | None = None) -> None:
    """extract_to_parquet on a Ray started here with `cpus` cores, or on the cluster at `address`
    (auto, ray://head:10001), which is sent this package's code; the nodes need its dependencies
    (pip install '.[ray]') and local inputs at the same path (a shared filesystem)."""
    if address:
        ray.init(address=address, runtime_env={"py_modules": [str(Path(__file__).parent)]})
    else:
        ray.init(num_cpus=cpus, include_dashboard=False)
    try:
        extract_to_parquet(inputs, out)
    finally:
        ray.shutdown()
