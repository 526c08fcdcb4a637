"""A report's content, independent of file type: headings, paragraphs and tables with merged cells.

Each layout builder returns the blocks and the truth (metric id -> the figure as printed, 总计
column). Writers in `writers.py` turn the same blocks into txt, HTML, DOCX or PDF.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from metrics.demo.figures import YearFigures
from metrics.demo.places import Agency
from metrics.templates.standard import (
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    STD2019,
    STD2021,
    section3_rows,
)

LEGACY_PROSE, LEGACY_TABLE = "legacy_prose", "legacy_table"


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TableBlock:
    rows: list[list[Cell]]  # the cells each row starts, as in HTML: merged slots are not repeated
    caption: str = ""
    big: bool = False  # many narrow columns: writers use a smaller type


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str


Block = Heading | Paragraph | TableBlock


@dataclass
class Content:
    blocks: list[Block]
    truth: dict[str, float] = field(default_factory=dict)
    breaks_identity: bool = False


@dataclass(frozen=True)
class Style:
    """Per-report choices of how figures are printed (real reports differ in all of these)."""

    zero_as_blank: bool = False  # section 三/四 zeros printed as blank or a dash
    procurement_in_yuan: bool = False
    break_identity: bool = False
    work_text: str = ""  # a paragraph on the year's work after 总体情况 (standard layouts)


def build_content(
    layout: str, agency: Agency, figures: YearFigures, style: Style, rng: random.Random
) -> Content:
    builders = {
        LEGACY_PROSE: _legacy_prose,
        LEGACY_TABLE: _legacy_table,
        STD2019: _standard,
        STD2021: _standard,
    }
    return builders[layout](layout, agency, figures, style, rng)


# ---- legacy_prose ---------------------------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"


def zh_count(n: int) -> str:
    """Small counts as Chinese numerals, the way prose reports write them: 两, 十二, 二十三."""
    if n == 2:
        return "两"
    if n < 10:
        return _ZH_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[units] if units else "")


def _count(n: int, rng: random.Random, unit: str) -> str:
    if n <= 30 and rng.random() < 0.2:
        return zh_count(n) + unit
    if n >= 1000 and rng.random() < 0.5:
        return f"{n:,}{unit}"
    return f"{n}{unit}"


def _legacy_prose(layout, agency, figures, style, rng) -> Content:
    year, s3 = figures.year, figures.section3
    requests = figures.requests_new
    # Prose reports speak of this year's requests only, so the answers are capped at them.
    granted = min(s3["outcome_granted"][-1], requests)
    partial = min(s3["outcome_partial"][-1], requests - granted)
    denied = min(s3["outcome_denied"][-1], requests - granted - partial)
    truth: dict[str, float] = {"proactive_items": figures.proactive_items, "requests_new": requests}
    growth = rng.randint(3, 35)
    blocks: list[Block] = [
        Paragraph(
            f"根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,现公布{agency.name}{year}年"
            f"政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ),
        Heading("一、主动公开政府信息情况"),
        Paragraph(
            f"{year}年,我{_self_word(agency)}主动公开政府信息{_count(figures.proactive_items, rng, '条')},"
            f"同比增长{growth}%,历年累计主动公开政府信息"
            f"{figures.proactive_items * rng.randint(4, 7)}条。主要公开了机构职能、政策文件、"
            "财政预决算、重点项目等信息。"
        ),
    ]
    if rng.random() < 0.5:
        extra = []
        if agency.is_government and rng.random() < 0.7:
            truth["hearings"] = rng.randint(0, 4)
            extra.append(f"召开听证会{_count(int(truth['hearings']), rng, '次')}")
        truth["press_conferences"] = rng.randint(1, 12)
        extra.append(f"召开新闻发布会{_count(int(truth['press_conferences']), rng, '次')}")
        blocks.append(Paragraph("全年" + ",".join(extra) + ",及时回应社会关切。"))
    blocks.append(Heading("二、依申请公开政府信息情况"))
    if requests == 0:
        blocks.append(Paragraph(f"{year}年,我{_self_word(agency)}未收到政府信息公开申请。"))
    else:
        truth.update(outcome_granted=granted, outcome_partial=partial, outcome_denied=denied)
        rest = requests - granted - partial - denied
        sentence = (
            f"全年受理依申请公开{_count(requests, rng, '件')},其中同意公开{_count(granted, rng, '件')},"
            f"部分公开{_count(partial, rng, '件')},不予公开政府信息{_count(denied, rng, '条')}"
        )
        if rest:
            sentence += f",其余{rest}件因申请信息不存在或不属于本机关公开范围已告知申请人"
        blocks.append(Paragraph(sentence + "。所有申请均在规定期限内答复。"))
    blocks.append(Paragraph(f"全年接受政府信息公开咨询{rng.randint(3, 30) * 10}余人次。"))
    blocks.append(Heading("三、政府信息公开的收费及减免情况"))
    blocks.append(Paragraph("本年度未收取任何费用。"))
    blocks.append(Heading("四、因政府信息公开申请行政复议、提起行政诉讼的情况"))
    reviews, lawsuits = figures.section4["review_total"], figures.section4["lit_direct_total"]
    truth.update(review_total=reviews, litigation_total=lawsuits)
    if reviews == 0 and lawsuits == 0:
        blocks.append(Paragraph(f"{year}年,未发生行政复议和行政诉讼。"))
    else:
        blocks.append(Paragraph(f"{year}年,因政府信息公开申请行政复议{reviews}件,提起行政诉讼{lawsuits}件。"))
    blocks += _closing_sections(year)
    return Content(blocks, truth)


def _self_word(agency: Agency) -> str:
    """How a report refers to its own agency: 我市, 我县, 我局, 我委 ..."""
    if agency.kind == "人民政府":
        if agency.level == "township":
            return "乡" if agency.name.endswith("乡人民政府") else "镇"
        return {"province": "省", "city": "市", "county": "区" if "区" in agency.name else "县"}[agency.level]
    if agency.kind == "街道办事处":
        return "街道"
    return {"局": "局", "会": "委", "厅": "厅"}[agency.kind[-1]]


def _closing_sections(year: int) -> list[Block]:
    return [
        Heading("五、存在的主要问题及改进情况"),
        Paragraph(
            "政府信息公开工作仍存在公开内容不够全面、更新不够及时等问题。"
            f"{year + 1}年,我们将进一步完善制度,加强培训,提升政府信息公开工作水平。"
        ),
        Heading("六、其他需要报告的事项"),
        Paragraph("无。"),
    ]


# ---- legacy_table ---------------------------------------------------------------------------------

# (label, unit, key into YearFigures.legacy; "" for a heading row). Keys that are metric ids go to the truth.
_LEGACY_ROWS: tuple[tuple[str, str, str], ...] = (
    ("一、主动公开情况", "", ""),
    ("(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "条", "proactive_items"),
    ("其中:主动公开规范性文件数", "条", "proactive_normative_docs"),
    ("制发规范性文件总数", "件", "制发规范性文件总数"),
    ("(二)通过不同渠道和方式公开政府信息的情况", "", ""),
    ("1.政府公报公开政府信息数", "条", "政府公报公开政府信息数"),
    ("2.政府网站公开政府信息数", "条", "政府网站公开政府信息数"),
    ("3.政务微博公开政府信息数", "条", "政务微博公开政府信息数"),
    ("4.政务微信公开政府信息数", "条", "政务微信公开政府信息数"),
    ("5.其他方式公开政府信息数", "条", "其他方式公开政府信息数"),
    ("二、回应解读情况", "", ""),
    (
        "(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)",
        "次",
        "回应公众关注热点或重大舆情数",
    ),
    ("(二)通过不同渠道和方式回应解读的情况", "", ""),
    ("1.参加或举办新闻发布会总次数", "次", "press_conferences"),
    ("其中:主要负责同志参加新闻发布会次数", "次", "主要负责同志参加新闻发布会次数"),
    ("2.政府网站在线访谈次数", "次", "政府网站在线访谈次数"),
    ("3.政策解读稿件发布数", "篇", "政策解读稿件发布数"),
    ("4.微博微信回应事件数", "次", "微博微信回应事件数"),
    ("三、依申请公开情况", "", ""),
    ("(一)收到申请数", "件", "requests_new"),
    ("1.当面申请数", "件", "requests_in_person"),
    ("2.传真申请数", "件", "requests_fax"),
    ("3.网络申请数", "件", "requests_online"),
    ("4.信函申请数", "件", "requests_letter"),
    ("(二)申请办结数", "件", "requests_closed"),
    ("1.按时办结数", "件", "按时办结数"),
    ("2.延期办结数", "件", "延期办结数"),
    ("(三)申请答复数", "件", "outcome_total"),
    ("1.属于已主动公开范围数", "件", "outcome_already_public"),
    ("2.同意公开答复数", "件", "outcome_granted"),
    ("3.同意部分公开答复数", "件", "outcome_partial"),
    ("4.不同意公开答复数", "件", "outcome_denied"),
    ("其中:涉及国家秘密", "件", "denied_state_secret"),
    ("涉及商业秘密", "件", "denied_commercial_secret"),
    ("涉及个人隐私", "件", "denied_privacy"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "denied_security_stability"),
    ("不是《条例》所指政府信息", "件", "denied_not_gov_info"),
    ("法律法规规定的其他情形", "件", "denied_other_legal"),
    ("5.不属于本行政机关公开数", "件", "outcome_not_this_agency"),
    ("6.申请信息不存在数", "件", "unable_not_held"),
    ("7.告知作出更改补充数", "件", "outcome_told_to_amend"),
    ("8.告知通过其他途径办理数", "件", "outcome_other_channel"),
    ("四、行政复议数量", "件", "review_total"),
    ("(一)维持具体行政行为数", "件", "review_upheld"),
    ("(二)被依法纠错数", "件", "review_corrected"),
    ("(三)其他情形数", "件", "review_other"),
    ("五、行政诉讼数量", "件", "litigation_total"),
    ("(一)维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation_upheld"),
    ("(二)被依法纠错数", "件", "litigation_corrected"),
    ("(三)其他情形数", "件", "litigation_other"),
    ("六、举报投诉数量", "件", "complaints_total"),
    ("七、依申请公开信息收取的费用", "万元", "request_fees_10k_yuan"),
    ("八、机构建设和保障经费情况", "", ""),
    ("(一)政府信息公开工作专门机构数", "个", "政府信息公开工作专门机构数"),
    ("(二)设置政府信息公开查阅点数", "个", "设置政府信息公开查阅点数"),
    ("(三)从事政府信息公开工作人员数", "人", "staff_total"),
    (
        "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)",
        "万元",
        "政府信息公开专项经费",
    ),
    ("九、政府信息公开会议和培训情况", "", ""),
    ("(一)召开政府信息公开工作会议或专题会议数", "次", "召开政府信息公开工作会议或专题会议数"),
    ("(二)举办各类培训班数", "次", "trainings"),
    ("(三)接受培训人员数", "人次", "接受培训人员数"),
)


def _legacy_table(layout, agency, figures, style, rng) -> Content:
    values = dict(figures.legacy)
    if style.break_identity:
        # The printed total disagrees with its channels, as a careless real report would.
        values["requests_new"] += rng.choice((-2, -1, 1, 3))
        values["requests_new"] = max(values["requests_new"], 0)
    rows = [[Cell("统计指标"), Cell("单位"), Cell("统计数")]]
    truth: dict[str, float] = {}
    for label, unit, key in _LEGACY_ROWS:
        if not key:
            rows.append([Cell(label, colspan=3)])
            continue
        rows.append([Cell(label), Cell(unit), Cell(_number(values[key]))])
        if not _is_label(key):
            truth[key] = values[key]
    year = figures.year
    blocks: list[Block] = [
        Paragraph(
            f"本报告根据《中华人民共和国政府信息公开条例》要求,由{agency.name}编制。本报告中所列数据的统计期限"
            f"自{year}年1月1日起至{year}年12月31日止。"
        ),
        Heading("一、主动公开政府信息情况"),
        Paragraph(
            f"{year}年,主动公开政府信息{values['proactive_items']}条,其中主动公开规范性文件"
            f"{values['proactive_normative_docs']}条。"
        ),
        Heading("二、依申请公开政府信息情况"),
        Paragraph(f"全年共收到政府信息公开申请{values['requests_new']}件,均已按规定答复。"),
        Heading("三、政府信息公开情况统计表"),
        TableBlock(rows, caption=f"{agency.name}{year}年政府信息公开情况统计表"),
        *_closing_sections(year),
    ]
    return Content(blocks, truth, breaks_identity=style.break_identity)


def _is_label(key: str) -> bool:
    return not key.isascii()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ---- std2019 / std2021 ---------------------------------------------------------------------------


def _standard(layout, agency, figures, style, rng) -> Content:
    truth: dict[str, float] = {}
    section2, truth2 = _section2_table(layout, figures, style)
    truth.update(truth2)
    section3, truth3, broke = _section3_table(layout, figures, style, rng)
    truth.update(truth3)
    section4, truth4 = _section4_table(figures, style)
    truth.update(truth4)
    year = figures.year
    basis = (
        "《中华人民共和国政府信息公开工作年度报告格式》"
        if layout == STD2021
        else "国务院办公厅政府信息与政务公开办公室有关要求"
    )
    blocks: list[Block] = [
        Paragraph(
            f"本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和{basis}编制。"
            f"报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ),
        Heading("一、总体情况"),
        Paragraph(
            f"{year}年,{agency.name}坚持以公开为常态、不公开为例外,全年主动公开政府信息"
            f"{figures.proactive_items}条,收到政府信息公开申请{figures.requests_new}件。"
        ),
        *([Paragraph(style.work_text)] if style.work_text else []),
        Heading("二、主动公开政府信息情况"),
        section2,
        Heading("三、收到和处理政府信息公开申请情况"),
        section3,
        Heading("四、政府信息公开行政复议、行政诉讼情况"),
        section4,
        *_closing_sections(year)[:2],
        Heading("六、其他需要报告的事项"),
        Paragraph("本机关未收取信息处理费。" if layout == STD2021 else "无。"),
    ]
    return Content(blocks, truth, breaks_identity=broke)


def _cells(values: list[float | None]) -> list[Cell]:
    return [Cell("/" if v is None else _number(v)) for v in values]


def _section2_table(layout: str, figures: YearFigures, style: Style) -> tuple[TableBlock, dict[str, float]]:
    s2 = figures.section2
    rows: list[list[Cell]] = []
    truth: dict[str, float] = {}

    def item(title: str, columns: list[str], lines: list[tuple[str, list[str]]], width: int = 4) -> None:
        rows.append([Cell(title, colspan=width)])
        header = [Cell("信息内容")] + [Cell(c) for c in columns]
        rows.append(_pad(header, width))
        for label, metric_ids in lines:
            values = [s2[m] for m in metric_ids]
            rows.append(_pad([Cell(label)] + _cells(values), width))
            truth.update({m: v for m, v in zip(metric_ids, values, strict=True) if v is not None})

    if layout == STD2019:
        item(
            "第二十条第(一)项",
            ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [
                ("规章", ["rules_issued", "rules_published", "rules_in_force"]),
                ("规范性文件", ["normative_issued", "normative_published", "normative_in_force"]),
            ],
        )
        item(
            "第二十条第(五)项",
            ["上一年项目数量", "本年增/减", "处理决定数量"],
            [
                ("行政许可", ["licensing_items_last_year", "licensing_items_change", "licensing_decisions"]),
                (
                    "其他对外管理服务事项",
                    [
                        "other_services_items_last_year",
                        "other_services_items_change",
                        "other_services_decisions",
                    ],
                ),
            ],
        )
        item(
            "第二十条第(六)项",
            ["上一年项目数量", "本年增/减", "处理决定数量"],
            [
                ("行政处罚", ["penalty_items_last_year", "penalty_items_change", "penalty_decisions"]),
                ("行政强制", ["coercion_items_last_year", "coercion_items_change", "coercion_decisions"]),
            ],
        )
        item(
            "第二十条第(八)项",
            ["上一年项目数量", "本年增/减"],
            [("行政事业性收费", ["fees_items_last_year", "fees_items_change"])],
        )
        amount_header = "采购总金额(元)" if style.procurement_in_yuan else "采购总金额(万元)"
        item(
            "第二十条第(九)项",
            ["采购项目数量", amount_header],
            [("政府集中采购", ["procurement_projects", "procurement_amount_10k_yuan"])],
        )
        if style.procurement_in_yuan:
            # The table prints yuan; the truth stays in 万元, so only the printed cell changes.
            rows[-1][-1] = Cell(
                str(round(s2["procurement_amount_10k_yuan"] * 10000)), colspan=rows[-1][-1].colspan
            )
    else:
        item(
            "第二十条第(一)项",
            ["本年制发件数", "本年废止件数", "现行有效件数"],
            [
                ("规章", ["rules_issued", "rules_abolished", "rules_in_force"]),
                ("行政规范性文件", ["normative_issued", "normative_abolished", "normative_in_force"]),
            ],
        )
        item("第二十条第(五)项", ["本年处理决定数量"], [("行政许可", ["licensing_decisions"])])
        item(
            "第二十条第(六)项",
            ["本年处理决定数量"],
            [("行政处罚", ["penalty_decisions"]), ("行政强制", ["coercion_decisions"])],
        )
        item(
            "第二十条第(八)项", ["本年收费金额(单位:万元)"], [("行政事业性收费", ["fees_collected_10k_yuan"])]
        )
    return TableBlock(rows), truth


def _pad(cells: list[Cell], width: int) -> list[Cell]:
    """Stretch the last cell so the row fills the table's width, as the template does."""
    missing = width - sum(c.colspan for c in cells)
    if missing <= 0:
        return cells
    last = cells[-1]
    return cells[:-1] + [Cell(last.text, colspan=last.colspan + missing)]


