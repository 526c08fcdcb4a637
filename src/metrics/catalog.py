"""The metric dictionary: ids, labels and units, read from metrics.csv (the single list of metric ids)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Metric:
    metric_id: str
    section: str
    zh_label: str
    en_label: str
    unit: str
    formats: str
    sum_of: tuple[str, ...]


@functools.cache
def metrics() -> dict[str, Metric]:
    text = resources.files("metrics").joinpath("metrics.csv").read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(text.splitlines()):
        out[row["metric_id"]] = Metric(
            metric_id=row["metric_id"],
            section=row["section"],
            zh_label=row["zh_label"],
            en_label=row["en_label"],
            unit=row["unit"],
            formats=row["formats"],
            sum_of=tuple(x for x in row["sum_of"].split("+") if x),
        )
    return out


def label(metric_id: str, lang: str = "zh") -> str:
    m = metrics().get(metric_id)
    if m is None:
        return metric_id
    return m.zh_label if lang == "zh" else m.en_label
