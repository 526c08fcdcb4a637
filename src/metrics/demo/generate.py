"""Generate the demo corpus: fictional agencies' annual reports in every layout and file type,
each with a `<name>.truth.json` (in the sibling `<folder>_truth`) holding the figures it prints.

    python -m metrics.demo data/demo                 # the embedded demo corpus (about 600 files)
    python -m metrics.demo /tmp/bench --bulk 10000   # benchmark corpus, txt and HTML, streamed

Output depends only on the arguments: the same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from metrics import ui_text
from metrics.demo import planted
from metrics.demo.content import LEGACY_PROSE, LEGACY_TABLE, Content, Style, build_content
from metrics.demo.figures import YearFigures, simulate_history
from metrics.demo.places import Agency, catalogue, synthetic_agencies
from metrics.demo.writers import Page, write_docx, write_html, write_pdf, write_text
from metrics.normalize import to_traditional
from metrics.templates.standard import STD2019, STD2021

DEFAULT_SEED = 20240131
DEFAULT_AGENCIES = 44
DEFAULT_YEARS = range(2010, 2026)
FILE_TYPE_WEIGHTS = {"txt": 0.4, "html": 0.4, "docx": 0.1, "pdf": 0.1}
INDEX_FIELDS = (
    "file",
    "agency",
    "region",
    "level",
    "year",
    "format",
    "file_type",
    "published",
    "breaks_identity",
    "expected_error",
    "planted",
)


@dataclass(frozen=True)
class Planned:
    """One report to write, with every random choice about its form already made."""

    agency: Agency
    year: int
    layout: str
    file_type: str
    published: date
    title: str
    style: Style
    variant: dict  # writer options: encoding, table style, charset, footer dash ...
    failure: str = ""  # "" for a report; else why the file cannot be read
    planted: str = ""  # what the report was built to trigger (metrics.demo.planted), if anything

    @property
    def file_name(self) -> str:
        return f"{self.agency.code}-{self.year}.{self.file_type}"


@dataclass
class Summary:
    files: int
    seconds: float
    by_type: dict[str, int]
    by_layout: dict[str, int]


# ---- planning --------------------------------------------------------------------------------------


def layout_for(year: int, adoption: str) -> str:
    """The layout an agency uses for a year's report. Late adopters switch a year after the rest;
    early adopters switched to the statistics table a year before (no one could use a standard
    format before it was issued)."""
    shift = 1 if adoption == "late" else 0
    if year <= 2014 + shift - (1 if adoption == "early" else 0):
        return LEGACY_PROSE
    if year <= 2018 + shift:
        return LEGACY_TABLE
    if year <= 2020 + shift:
        return STD2019
    return STD2021


def legal_deadline(year: int) -> date:
    """31 March of the next year for reports up to 2018; 31 January from the 2019 reports on."""
    return date(year + 1, 3, 31) if year <= 2018 else date(year + 1, 1, 31)


def plan_agency(agency: Agency, years: range, seed: int, file_types: dict[str, float]) -> list[Planned]:
    rng = random.Random(f"{seed}:plan:{agency.code}")
    adoption = rng.choices(("on_time", "late", "early"), weights=(0.84, 0.09, 0.07))[0]
    skip_rate = rng.choice((0.0, 0.05, 0.12, 0.25))
    plans = []
    for year in years:
        if year < agency.first_year or rng.random() < skip_rate:
            continue
        plans.append(_plan_report(agency, year, layout_for(year, adoption), rng, file_types))
    return plans


def _plan_report(
    agency: Agency, year: int, layout: str, rng: random.Random, file_types: dict[str, float]
) -> Planned:
    file_type = rng.choices(list(file_types), weights=list(file_types.values()))[0]
    late = rng.random() < 0.06
    deadline = legal_deadline(year)
    published = (
        deadline + timedelta(days=rng.randint(1, 120))
        if late
        else deadline - timedelta(days=rng.randint(0, 75))
    )
    standard = layout in (STD2019, STD2021)
    style = Style(
        zero_as_blank=standard and rng.random() < 0.15,
        procurement_in_yuan=layout == STD2019 and rng.random() < 0.15,
        break_identity=layout != LEGACY_PROSE and rng.random() < 0.04,
    )
    variant = {
        "meta_block": file_type in ("txt", "html") and rng.random() < 0.5,
        "encoding": rng.choices(
            ("utf-8", "gb18030", "utf-8-sig", "utf-16"), weights=(0.75, 0.12, 0.08, 0.05)
        )[0],
        # One cell per line loses blank cells, so those pages print their zeros.
        "table_style": "lines" if not style.zero_as_blank and rng.random() < 0.1 else "pipes",
        "charset": "gbk" if rng.random() < 0.2 else "utf-8",
        "cms_meta": rng.random() < 0.4,
        "traditional": file_type in ("txt", "html") and rng.random() < 0.02,
        "footer_dash": rng.choice(("—", "-")),
        "repeat_header": rng.random() < 0.5,
        "index_number": f"QL{agency.code.upper()}/{year + 1}-{rng.randint(1, 999):05d}",
    }
    return Planned(agency, year, layout, file_type, published, _title(agency, year, rng), style, variant)


def _title(agency: Agency, year: int, rng: random.Random) -> str:
    forms = (
        "{a}{y}年政府信息公开工作年度报告",
        "{a}{y}年度政府信息公开工作报告",
        "{y}年{a}政府信息公开工作年度报告",
        "{a}{y}年政府信息公开年度报告",
    )
    return rng.choices(forms, weights=(0.6, 0.2, 0.15, 0.05))[0].format(a=agency.name, y=year)


def _with_failures(plans: list[Planned], seed: int) -> list[Planned]:
    """Turn a few reports into files that cannot be read, as any scraped collection has."""
    rng = random.Random(f"{seed}:failures")
    failures = (("txt", "empty"), ("pdf", "corrupt"), ("html", "not_a_report"), ("docx", "not_a_zip"))
    chosen = rng.sample(range(len(plans)), k=min(len(failures), len(plans)))
    out = list(plans)
    for index, (file_type, failure) in zip(chosen, failures, strict=False):
        out[index] = replace(plans[index], file_type=file_type, failure=failure)
    return out


# ---- writing ---------------------------------------------------------------------------------------


def _page(plan: Planned, content: Content) -> Page:
    return Page(
        title=plan.title,
        agency=plan.agency,
        published=plan.published,
        index_number=plan.variant["index_number"],
        meta_block=plan.variant["meta_block"],
        blocks=content.blocks,
    )


def render(plan: Planned, content: Content) -> bytes:
    page = _page(plan, content)
    v = plan.variant
    if plan.file_type == "txt":
        text = write_text(page, v["table_style"])
        return (to_traditional(text) if v["traditional"] else text).encode(v["encoding"])
    if plan.file_type == "html":
        markup = write_html(page, v["charset"], v["cms_meta"])
        if v["traditional"]:
            encoding = "gbk" if v["charset"] == "gbk" else "utf-8"
            return to_traditional(markup.decode(encoding)).encode(encoding, errors="xmlcharrefreplace")
        return markup
    if plan.file_type == "docx":
        return _stable_zip(write_docx(page))
    return write_pdf(page, v["footer_dash"], v["repeat_header"])


def _stable_zip(data: bytes) -> bytes:
    """Re-pack a .docx with fixed timestamps: python-docx stamps the current time on every member."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()


