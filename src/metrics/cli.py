"""The `ogi` command: ingest, extract, extract-ray, status, check, rebuild, files, rollup, dashboard, demo."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import click
import duckdb

from metrics.catalog import label
from metrics.file_names import for_storage, readable
from metrics.queries import UnreadableDatabase
from metrics.store import LOCK_WAIT_SECONDS, StoreError, connect_readonly, db_path

# The source checkout: `ogi dashboard` runs its app.py and falls back to its demo corpus.
PROJECT = Path(__file__).resolve().parents[2]

DB_OPTION = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="DuckDB file (default: $OGI_DB or data/ogi.duckdb)",
)


# Exit statuses: 1 when some files failed, 2 when the run could not complete (a usage error, the
# database unwritable or unreadable, or locked by another writer for too long).
SOME_FILES_FAILED, RUN_FAILED = 1, 2


class _Commands(click.Group):
    """Failures of the database end the command with one line naming the cause, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as e:
            click.echo(f"ogi: {e}", err=True)
        except UnreadableDatabase as e:
            click.echo(f"ogi: the database could not be read: {str(e).strip().splitlines()[0]}", err=True)
        except duckdb.Error as e:
            click.echo(f"ogi: the database could not be read: {str(e).strip().splitlines()[0]}", err=True)
        ctx.exit(RUN_FAILED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Read government information-disclosure annual reports into one dataset."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@DB_OPTION
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="worker processes (default: all cores)"
)
@click.option("--quiet", is_flag=True, help="no progress bar")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="one JSON object per file attempted (status, reason, seconds, peak memory) instead of tables",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=LOCK_WAIT_SECONDS,
    show_default=True,
    help="seconds to wait while another ingest writes the database",
)
def ingest(
    paths: tuple[str, ...], db: str | None, workers: int | None, quiet: bool, as_json: bool, wait: float
) -> None:
    """Read every report under PATHS into the database."""
    from tqdm import tqdm

    from metrics.ingest import FAILED, ingest_paths

    # Stopped politely (kill, a service manager), the writer still removes its copy of the database.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    with tqdm(unit="file", desc="ingest", dynamic_ncols=True, file=sys.stderr, disable=quiet) as bar:

        def progress(done: int, total: int, path: str) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        def file_done(attempt) -> None:
            line = {
                "file": readable(attempt.file_path),
                "status": attempt.status,
                "reason": attempt.reason,
                "seconds": round(attempt.seconds, 3),
                "peak_rss_mb": round(attempt.peak_rss / 2**20, 1),
                "ocr_pages": attempt.ocr_pages,
            }
            bar.write(json.dumps(line, ensure_ascii=False), file=sys.stdout)

        summary = ingest_paths(
            paths,
            db_path(db),
            workers=workers,
            progress=progress,
            file_done=file_done if as_json else None,
            wait=wait,
            waiting=lambda message: bar.write(message, file=sys.stderr),
        )
    if as_json:
        sys.exit(SOME_FILES_FAILED if summary.by_status.get(FAILED) else 0)
    click.echo(f"{summary.files} files → {db_path(db)}")
    _print_table(["status", "files"], sorted(summary.by_status.items()))
    if summary.by_format:
        _print_table(["format", "reports written"], sorted(summary.by_format.items()))
    click.echo(_ocr_line(summary.ocr_pages))
    if summary.problems:
        click.echo("\nfiles not ingested:")
        _print_table(["file", "status", "reason"], summary.problems)
    sys.exit(SOME_FILES_FAILED if summary.by_status.get(FAILED) else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="one JSON object per file and line")
