"""The standard layouts (std2019 for the 2019-2020 reports, std2021 from 2021 on).

Labels are written in the compact normalised form (see metrics.normalize.compact): simplified
characters, ASCII punctuation, no spaces. A row matches when its label contains one of the
row's `labels` (after numbering such as 一、 (三) 1. is stripped).
"""

from __future__ import annotations

from dataclasses import dataclass

STD2019 = "std2019"
STD2021 = "std2021"
BOTH = (STD2019, STD2021)

# Words the 2019 table's 本年增/减 cell may hold instead of its number ('990 减 711', '0 未增未减 0'): a
# cell with no value, longest first.
CHANGE_WORDS = (
    "未增未减",
    "无增无减",
    "没有变化",
    "无增减",
    "未增减",
    "无变化",
    "无变动",
    "未变化",
    "未变动",
    "增加",
    "减少",
    "持平",
    "不变",
    "增",
    "减",
)
# The words that may stand before the change's number in that cell instead of its sign ('增1558').
CHANGE_SIGNS = ("增加", "减少", "增", "减")

# Section 三 columns, in the printed order.
REQUESTER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("natural_person", "自然人", "Natural persons"),
    ("commercial", "商业企业", "Businesses"),
    ("research", "科研机构", "Research institutions"),
    ("public_interest", "社会公益组织", "Public-interest organisations"),
    ("legal_service", "法律服务机构", "Legal service providers"),
    ("other_org", "其他", "Other organisations"),
    ("total", "总计", "Total"),
)
ORGANISATION_COLUMNS = ("commercial", "research", "public_interest", "legal_service", "other_org")


@dataclass(frozen=True)
class Section2Cell:
    """One figure of section 二: the article item, the row, the column, and the metric it feeds."""

    item: str  # 第二十条第(一)项 -> "一"
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    metric_id: str
    formats: tuple[str, ...]
    unit: str = ""  # "万元" where a cell may carry money in 元
    # Words with which the report's prose states this figure ("本年度制发的规范性文件88件"); they settle
    # a flattened row whose cells ran together.
    prose: tuple[str, ...] = ()


SECTION2_CELLS: tuple[Section2Cell, ...] = (
    # 第二十条第(一)项
    Section2Cell(
        "一", ("规章",), ("本年新制作数量", "本年新制作"), "rules_issued", (STD2019,), prose=("新制作",)
    ),
    Section2Cell(
        "一", ("规章",), ("本年新公开数量", "本年新公开", "本年公开数量"), "rules_published", (STD2019,)
    ),
    Section2Cell(
        "一", ("规章",), ("对外公开总数量", "对外公开总数", "对外公开数量"), "rules_in_force", (STD2019,)
    ),
    Section2Cell(
        "一",
        ("规范性文件",),
        ("本年新制作数量", "本年新制作"),
        "normative_issued",
        (STD2019,),
        prose=("新制作",),
    ),
    Section2Cell(
        "一",
        ("规范性文件",),
        ("本年新公开数量", "本年新公开", "本年公开数量"),
        "normative_published",
        (STD2019,),
    ),
    Section2Cell(
        "一",
        ("规范性文件",),
        ("对外公开总数量", "对外公开总数", "对外公开数量"),
        "normative_in_force",
        (STD2019,),
    ),
    Section2Cell(
        "一",
        ("规章",),
        ("本年制发件数", "本年制发", "新制发数量", "本年制作件数"),
        "rules_issued",
        (STD2021,),
        prose=("制发",),
    ),
    Section2Cell(
        "一",
        ("规章",),
        ("本年废止件数", "本年废止", "新废止数量"),
        "rules_abolished",
        (STD2021,),
        prose=("废止",),
    ),
    Section2Cell(
        "一", ("规章",), ("现行有效件数", "现行有效"), "rules_in_force", (STD2021,), prose=("现行有效",)
    ),
    Section2Cell(
        "一",
        ("行政规范性文件", "规范性文件", "行政规范性"),
        ("本年制发件数", "本年制发", "新制发数量", "本年制作件数"),
        "normative_issued",
        (STD2021,),
        prose=("制发",),
    ),
    Section2Cell(
        "一",
        ("行政规范性文件", "规范性文件", "行政规范性"),
        ("本年废止件数", "本年废止", "新废止数量"),
        "normative_abolished",
        (STD2021,),
        prose=("废止",),
    ),
    Section2Cell(
        "一",
        ("行政规范性文件", "规范性文件", "行政规范性"),
        ("现行有效件数", "现行有效"),
        "normative_in_force",
        (STD2021,),
        prose=("现行有效",),
    ),
    # 第二十条第(五)项
    Section2Cell(
        "五", ("行政许可",), ("上一年项目数量", "上一年度项目数量"), "licensing_items_last_year", (STD2019,)
    ),
    Section2Cell("五", ("行政许可",), ("本年增/减", "本年增减"), "licensing_items_change", (STD2019,)),
    Section2Cell("五", ("行政许可",), ("处理决定数量", "本年处理决定数量"), "licensing_decisions", BOTH),
    Section2Cell(
        "五",
        ("其他对外管理服务事项",),
        ("上一年项目数量", "上一年度项目数量"),
        "other_services_items_last_year",
        (STD2019,),
    ),
    Section2Cell(
        "五", ("其他对外管理服务事项",), ("本年增/减", "本年增减"), "other_services_items_change", (STD2019,)
    ),
    Section2Cell("五", ("其他对外管理服务事项",), ("处理决定数量",), "other_services_decisions", (STD2019,)),
    # 第二十条第(六)项
    Section2Cell(
        "六", ("行政处罚",), ("上一年项目数量", "上一年度项目数量"), "penalty_items_last_year", (STD2019,)
    ),
    Section2Cell("六", ("行政处罚",), ("本年增/减", "本年增减"), "penalty_items_change", (STD2019,)),
    Section2Cell("六", ("行政处罚",), ("处理决定数量", "本年处理决定数量"), "penalty_decisions", BOTH),
    Section2Cell(
        "六", ("行政强制",), ("上一年项目数量", "上一年度项目数量"), "coercion_items_last_year", (STD2019,)
    ),
    Section2Cell("六", ("行政强制",), ("本年增/减", "本年增减"), "coercion_items_change", (STD2019,)),
    Section2Cell("六", ("行政强制",), ("处理决定数量", "本年处理决定数量"), "coercion_decisions", BOTH),
    # 第二十条第(八)项
    Section2Cell(
        "八", ("行政事业性收费",), ("上一年项目数量", "上一年度项目数量"), "fees_items_last_year", (STD2019,)
    ),
    Section2Cell("八", ("行政事业性收费",), ("本年增/减", "本年增减"), "fees_items_change", (STD2019,)),
    Section2Cell(
        "八", ("行政事业性收费",), ("本年收费金额",), "fees_collected_10k_yuan", (STD2021,), unit="万元"
    ),
    # 第二十条第(九)项
    Section2Cell("九", ("政府集中采购",), ("采购项目数量",), "procurement_projects", (STD2019,)),
    Section2Cell(
        "九", ("政府集中采购",), ("采购总金额",), "procurement_amount_10k_yuan", (STD2019,), unit="万元"
    ),
)