def failure_bytes(plan: Planned, content: Content) -> bytes:
    """The unreadable file standing in for a planned report."""
    if plan.failure == "empty":
        return b""
    if plan.failure == "corrupt":
        pdf = write_pdf(_page(plan, content))
        return pdf[: len(pdf) * 2 // 5]  # a download cut short
    if plan.failure == "not_a_zip":
        return (
            "<html><body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p></body></html>".encode()
        )
    return _notice_page(plan)


def _notice_page(plan: Planned) -> bytes:
    """A page a scraper picked up by mistake: a notice, not an annual report."""
    title = f"{plan.agency.name}关于做好{plan.year + 1}年汛期安全防范工作的通知"
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><p>各有关单位:</p><p>为切实做好汛期安全防范工作,现将有关事项通知如下。"
        f"一、加强组织领导;二、开展隐患排查;三、严格值班值守。</p>"
        f"<p>{plan.agency.name}</p><p>{plan.published.isoformat()}</p>"
        "<p>(本文件为程序生成的演示数据,文中机构、地名均为虚构。)</p></body></html>"
    ).encode()


def truth_record(plan: Planned, content: Content) -> dict:
    record = {
        "file": plan.file_name,
        "agency": plan.agency.name,
        "region": plan.agency.region,
        "level": plan.agency.metadata_level,
        "year": plan.year,
        "format": plan.layout,
        "title": plan.title,
        "published": plan.published.isoformat(),
        "metrics": {} if plan.failure else content.truth,
        "breaks_identity": content.breaks_identity and not plan.failure,
    }
    if plan.failure:
        record["expected_error"] = plan.failure
    if plan.planted:
        record["planted"] = plan.planted
    return record


