"""Checks of every declared identity; a failure becomes a flag naming the identity and the numbers.

Numbers are never changed here: a report that does not add up is a finding for the user.
"""

from __future__ import annotations

from metrics.catalog import label
from metrics.models import TOTAL, Fact, Flag
from metrics.templates import REQUESTER_COLUMNS, SECTION3_ROWS, Identity, identities_for

_COLUMNS = [c for c, _, _ in REQUESTER_COLUMNS]
_COLUMN_ZH = {c: zh for c, zh, _ in REQUESTER_COLUMNS}
_PARTS = [c for c in _COLUMNS if c != TOTAL]
# Sums of integers read from tables; anything beyond float noise is a real mismatch.
_TOLERANCE = 1e-6


def check_identities(facts: list[Fact], fmt: str) -> list[Flag]:
    values = {(f.metric_id, f.column): f.value for f in facts if f.value is not None}
    declared = identities_for(fmt)
    equalities = {(i.left, i.right) for i in declared if i.kind == "sum"}
    # An approximate figure (100余件) proves no excess of parts over a total.
    approximate = {(f.metric_id, f.column) for f in facts if f.approximate}
    exact = {k: v for k, v in values.items() if k not in approximate}
    flags: list[Flag] = []
    for identity in declared:
        if identity.kind == "columns":
            flags += _check_columns(identity, values, fmt)
            continue
        if identity.kind == "parts_within_total":
            flag = _check_within(identity, exact, (identity.left, identity.right) in equalities)
            if flag:
                flags.append(flag)
            continue
        columns = _COLUMNS if identity.per_column else [TOTAL]
        for column in columns:
            flag = _check_sum(identity, values, column)
            if flag:
                flags.append(flag)
    return flags


def _check_sum(identity: Identity, values: dict, column: str) -> Flag | None:
    operands = identity.left + identity.right
    if any((m, column) not in values for m in operands if m not in identity.optional):
        return None  # an identity can only be judged when every figure in it was read
    left = [values[(m, column)] for m in identity.left]
    right = [values.get((m, column), 0) for m in identity.right]
    if abs(sum(left) - sum(right)) <= _TOLERANCE:
        return None
    where = "" if column == TOTAL else f" (列 {_COLUMN_ZH.get(column, column)})"
    message = (
        f"{identity.description}{where} 不成立: "
        f"{_terms(identity.left, left)} = {_num(sum(left))}, "
        f"{_terms(identity.right, right)} = {_num(sum(right))}"
    )
    return Flag(code=f"identity:{identity.code}", message=message, metric_id=identity.left[0], column=column)


def _check_within(identity: Identity, values: dict, has_equality: bool) -> Flag | None:
    """The stated parts against their total: more than the total is wrong whichever parts are missing."""
    total_id = identity.left[0]
    stated = tuple(m for m in identity.right if (m, TOTAL) in values)
    if (total_id, TOTAL) not in values or not stated:
        return None
    required = [m for m in identity.right if m not in identity.optional]
    if has_equality and set(required) <= set(stated):
        return (
            None  # every part was read: the equality of the same figures judges them, one flag per mismatch
        )
    total = values[(total_id, TOTAL)]
    parts = [values[(m, TOTAL)] for m in stated]
    if sum(parts) - total <= _TOLERANCE:
        return None
    message = (
        f"{identity.description} 不成立: {label(total_id)} {_num(total)} < "
        f"{_terms(stated, parts)} = {_num(sum(parts))}"
    )
    return Flag(code=f"identity:{identity.code}", message=message, metric_id=total_id)


def _check_columns(identity: Identity, values: dict, fmt: str) -> list[Flag]:
    flags = []
    for row in SECTION3_ROWS:
        if fmt not in row.formats:
            continue
        cells = [values.get((row.metric_id, c)) for c in _PARTS]
        total = values.get((row.metric_id, TOTAL))
        if total is None or any(v is None for v in cells):
            continue
        if abs(sum(cells) - total) > _TOLERANCE:
            flags.append(
                Flag(
                    code=f"identity:{identity.code}",
                    message=(
                        f"{label(row.metric_id)}: 总计 {_num(total)} ≠ 各类申请人之和 {_num(sum(cells))} "
                        f"({' + '.join(_num(v) for v in cells)})"
                    ),
                    metric_id=row.metric_id,
                )
            )
    return flags


def _terms(metric_ids: tuple[str, ...], numbers: list[float]) -> str:
    return " + ".join(f"{label(m)} {_num(v)}" for m, v in zip(metric_ids, numbers, strict=True))


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


# Prose often counts the requests handled this year, carried-over ones included ("共受理申请749件"
# against 713 new and 36 carried over): either reading agrees with the table.
_PROSE_READINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "requests_new": (("requests_new",), ("requests_new", "requests_carried_over")),
}


def check_text_against_table(table_facts: list[Fact], prose_facts: list[Fact]) -> list[Flag]:
    """A count stated in the prose (共受理申请859件) against the same figure in the table."""
    table = {f.metric_id: f.value for f in table_facts if f.column == TOTAL and f.value is not None}
    flags = []
    for p in prose_facts:
        if p.value is None or p.approximate or p.metric_id not in table:
            continue
        readings = _PROSE_READINGS.get(p.metric_id, ((p.metric_id,),))
        sums = [sum(table[m] for m in r) for r in readings if all(m in table for m in r)]
        if any(abs(v - p.value) <= _TOLERANCE for v in sums):
            continue
        flags.append(
            Flag(
                code="text_vs_table",
                message=f"{label(p.metric_id)}: 正文写 {_num(p.value)} (“{p.evidence[:60]}”), 表格为 {_num(table[p.metric_id])}",
                metric_id=p.metric_id,
            )
        )
    return flags
