"""Findings said as one plain sentence in the interface language, and the cells each one is about.

The stored message of an identity break is a formula in Chinese; the sentence is rebuilt here from
the declared identity (metrics.templates) and the report's own figures, in either language.
"""

from __future__ import annotations

import re

import pandas as pd

from metrics import catalog
from metrics.eras import LEGACY_FORMATS
from metrics.models import TOTAL
from metrics.templates import IDENTITIES, REQUESTER_COLUMNS, Identity
from metrics.ui_text import text

BY_CODE = {f"identity:{i.code}": i for i in IDENTITIES}
COLUMN_NAMES = {c: {"zh": zh, "en": en} for c, zh, en in REQUESTER_COLUMNS}
PARTS = [c for c, _, _ in REQUESTER_COLUMNS if c != TOTAL]
STATUSES = ("open", "contacted", "corrected", "confirmed")

Figures = dict[tuple[str, str], float]


def number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def name(metric_id: str, fmt: str, lang: str) -> str:
    """A metric's label in the words of the report's own layout (labels read 'standard / legacy')."""
    names = catalog.label(metric_id, lang).split(" / ")
    return names[-1] if fmt in LEGACY_FORMATS else names[0]


def column_of(flag) -> str:
    column = flag.get("requester_column")
    return column if isinstance(column, str) and column else TOTAL


def sentence(flag, figures: Figures, fmt: str, lang: str) -> str:
    """One plain sentence for a finding; a finding without a declared rule keeps its stored message."""
    code = flag["code"]
    identity = BY_CODE.get(code)
    if identity is not None:
        said = _identity_sentence(identity, flag, figures, fmt, lang)
        if said:
            return said
    if code.startswith("date:") and not pd.isna(flag.get("published")):
        return text(lang, f"finding_{code[5:]}", date=f"{flag['published']:%Y-%m-%d}", year=int(flag["year"]))
    message = flag["message"]
    # Extractors record some findings in English, some in Chinese: one in the other language is said
    # by what its check means, and the stored message stays in the download's detail.
    return message if _in_language(message, lang) else check_name(code, lang)


# English running text: two words of Latin letters in a row ('the table gives ...'); a Chinese
# message may hold a metric id or a file type, never a phrase.
_ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def _in_language(message: str, lang: str) -> bool:
    return bool(_ENGLISH_PHRASE.search(message)) == (lang == "en")


def check_name(code: str, lang: str) -> str:
    """What a check tests, in words of the interface language (never its code)."""
    identity = BY_CODE.get(code)
    if identity is None:
        return text(lang, "check_" + code.replace(":", "_"))
    if lang == "zh":
        return text(lang, "check_identity", rule=identity.description)
    if identity.kind == "columns":  # a rule about every row's columns names no metrics
        return text(lang, "check_identity", rule=text(lang, "check_columns_rule"))
    right = (
        " + ".join(catalog.label(m, lang).split(" / ")[0] for m in identity.right)
        if len(identity.right) <= 3
        else text(
            lang,
            "check_parts_of",
            first=catalog.label(identity.right[0], lang).split(" / ")[0],
            n=len(identity.right),
        )
    )
    left = " + ".join(catalog.label(m, lang).split(" / ")[0] for m in identity.left)
    sign = "≥" if identity.kind == "parts_within_total" else "="
    return text(lang, "check_identity", rule=f"{left} {sign} {right}")


