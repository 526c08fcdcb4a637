import pandas as pd
import streamlit as st

from metrics import catalog
from metrics.dashboard import data, findings, messages, state, widgets
from metrics.dashboard.state import filters, lang, t
from metrics.models import TOTAL
from metrics.rollup import compute, files, layout
from metrics.templates import REQUESTER_COLUMNS, SECTION4_COLUMNS, SECTION4_GROUPS

state.ensure_app_frame()

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

st.title(t("page_rollup"))
if filters() is None:
    messages.no_database()
    st.stop()
options = data.options()
left, right = st.columns([3, 1])
region = widgets.coded_control(
    left.selectbox,
    t("rollup_region"),
    ["", *options.values["region"]],
    "rollup_region",
    "",
    format_func=lambda r: r or t("rollup_region_all"),
)
# Years as text: the URL gives them back as text, and a kept choice must match an option.
year = widgets.coded_control(
    right.selectbox,
    t("year"),
    [str(y) for y in reversed(options.years)],
    "rollup_year",
    str(options.years[-1]),
)
f = filters()
selection = compute.Selection(region, int(year), f.levels, f.agency_types)
st.caption(t("rollup_scope_caption"))
result = data.rollup(selection)
if result.reports.empty:
    st.warning(t("rollup_no_reports"))
    st.stop()

a, b, c, d = st.columns(4)
a.metric(t("rollup_included"), f"{len(result.reports):,}")
b.metric(t("rollup_missing"), f"{len(result.missing):,}")
c.metric(t("rollup_flagged"), f"{len(result.flagged):,}")
d.metric(
    t("rollup_identities"),
    t("rollup_identities_break", n=len(result.breaks)) if result.breaks else t("rollup_identities_hold"),
)

buttons = st.columns([1, 1, 4])
stem = f"rollup-{region or 'all'}-{year}"
buttons[0].download_button(
    t("rollup_download_xlsx"),
    data=lambda: files.to_xlsx_bytes(result),
    file_name=f"{stem}.xlsx",
    mime=widgets.XLSX_MIME,
    key="rollup_xlsx",
    on_click="ignore",
    icon=":material/download:",
)
buttons[1].download_button(
    t("rollup_download_docx"),
    data=lambda: files.to_docx_bytes(result),
    file_name=f"{stem}.docx",
    mime=DOCX_MIME,
    key="rollup_docx",
    on_click="ignore",
    icon=":material/download:",
)
st.caption(t("rollup_files_caption"))

if result.breaks:
    st.subheader(t("rollup_breaks"))
    for flag in result.breaks:
        said = findings.sentence(
            {
                "code": flag.code,
                "metric_id": flag.metric_id,
                "requester_column": flag.column,
                "message": flag.message,
            },
            result.values,
            layout.LAYOUT,
            lang(),
        )
        st.text(said)
    st.caption(t("rollup_breaks_caption"))


def label(row: layout.BodyRow) -> str:
    """The printed label in Chinese; the metric's English name in English."""
    if lang() == "zh":
        return row.label
    return catalog.label(row.cells[0][0], "en") if row.cells else t("rollup_outcomes_heading")


def value(cell: tuple[str, str]) -> str:
    return widgets.count(result.values.get(cell))


def section_title(section: str) -> str:
    return layout.SECTION_TITLES[section] if lang() == "zh" else t(f"rollup_section_{section}")


st.subheader(section_title("二"))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col_section"): table.caption,
                t("col_metric"): catalog.label(m, lang()),
                t("col_value"): value((m, col)),
            }
            for table in layout.TABLES
            if table.section == "二"
            for row in table.rows
            for m, col in row.cells
        ]
    ),
    hide_index=True,
    key="rollup_section2",
)

st.subheader(section_title("三"))
table3 = next(tb for tb in layout.TABLES if tb.section == "三")
names = {code: (zh if lang() == "zh" else en) for code, zh, en in REQUESTER_COLUMNS}
section3 = pd.DataFrame(
    [[label(row), *([value(cell) for cell in row.cells] or [""] * len(names))] for row in table3.rows],
    columns=[t("col_metric"), *names.values()],
)
st.dataframe(section3, hide_index=True, key="rollup_section3", height=35 * (len(section3) + 1) + 3)

st.subheader(section_title("四"))
group_names = {
    "review": t("cases_review"),
    "lit_direct": t("rollup_lit_direct"),
    "lit_after_review": t("rollup_lit_after_review"),
}
section4 = pd.DataFrame(
    [
        [group_names[group], *(value((f"{group}_{column}", TOTAL)) for column, _ in SECTION4_COLUMNS)]
        for group, _ in SECTION4_GROUPS
    ],
    columns=["", *(t(f"result_{column}") for column, _ in SECTION4_COLUMNS)],
)
st.dataframe(section4, hide_index=True, key="rollup_section4")
st.caption(t("rollup_blank_caption"))

st.subheader(t("rollup_agencies"))
agency_columns = {
    "agency": t("col_agency"),
    "region": t("f_region"),
    "level": t("f_level"),
    "agency_type": t("f_agency_type"),
    "format": t("col_format"),
    "warnings": t("col_warnings"),
    "flag_codes": t("col_flags"),
}
# The first reports and agencies only, as other long lists (a province's year has tens of thousands,
# which took a second to put into words and link at every run); the downloads, made when pressed, hold
# them all.
language = lang()
listed = result.reports.head(widgets.MAX_LIST_ROWS)
st.dataframe(
    widgets.in_words(listed, language).assign(link=widgets.report_links(listed["report_id"])),
    hide_index=True,
    key="rollup_included_table",
    placeholder=widgets.EMPTY,
    column_order=["link", *agency_columns],
    column_config={"link": st.column_config.LinkColumn(t("col_report"), display_text=t("open_report"))}
    | agency_columns,
)
widgets.truncation_note(len(listed), len(result.reports))
widgets.downloads(
    "rollup-agencies",
    "rollup_agencies_dl",
    frame=result.reports,
    shown=lambda: widgets.displayed(widgets.in_words(result.reports, language), agency_columns),
)

if not result.missing.empty:
    st.subheader(t("rollup_missing_title", year=year))
    missing_columns = agency_columns | {"years_reported": t("col_years_present")}
    missing_columns = {k: v for k, v in missing_columns.items() if k in result.missing.columns}
    missing = result.missing.head(widgets.MAX_LIST_ROWS)
    st.dataframe(
        widgets.in_words(missing, language),
        hide_index=True,
        key="rollup_missing_table",
        column_order=list(missing_columns),
        column_config=missing_columns,
    )
    widgets.truncation_note(len(missing), len(result.missing))
    widgets.downloads(
        "rollup-missing",
        "rollup_missing_dl",
        frame=result.missing,
        shown=lambda: widgets.displayed(widgets.in_words(result.missing, language), missing_columns),
    )

if not result.unmapped.empty:
    st.subheader(t("rollup_unmapped"))
    st.dataframe(
        widgets.in_words(result.unmapped, language).assign(
            metric=result.unmapped["metric_id"].map(lambda m: catalog.label(m, lang()))
        ),
        hide_index=True,
        key="rollup_unmapped_table",
        column_order=["format", "metric", "value", "reports", "why"],
        column_config={
            "format": t("col_format"),
            "metric": t("col_metric"),
            "value": t("col_value"),
            "reports": t("h_reports"),
            "why": t("col_reason"),
        },
    )
    st.caption(t("rollup_unmapped_caption"))