def write_report(out_dir: Path, truth_dir: Path, plan: Planned, figures: YearFigures, seed: int) -> dict:
    """Write one file and its truth; return its index row."""
    rng = random.Random(f"{seed}:content:{plan.agency.code}:{plan.year}")
    content = build_content(plan.layout, plan.agency, figures, plan.style, rng)
    data = failure_bytes(plan, content) if plan.failure else render(plan, content)
    (out_dir / plan.file_name).write_bytes(data)
    record = truth_record(plan, content)
    (truth_dir / f"{plan.file_name}.truth.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return {
        "file": plan.file_name,
        "agency": plan.agency.name,
        "region": plan.agency.region,
        "level": plan.agency.metadata_level,
        "year": plan.year,
        "format": plan.layout,
        "file_type": plan.file_type,
        "published": plan.published.isoformat(),
        "breaks_identity": record["breaks_identity"],
        "expected_error": plan.failure,
        "planted": plan.planted,
    }


def _write_all(
    out_dir: Path,
    truth_dir: Path,
    agencies: Iterable[Agency],
    years: range,
    seed: int,
    file_types: dict[str, float],
    limit: int | None,
    with_failures: bool,
) -> Summary:
    """Stream reports to disk agency by agency; memory holds one agency's history at a time."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    by_type: dict[str, int] = {}
    by_layout: dict[str, int] = {}
    written = 0
    with (truth_dir / "index.csv").open("w", encoding="utf-8", newline="") as handle:
        index = csv.DictWriter(handle, fieldnames=INDEX_FIELDS)
        index.writeheader()
        for plan, figures in _planned_reports(agencies, years, seed, file_types, with_failures):
            if limit is not None and written >= limit:
                break
            index.writerow(write_report(out_dir, truth_dir, plan, figures, seed))
            written += 1
            by_type[plan.file_type] = by_type.get(plan.file_type, 0) + 1
            by_layout[plan.layout] = by_layout.get(plan.layout, 0) + 1
    summary = Summary(written, time.perf_counter() - started, by_type, by_layout)
    (out_dir / "README.txt").write_text(_readme(summary, seed), encoding="utf-8")
    return summary


def _planned_reports(
    agencies: Iterable[Agency], years: range, seed: int, file_types: dict[str, float], with_failures: bool
) -> Iterator[tuple[Planned, YearFigures]]:
    """Each planned report with its year's figures. Choosing the failures needs the whole plan up
    front; without them, agencies are planned one at a time so that bulk corpora stream."""
    if with_failures:
        agencies = list(agencies)
        histories = {a.code: simulate_history(a, years, seed) for a in agencies}
        plans = _with_failures(
            [p for agency in agencies for p in plan_agency(agency, years, seed, file_types)], seed
        )
        chosen = planted.plant(plans, histories, seed)
        for plan in plans:
            figures = histories[plan.agency.code][plan.year]
            kind, text = chosen.get((plan.agency.code, plan.year), ("", ""))
            if kind == planted.JUMP:
                figures = planted.scaled(figures)
            if kind:
                plan = replace(plan, planted=kind, style=replace(plan.style, work_text=text))
            yield plan, figures
        return
    for agency in agencies:
        history = simulate_history(agency, years, seed)
        for plan in plan_agency(agency, years, seed, file_types):
            yield plan, history[plan.year]


def truth_dir_for(out_dir: str | Path) -> Path:
    """Truth lives beside the corpus folder, not in it, so ingesting the folder reads only reports."""
    out_dir = Path(out_dir)
    return out_dir.with_name(out_dir.name + "_truth")


def directory_file_for(out_dir: str | Path) -> Path:
    """The demo's agency directory lives beside the corpus folder too (data/demo_directory.csv)."""
    out_dir = Path(out_dir)
    return out_dir.with_name(out_dir.name + "_directory.csv")