@dataclass(frozen=True)
class Section3Row:
    """A row of the big table of section 三, in printed order. `parent` is the row it is a sub-row of."""

    metric_id: str
    labels: tuple[str, ...]
    formats: tuple[str, ...] = BOTH
    parent: str = ""
    # Words the printed label goes on with after the labels above, which wrap onto lines of their
    # own between the label and its numbers in PDF text.
    tail: str = ""
    # Shorter words an overview's sentence names the row by ('无法提供8件(均属于本机关不掌握的信息)'); in a
    # table, a label cut short to them could be another row's start.
    prose_words: tuple[str, ...] = ()


NOT_PROCESSED_FURTHER = "、行政机关不再处理其政府信息公开申请"

SECTION3_ROWS: tuple[Section3Row, ...] = (
    Section3Row("requests_new", ("本年新收政府信息公开申请数量", "本年新收")),
    Section3Row("requests_carried_over", ("上年结转政府信息公开申请数量", "上年结转")),
    Section3Row("outcome_granted", ("予以公开",), prose_words=("准予公开", "同意公开")),
    Section3Row("outcome_partial", ("部分公开",), prose_words=("部分同意公开", "部分予以公开")),
    Section3Row("outcome_denied", ("不予公开",), prose_words=("不同意公开", "不予以公开", "不公开")),
    Section3Row("denied_state_secret", ("属于国家秘密",), parent="outcome_denied"),
    Section3Row("denied_law_forbidden", ("其他法律行政法规禁止公开",), parent="outcome_denied"),
    Section3Row("denied_security_stability", ('危及"三安全一稳定"', "三安全一稳定"), parent="outcome_denied"),
    Section3Row("denied_third_party", ("保护第三方合法权益",), parent="outcome_denied"),
    Section3Row("denied_internal_affairs", ("属于三类内部事务信息", "三类内部事务"), parent="outcome_denied"),
    Section3Row("denied_process_info", ("属于四类过程性信息", "四类过程性"), parent="outcome_denied"),
    Section3Row("denied_enforcement_file", ("属于行政执法案卷", "行政执法案卷"), parent="outcome_denied"),
    Section3Row("denied_query_matter", ("属于行政查询事项", "行政查询事项"), parent="outcome_denied"),
    Section3Row("outcome_unable", ("无法提供",)),
    Section3Row(
        "unable_not_held",
        ("本机关不掌握相关政府信息", "不掌握相关政府信息"),
        parent="outcome_unable",
        # 信息不存在 is the first regulations' name of the row (申请信息经查询不存在); 非本部门掌握 says it the
        # other way round; 不掌握 may stand without the agency ('不掌握信息2件').
        prose_words=("不掌握", "信息不存在", "不存在", "非本机关掌握", "非本部门掌握", "非本单位掌握"),
    ),
    Section3Row(
        "unable_needs_creation",
        ("没有现成信息需要另行制作", "需要另行制作", "没有现成信息"),
        parent="outcome_unable",
    ),
    Section3Row("unable_unclear", ("补正后申请内容仍不明确", "仍不明确"), parent="outcome_unable"),
    Section3Row("outcome_not_processed", ("不予处理",)),
    Section3Row("np_petition", ("信访举报投诉类申请", "信访举报投诉"), parent="outcome_not_processed"),
    Section3Row("np_duplicate", ("重复申请",), parent="outcome_not_processed"),
    Section3Row("np_publication", ("要求提供公开出版物", "公开出版物"), parent="outcome_not_processed"),
    Section3Row("np_mass_repeat", ("无正当理由大量反复申请", "大量反复申请"), parent="outcome_not_processed"),
    Section3Row(
        "np_confirmation",
        ("要求行政机关确认或重新出具已获取信息", "确认或重新出具"),
        parent="outcome_not_processed",
    ),
    Section3Row("outcome_other", ("其他处理",)),
    Section3Row(
        "other_no_correction",
        ("申请人无正当理由逾期不补正", "逾期不补正"),
        (STD2021,),
        parent="outcome_other",
        tail=NOT_PROCESSED_FURTHER,
    ),
    Section3Row(
        "other_unpaid_fee",
        ("申请人逾期未按收费通知要求缴纳费用", "逾期未按收费通知要求缴纳费用", "缴纳费用", "未按收费通知"),
        (STD2021,),
        parent="outcome_other",
        tail=NOT_PROCESSED_FURTHER,
    ),
    Section3Row("other_misc", ("其他",), (STD2021,), parent="outcome_other"),
    Section3Row("outcome_total", ("总计",)),
    Section3Row("requests_carried_forward", ("结转下年度继续办理", "结转下年度")),
)