_SECTION3_LABELS = {
    "requests_new": "一、本年新收政府信息公开申请数量",
    "requests_carried_over": "二、上年结转政府信息公开申请数量",
    "outcome_granted": "(一)予以公开",
    "outcome_partial": "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    "outcome_denied": "(三)不予公开",
    "denied_state_secret": "1.属于国家秘密",
    "denied_law_forbidden": "2.其他法律行政法规禁止公开",
    "denied_security_stability": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_info": "6.属于四类过程性信息",
    "denied_enforcement_file": "7.属于行政执法案卷",
    "denied_query_matter": "8.属于行政查询事项",
    "outcome_unable": "(四)无法提供",
    "unable_not_held": "1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "outcome_not_processed": "(五)不予处理",
    "np_petition": "1.信访举报投诉类申请",
    "np_duplicate": "2.重复申请",
    "np_publication": "3.要求提供公开出版物",
    "np_mass_repeat": "4.无正当理由大量反复申请",
    "np_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "outcome_other": "(六)其他处理",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_misc": "3.其他",
    "outcome_total": "(七)总计",
    "requests_carried_forward": "四、结转下年度继续办理",
}
_TOP_ROWS = ("requests_new", "requests_carried_over", "requests_carried_forward")


def _section3_table(layout, figures, style, rng) -> tuple[TableBlock, dict[str, float], bool]:
    rows = [
        [
            Cell("本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和", rowspan=3, colspan=3),
            Cell("申请人情况", colspan=7),
        ],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(label) for _, label, _ in REQUESTER_COLUMNS[1:-1]],
    ]
    printed = {metric: list(values) for metric, values in figures.section3.items()}
    broke = style.break_identity
    if broke:
        # A typo in the (七)总计 cell of the 总计 column: the printed sum is off by a little.
        printed["outcome_total"][-1] += rng.choice((-1, 1, 2))
        printed["outcome_total"][-1] = max(printed["outcome_total"][-1], 0)
    layout_rows = section3_rows(layout)
    parents = {r.parent for r in layout_rows if r.parent}
    children = {p: [r.metric_id for r in layout_rows if r.parent == p] for p in parents}
    result_rows = [r.metric_id for r in layout_rows if r.metric_id not in _TOP_ROWS and not r.parent]
    result_height = sum(len(children.get(m, [])) or 1 for m in result_rows)

    def numbers(metric: str) -> list[Cell]:
        return [Cell(_blank_zero(v, style, rng)) for v in printed[metric]]

    for metric in _TOP_ROWS[:2]:
        rows.append([Cell(_SECTION3_LABELS[metric], colspan=3)] + numbers(metric))
    first = True
    for metric in result_rows:
        lead = [Cell("三、本年度办理结果", rowspan=result_height)] if first else []
        first = False
        kids = children.get(metric, [])
        if not kids:
            rows.append(lead + [Cell(_SECTION3_LABELS[metric], colspan=2)] + numbers(metric))
            continue
        for n, kid in enumerate(kids):
            parent_cell = [Cell(_SECTION3_LABELS[metric], rowspan=len(kids))] if n == 0 else []
            rows.append((lead if n == 0 else []) + parent_cell + [Cell(_SECTION3_LABELS[kid])] + numbers(kid))
    rows.append(
        [Cell(_SECTION3_LABELS["requests_carried_forward"], colspan=3)] + numbers("requests_carried_forward")
    )

    truth = {r.metric_id: printed[r.metric_id][-1] for r in layout_rows if r.metric_id in printed}
    for parent, kids in children.items():
        truth[parent] = sum(printed[k][-1] for k in kids)
    truth["requests_new_natural_person"] = printed["requests_new"][0]
    truth["requests_new_legal_person"] = sum(printed["requests_new"][1:6])
    return TableBlock(rows, big=True), truth, broke


def _blank_zero(value: int, style: Style, rng: random.Random) -> str:
    if value == 0 and style.zero_as_blank:
        return rng.choice(("", "—", "/", "0"))
    return str(value)


def _section4_table(figures: YearFigures, style: Style) -> tuple[TableBlock, dict[str, float]]:
    result_labels = [Cell(label) for _, label in SECTION4_COLUMNS]
    rows = [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [
            *(Cell(c.text, rowspan=2) for c in result_labels),
            Cell("未经复议直接起诉", colspan=5),
            Cell("复议后起诉", colspan=5),
        ],
        result_labels * 2,
    ]
    groups = ("review", "lit_direct", "lit_after_review")
    metric_ids = [f"{group}_{column}" for group in groups for column, _ in SECTION4_COLUMNS]
    values = [figures.section4[m] for m in metric_ids]
    # A row of nothing but blanks would leave a reader unsure the row was filled in at all.
    zero = "" if style.zero_as_blank and any(values) else "0"
    rows.append([Cell(str(v) if v else zero) for v in values])
    truth: dict[str, float] = dict(zip(metric_ids, values, strict=True))
    truth["litigation_total"] = truth["lit_direct_total"] + truth["lit_after_review_total"]
    return TableBlock(rows, big=True), truth