def extract(paths: tuple[str, ...], as_json: bool) -> None:
    """Extract reports without a database and print what was found (exit 1 when a file failed)."""
    from metrics.ingest import FAILED, UNSUPPORTED, attempts
    from metrics.store import Attempt
    from metrics.walk import files_under

    found = files_under(paths)
    refused = [Attempt(path, None, UNSUPPORTED, reason) for path, reason in found.refused]
    failed = False
    # One worker: files read one at a time, out of this process, printed in the order found.
    for attempt in itertools.chain(refused, attempts(found.files, workers=1)):
        path = readable(for_storage(attempt.file_path))
        failed = failed or attempt.status == FAILED
        ex = attempt.extraction
        if as_json:
            obj = {
                "file": path,
                "status": attempt.status,
                "reason": attempt.reason,
                "ocr_pages": attempt.ocr_pages,
                "title": None,
                "agency": None,
                "agency_source": None,
                "region": None,
                "level": None,
                "year": None,
                "year_source": None,
                "format": None,
                "metrics": {},
                "flags": [],
            }
            if ex is not None:
                m = ex.meta
                obj.update(
                    title=m.title,
                    agency=m.agency,
                    agency_source=m.agency_source or None,
                    region=m.region,
                    level=m.level,
                    year=m.year,
                    year_source=m.year_source or None,
                    published=m.published or None,
                    format=ex.format,
                    metrics=ex.totals(),
                    flags=[{"code": f.code, "message": f.message, "severity": f.severity} for f in ex.flags],
                )
            click.echo(json.dumps(obj, ensure_ascii=False))
            continue
        click.echo(f"\n{path}: {attempt.status} — {attempt.reason}")
        if ex is None:
            continue
        m = ex.meta
        click.echo(f"  {m.title} | {m.agency} | {m.region} | {m.level} | {m.year} | {ex.format}")
        _print_table(
            ["metric", "label", "value"],
            [(m, label(m), _number(v)) for m, v in sorted(ex.totals().items())],
            indent="  ",
        )
        for f in ex.flags:
            click.echo(f"  ! {f.code}: {f.message}")
    sys.exit(SOME_FILES_FAILED if failed else 0)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
def status(db: str | None, as_json: bool) -> None:
    """What the database holds: reports by year, format and status (current versions, and the other
    versions kept); flags of current versions by identity."""
    from metrics import queries, queries_cli

    with queries.open_snapshot(_existing_db(db)) as con:
        result = queries_cli.status(con)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
        return
    for title, rows in result.items():
        click.echo(f"\n{title}")
        _print_table(list(rows[0].keys()) if rows else ["(none)"], [list(r.values()) for r in rows])


@main.command()
@DB_OPTION
def check(db: str | None) -> None:
    """Verify the database: reports have their facts, no row points at nothing, identities re-run
    from the stored facts give the stored flags, one current version per agency and year (exit 1
    when something is wrong)."""
    import time

    from metrics import database_check, queries

    started = time.monotonic()
    path = _existing_db(db)
    with queries.open_snapshot(path) as con:
        found = database_check.findings(con)
    if found:
        _print_table(
            ["finding", "subject", "detail"], [(f.finding, readable(f.subject), f.detail) for f in found]
        )
    click.echo(f"{path}: {len(found)} findings in {time.monotonic() - started:.1f} s")
    sys.exit(SOME_FILES_FAILED if found else 0)


@main.command()
@DB_OPTION
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="worker processes (default: all cores)"
)
@click.option("--quiet", is_flag=True, help="no progress bar")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=LOCK_WAIT_SECONDS,
    show_default=True,
    help="seconds to wait while another ingest writes the database",
)
def rebuild(db: str | None, workers: int | None, quiet: bool, wait: float) -> None:
    """Read every file in the ingest log again with the current parser into a new database, which
    replaces the old one only when complete; files no longer found keep what the old one held."""
    from tqdm import tqdm

    from metrics.ingest import FAILED
    from metrics.rebuild import rebuild as rebuild_database

    path = _existing_db(db)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    with tqdm(unit="file", desc="rebuild", dynamic_ncols=True, file=sys.stderr, disable=quiet) as bar:

        def progress(done: int, total: int, name: str) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        done = rebuild_database(
            path, workers, progress, wait, waiting=lambda message: bar.write(message, file=sys.stderr)
        )
    click.echo(f"{done.summary.files} files read again in {done.seconds:.1f} s → {path}")
    _print_table(["status", "files"], sorted(done.summary.by_status.items()))
    click.echo(_ocr_line(done.summary.ocr_pages))
    if done.missing:
        click.echo(
            "\nfiles not read again (no longer found, or a link an ingest refused), kept as they were:"
        )
        _print_table(["file"], [[readable(name)] for name in done.missing])
    sys.exit(SOME_FILES_FAILED if done.summary.by_status.get(FAILED) else 0)


