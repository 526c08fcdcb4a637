"""The records that flow from readers through extractors and validation into storage."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

# Requester columns of section 三 of the standard layouts; every other fact uses TOTAL.
TOTAL = "total"


@dataclass
class Table:
    """A table expanded into a rectangular grid: merged cells repeat their text in every slot."""

    rows: list[list[str]]
    where: str  # human-readable position, e.g. "table 3" or "page 4, table 1"
    # The text ended within it (an excerpt cut the table): its last row may lack the cells after the cut.
    cut_at_end: bool = False


@dataclass
class OcrRead:
    """A page (or a picture in a page) read by OCR: its number, its text, and every text the engine
    read there with its confidence (0..1), so a figure taken from it can say how sure the engine was."""

    page: int
    text: str
    readings: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Document:
    """What a reader makes of a file: the original text, its tables, and any page metadata."""

    path: str
    text: str
    tables: list[Table] = field(default_factory=list)
    page_meta: dict[str, str] = field(
        default_factory=dict
    )  # 标题, 发文机关, 发布日期 ... when the page had them
    encoding: str = ""
    # the pages (or pictures) read by OCR, legible or not; none for a document read from its text
    ocr: list[OcrRead] = field(default_factory=list)
    # the title the file's document properties give (a PDF's /Title, a Word file's core title)
    properties_title: str = ""


@dataclass
class Fact:
    metric_id: str
    value: float | None  # None: the report marks the cell "not applicable"
    column: str = TOTAL
    evidence: str = ""  # the snippet or table cell the value came from, in the original text
    approximate: bool = False  # 余, 多, 近, 约
    derived: bool = False  # computed from other facts rather than printed
    note: str = ""  # why an ambiguous value was read the way it was
    ocr: bool = False  # read from a page (or picture) by OCR
    ocr_page: int | None = None  # the OCR'd page (or picture) it lies on, where its evidence places it
    # the engine's least confidence (0..1) among the texts of that page printing the figure
    ocr_confidence: float | None = None

    def __reduce__(self):
        # Pickled as its field values: `ogi extract` and Ray's tasks send every report's facts between
        # processes (ingest's workers send them as rows, Attempt.packed), and making a fact from a
        # tuple costs a fraction of restoring its attributes one by one.
        return Fact, fact_values(self)


# A fact's field values, in the order of its fields (and of its arguments).
fact_values = attrgetter(*(f.name for f in fields(Fact)))


@dataclass
class Flag:
    """A finding about a report: an identity that does not hold, or an extraction decision."""

    code: str  # e.g. "identity:requests_balance" or "ambiguous_row"
    message: str
    metric_id: str = ""
    column: str = TOTAL
    severity: str = "warning"  # warning | info


@dataclass
class Metadata:
    title: str = ""
    agency: str = ""
    region: str = ""
    level: str = ""
    year: int | None = None
    published: str = ""  # ISO date
    agency_type: str = ""  # 人民政府 for governments, else the department name without its region
    agency_source: str = ""  # the place the agency was read from: title, page_field, sentence, path ...
    year_source: str = ""  # the place the year was read from, in the same terms
    flags: list[Flag] = field(default_factory=list)  # places that disagree about the agency or year


@dataclass
class Extraction:
    path: str
    format: str
    meta: Metadata
    facts: list[Fact] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def totals(self) -> dict[str, float]:
        """The 总计-column figures keyed by metric id (what `ogi extract --json` prints)."""
        return {f.metric_id: f.value for f in self.facts if f.column == TOTAL and f.value is not None}


@dataclass(frozen=True)
class DirectoryEntry:
    """A person's entry in the agency directory for a name as printed; an empty field keeps what the
    name and the gazetteer give (metrics.directory)."""

    agency: str
    region: str = ""
    level: str = ""
    agency_type: str = ""
    series: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.region or self.level or self.agency_type or self.series)
