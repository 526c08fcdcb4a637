"""One report laid out as its printed tables (rows and columns from metrics.templates), with evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import catalog
from metrics.dashboard import widgets
from metrics.dashboard.state import lang, metric_label, t
from metrics.eras import STANDARD_FORMATS
from metrics.formats import LEGACY_TABLE
from metrics.templates.legacy_table import LEGACY_ROWS, LEGACY_SECTIONS
from metrics.templates.standard import (
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    section2_cells,
    section3_rows,
)
from metrics.ui_text import code_label

# The background of a cell a finding is about.
HIGHLIGHT = "background-color: #fff3b0"
# After a figure read by OCR, in the report's tables.
OCR_MARK = "OCR"


def report_choices(reports: pd.DataFrame) -> list[str]:
    year = reports["year"].map(lambda y: "?" if widgets.missing(y) else str(int(y)))
    fmt = reports["format"].map(lambda v: code_label(lang(), "format", v))
    name = reports["file_path"].str.rsplit("/", n=1).str[-1]
    # Only the current version of a year counts; the others stay readable here, marked.
    mark = reports["is_current"].map(lambda current: "" if current else f" · {t('report_not_current')}")
    return (year + " · " + fmt + " · " + name + mark).tolist()


def metadata(m: pd.Series) -> None:
    published = "—" if widgets.missing(m["published"]) else f"{m['published']:%Y-%m-%d}"
    if not widgets.missing(m["late"]) and bool(m["late"]):
        published += " · " + t("state_late")
    rows = [
        (t("col_agency"), m["agency"] or t("unknown_agency")),
        (t("f_region"), m["region"] or widgets.EMPTY),
        (t("f_level"), code_label(lang(), "level", m["level"]) if m["level"] else widgets.EMPTY),
        (t("f_agency_type"), m["agency_type"] or widgets.EMPTY),
        (t("year"), "?" if widgets.missing(m["year"]) else int(m["year"])),
        (t("published"), published),
        (t("deadline"), "—" if widgets.missing(m["deadline"]) else f"{m['deadline']:%Y-%m-%d}"),
        (t("col_format"), code_label(lang(), "format", m["format"])),
        (t("col_status"), t(f"ingest_{m['status']}")),
        (t("col_file"), widgets.file_name(m["file_path"])),
        (t("col_parser"), m["parser_version"]),
        (t("col_ingested"), str(m["ingested_at"])[:19]),
        (t("col_warnings"), int(m["warnings"])),
        (t("col_ocr_pages"), widgets.count(m["ocr_pages"])),
    ]
    half = (len(rows) + 1) // 2
    for column, part, key in zip(st.columns(2), (rows[:half], rows[half:]), ("a", "b"), strict=True):
        table = pd.DataFrame(part, columns=["field", "value"]).astype({"value": str})
        column.dataframe(
            table,
            hide_index=True,
            key=f"report_meta_{key}",
            placeholder=widgets.EMPTY,
            height=35 * (half + 1) + 3,
            column_config={"field": t("col_field"), "value": t("col_value")},
        )


def _cell(row) -> str:
    if row is None:
        return ""
    if widgets.missing(row["value"]):
        return t("not_applicable")
    text = f"{row['value']:,.2f}".rstrip("0").rstrip(".")
    if row["approximate"]:
        text = "≈" + text
    if row["derived"]:
        text += " †"
    if _read_by_ocr(row):
        text += " " + OCR_MARK
    return text


def _read_by_ocr(row) -> bool:
    """Whether a figure was read by OCR; unknown (a database written before OCR marks) counts as no."""
    return not widgets.missing(row["ocr"]) and bool(row["ocr"])


def _ocr_columns() -> dict:
    return {
        "ocr": st.column_config.CheckboxColumn(t("col_ocr")),
        "ocr_page": st.column_config.NumberColumn(t("col_ocr_page"), format="%d"),
        "ocr_confidence": st.column_config.NumberColumn(t("col_ocr_confidence"), format="%.3f"),
    }


def _ocr_caption(facts: pd.DataFrame) -> None:
    """The legend of the OCR mark, under a report's figures when any was read by OCR."""
    if any(_read_by_ocr(row) for row in facts.to_dict("records")):
        st.caption(t("report_ocr_marks"))