# Cells of section 三 that span the rows of a group and hold no numbers of their own in either layout.
# PDF text wraps them in short pieces set between their sub-rows' lines (`(三)` / `不予公` / `5.属于三类
# 内部事` / `开`); 其他处理 is left out, since the 2019 layout prints it as a row with numbers.
SECTION3_GROUP_CELLS = ("三、本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理")

# Section 四: 行政复议, then 行政诉讼 split into 未经复议直接起诉 and 复议后起诉; five columns each.
SECTION4_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
SECTION4_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("lit_direct", "未经复议直接起诉"),
    ("lit_after_review", "复议后起诉"),
)


# Text that marks where the parts of the report sit, for readers of flattened text.
SECTION2_START = ("第二十条第",)  # the first article-20 item table opens section 二
SECTION2_HEADER = ("信息内容",)  # the first header cell of every section 二 table
SECTION3_START = ("收到和处理政府信息公开申请",)
SECTION4_START = ("复议", "行政诉讼")  # nothing in section 三 mentions review or litigation
SECTION4_TABLE = ("未经复议直接起诉",)  # words of section 四's table header alone, never of prose


def section2_cells(fmt: str) -> list[Section2Cell]:
    return [c for c in SECTION2_CELLS if fmt in c.formats]


def section3_rows(fmt: str) -> list[Section3Row]:
    return [r for r in SECTION3_ROWS if fmt in r.formats]


def section4_metric(group: str, column: str) -> str:
    return f"{group}_{column}"


# ---- counts an overview states in words ------------------------------------------------------------


@dataclass(frozen=True)
class OverviewCount:
    """A count of a standard table's cell as an overview sentence words it, before its number and
    件 ('本年度制发规范性文件2件'). Read only where that table gives nothing (a table printed as an
    image, an excerpt that stops before it)."""

    metric_id: str
    words: str  # a regex for the words right before the number
    formats: tuple[str, ...] = (STD2019, STD2021)
    # Its words name last year themselves (接办上年…), so they are no other year's.
    names_last_year: bool = False
    # Its words print a year, which must be the report's year plus this (-1: 2021年结转件 in a 2022
    # report; +1: 结转至2023年): no other year then.
    names_year: int = 0
    # Words that count other things too are read only where they open their clause (after 其中, 本年度,
    # 共, 已 at most) in a sentence about requests: 不予公开答复2件 is one outcome, not all.
    opens_clause: bool = False
    sentence_has: str = ""  # a regex the sentence must match
    sentence_lacks: str = ""  # a regex the sentence must not match
    sentence_marks: str = ".!?"  # what ends the sentence of sentence_has and sentence_lacks
    count_first: bool = False  # the count stands before its words (1件结转下年)
    clause_lacks: str = ""  # a regex the count's clause must not match
    units: str = "件|份|宗|起"  # a regex of the units the count may be in
    per_unit: float = 1.0  # the metric's value of one such unit (元 in a 万元 metric: 0.0001)
    says_none: bool = False  # its words say the cell is nothing, with no number ('无行政事业性收费'): 0
    followed_by: str = ""  # a regex the words right after the count's unit must match


# Business other than disclosure requests whose answers a clause may count (建议提案答复, 热线工单办结).
_OTHER_BUSINESS = r"建议|提案|信访|热线|投诉|咨询|留言"

# The verbs that issue documents, run together or listed (未制定发布、废止…: 、 reads as ','); 废止 may be listed
# after them without being one.
_ISSUING = r"(?:制发|制定|出台|印发|制作|发布)+(?:,(?:制发|制定|出台|印发|制作|发布)+)*(?:[,和及与]废止)?"