def _identity_sentence(identity: Identity, flag, figures: Figures, fmt: str, lang: str) -> str | None:
    column = column_of(flag)
    if identity.kind == "columns":
        row = flag["metric_id"]
        total, parts = figures.get((row, TOTAL)), [figures.get((row, c)) for c in PARTS]
        if total is None or any(p is None for p in parts):
            return None
        return text(
            lang,
            "finding_columns",
            row=name(row, fmt, lang),
            total=number(total),
            parts=number(sum(parts)),
            diff=number(abs(total - sum(parts))),
        )
    left = [figures.get((m, column)) for m in identity.left]
    right = [figures.get((m, column), 0 if m in identity.optional else None) for m in identity.right]
    if identity.kind == "parts_within_total":
        right = [v for v in right if v is not None]
    if any(v is None for v in left) or any(v is None for v in right):
        return None
    where = "" if column == TOTAL else text(lang, "finding_in_column", column=COLUMN_NAMES[column][lang])
    sides = {
        "left": _terms(identity.left, left, fmt, lang),
        "right": _terms(identity.right, right, fmt, lang) if len(right) <= 3 else _parts(identity, fmt, lang),
        "left_sum": number(sum(left)),
        "right_sum": number(sum(right)),
        "diff": number(abs(sum(left) - sum(right))),
    }
    key = "finding_within" if identity.kind == "parts_within_total" else "finding_sum"
    return where + text(lang, key, **sides)


def _terms(metric_ids, values, fmt: str, lang: str) -> str:
    if len(metric_ids) == 1:
        return f"“{name(metric_ids[0], fmt, lang)}”"
    return " + ".join(f"“{name(m, fmt, lang)}” {number(v)}" for m, v in zip(metric_ids, values, strict=True))


def _parts(identity: Identity, fmt: str, lang: str) -> str:
    return text(lang, "finding_parts", first=name(identity.right[0], fmt, lang), n=len(identity.right))


def cells(flag) -> set[tuple[str, str]]:
    """The (metric, column) cells a finding is about, to highlight on the report page."""
    identity = BY_CODE.get(flag["code"])
    if identity is None:
        metric = flag.get("metric_id")
        return {(metric, column_of(flag))} if isinstance(metric, str) and metric else set()
    if identity.kind == "columns":
        return {(flag["metric_id"], c) for c in [TOTAL, *PARTS]}
    column = column_of(flag)
    return {(m, column) for m in identity.left + identity.right}


def figures_by_report(rows: pd.DataFrame) -> dict[str, Figures]:
    """report id -> its figures, from rows of report_id, metric_id, requester_column, value."""
    out: dict[str, Figures] = {}
    for r in rows.itertuples(index=False):
        out.setdefault(r.report_id, {})[(r.metric_id, r.requester_column)] = r.value
    return out


# What sentence() reads of a finding.
_SENTENCE_COLUMNS = (
    "report_id",
    "format",
    "code",
    "message",
    "metric_id",
    "requester_column",
    "published",
    "year",
)


def with_sentences(flags: pd.DataFrame, figures: dict[str, Figures], lang: str) -> pd.DataFrame:
    """The findings with their sentence (column `sentence`)."""
    # Records of the columns a sentence reads only: the rest (messages, evidence, paths) made most of
    # the cost of the records over tens of thousands of findings.
    records = flags[[c for c in _SENTENCE_COLUMNS if c in flags.columns]].to_dict("records")
    said = [sentence(f, figures.get(f["report_id"], {}), f["format"], lang) for f in records]
    return flags.assign(sentence=said)


def anomaly_sentence(row, lang: str) -> str:
    """An anomaly (a row of metrics.anomalies.find) as one plain sentence with its numbers."""
    kind = row["kind"]
    values = {
        "metric": name(row["metric_id"], row["format"], lang),
        "value": number(row["value"]),
        "reference": number(row["reference"]),
        "year": int(row["year"]),
        "last_year": int(row["year"]) - 1,
    }
    if not pd.isna(row["factor"]):
        values["factor"] = f"{row['factor']:,.0f}" if row["factor"] >= 10 else f"{row['factor']:,.1f}"
    if not pd.isna(row["limit"]):
        values["limit"] = f"{row['limit']:,.0f}" if row["limit"] >= 10 else f"{row['limit']:,.1f}"
    if not pd.isna(row["peers"]):
        values["peers"] = int(row["peers"])
    return text(lang, f"anomaly_{kind}", **values)