@main.command()
@DB_OPTION
@click.option(
    "--status",
    "status_filter",
    default=None,
    type=click.Choice(["ok", "partial", "failed", "duplicate", "unsupported"]),
)
@click.option("--json", "as_json", is_flag=True)
def files(db: str | None, status_filter: str | None, as_json: bool) -> None:
    """The ingest log: one line per file attempted, with status and reason."""
    from metrics import queries_cli

    with connect_readonly(_existing_db(db)) as con:
        rows = queries_cli.files(con, status_filter)
    if as_json:
        for r in rows:
            click.echo(
                json.dumps({k: r[k] for k in ("file", "status", "reason", "report_id")}, ensure_ascii=False)
            )
    else:
        _print_table(
            ["file", "status", "reason"], [[readable(r["file"]), r["status"], r["reason"]] for r in rows]
        )


@main.command()
@DB_OPTION
@click.option("--port", type=int, default=8501)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="address to listen on; 0.0.0.0 opens the dashboard to the network",
)
@click.option(
    "--upload-token",
    envvar="OGI_UPLOAD_TOKEN",
    default=None,
    help="token a person gives to upload or change the database when the dashboard is open to the "
    "network (default: $OGI_UPLOAD_TOKEN; without one, those changes are off there)",
)
def dashboard(db: str | None, port: int, host: str, upload_token: str | None) -> None:
    """Open the dashboard; builds the database from the demo corpus when none exists."""
    path = db_path(db)
    if not path.exists():
        demo = PROJECT / "data" / "demo"
        click.echo(f"No database at {path}: ingesting the demo corpus in {demo} …")
        from metrics.ingest import ingest_paths

        summary = ingest_paths([demo], path)
        click.echo(f"{summary.files} demo files ingested.")
        # The demo's names leave out the places above them (云川市…); its directory places them.
        _import_directory(path, PROJECT / "data" / "demo_directory.csv")
    app = PROJECT / "app.py"
    env = dict(os.environ, OGI_DB=str(path.resolve()))
    if upload_token:
        env["OGI_UPLOAD_TOKEN"] = upload_token
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.showEmailPrompt",
        "false",
        "--browser.gatherUsageStats",
        "false",
    ]
    # Run from the project folder so Streamlit reads its .streamlit/config.toml.
    sys.exit(_serve(command, env, app.parent))