def _evidence(facts: pd.DataFrame, metric_ids, key: str) -> None:
    rows = facts[facts["metric_id"].isin(list(metric_ids))]
    if rows.empty:
        return
    with st.expander(t("report_evidence", n=len(rows))):
        st.dataframe(
            rows.assign(label=rows["metric_id"].map(metric_label)),
            hide_index=True,
            key=key,
            placeholder=widgets.EMPTY,
            column_order=[
                "label",
                "requester_column",
                "value",
                "approximate",
                "derived",
                "ocr",
                "ocr_page",
                "ocr_confidence",
                "evidence",
                "note",
                "metric_id",
            ],
            column_config={
                "label": t("col_metric"),
                "requester_column": t("col_requester"),
                "value": t("col_value"),
                "approximate": t("col_approximate"),
                "derived": t("col_derived"),
                **_ocr_columns(),
                "evidence": t("col_evidence"),
                "note": t("col_note"),
                "metric_id": "metric_id",
            },
        )


def figures(fmt: str, facts: pd.DataFrame, marked: frozenset[tuple[str, str]] = frozenset()) -> None:
    """The report's tables; `marked` (metric, column) cells, those a finding is about, highlighted."""
    cells = {(r["metric_id"], r["requester_column"]): r for r in facts.to_dict("records")}
    shown: set[str] = set()
    if fmt in STANDARD_FORMATS:
        shown |= _section2(fmt, cells, facts, marked)
        shown |= _section3(fmt, cells, facts, marked)
        shown |= _section4(cells, facts, marked)
    elif fmt == LEGACY_TABLE:
        shown |= _legacy_table(cells, facts, marked)
    order = {m: i for i, m in enumerate(catalog.metrics())}
    rest = facts[~facts["metric_id"].isin(shown)]
    rest = rest.iloc[rest["metric_id"].map(lambda m: order.get(m, len(order))).argsort(kind="stable")]
    if not rest.empty:
        st.markdown(f"**{t('report_other_figures') if shown else t('report_figures')}**")
        sections = rest["metric_id"].map(
            lambda m: t(f"section_{catalog.metrics()[m].section}") if m in catalog.metrics() else ""
        )
        st.dataframe(
            rest.assign(section=sections, label=rest["metric_id"].map(metric_label)),
            hide_index=True,
            key="report_other_table",
            placeholder=widgets.EMPTY,
            column_order=[
                "section",
                "label",
                "requester_column",
                "value",
                "approximate",
                "derived",
                "ocr",
                "ocr_page",
                "ocr_confidence",
                "evidence",
                "note",
                "metric_id",
            ],
            column_config={
                "section": t("col_section"),
                "label": t("col_metric"),
                "requester_column": t("col_requester"),
                "value": t("col_value"),
                "approximate": t("col_approximate"),
                "derived": t("col_derived"),
                **_ocr_columns(),
                "evidence": t("col_evidence"),
                "note": t("col_note"),
            },
        )
    st.caption(t("report_cell_marks"))
    _ocr_caption(facts)


def _highlighted(grid: pd.DataFrame, keys: pd.DataFrame, marked: frozenset):
    """The grid, styled where its cell's (metric, column) key is marked; as it is when none is."""
    mask = keys.map(lambda k: k in marked)
    if not mask.to_numpy().any():
        return grid
    return grid.style.apply(lambda _: mask.map(lambda m: HIGHLIGHT if m else ""), axis=None)


def _section2(fmt: str, cells: dict, facts: pd.DataFrame, marked: frozenset) -> set[str]:
    st.markdown(f"**{t('section2')}**")
    declared = section2_cells(fmt)
    for item in dict.fromkeys(c.item for c in declared):
        item_cells = [c for c in declared if c.item == item]
        # The printed grid's labels are Chinese; in English each figure is a row under its own name.
        place = (
            (lambda c: (c.row_labels[0], c.column_labels[0]))
            if lang() == "zh"
            else (lambda c: (metric_label(c.metric_id), t("col_value")))
        )
        rows = list(dict.fromkeys(place(c)[0] for c in item_cells))
        columns = list(dict.fromkeys(place(c)[1] for c in item_cells))
        grid = pd.DataFrame("", index=rows, columns=columns)
        keys = pd.DataFrame(None, index=rows, columns=columns, dtype=object)
        for c in item_cells:
            grid.loc[place(c)] = _cell(cells.get((c.metric_id, "total")))
            keys.loc[place(c)] = (c.metric_id, "total")
        number = item if lang() == "zh" else str("一二三四五六七八九十".index(item) + 1)
        st.caption(t("section2_item", item=number))
        st.dataframe(_highlighted(grid, keys, marked), key=f"report_s2_{item}")
    metric_ids = {c.metric_id for c in declared}
    _evidence(facts, metric_ids, "report_s2_evidence")
    return metric_ids