# Section 二's decisions named together and counted 分别 (respectively), in the order they are named
# ('行政许可、行政处罚、行政强制决定数量分别为289745宗、466061宗和5919宗'; one zero for all: '分别为0宗').
DECISIONS_BY_NAME = {"许可": "licensing_decisions", "处罚": "penalty_decisions", "强制": "coercion_decisions"}

# A character of the words before 规范性文件 that are not the rules named with them (规章及规范性文件).
_NOT_RULES = r"(?:(?!规章)[\u4e00-\u9fff])"

# The requests named as such, and one clause saying they were received and answered (收到和办理, 受理并答复).
_REQUESTS = r"(?:依申请公开|政府信息公开申请)"
_RECEIVED_AND_ANSWERED = r"(?:收到|受理)(?:和|并|,)(?:办理|处理|办结|答复)"

OVERVIEW_COUNTS: tuple[OverviewCount, ...] = (
    OverviewCount(
        "requests_carried_over",
        r"(?:接办|结转|转结)上一?年度?(?:的)?(?:政府信息公开)?(?:申请)?(?:办理)?"
        r"|上一?年度?(?:结转|转结)(?:的)?(?:政府信息公开)?(?:申请|办理|受理)?(?:件|数量)?",
        names_last_year=True,
        units="件|份|宗|起|条",
    ),
    # 收到申请30件(其中1件为上年度结转): the count before its words.
    OverviewCount(
        "requests_carried_over",
        r"(?:为|是|系|属于?)上一?年度?(?:结转|转结)",
        names_last_year=True,
        count_first=True,
        units="件|份|宗|起|条",
    ),
    # 办理2021年结转件4件 (a 2022 report).
    OverviewCount(
        "requests_carried_over",
        r"(?:办理|接办)?(?:19|20)\d\d年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:件)?",
        names_year=-1,
    ),
    # 自然人申请219件 / 法人或其他组织提出申请16件: the requester columns of 本年新收, unless the sentence
    # splits a total that holds last year's requests too (申请124宗(含2021年度结转5宗),…法人和其他组织申请11宗).
    OverviewCount(
        "requests_new_natural_person",
        r"(?:公民)?(?:个人|自然人)(?:提出|提交)?(?:的)?申请(?:件)?"
        # 公民 alone, not the 条例's 公民、法人或者其他组织 (all requesters).
        r"|公民(?![、,和及与或])(?:提出)?(?:的)?(?:政府信息公开)?申请(?:件)?",
        sentence_lacks=r"含[^,;.]{0,12}(?:结转|上年)",
    ),
    # 共收到自然人依申请公开政府信息2条 / 受理自然人政府信息公开申请1件: the year's requests, of natural
    # persons; received only from them where the sentence names no other requester.
    OverviewCount(
        "requests_new_natural_person",
        r"(?:收到|受理|接收)(?:了)?(?:公民)?(?:个人|自然人)(?:提出的|提交的)?(?:依申请公开|政府信息公开|信息公开|公开)"
        r"(?:政府信息)?(?:申请)?",
        units="件|份|宗|条",
        sentence_lacks=r"法人|组织|企业|结转|上年",
    ),
    OverviewCount(
        "requests_new_legal_person",
        r"法人(?:或|和|及)其他组织(?:提出)?(?:的)?申请(?:件)?",
        sentence_lacks=r"含[^,;.]{0,12}(?:结转|上年)",
    ),
    # 转结 is a common slip for 结转; 转下一年度 says it too.
    OverviewCount(
        "requests_carried_forward",
        r"(?:结转|转结|转|转接|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?",
        units="件|份|宗|起|条|项",
    ),
    # 结转至2024年办理1件 / 转入2020年办理1件 (a 2023 report, a 2019 one) / 本年结转2025年政府信息公开申请17条 /
    # 2026年结转依申请公开事项1件 (a 2025 report: the year it goes into).
    OverviewCount(
        "requests_carried_forward",
        r"(?:结转(?:至|到)?|转入)(?:19|20)\d\d年度?(?:继续)?(?:办理)?(?:的)?(?:政府信息公开)?(?:申请)?",
        names_year=1,
        units="件|份|宗|起|条",
    ),
    OverviewCount(
        "requests_carried_forward",
        r"(?:19|20)\d\d年度?结转(?:的)?(?:依申请公开|政府信息公开)?(?:申请)?(?:事项)?",
        names_year=1,
    ),
    # 无上年结转政府信息公开申请 / 上年无结转 / 无上年和下年结转件: none carried over.
    OverviewCount(
        "requests_carried_over",
        r"(?:无|没有)上一?年度?(?:结转|转结)(?:的)?(?:政府信息公开)?(?:申请)?件?|上一?年度?(?:无|没有)(?:结转|转结)"
        r"|(?:无|没有)上一?年度?(?:和|及|与|、)下一?年度?(?:结转|转结)",
        says_none=True,
        names_last_year=True,
    ),
    # 无转结下年度继续办理件 / 无申请件结转到下一年度 / 无下年度结转: none carried forward. (无上年和下年结转件
    # names last year, which rules a clause out of this year's counts.)
    OverviewCount(
        "requests_carried_forward",
        r"(?:无|没有)(?:申请件?)?(?:结转|转结)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?件?"
        r"|(?:无|没有)下一?年度?(?:结转|转结)",
        says_none=True,
    ),
    # 余下3件转至2026年办理 (a 2025 report): the count before the year it goes into.
    OverviewCount(
        "requests_carried_forward",
        r"(?:结转|转结|转入|转)(?:至|到)?(?:19|20)\d\d年度?(?:继续)?办理",
        count_first=True,
        names_year=1,
        units="件|份|宗|起|条",
    ),
    # 剩余26件结转下年度办理 / 1件结转下年 / 另外33件申请依法顺延到下年度答复: the count before its words.
    OverviewCount(
        "requests_carried_forward",
        r"(?:申请)?(?:依法)?(?:结转|转|转接|顺延)(?:至|到)?下一?年",
        count_first=True,
        units="件|份|宗|起|条|项",
    ),
    # 已回复126件,7件正在办理中 / 1件正在办理中,结转至2025年继续办理: still being handled when the year
    # closed, so carried into the next; in a sentence (or a part of one between semicolons) about
    # requests and no other business (办理人大建议5件,2件正在办理中).
    OverviewCount(
        "requests_carried_forward",
        r"(?:申请)?(?:仍|尚|还)?(?:正)?在办理(?:中|过程中)",
        count_first=True,
        sentence_has=r"申请",
        sentence_lacks=_OTHER_BUSINESS,
        sentence_marks=".!?;",
        units="件|份|宗|起|条|项",
    ),
    # 办结113件 / 其中本年度答复21件 / 共办理完成198件 / 全年办理1503件 / 规范办理答复完成24件 / 及时回复19条 /
    # 作出政府信息公开答复6件 / 办结依申请公开件5件: the requests answered, 三's (七) 总计; in a paragraph about
    # requests (申请10件,均为自然人申请。已办结9件).
    # 全年共办理…申请74件,办结71件: where the paragraph counts those closed too, 办理 counts those handled.
    *(
        OverviewCount(
            "outcome_total",
            rf"(?:规范|书面)?(?:(?:作出|做出)(?:政府信息公开|依申请公开)?)?{verbs}(?:了)?(?:依申请公开|政府信息|公开|申请){{0,3}}件?",
            opens_clause=True,
            sentence_has=r"申请",
            sentence_marks="\n!?",
            # 受理公共咨询类问题1条,回复1条: the answers to other business, in the sentence before the count.
            sentence_lacks=rf"(?:{_OTHER_BUSINESS})[^.!?]{{0,12}}?\d+(?:件|条)[^.!?\d]{{0,4}}?(?:回复|答复|办结|办理)"
            + closed,
            clause_lacks=_OTHER_BUSINESS,
            units="件|份|宗|起|条|项",
        )
        for verbs, closed in (
            (r"(?:办结|办理完成|完成办理|完成答复|(?:办理)?答复完成|办理答复|答复|回复)", ""),
            (r"办理", r"|办结\d+(?:件|条)"),
        )
    ),
    # 共新收到政府信息公开申请2件,均严格按照法定时限予以答复 / 受理依申请公开3件,所有申请均已依法按期办结:
    # all the requests received were answered, and none came from the year before.
    OverviewCount(
        "outcome_total",
        r"(?:收到|受理|接收|接到)(?:了)?[^,;.\d]{0,24}?(?:申请|依申请公开)[^,;.\d]{0,8}?",
        units="件|份|宗|条|项",
        followed_by=r"[,;](?:且)?(?:均|全部|都|所有(?:的)?(?:申请)?(?:均|都)?)(?:已)?[^,;.\d]{0,24}?(?:答复|办结)",
        sentence_lacks=r"结转|上一?年|其中|不予|部分|无法",
    ),
    # 已办理206件,结转下年度继续办理6件: what 已 says is done, in a sentence about requests.
    OverviewCount(
        "outcome_total",
        r"已(?:依法)?办理(?:完毕|完成)?(?:了)?",
        opens_clause=True,
        sentence_has=r"申请",
        clause_lacks=_OTHER_BUSINESS,
    ),
    # 全年共收到和办理依申请公开68件 / 收到、办理依申请公开0件 (、 reads as ",") / 受理并答复政府信息公开申请21件 /
    # 依申请公开受理和办结6件: one count for both, the requests received and answered; 未收到和处理政府信息公开
    # 申请: none of either.
    OverviewCount(
        "outcome_total",
        rf"(?:{_REQUESTS}{_RECEIVED_AND_ANSWERED}"
        rf"|{_RECEIVED_AND_ANSWERED}(?:了)?{_REQUESTS}(?:政府信息)?(?:申请)?(?:办理事项)?)\s*",
        units="件|条",
        # ',结转下年办理1件': then some of them were not answered this year.
        sentence_lacks=r"(?:结转|转结)(?:至|到)?下一?年度?[^,;.\d]{0,6}?[1-9]|[1-9]\d*件(?:结转|转结)",
    ),
    OverviewCount(
        "outcome_total",
        r"(?:未|没有)(?:收到|受理)(?:和|并|,)(?:办理|处理)(?:任何)?(?:政府信息公开|依申请公开)(?:申请)?",
        says_none=True,
    ),
    # 19件已按照规定时限和程序进行了答复: the count before its words.
    OverviewCount(
        "outcome_total",
        r"已[^,;.\d]{0,20}?(?:答复|办结)",
        opens_clause=True,
        sentence_has=r"申请",
        clause_lacks=_OTHER_BUSINESS,
        count_first=True,
    ),
    # 全年新制作规章0个,制作规范性文件0件: the 2019 table's 新制作 says issued.
    OverviewCount(
        "rules_issued",
        r"(?:制发|制定|出台|印发|新?制作)(?:了|的)?[\u4e00-\u9fff]{0,6}?规章",
        units="件|份|宗|起|个",
    ),
    # 新制定出台规范性文件2个: verbs run together, in any unit of documents.
    OverviewCount(
        "normative_issued",
        # 政府规范性文件: a government's (a town's) own name for its documents.
        r"(?:制发|制定|出台|印发|新?制作)+(?:并?公开)?(?:了|的)?(?:行政|政府)?规范性文件",
        units="件|份|宗|起|个|条",
    ),
    # 共发布规范性文件5份,清理废止规范性文件3份 / 新增行政规范性文件18件,废止24件 / 行政规范性文件发布0条、废止0条:
    # 发布 and 新增 say issued where the sentence goes on to those abolished, the table's next column; alone
    # they may count documents put on a site (发布行政规范性文件3件, among a site's other items), or all
    # so far (累计发布).
    OverviewCount(
        "normative_issued",
        r"(?:新)?(?:发布|新增)(?:了|的)?(?:行政|政府)?规范性文件|(?:行政|政府)?规范性文件(?:新)?发布(?:数量)?",
        formats=(STD2021,),
        units="件|份|个|条",
        sentence_has=r"废止",
        clause_lacks=r"累计",
    ),
    # 制发的市政府规章6件、市政府及市政府办公厅行政规范性文件8件: the verb before the rules serves both.
    OverviewCount(
        "normative_issued",
        r"(?:制发|制定|出台|印发)(?:并?公开)?(?:了|的)?[\u4e00-\u9fff]{0,10}?规章\d+件[、,和及]"
        r"[\u4e00-\u9fff]{0,16}?(?:行政|政府)?规范性文件",
    ),
    # 主动公开规章4件、行政规范性文件1071件 / 全年共主动公开政府规章12件: the 2019 layout's 本年新公开数量 of
    # each (the 2021 layout has no such column); the verb before the rules serves the documents too.
    # Never rules and documents counted as one (规章及规范性文件27件), nor all to date (截止到…12月31日,…
    # 主动公开规范性文件1件; 目前; 累计), which is the 对外公开总数量.
    *(
        OverviewCount(
            f"{prefix}_published",
            rf"主动公开(?:了)?{noun}",
            formats=(STD2019,),
            units="件|份|部|个|条",
            sentence_lacks=r"累计|截至|截止|目前|总数",
        )
        for noun, prefix in (
            (rf"{_NOT_RULES}{{0,6}}?(?:行政|政府)?规范性文件", "normative"),
            (r"[\u4e00-\u9fff]{0,6}?规章", "rules"),
            (
                r"[\u4e00-\u9fff]{0,10}?规章\d+(?:件|份|部)[、,和及][\u4e00-\u9fff]{0,16}?(?:行政|政府)?规范性文件",
                "normative",
            ),
        )
    ),
    # 全年共制定1条行政规范性文件 / 共制发6份局本级规范性文件 / 废止18份规范性文件: the count between the
    # verb and the documents (or rules).
    *(
        OverviewCount(
            metric_id,
            verb,
            formats=fmts,
            units="件|份|个|条",
            followed_by=rf"[\u4e00-\u9fff]{{0,6}}?{noun}",
        )
        for noun, prefix in ((r"(?:行政|政府)?规范性文件", "normative"), (r"规章", "rules"))
        for metric_id, verb, fmts in (
            (f"{prefix}_issued", r"(?:制发|制定|出台|印发)(?:了|的)?", (STD2019, STD2021)),
            (f"{prefix}_abolished", r"废止(?:了)?", (STD2021,)),
        )
    ),
    # 制发行政规范性文件6件,废止1件,现行有效114件: the list goes on to the documents' other columns,
    # named by the column alone ('废止文件0件').
    *(
        OverviewCount(metric_id, rf"{issued}{then}", formats=(STD2021,), units="件|份|个|条")
        for noun, prefix in (
            (r"(?:行政|政府)?规范性文件", "normative"),
            (r"[\u4e00-\u9fff]{0,6}?规章", "rules"),
        )
        for issued in (rf"(?:制发|制定|出台|印发)(?:了)?{noun}\s*\d+(?:件|份|个|条),",)
        for metric_id, then in (
            (f"{prefix}_abolished", r"废止(?:了)?(?:文件)?"),
            (
                f"{prefix}_in_force",
                r"(?:废止(?:了)?(?:文件)?\s*\d+(?:件|份|个|条),)?(?:截至目前,)?现行有效(?:的)?(?:文件)?",
            ),
        )
    ),
    # 制发(修改)政府规章1份: a note on the verb.
    OverviewCount(
        "rules_issued", r"(?:制发|制定|出台|印发)\([\u4e00-\u9fff]{1,6}\)[\u4e00-\u9fff]{0,6}?规章"
    ),
    # 清理区本级规范性文件0件,保留4件,新制发1件: the verb alone, in a sentence about documents alone.
    OverviewCount(
        "normative_issued",
        r"新?制发(?:了)?",
        opens_clause=True,
        sentence_has=r"规范性文件",
        sentence_lacks=r"规章",
    ),
    # 清理规范性文件,废止2件,现行有效32件 / …19件,本年度废止1件: the 2021 columns alone, likewise.
    *(
        OverviewCount(
            metric_id,
            words,
            formats=(STD2021,),
            opens_clause=True,
            sentence_has=r"规范性文件",
            sentence_lacks=r"规章",
        )
        for metric_id, words in (
            ("normative_abolished", r"废止(?:了)?"),
            ("normative_in_force", r"现行有效(?:的)?"),
        )
    ),
    # 废止 is a column of the 2021 table only ('废止市政府规章1件').
    OverviewCount("rules_abolished", r"废止(?:了|的)?[\u4e00-\u9fff]{0,6}?规章", formats=(STD2021,)),
    # 清理废止往年规范性文件61件: documents of earlier years, abolished this year.
    OverviewCount(
        "normative_abolished",
        r"废止(?:了|的)?(?:往年|以往|过时)?(?:的)?(?:行政|政府)?规范性文件",
        formats=(STD2021,),
    ),
    # 现行有效 is the 2021 table's column; the 2019 table's same cell counts what was published. Documents are
    # counted in 个 too (现行有效的行政规范性文件共8个).
    OverviewCount(
        "normative_in_force",
        r"现行有效(?:的)?(?:行政|政府)?规范性文件",
        formats=(STD2021,),
        units="件|份|个|条",
    ),
    OverviewCount("rules_in_force", r"现行有效(?:的)?[\u4e00-\u9fff]{0,6}?规章", formats=(STD2021,)),
    # Section 二's columns by their own names, in a sentence about one kind of document ('行政规范性文件:
    # 制发件数2件,废止件数1件,现行有效件数22件'; '…废止数量0条,现行有效数量0条').
    *(
        OverviewCount(
            metric_id, words, formats=fmts, sentence_has=kind, sentence_lacks=other, units="件|份|个|条"
        )
        for kind, other, prefix in ((r"规范性文件", r"规章", "normative"), (r"规章", r"规范性文件", "rules"))
        for metric_id, words, fmts in (
            (f"{prefix}_issued", r"制发(?:件数|数量)(?:为)?", (STD2019, STD2021)),
            (f"{prefix}_abolished", r"废止(?:件数|数量)(?:为)?", (STD2021,)),
            (f"{prefix}_in_force", r"现行有效(?:件数|数量)(?:为)?", (STD2021,)),
        )
    ),
    # 办理行政许可事项12件 / 行政许可决定278件 / 行政许可处理决定数量324宗 / 办理行政许可办件量3361件:
    # without a verb, only its decisions (行政许可事项 alone may count the items the agency handles).
    OverviewCount(
        "licensing_decisions",
        r"(?:办理|作出|办结|处理)(?:了)?行政许可(?:事项|决定|办件量?)?|行政许可(?:处理)?决定(?:数量)?"
        r"|行政许可处理事项",
    ),
    # 行政许可24件,行政处罚3件,行政强制0件: bare, but listed with the other two decisions of section 二.
    OverviewCount(
        "licensing_decisions",
        r"行政许可",
        sentence_has=r"(?s)^(?=.*行政处罚\d+(?:件|宗|起))(?=.*行政强制\d+(?:件|宗|起))",
    ),
    # 行政处罚本年处理决定数量803条: the table's own words, in any unit.
    *(
        OverviewCount(metric_id, rf"行政{kind}(?:本年)?(?:处理)?决定数量", units="件|份|宗|起|条|个|项")
        for metric_id, kind in (
            ("licensing_decisions", "许可"),
            ("penalty_decisions", "处罚"),
            ("coercion_decisions", "强制"),
        )
    ),
    # 行政处罚处理事项887件: the 处理 of the table's 处理决定数量.
    OverviewCount(
        "penalty_decisions",
        r"(?:(?:办理|作出|办结)(?:了)?)?行政处罚(?:(?:处理)?决定(?:数量)?|案件|处理事项)?",
    ),
    # 全年下达行政处罚决定书74件: a decision is its written decision.
    OverviewCount("penalty_decisions", r"(?:下达|作出|出具|送达)(?:了)?(?:各类)?行政处罚决定书"),
    OverviewCount(
        "coercion_decisions", r"(?:(?:办理|作出|办结)(?:了)?)?行政强制(?:(?:处理)?决定(?:数量)?|处理事项)?"
    ),
    # 行政许可处理决定0项: decisions named as such are counted in 项 too (行政处罚61项 alone may count the
    # entries published).
    *(
        OverviewCount(metric_id, rf"行政{kind}(?:处理)?决定", units="项")
        for metric_id, kind in (
            ("licensing_decisions", "许可"),
            ("penalty_decisions", "处罚"),
            ("coercion_decisions", "强制"),
        )
    ),
    # 行政许可…处理决定数量450项,行政处罚2项、行政强制0项: bare, in 项, in a sentence giving the table's
    # 处理决定数量 and publishing nothing.
    *(
        OverviewCount(
            metric_id,
            rf"行政{kind}",
            units="项",
            sentence_has=r"处理决定数量",
            sentence_lacks=r"公开|发布|公示",
            sentence_marks="\n.!?",
        )
        for metric_id, kind in (("penalty_decisions", "处罚"), ("coercion_decisions", "强制"))
    ),
    # 行政事业性收费0万元 / 行政事业性收费金额1200元: the 2021 table's fees, in 万元.
    *(
        OverviewCount(
            "fees_collected_10k_yuan",
            r"行政事业性收费(?:总)?(?:金额|收入)?(?:总额)?",
            formats=(STD2021,),
            units=unit,
            per_unit=per_unit,
            # 为企业减免行政事业性收费1200万元: fees waived, not collected.
            clause_lacks=r"减免|免征|免收|减征|减少|降低|清理|取消",
        )
        for unit, per_unit in (("万元", 1.0), ("元", 0.0001))
    ),
    # 本年度未制发规章、行政规范性文件 / 未制定印发新的行政规范性文件: none issued.
    # 未制作规范性文件、行政法规、规章: none of any in a list (、 reads as ',').
    OverviewCount(
        "rules_issued",
        rf"(?:未|没有){_ISSUING}(?:新的)?[\u4e00-\u9fff,]{{0,14}}?规章",
        says_none=True,
    ),
    OverviewCount(
        "normative_issued",
        rf"(?:未|没有){_ISSUING}(?:新的)?(?:[\u4e00-\u9fff,]{{0,14}}?规章[,和及与])?(?:行政|政府)?规范性文件",
        says_none=True,
    ),
    # 无行政规范性文件发布,无废止行政规范性文件: none, the documents named before the verb, or none abolished.
    OverviewCount(
        "normative_issued",
        r"(?:无|没有)(?:新的?)?(?:行政|政府)?规范性文件(?:制发|制定|出台|印发|发布)",
        says_none=True,
    ),
    OverviewCount(
        "normative_abolished",
        r"(?:无|没有)(?:废止(?:的)?(?:行政|政府)?规范性文件|(?:行政|政府)?规范性文件废止)",
        formats=(STD2021,),
        says_none=True,
    ),
    # 未制定发布、废止行政规范性文件: none abolished either, where the verbs name it.
    OverviewCount(
        "normative_abolished",
        r"(?:未|没有)(?:(?:制发|制定|出台|印发|制作|发布)+[,和及与]?)*废止(?:新的)?(?:[\u4e00-\u9fff,]{0,14}?规章[,和及与])?"
        r"(?:行政|政府)?规范性文件",
        formats=(STD2021,),
        says_none=True,
    ),
    OverviewCount(
        "fees_collected_10k_yuan",
        r"(?:无|没有|未(?:收取|产生|发生)(?:任何)?)行政事业性收费",
        formats=(STD2021,),
        says_none=True,
    ),
    # Reviews by result, as section 四's columns name them, the count first or after ('行政复议3件,1件结果维持,
    # 2件结果纠正'; '其中3件维持,1件尚未审结'; '维持1件,纠正1件'); only in a part of a sentence about reviews
    # alone, since lawsuits end in the same words.
    *(
        OverviewCount(
            metric_id,
            words,
            count_first=count_first,
            sentence_has=r"复议",
            # 审理…行政复议案件7起: a government hearing others' reviews (尚未审结 is a result).
            sentence_lacks=r"诉讼|起诉|审理|(?<!未)审结",
            sentence_marks=".!?;",
        )
        for metric_id, words in (
            ("review_upheld", r"(?:复议)?(?:结果)?(?:为)?维持"),
            ("review_corrected", r"(?:复议)?(?:结果)?(?:为)?纠正|被(?:依法)?纠错"),
            ("review_other", r"(?:复议)?其他结果"),
            ("review_pending", r"(?:复议)?尚未审结"),
        )
        for count_first in (True, False)
    ),
    # 行政复议7件,均获维持: every review upheld, the count of reviews right before it.
    OverviewCount(
        "review_upheld",
        r",(?:均|全部)(?:获|被|予以|得到)?(?:复议机关)?维持",
        count_first=True,
        sentence_has=r"复议(?:案件)?(?:共)?\d+(?:件|起),(?:均|全部)",
        sentence_lacks=r"诉讼|起诉|审理|(?<!未)审结",
        sentence_marks=".!?;",
    ),
    # 行政复议1起,结果维持: the one review's result.
    OverviewCount(
        "review_upheld",
        r",结果(?:为)?维持",
        count_first=True,
        sentence_has=r"复议(?:案件)?(?:共)?(?<!\d)1(?:件|起),结果(?:为)?维持(?!\d)",
        sentence_lacks=r"诉讼|起诉|审理|(?<!未)审结",
        sentence_marks=".!?;",
    ),
)
