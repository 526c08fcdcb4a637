"""The metadata block that pages scraped from government sites start with (标题: ..., 发布日期: ...)."""

from __future__ import annotations

import re

from metrics.normalize import to_simplified

FIELDS = (
    "标题",
    "发文机关",
    "发布机构",
    "发布机关",
    "发布日期",
    "发布时间",
    "成文日期",
    "索引号",
    "发文字号",
    "来源",
    "信息来源",
)
_LINE = re.compile(r"^[\s•·\-*|]*(" + "|".join(FIELDS) + r")\s*[:：]\s*(.*?)[\s|]*$")
# A further field on a field's line ('发布日期:2021-01-15 来源:某县发展和改革局 |').
_LATER_FIELD = re.compile(r"(?<=[\s|])(" + "|".join(FIELDS) + r")\s*[:：]\s*(.*?)[\s|]*$")


_FIELD_LABEL = re.compile(r"^\S{2,6}\s*[:：]")
# The next field on the same line ("来源:某县人民政府办公室 时间:2024-01-31"): the value stops before it.
_NEXT_FIELD = re.compile(r"\s+[\u4e00-\u9fff]{1,6}\s*[:：]")


def read_page_meta(text: str, head_lines: int = 40) -> dict[str, str]:
    """Fields found in the first lines; the first occurrence of a field wins."""
    meta: dict[str, str] = {}
    # Converted in one call, not one a line: OpenCC's cost is mostly per call, and none of its
    # phrases spans a line break.
    head = to_simplified("\n".join(text.splitlines()[:head_lines]))
    lines = head.split("\n")
    for i, line in enumerate(lines):
        m = _LINE.match(line)
        while m:
            # A blank field followed by the next one on the same line ("来源: 发布时间: ...") has no value;
            # a value ends at the next field or cell border.
            value = _NEXT_FIELD.split(m.group(2), maxsplit=1)[0].strip(" |").split("|")[0].strip()
            if value and m.group(1) not in meta and not _FIELD_LABEL.match(m.group(2)):
                meta[m.group(1)] = value
            m = _LATER_FIELD.search(line, m.start(2))
        if "|" in line:  # an index printed as a table's cells
            cells = _cells(line)
            for key, value in _header_row_fields(cells, lines[i + 1 : i + 2]) + _label_cell_fields(cells):
                meta.setdefault(key, value)
    return meta


def _label_cell_fields(cells: list[str]) -> list[tuple[str, str]]:
    """Fields of an index row whose labels and values are cells of their own ('来 源: | 某市统计局 |
    发布机构: | 某市统计局 |'), a label's characters perhaps spaced to one width."""
    found = []
    for label, value in zip(cells, cells[1:], strict=False):
        name = re.sub(r"\s+", "", label).rstrip(":：")
        if (
            name in FIELDS
            and label.rstrip().endswith((":", "："))
            and value
            and not _FIELD_LABEL.match(value)
        ):
            found.append((name, value))
    return found


def _header_row_fields(names: list[str], below: list[str]) -> list[tuple[str, str]]:
    """A page's index block as a table row of field names over a row of their values ('索引号 | 公开方式
    | 发布机构' then '1162…/2010-00023 | 主动公开 | 某镇人民政府'): the fields it names, with their values."""
    if not below:
        return []
    values = _cells(below[0])
    if len(names) != len(values) or sum(name in FIELDS for name in names) < 2:
        return []
    return [(name, value) for name, value in zip(names, values, strict=True) if name in FIELDS and value]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]