def _serve(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Run the Streamlit server until it ends; stopping `ogi dashboard` (SIGTERM, SIGINT) stops it
    too, instead of leaving it serving with no parent."""
    child = subprocess.Popen(command, env=env, cwd=cwd)

    def stop(signum, frame) -> None:
        child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return child.wait()


@main.command()
@DB_OPTION
@click.option(
    "--region", default="", help="region: its agencies and those of every place under it (default: all)"
)
@click.option("--year", type=int, required=True, help="the report year to add up")
@click.option("--level", "levels", multiple=True, help="only agencies of this level (repeatable)")
@click.option(
    "--type", "agency_types", multiple=True, help="only agencies of this kind, e.g. 公安局 (repeatable)"
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    required=True,
    help="file to write: .xlsx (the official tables) or .docx",
)
def rollup(
    db: str | None, region: str, year: int, levels: tuple[str, ...], agency_types: tuple[str, ...], out: str
) -> None:
    """Add up a region's reports of one year into the official 2021 tables, check their identities,
    and write them with the agencies included, missing and flagged."""
    from metrics import queries
    from metrics.rollup import compute, files

    writers = {".xlsx": files.to_xlsx_bytes, ".docx": files.to_docx_bytes}
    suffix = Path(out).suffix.lower()
    if suffix not in writers:
        raise click.UsageError(f"--out must end in .xlsx or .docx, not {suffix or 'nothing'}")
    selection = compute.Selection(region, year, levels, agency_types)
    with queries.open_snapshot(_existing_db(db)) as con:
        result = compute.compute(con, selection)
    Path(out).write_bytes(writers[suffix](result))
    for line in files.scope_lines(result):
        click.echo(line)
    for flag in result.breaks:
        click.echo(f"  ! {flag.code}: {flag.message}")
    click.echo(f"written to {out}")


@main.command()
@click.argument("out", type=click.Path(file_okay=False), default="data/demo")
@click.option("--seed", type=int, default=None, help="generator seed (default: the embedded corpus's)")
@click.option(
    "--bulk",
    type=click.IntRange(min=1),
    default=None,
    help="instead of the demo corpus, N txt/HTML reports of invented agencies (for benchmarks)",
)
def demo(out: str, seed: int | None, bulk: int | None) -> None:
    """Generate the demo corpus (fictional agencies; truth in OUT_truth beside it)."""
    from metrics.demo import generate_bulk, generate_corpus

    kwargs = {} if seed is None else {"seed": seed}
    summary = generate_bulk(out, bulk, **kwargs) if bulk else generate_corpus(out, **kwargs)
    click.echo(f"{summary.files} reports written to {out} in {summary.seconds:.1f} s")


@main.command()
@click.option(
    "--max-reports",
    type=click.IntRange(min=100),
    default=1_000_000,
    show_default=True,
    help="largest store to build: 10,000, 100,000 and 1,000,000 reports up to this (or this one size)",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="folder for the generated stores, reused by later runs (default: a temporary folder)",
)
@click.option("--repeat", type=click.IntRange(min=1), default=5, show_default=True, help="runs per query")
@click.option(
    "--ingest-pages",
    type=click.IntRange(min=1),
    default=None,
    help="HTML pages to ingest  [default: 5,000, bench.INGEST_PAGES]",
)
def bench(max_reports: int, out: Path | None, repeat: int, ingest_pages: int | None) -> None:
    """Time the dashboard's queries and pages on generated stores, and ingest; the last line is JSON."""
    from metrics import bench as benchmark

    benchmark.main(max_reports, out, repeat, ingest_pages or benchmark.INGEST_PAGES)


@main.command()
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet"]),
    required=True,
    help="parquet: reports, facts and flags partitioned by year (hive layout), with schema.sql",
)
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
def export(db: str | None, fmt: str, out: Path) -> None:
    """Write the database as a Parquet tree in OUT, for DuckDB, Spark or Trino on other machines."""
    from metrics import parquet_tree

    if out.exists() and any(out.iterdir()):
        raise click.UsageError(f"{out} is not empty; export into a new folder")
    parquet_tree.export(_existing_db(db), out)
    click.echo(
        f"{out}: reports, facts and flags by year, ingest_log, current_choices, flag_reviews, agency_directory, schema.sql"
    )


