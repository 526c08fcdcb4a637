"""The agency directory (机关名录): where each agency sits (its region path, province › city › county
› township), its level and kind, and the one continuous series it belongs to when it was renamed.

Three sources, each overriding the one before:
1. the agency name as printed, read at ingest (metadata.region_and_level);
2. the national gazetteer (cpca), for a region printed without its province: 广州市教育局 sits in
   广东省广州市. Only a leading prefecture-level or county-level city is looked up, since those names
   are unique in the country; a district or county name (朝阳区, 鼓楼区) is not, and is left as printed;
3. a person's entries (an imported CSV, a confirmed successor), stored in the database's
   agency_directory table keyed by the name as printed, so re-ingest and rebuild keep them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from metrics import queries, store, ui_text
from metrics.models import DirectoryEntry

# The directory CSV's columns (its header in either language, see ui_text dir_col_*), in order.
CSV_FIELDS = ("printed_agency", "region", "level", "agency_type", "agency", "first_year", "last_year")


def csv_frame(directory: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The directory as a CSV to edit in a spreadsheet: one row per agency name as printed, its level
    in words, and the series name (所属机关) where it differs from the printed name."""
    out = directory.assign(
        level=directory["level"].map(lambda c: ui_text.code_label(lang, "level", c)),
        agency=directory["agency"].where(directory["agency"] != directory["printed_agency"], ""),
    )[list(CSV_FIELDS)]
    return out.rename(columns={f: ui_text.text(lang, f"dir_col_{f}") for f in CSV_FIELDS})


@dataclass
class Imported:
    entries: list[DirectoryEntry]  # one per agency name whose row differs from what was read (empty: reset)
    unknown_agencies: list[str]  # names no stored report prints
    unknown_levels: list[str]  # levels that are no level's code or label

    @property
    def stored(self) -> int:
        """How many names the import placed otherwise than their names alone would."""
        return sum(not e.is_empty for e in self.entries)


def read_csv_entries(frame: pd.DataFrame, directory: pd.DataFrame) -> Imported:
    """The entries of an edited directory CSV (headers and levels in either language, or codes): for
    each row, the fields that differ from what the name and gazetteer give; the rest stay empty so
    a better reading later still reaches them."""
    frame = (
        frame.rename(columns=_HEADER_FIELDS)
        .reindex(columns=list(CSV_FIELDS))
        .astype(object)
        .fillna("")
        .astype(str)
    )
    known = directory.set_index("printed_agency")
    entries, unknown_agencies, unknown_levels = [], [], []
    for row in frame.itertuples(index=False):
        name = row.printed_agency.strip()
        if not name:
            continue
        if name not in known.index:
            unknown_agencies.append(name)
            continue
        read = known.loc[name]
        level = _LEVEL_CODES.get(row.level.strip(), row.level.strip())
        if level and level not in _LEVEL_CODES.values():
            unknown_levels.append(row.level.strip())
            continue
        entries.append(
            DirectoryEntry(
                name,
                _changed(row.region, read["read_region"]),
                _changed(level, read["read_level"]),
                _changed(row.agency_type, read["read_agency_type"]),
                _changed(row.agency, name),
            )
        )
    return Imported(entries, unknown_agencies, unknown_levels)


def _changed(value: str, read: str) -> str:
    value = value.strip()
    return value if value and value != read else ""


# Either language's header, and each field's own code, name the same field.
_HEADER_FIELDS = {ui_text.text(lang, f"dir_col_{f}"): f for lang in ui_text.LANGUAGES for f in CSV_FIELDS}
# A level as a code or as either language's label.
_LEVEL_CODES = {
    label: code for lang in ui_text.LANGUAGES for code, label in ui_text.CODES[lang]["level"].items()
} | {code: code for code in ui_text.CODES["zh"]["level"]}


# Words every department name has: sharing them says nothing about two names being one bureau.
_GENERIC = re.compile(r"局|委员会|委|厅|办公室|办|中心|管理|人民政府|政府")