def write_directory(path: Path, agencies: Iterable[Agency]) -> None:
    """Each agency's printed name and full region path, as `ogi directory import` reads it: the demo's
    names leave out the places above them (东湖镇人民政府 sits in 青岚省云川市石桥县东湖镇), which no
    gazetteer knows, since the places are invented."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([ui_text.text("zh", "dir_col_printed_agency"), ui_text.text("zh", "dir_col_region")])
        out.writerows((a.name, a.region) for a in agencies)


def generate_corpus(
    out_dir: str | Path,
    n_agencies: int = DEFAULT_AGENCIES,
    years: range = DEFAULT_YEARS,
    seed: int = DEFAULT_SEED,
) -> Summary:
    """The demo corpus: `n_agencies` from the hand-made catalogue, all four layouts and file types,
    a few late reports, identity breaks, unreadable files, and the reports of metrics.demo.planted."""
    agencies = catalogue()
    if not 1 <= n_agencies <= len(agencies):
        raise ValueError(f"n_agencies must be between 1 and {len(agencies)}")
    write_directory(directory_file_for(out_dir), agencies[:n_agencies])
    return _write_all(
        Path(out_dir),
        truth_dir_for(out_dir),
        agencies[:n_agencies],
        years,
        seed,
        FILE_TYPE_WEIGHTS,
        None,
        True,
    )


def generate_bulk(
    out_dir: str | Path,
    n_reports: int,
    seed: int = DEFAULT_SEED,
    years: range = DEFAULT_YEARS,
    file_types: tuple[str, ...] = ("txt", "html"),
) -> Summary:
    """`n_reports` reports of invented county agencies, streamed to disk (for benchmarks)."""
    weights = {t: 1.0 for t in file_types}
    return _write_all(
        Path(out_dir), truth_dir_for(out_dir), synthetic_agencies(), years, seed, weights, n_reports, False
    )


def _readme(summary: Summary, seed: int) -> str:
    types = ", ".join(f"{t} {n}" for t, n in sorted(summary.by_type.items()))
    layouts = ", ".join(f"{t} {n}" for t, n in sorted(summary.by_layout.items()))
    return (
        "演示数据 / GENERATED DEMO DATA\n\n"
        "本目录中的全部文件都是程序生成的演示数据:省、市、县、镇、机构名称和所有数字均为虚构,\n"
        "不代表任何真实机关的政府信息公开工作。\n\n"
        "Every file in this folder was generated by `python -m metrics.demo` (package metrics.demo) "
        f"with seed {seed}.\nThe regions (青岚省, 云川市, 石桥县, 东湖镇 ...), agencies and figures are fictional.\n\n"
        f"Reports: {summary.files} ({types}); layouts: {layouts}.\n"
        "Each file has a <name>.truth.json in the sibling folder <this folder>_truth with the figures it\n"
        "prints (metric ids of metrics.csv, 总计 column); index.csv there lists them all. A few files are unreadable on purpose (expected_error in\n"
        "their truth), a few reports break an identity on purpose (breaks_identity), a few are built to be\n"
        "found by the copied-text and anomaly checks (planted), and some agencies skip years, so coverage\n"
        "has gaps.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics.demo", description="Generate the demo corpus.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--agencies", type=int, default=DEFAULT_AGENCIES, help="agencies in the demo corpus")
    parser.add_argument("--bulk", type=int, metavar="N", help="instead: N benchmark reports (txt and HTML)")
    args = parser.parse_args(argv)
    if args.bulk:
        summary = generate_bulk(args.out_dir, args.bulk, seed=args.seed)
    else:
        summary = generate_corpus(args.out_dir, n_agencies=args.agencies, seed=args.seed)
    print(f"{summary.files} reports written to {args.out_dir} in {summary.seconds:.1f}s", file=sys.stderr)
    return 0