@main.command("extract-ray")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    help="folder (or s3://, gs:// ... URI) for the Parquet tree, laid out as `ogi export --format parquet`",
)
@click.option(
    "--address",
    default=None,
    help="Ray cluster to run on (auto, ray://head:10001); default: a Ray started on this machine",
)
@click.option(
    "--cpus", type=click.IntRange(min=1), default=None, help="cores of the local Ray (default: all)"
)
def extract_ray(inputs: tuple[str, ...], out: str, address: str | None, cpus: int | None) -> None:
    """Read and extract every file under INPUTS (folders, files or URIs) on Ray, writing the Parquet
    tree `ogi export --format parquet` writes, for millions of files on a cluster."""
    try:
        from metrics import ray_extract
    except ModuleNotFoundError as e:
        raise click.UsageError(f"{e.name} is not installed: pip install '.[ray]'") from e
    missing = [i for i in inputs if "://" not in i and not os.path.exists(i)]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    if "://" not in out and Path(out).exists() and any(Path(out).iterdir()):
        raise click.UsageError(f"{out} is not empty; extract into a new folder")
    try:
        ray_extract.run(list(inputs), out, address, cpus)
    except ray_extract.NothingToRead as e:
        raise click.UsageError(str(e)) from e
    click.echo(
        f"{out}: reports, facts and flags by year, ingest_log, current_choices, flag_reviews, agency_directory, schema.sql"
    )


def _ocr_line(pages: int) -> str:
    """How much of the run was read from scans: OCR is what makes a run slow, and its figures are the
    ones to check against the page."""
    return f"pages read by OCR: {pages}"


@main.group()
def directory() -> None:
    """The agency directory (机关名录): export it as CSV, import an edited one, confirm renamings."""


@directory.command("export")
@DB_OPTION
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", help="language of headers and levels")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def directory_export(db: str | None, lang: str, out: Path) -> None:
    """Write every agency name with its region path, level, kind and series to OUT (UTF-8 CSV)."""
    from metrics import directory as agency_directory

    frame = agency_directory.csv_frame(agency_directory.load(_existing_db(db)), lang)
    frame.to_csv(out, index=False, encoding="utf-8-sig")
    click.echo(f"{len(frame)} agencies written to {out}")


@directory.command("import")
@DB_OPTION
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def directory_import(db: str | None, path: Path) -> None:
    """Store an edited directory CSV; kept across re-ingest and rebuild."""
    imported = _import_directory(_existing_db(db), path)
    if imported.unknown_agencies or imported.unknown_levels:
        sys.exit(1)


def _import_directory(db: Path, path: Path):
    import pandas as pd

    from metrics import directory as agency_directory

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    imported = agency_directory.import_csv(db, frame)
    click.echo(f"{imported.stored} agencies placed by {path}")
    for name in imported.unknown_agencies:
        click.echo(f"  ! no report prints the agency {name}; row not stored")
    for level in imported.unknown_levels:
        click.echo(f"  ! unknown level {level}; row not stored")
    return imported


@directory.command("suggest")
@DB_OPTION
def directory_suggest(db: str | None) -> None:
    """List agency names that look like one bureau renamed (same region and level, one's years
    ending before the other's begin, a shared word); `ogi directory join` confirms one."""
    from metrics import directory as agency_directory

    found = agency_directory.suggest_successors(agency_directory.load(_existing_db(db)))
    _print_table(
        ["agency", "last year", "successor", "first year"],
        found[["agency", "last_year", "successor", "successor_first_year"]].itertuples(index=False),
    )


@directory.command("join")
@DB_OPTION
@click.argument("agency")
@click.argument("successor")
def directory_join(db: str | None, agency: str, successor: str) -> None:
    """Record that AGENCY was renamed SUCCESSOR: every page shows them as one agency."""
    from metrics import directory as agency_directory

    agency_directory.confirm_successor(_existing_db(db), agency, successor)
    click.echo(f"{agency} joins the series of {successor}")


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _existing_db(db: str | None) -> Path:
    path = db_path(db)
    if not path.exists():
        raise click.UsageError(f"no database at {path}; run `ogi ingest FOLDER` first")
    return path


def _print_table(header: list[str], rows, indent: str = "") -> None:
    rows = [[str(c) for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    for r in [header] + rows:
        click.echo(
            indent + "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        )


def _width(s: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
