"""The report layouts declared once, as data: rows, columns, metric ids and the sums between them.

Parsing, validation, the report-detail page and exports all read these declarations.
"""

from metrics.templates.identities import IDENTITIES, Identity, identities_for
from metrics.templates.legacy_table import LEGACY_ROWS, LEGACY_SECTIONS, LegacyRow, core_label
from metrics.templates.standard import (
    REQUESTER_COLUMNS,
    SECTION2_CELLS,
    SECTION3_ROWS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    Section2Cell,
    Section3Row,
    section2_cells,
    section3_rows,
)

__all__ = [
    "LEGACY_ROWS",
    "LEGACY_SECTIONS",
    "LegacyRow",
    "core_label",
    "IDENTITIES",
    "Identity",
    "identities_for",
    "REQUESTER_COLUMNS",
    "SECTION2_CELLS",
    "SECTION3_ROWS",
    "SECTION4_COLUMNS",
    "SECTION4_GROUPS",
    "Section2Cell",
    "Section3Row",
    "section2_cells",
    "section3_rows",
]