def _shares_a_word(a: str, b: str) -> bool:
    """Whether two kinds share a run of two characters besides the generic words (农业局 / 农业农村局)."""
    a, b = _GENERIC.sub("|", a), _GENERIC.sub("|", b)
    return any(a[i : i + 2] in b for i in range(len(a) - 1) if "|" not in a[i : i + 2])


# A renamed bureau's first report under its new name comes within this many years of its last report
# under the old one (the gap is a year whose report is missing).
_RENAME_GAP_YEARS = 2


def names_over_time(entries: pd.DataFrame) -> pd.Series:
    """Per directory row, the names its agency printed, in the directory's order (`甲局 → 乙局`). Only
    the agencies with several names are grouped: joining seventy thousand one-name groups took seconds."""
    several = entries["agency"].duplicated(keep=False)
    joined = entries[several].groupby("agency", sort=False)["printed_agency"].agg(" → ".join)
    return entries["agency"].map(joined).where(several, entries["printed_agency"])


def suggest_successors(directory: pd.DataFrame) -> pd.DataFrame:
    """Pairs of agency names that look like one bureau renamed: the same region and level, the old
    name's reports end before the new name's begin (within two years), and their kinds share a word
    (平潭县农业局 2010–2018 → 平潭县农业农村局 2019–). `directory` has printed_agency, agency
    (the series), region, level, agency_type, first_year, last_year; names already in one series
    are not suggested again. By place (region and level, in directory order), then in directory order."""
    entries = directory.reset_index(drop=True).assign(
        position=lambda d: range(len(d)), place=lambda d: d.groupby(["region", "level"], sort=False).ngroup()
    )
    # A name is paired only with the names of its region and level whose reports begin in the years
    # right after its own end, joined on those years: seventy thousand names take no time.
    olds = pd.concat(
        entries.assign(first_year=entries["last_year"] + gap) for gap in range(1, _RENAME_GAP_YEARS + 1)
    )
    news = entries[["region", "level", "first_year", "agency", "agency_type", "position"]]
    pairs = olds.merge(news, on=["region", "level", "first_year"], suffixes=("", "_new"))
    pairs = pairs[pairs["agency"] != pairs["agency_new"]].sort_values(["place", "position", "position_new"])
    kinds = zip(pairs["agency_type"], pairs["agency_type_new"], strict=True)
    pairs = pairs[pd.Series([_shares_a_word(old, new) for old, new in kinds], index=pairs.index, dtype=bool)]
    return pd.DataFrame(
        {
            "agency": pairs["printed_agency"],
            "successor": pairs["agency_new"],
            "last_year": pairs["last_year"],
            "successor_first_year": pairs["first_year"],
        }
    ).reset_index(drop=True)


def load(db: Path) -> pd.DataFrame:
    """The directory of the database at `db`, as the dashboard reads it."""
    with queries.open_snapshot(db) as con:
        return queries.run(con, "directory", {})


def import_csv(db: Path, frame: pd.DataFrame) -> Imported:
    """Store the entries of an edited directory CSV; names and levels it gets wrong are returned, not
    stored, so one typo costs only its row."""
    imported = read_csv_entries(frame, load(db))
    with store.open_for_writing(db) as writer:
        writer.set_directory_entries(imported.entries)
    return imported


def confirm_successor(db: Path, agency: str, successor: str) -> None:
    """Record that `agency` was renamed `successor`: its reports join the successor's series (the
    name's other entries, region, level and kind, stay)."""
    entries = load(db).set_index("printed_agency")
    series = entries.loc[successor, "agency"] if successor in entries.index else successor
    _store_series(db, entries, agency, series)


def separate(db: Path, agency: str) -> None:
    """Undo a renaming: the name's reports become an agency of their own again."""
    _store_series(db, load(db).set_index("printed_agency"), agency, "")


def _store_series(db: Path, entries: pd.DataFrame, agency: str, series: str) -> None:
    shown = entries.loc[agency]
    entry = DirectoryEntry(
        agency,
        _changed(shown["region"], shown["read_region"]),
        _changed(shown["level"], shown["read_level"]),
        _changed(shown["agency_type"], shown["read_agency_type"]),
        series,
    )
    with store.open_for_writing(db) as writer:
        writer.set_directory_entries([entry])