def _section3(fmt: str, cells: dict, facts: pd.DataFrame, marked: frozenset) -> set[str]:
    st.markdown(f"**{t('section3')}**")
    rows = section3_rows(fmt)
    names = [zh if lang() == "zh" else en for _, zh, en in REQUESTER_COLUMNS]
    labels = [
        ("　" if r.parent else "") + (r.labels[0] if lang() == "zh" else metric_label(r.metric_id))
        for r in rows
    ]
    grid = pd.DataFrame(
        [[_cell(cells.get((r.metric_id, c))) for c, _, _ in REQUESTER_COLUMNS] for r in rows],
        index=labels,
        columns=names,
    )
    keys = pd.DataFrame(
        [[(r.metric_id, c) for c, _, _ in REQUESTER_COLUMNS] for r in rows], index=labels, columns=names
    )
    st.dataframe(_highlighted(grid, keys, marked), key="report_s3", height=36 * (len(rows) + 1))
    metric_ids = {r.metric_id for r in rows}
    _evidence(facts, metric_ids, "report_s3_evidence")
    return metric_ids


def _section4(cells: dict, facts: pd.DataFrame, marked: frozenset) -> set[str]:
    st.markdown(f"**{t('section4')}**")
    names = [zh if lang() == "zh" else t(f"result_{c}") for c, zh in SECTION4_COLUMNS]
    groups = [zh if lang() == "zh" else t(f"cases_{g}") for g, zh in SECTION4_GROUPS]
    grid = pd.DataFrame(
        [[_cell(cells.get((f"{g}_{c}", "total"))) for c, _ in SECTION4_COLUMNS] for g, _ in SECTION4_GROUPS],
        index=groups,
        columns=names,
    )
    keys = pd.DataFrame(
        [[(f"{g}_{c}", "total") for c, _ in SECTION4_COLUMNS] for g, _ in SECTION4_GROUPS],
        index=groups,
        columns=names,
    )
    st.dataframe(_highlighted(grid, keys, marked), key="report_s4")
    metric_ids = {f"{g}_{c}" for g, _ in SECTION4_GROUPS for c, _ in SECTION4_COLUMNS}
    _evidence(facts, metric_ids | {"litigation_total"}, "report_s4_evidence")
    return metric_ids | {"litigation_total"}


def _legacy_table(cells: dict, facts: pd.DataFrame, marked: frozenset) -> set[str]:
    """The 政府信息公开情况统计表: 统计指标 | 单位 | 统计数, rows in printed order under their sections."""
    st.markdown(f"**{t('legacy_table')}**")
    depth = {}
    lines = []
    keys = []
    for number, headings in LEGACY_SECTIONS:
        lines.append((f"{number}、{headings[0]}", "", ""))
        keys.append(None)
        for row in (r for r in LEGACY_ROWS if r.section == number):
            depth[row.metric_id] = depth.get(row.parent, 0) + 1 if row.parent else 1
            label = row.labels[0] if lang() == "zh" else metric_label(row.metric_id)
            lines.append(
                ("　" * depth[row.metric_id] + label, row.unit, _cell(cells.get((row.metric_id, "total"))))
            )
            keys.append((row.metric_id, "total"))
    grid = pd.DataFrame(lines, columns=[t("col_indicator"), t("col_unit"), t("col_count")])
    # The whole row of a marked figure: the indicator names it, the count is the figure.
    row_keys = pd.DataFrame({c: keys for c in grid.columns}, dtype=object)
    st.dataframe(
        _highlighted(grid, row_keys, marked),
        hide_index=True,
        key="report_legacy_table",
        height=35 * (len(lines) + 1) + 3,
    )
    metric_ids = {r.metric_id for r in LEGACY_ROWS}
    _evidence(facts, metric_ids, "report_legacy_evidence")
    return metric_ids
