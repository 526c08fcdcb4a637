"""Report metadata: title, agency, region, level, agency type, year covered and publication date.

The agency and year are read from every place a report states them — the title, the page's fields
(发文机关, 发布机构, 来源), the first sentence's subject (X(以下简称…)), 我局/本镇 resolved to the name
printed elsewhere, a sentence naming the report, the file name and the folder a crawler saved it in.
The most trusted place that states a value gives it, Metadata records which place that was, and a
place that states something else gets an info flag.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from metrics.divisions import starts_with_a_division
from metrics.models import Document, Flag, Metadata
from metrics.normalize import join_wrapped_words, normalize, to_simplified

# 信息公开 without 政府 and 工作情况报告 are titles' wordings too ('某局2012年信息公开年度报告').
_REPORT_WORDS = re.compile(
    r"((?:政府|政务)?信息公开|政务公开)?(工作)?(开展)?(情况)?(年度)?(报告|年报)(全文)?$|政府信息公开(工作)?$"
)
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)\s*年?度?")
_ZH_YEAR_IN_TITLE = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年度?")
# 政务信息公开工作报告 is a title's wording too; a heading's report words may come out of order
# ('某镇2023年政府信息公开 工作告年度报': HTML whose characters were positioned one by one).
_TITLE_LINE = re.compile(
    r"(?:政府|政务)信息公开.{0,6}(报告|年报)|信息公开.{0,4}年度报告|政府信息公开\s*工作\s*[年度报告]{3,4}$"
    r"|(?:19|20)\d\d\s*年度?\s*信息公开(?:工作)?的?报告$"
    # The year after the report's first words ('某办政府信息公开工作2022年度报告'), but not where a 年 stands
    # alone before them (a PDF's text that moved the year's digits: '年某镇政府信息公开工作2009年度报告'); or
    # the year before a name that says 信息公开 without 政府 ('2023年度某街道信息公开工作报告').
    r"|^[^年\n]*(?:政府|政务)信息公开(?:工作)?\s*(?:19|20)\d\d\s*年度?\s*(?:报告|年报)"
    r"|^(?:19|20)\d\d\s*年度?\s*[\u4e00-\u9fff]{0,30}?信息公开(?:工作)?报告$"
)
# What a title says besides the agency and the year: a 'name' made of these alone is no name.
_ONLY_REPORT_WORDS = re.compile(r"(?:政府|政务|信息|公开|工作|情况|的|关于|[年度报告]|全文|[()])+")
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_FIELDS = ("发布日期", "发布时间", "成文日期")
# A date field inside a page's header line ("来源:本站 | 时间:2019-01-18 点击数:").
_DATED_FIELD = re.compile(r"(?:发布日期|发布时间|公开日期|时间|日期)\s*[:：]\s*" + _DATE.pattern)

# Administrative units, outermost first; a name is read left to right against them.
PROVINCE_UNIT = re.compile(r"^(北京市|天津市|上海市|重庆市|.{2,3}?省|.{2,8}?自治区|.{2,4}?特别行政区)")
_CITY = re.compile(r"^(.{2,6}?(?:市|自治州|州|地区|盟))")
_COUNTY = re.compile(r"^(.{1,8}?(?:自治县|县|区|旗))")
# 苏木: an Inner Mongolian township; 街 ending a name: Tianjin's streets (佳荣里街, 某街办事处).
_TOWNSHIP = re.compile(r"^(.{1,8}?(?:镇|乡|街道|苏木|街(?=$|办事处)))")
# Names that end in 区 but are not a county-level unit.
_NOT_COUNTY = ("社区", "小区", "园区", "景区", "片区", "开发区", "新区管委")
# Words of department names that hold a unit's character (市场监督管理局, 住房和城乡建设局): a unit
# never ends inside one of them.
_NOT_A_UNIT_END = ("市场", "城市", "城乡", "乡村", "市政", "市容", "区域", "县域", "乡镇")
# What follows 城市 in a department's name (城市管理局, 城市建设投资中心).
_CITY_DEPARTMENT_WORDS = (
    "管理",
    "建设",
    "综合",
    "规划",
    "更新",
    "运行",
    "执法",
    "服务",
    "发展",
    "园林",
    "公用",
)
_GOVERNMENT = re.compile(r"(人民政府|人民政府办公室|人民政府办公厅|政府|办事处|管理委员会|管委会)$")


# The places a report states its agency or year, most trusted first (Metadata.agency_source/year_source).
(
    TITLE,
    PAGE_FIELD,
    FIRST_SENTENCE,
    SELF_REFERENCE,
    SENTENCE,
    PROPERTIES,
    FILE_NAME,
    FOLDER_NAME,
    OPENING_TEXT,
    QUOTED_TITLE,
    CONTENTS,
    COMPILER,
    YEAR_SUBJECT,
    CONTACT,
) = (
    "title",
    "page_field",
    "first_sentence",
    "self_reference",
    "sentence",
    "document_properties",
    "file_name",
    "folder_name",
    "opening_text",
    "quoted_title",
    "contents",
    "compiler",
    "year_subject",
    "contact",
)


@dataclass(frozen=True)
class Stated:
    """A value as one place of the report states it."""

    value: str | int
    place: str


def read_metadata(doc: Document) -> Metadata:
    title = _title(doc)
    path_names = _path_names(doc.path)
    # The file's own title property, where it is a report's name, states it as surely as the name the
    # file was saved under (other titles there are an editor's defaults: 文档1, Microsoft Word - …).
    properties = [Stated(doc.properties_title, PROPERTIES)] if _is_report_name(doc.properties_title) else []
    names = properties + path_names
    agencies = _agency_statements(doc, title, [n for n in names if _is_report_name(str(n.value))])
    years = _year_statements(doc, title, names)
    agency = agencies[0] if agencies else Stated("", "")
    agency = Stated(_with_its_place(str(agency.value), doc.text), agency.place)
    year = years[0] if years else Stated(None, "")
    region, level = region_and_level(str(agency.value))
    return Metadata(
        title=title or next((str(n.value) for n in names if _is_report_name(str(n.value))), ""),
        agency=str(agency.value),
        region=region,
        level=level,
        year=year.value,
        published=_published(doc),
        agency_type=agency_type(str(agency.value)),
        agency_source=agency.place,
        year_source=year.place,
        flags=_disagreements("agency", agencies, _same_agency) + _disagreements("year", years),
    )


def _with_its_place(name: str, text: str) -> str:
    """A name printed without any place ('公安局2010年…年度报告') as the report's text names it with its
    place ('靖宇县公安局'), where it does so in one way only; else the name as printed."""
    if not name or region_and_level(name)[0]:
        return name
    head = normalize(text)[:_PROSE_HEAD]
    before = re.compile(rf"{_WORD_START}([\u4e00-\u9fff]{{2,12}}?){re.escape(name)}")
    placed = {m.group(1) + name for m in before.finditer(head) if _is_place_of(m.group(1), name)}
    # 某省某县公安局 and 某县公安局 may both be printed: the shortest, where the others hold it.
    names = sorted(placed, key=len)
    return names[0] if names and all(n.endswith(names[0]) for n in names) else name


# Where a place's name may start: after a mark or a digit, or after a word that ends before a name
# (2016年滨湖区…, 由靖宇县…); not in an address ('地址:某区某镇某开发区管委会').
_WORD_START = r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[年由为在是和与及向对的据按将]))(?<!地址:)(?![年由为在是和与及向对的据按将现])"


def _is_place_of(place: str, name: str) -> bool:
    """Whether `place` is all places, down to a county at most (a township's name before a zone's is
    its address), and opens with a real division's name (not 紧抓宣城市, a verb before one)."""
    region, level = region_and_level(place + name)
    # A name may start with its place's unit word (区文体局 after 滨湖).
    whole = region in (place, place + name[0])
    return whole and not level.startswith("township") and starts_with_a_division(place)


def _path_names(path: str) -> list[Stated]:
    """The file name and the folder a crawler saved the page in ('80576_某某局2019年度政府信息公开工作年度报告/
    page.txt'), without the crawler's serial number: either may be the report's title or state its year."""
    p = Path(path)
    return [
        Stated(re.sub(r"^\d+[_\-\s]+", "", name), place)
        for name, place in ((p.stem, FILE_NAME), (p.parent.name, FOLDER_NAME))
    ]


def _is_report_name(name: str) -> bool:
    return bool(_TITLE_LINE.search(normalize(name)))


def _agency_statements(doc: Document, title: str, path_titles: list[Stated]) -> list[Stated]:
    found = [
        Stated(agency_from_title(title), TITLE),
        _agency_from_fields(doc, _ISSUER_FIELDS),
        Stated(_agency_from_first_sentence(doc), FIRST_SENTENCE),
    ]
    found += [Stated(agency_from_title(str(t.value)), t.place) for t in path_titles]
    source = _agency_from_fields(doc, _SOURCE_FIELDS)
    if any(s.value for s in found):
        # The looser places below are then neither taken nor able to contradict (_STATING_PLACES):
        # a page's prose is not searched for them, a third of the metadata's cost.
        return _without_repeated_place([*found, source])
    # A page with no title names its agency, if at all, in the body's prose: these looser places are
    # read only when every place above is silent, but for a department that says it compiled the
    # report, which names itself as surely as a sentence naming the report does (and more surely than
    # 我局 pointing at a name nearby, which may be a cited document's: 《某省气象局…》). A government's
    # office compiles its government's report as often as its own, which 本区/我市 then tells.
    prose = [s for s in _agency_from_prose(normalize(doc.text)[:_PROSE_HEAD]) if s.value]
    found += [
        Stated(_agency_from_sentence(doc), SENTENCE),
        *(s for s in prose if s.place == COMPILER and not _GOVERNMENT_OFFICE.search(s.value)),
        Stated(_agency_from_self_reference(doc), SELF_REFERENCE),
        source,
    ]
    return _without_repeated_place(found) or _without_repeated_place(prose)


def _without_repeated_place(statements: list[Stated]) -> list[Stated]:
    return [Stated(_REPEATED_PLACE.sub(r"\1", s.value), s.place) for s in statements if s.value]


_GOVERNMENT_OFFICE = re.compile(r"政府办公(?:室|厅)$")


def _year_statements(doc: Document, title: str, path_names: list[Stated]) -> list[Stated]:
    found = [Stated(_year_in_title(title), TITLE)]
    found += [Stated(_year_in_path_name(str(n.value)), n.place) for n in path_names]
    found.append(Stated(_year_in_opening_text(doc), OPENING_TEXT))
    return [s for s in found if s.value]


def _same_agency(a: str, b: str) -> bool:
    """One name may add its region or 人民政府 to the other ('沙头镇' / '某县沙头镇人民政府')."""
    a, b = (re.sub(r"人民政府$|政府$", "", x) for x in (a, b))
    return a in b or b in a


def _disagreements(what: str, statements: list[Stated], same=lambda a, b: a == b) -> list[Flag]:
    """An info flag for each place that states something other than the place the value was taken from."""
    if not statements:
        return []
    chosen = statements[0]
    return [
        Flag(
            f"metadata_{what}_disagrees",
            f"{what}: {s.place} says {s.value}, {chosen.place} says {chosen.value}; {chosen.place} kept",
            severity="info",
        )
        for s in statements[1:]
        if s.place in _STATING_PLACES and not same(s.value, chosen.value)
    ]


# Places that state the agency or year outright; the rest (a name found in passing, the year the
# opening text mentions most) are read only when these are silent, and too loose to contradict them.
_STATING_PLACES = {TITLE, PAGE_FIELD, FIRST_SENTENCE, FILE_NAME, FOLDER_NAME}


def _title(doc: Document) -> str:
    """The report's title: the first title-like line that names the agency, else the first one at all.

    Pages print the title twice, a site header without the agency and then the report's own heading
    with it ('2022年政府信息公开工作年度报告' / '某县某镇人民政府' / '2022年…年度报告'); the heading is
    looked for until the report's body begins."""
    meta = ""
    for key in ("标题", "页面标题"):
        value = doc.page_meta.get(key, "").strip(" |\t")
        if value and _TITLE_LINE.search(normalize(value)):
            if agency_from_title(value):
                return value
            meta = meta or value
    found, found_at, named = "", 0, ""
    for i, line, candidate in _title_candidates(doc.text):
        if found and (i - found_at > _TITLE_REPEAT_WITHIN or _BODY_START.search(line)):
            break
        if candidate and agency_from_title(candidate):
            if _year_in_title(candidate) is not None:
                return candidate
            # A breadcrumb's last items read as a title without the year ('某局' / '政府信息公开年报');
            # the heading with the year may follow.
            named = named or candidate
        if candidate and not found:
            found, found_at = candidate, i
    return named or meta or found or doc.page_meta.get("标题", "")


# A report's body begins at its first section heading or sentence; no title comes after that.
_BODY_START = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、,.]|\([一二三四五六七八九十]+\))|。")
_TITLE_REPEAT_WITHIN = 8
# A PDF viewer's page header before the text of the page ('Page 8 - 某局2022年…年度报告').
_VIEWER_PAGE = re.compile(r"^(?:Page|P\.|第)\s*\d+\s*页?\s*[-:]\s*", re.IGNORECASE)


# Markdown and list marks around a line: a breadcrumb's items are bulleted (`• 政府信息公开年报`).
_LINE_MARKS = " |\t#*•·●▪◦‧"


def _title_candidates(text: str):
    """(line index, line, title or '') for the opening lines: the title-like text starting on each."""
    lines = [
        _title_cell(_title_prefix(_VIEWER_PAGE.sub("", line.strip(_LINE_MARKS))))
        for line in text.splitlines()[:80]
    ]
    lines = [
        line
        for line in lines
        if line
        and not _DOCUMENT_NUMBER.fullmatch(line)
        and not _INDEX_OR_DATE.fullmatch(line)
        and not _RULE_LINE.fullmatch(line)
    ]
    for i in range(len(lines)):
        yield i, lines[i], _title_at(lines, i)


# A page's index number or a date on a line of its own (014178686/2023-00003, 2023-01-13): no part of the
# title, nor its year.
_INDEX_OR_DATE = re.compile(
    r"[0-9A-Za-z\-_.]{4,30}/(?:19|20)\d\d-\d{1,8}|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
# A line of dashes between a page's fields ('索引号…' / '-' / '发布机构…'): no line of its header.
_RULE_LINE = re.compile(r"[-–—_=~]+")
# A document number printed above the title (南政发[2013]05, 某府办〔2021〕3号, 某政﹝2011﹞6号): its year is
# the year the report was issued, and it is no part of the title.
_DOCUMENT_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}[\[〔【(（﹝［]\s*(?:19|20)\d\d\s*[\]〕】)）﹞］]\s*第?\d{1,4}\s*号?"
)


def _title_at(lines: list[str], i: int) -> str:
    # PDF and scraped text break titles over lines ("2024年某某委政府信息公开工作" / "年度报告").
    for width in (1, 2, 3):
        candidate = "".join(lines[i : i + width])
        if not _is_title(candidate):
            continue
        # Drop leading lines the title does not need ("正文", a "公开方式:" field).
        while (
            width > 1 and not _YEAR_IN_TITLE.search(lines[i]) and _is_title("".join(lines[i + 1 : i + width]))
        ):
            i, width = i + 1, width - 1
        candidate = "".join(lines[i : i + width])
        if not agency_from_title(candidate) and i > 0 and _is_name_line(lines[i - 1]):
            candidate = (
                _name_in_line(lines[i - 1]) + candidate
            )  # the agency printed on the line above the title
        return candidate
    return ""


# Body sentences cite documents and carry clause punctuation; titles and breadcrumbs do not look alike.
# A breadcrumb ('首页 / 政府信息公开 / 年报 / 正文') is neither.
_NOT_TITLE = re.compile(r"[《》。，,;；:：]|>|＞|›|»|根据|按照|^首页|/.*/")


def _title_cell(line: str) -> str:
    """The title cell of a page-header row ('名称 | 某局2014年政府信息公开年度报告 | |'), else the line."""
    cells = [cell.strip() for cell in line.split("|")]
    return next((cell for cell in cells if _is_title(cell)), line) if len(cells) > 1 else line


# Scraped pages run the title into what follows on one line ('某局2011年政府信息公开年报 一、引言 本年报…'),
# or give it after a short field label ('中文名:某局2014年…报告'); a list number may lead ('1、 某街道…').
_TITLE_THEN_SPACE = re.compile(r"^(?:\d{1,2}、\s*)?(.{6,60}?(?:报告|年报|報告|年報))\s")
_LABELLED_TITLE = re.compile(r"^[-•*\s]*[\u4e00-\u9fff]{1,5}\s*[:：]\s*(.+)$")
# A date the page prints after the title on its line ('某街道2010年…年度报告 2011-01-28').
_TRAILING_DATE = re.compile(
    r"\s+(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# A page header's title field, its label spaced out to the width of the others ('标      题 某厅2025年…报告').
# A gazette's page runs its label into the title ('公报标题某委2019年…报告').
_TITLE_FIELD = re.compile(r"^(?:标\s*题|名\s*称|题\s*目)\s*[:：]?\s+(?=\S)|^公报标题\s*[:：]?\s*")


def _title_prefix(line: str) -> str:
    """The title at the start of a line that goes on with other text, else the line."""
    line = _TRAILING_DATE.sub("", _TITLE_FIELD.sub("", line))
    if _is_title(line):
        return line
    for pattern in (_TITLE_THEN_SPACE, _LABELLED_TITLE):
        m = pattern.match(line)
        if m and _is_title(m.group(1).strip()):
            return m.group(1).strip()
    return line


def _is_title(line: str) -> bool:
    # A space may stand inside the title's words ('某局2025年度政府信息 公开工作年度报告').
    words = _SPACE_IN_WORDS.sub("", normalize(line))
    return 6 <= len(line) <= 60 and not _NOT_TITLE.search(line) and bool(_TITLE_LINE.search(words))


_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _is_name_line(line: str) -> bool:
    """A line holding an agency's name alone: not a field's label above the title ('主题分类'), nor a
    site's section ('信息公开大厅', '政务公开专栏')."""
    return (
        2 <= len(line) <= 30
        and not _NOT_TITLE.search(line)
        and not _SITE_SECTION.match(to_simplified(line))
        and not re.search(r"\d", line)
        and bool(_AGENCY_NAME.match(to_simplified(_name_in_line(line))))
    )


_SITE_SECTION = re.compile(r"(?:政府)?(?:信息|政务)公开")


def _name_in_line(line: str) -> str:
    """The name on a line above the title, without a site address run in before it ('www.x.cn某镇')."""
    return re.sub(r"^[^\u4e00-\u9fff]+", "", line)


_ZH_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}


def chinese_year(text: str) -> int:
    """二〇一三 -> 2013: years are written digit by digit."""
    return int("".join(_ZH_DIGITS[c] for c in text))


def _year_in_title(title: str) -> int | None:
    t = normalize(title)
    m = _YEAR_IN_TITLE.search(t)
    if m:
        return int(m.group(1))
    m = _ZH_YEAR_IN_TITLE.search(t)
    return chinese_year(m.group(1)) if m else None


# In a name that is no report title, a year counts only with 年 after it or alone ('2019/'): 'std2021_x'
# names a layout and '20190312' a date. Alone, only 20xx: no report is of a year before the 条例, and a
# page's number at the end of its name ('art_1904') is no year.
_PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d(?=\s*年)|20\d\d$)")


def _year_in_path_name(name: str) -> int | None:
    if _is_report_name(name):
        return _year_in_title(name)
    m = _PATH_YEAR.search(normalize(name))
    return int(m.group(1)) if m else None


_DATE_LINE = re.compile(r"(?m)^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*$")
_DATE_LINES = 12
_LAST_PUBLISHING_MONTH = 6


# '2022年,我局…' / '2022年度全区…' / '公布2019年本级政府信息公开年度报告': the year of the agency itself or
# all of it; not inside a document's name ('《…关于2021年度本级财政预算执行…的报告》', listed among the
# documents published).
_YEAR_OF_THE_AGENCY = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?(?:,|，)?\s*(?:我|本|全|在)")


def _in_a_document_name(text: str, at: int) -> bool:
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _year_in_opening_text(doc: Document) -> int | None:
    # The head of the normalised text, which the other readers of the whole text share (cached).
    head = normalize(doc.text)[:3000]
    m = next(
        (m for m in _YEAR_OF_THE_AGENCY.finditer(head) if not _in_a_document_name(head, m.start())), None
    )
    if m:
        return int(m.group(1))
    m = re.search(r"((?:19|20)\d\d)年1月1日(?:起)?至\1年12月31日", head)
    if m:
        return int(m.group(1))
    # A report is published in the first months after its year: a date on a line of its own at the
    # head (the publication date under the agency's name) in January to June dates the year before.
    m = _DATE_LINE.search("\n".join(head.split("\n")[:_DATE_LINES]))
    if m and int(m.group(2)) <= _LAST_PUBLISHING_MONTH:
        return int(m.group(1)) - 1
    # Last resort: the year the opening text speaks of most often.
    years = Counter(re.findall(r"((?:19|20)\d\d)\s*年", head))
    return int(years.most_common(1)[0][0]) if years else None


# The customs name their reports after their own rules (海关政府信息公开办法): '某海关2015年海关政府信息公开
# 年度报告' is the report of 某海关, whose words after the year are report words.
_CUSTOMS_REPORT = re.compile(r"^海关(?=(?:政府)?信息公开)")


def agency_from_title(title: str) -> str:
    t = re.sub(r"\s+", "", normalize(title))
    # A character the page's encoding lost, printed as '?' after the title ('…工作報告?').
    t = re.sub(r"\?+$", "", t)
    # A source tag before the title ('[某市人民政府]2012年…'), 关于 before or after the name.
    t = re.sub(r"^\[[^\]]*\]|^关于", "", t)
    # A title kept in code or data: an assignment or a key before it ('let content = "2019年…',
    # '"title": "…",'); a name never starts with one, nor a title ends with the quote closing it.
    t = re.sub(r"^[\"']?[A-Za-z_$][\w$.]*[\"']?[=:][\"'`]?|[\"'`][,;]?$", "", t)
    t = re.sub(r"[《》\"]", "", t)
    # A cover notice publishes the report: '某办关于公布某市2009年度…年度报告的通知'.
    t = re.sub(r"^.*?关于(?:公布|印发|发布)|的通知$", "", t)
    t = _VIEWER_PAGE.sub("", t)
    # A page's title often ends with its site's name ('…年度报告_某县人民政府', '…报告-某某网'): the
    # site's owner is not always the report's (a bureau's report on its county's site).
    t = re.sub(r"((?:报告|年报|報告|年報)(?:全文)?)[_|｜\-–—].*$", r"\1", t)
    # A title printed twice, run together ('某区2012年…年度报告某区2012年…年度报告'): the first.
    t = re.sub(r"^(.{4,40}?(?:报告|年报))(?=.{4,40}(?:报告|年报)$)(.*)$", r"\1", t)
    # A page explaining the report ('…年度报告解读'), or its statistics tables or attachment published
    # apart ('…年度报告统计表', a workbook's name), names the report's agency.
    t = re.sub(r"((?:报告|年报))(?:解读|统计表|附表|数据表|附件\d?)$", r"\1", t)
    # The agency in brackets after a title that names none ('2024年政府信息公开工作年度报告(某区某局)').
    named_after = _NAME_AFTER_TITLE.fullmatch(t)
    if named_after and _ONLY_REPORT_WORDS.fullmatch(_YEAR_IN_TITLE.sub("", named_after["title"])):
        t = named_after["name"] + named_after["title"]
    # A version note or its date after the title ('…年度报告(文字版)', '…年报(2013年02月25日)').
    t = re.sub(r"((?:报告|年报|報告|年報))\((?:[^()]{1,8}|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)\)$", r"\1", t)
    # The name printed before the year and only report words after it: the name is all before the
    # year ('某镇政府2022年信息公开工作年度报告' names 某镇政府, not 某镇).
    year = _YEAR_IN_TITLE.search(t) or _ZH_YEAR_IN_TITLE.search(t)
    if year and year.start() > 0 and _ONLY_REPORT_WORDS.fullmatch(_CUSTOMS_REPORT.sub("", t[year.end() :])):
        # The report's first words may stand before the year too ('某办政府信息公开工作2022年度报告').
        t = re.sub(r"(?:政府|政务)?信息公开(?:工作)?$", "", t[: year.start()])
        t = re.sub(r"人民$", "人民政府", t)
    else:
        t = _YEAR_IN_TITLE.sub("", t, count=1)
        t = _ZH_YEAR_IN_TITLE.sub("", t, count=1)
        t = _REPORT_WORDS.sub("", t)
        # "某镇人民政府信息公开…" shares 政府 between the name and the report words.
        t = re.sub(r"人民$", "人民政府", t)
    t = re.sub(r"(的|公开|关于)$", "", t).strip(" ,.:-_")
    # Normalising made 、 a comma; two bodies reporting together are named with it ('某办事处、某园区').
    t = re.sub(r"(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])", "、", t)
    return "" if _ONLY_REPORT_WORDS.fullmatch(t) or _NO_NAME.search(t) else t


# Words a copying site injects into a page in place of a place's name ('365体育直播,365体育备用网址自然资源和
# 规划局', '新葡京博彩官网区人民政府…'): no agency is named by them.
_SITE_SPAM = re.compile(r"博彩|官网|赌场|赌博|娱乐城|直播|棋牌|葡京|备用网址")
# What no agency's name holds: a page's field labels or values ('发布日期 2024-01-16 主题词 …年度报告',
# '索引号 | szfb/2024-00128 | 发布机构 | …') or the report's own words ('某县林业草原政府信息公开开工').
_NO_NAME = re.compile(
    rf"[\d|:/]|索引号|发布日期|发布机构|主题词|主题分类|政府信息公开|政务公开|{_SITE_SPAM.pattern}"
)


# Fields that name who issued the page; 来源 often names only the website, so it is read last.
_ISSUER_FIELDS = ("发文机关", "发布机构", "发布机关")
_SOURCE_FIELDS = ("来源", "信息来源")
# An agency's name ends in the word for its kind; '本站', '中国政府网' and '原创' do not.
_AGENCY_NAME = re.compile(
    r"^[\u4e00-\u9fff()]{2,40}(?:政府|办公室|办公厅|办|局|委|委员会|厅|院|镇|乡|街道|办事处|"
    r"管委会|管理委员会|中心|站|所|队|处|馆|会|部|署|司|分局|县|区|市|旗|机关|联合社|合作社|联社|供销社)$"
)


def _agency_from_fields(doc: Document, keys: tuple[str, ...]) -> Stated:
    for key in keys:
        value = re.sub(r"\s+", "", normalize(doc.page_meta.get(key, "")))
        # A name without its place ('区政府办') says less than the report's own words may.
        if _AGENCY_NAME.match(value) and region_and_level(value)[0]:
            return Stated(value, PAGE_FIELD)
    return Stated("", PAGE_FIELD)


# '某县环境保护局(以下简称"我局")…', a title run into the text ('某县2009年…年度报告(以下简称年报)根据…') or the
# name the opening publishes the report of ('现公布某区人民政府办公室(以下简称区政府办公室)…').
_SUBJECT = re.compile(
    r"^(?:[^\n(]{0,20}?[,，:])?(?:现(?:向社会)?(?:公布|发布|公开|将))?([\u4e00-\u9fff\d]{2,50}?)\s*\(以下简称"
)


def _agency_from_first_sentence(doc: Document) -> str:
    for line in doc.text.splitlines()[:40]:
        m = _SUBJECT.match(normalize(line.strip()))
        if m is None:
            continue
        subject = m.group(1)
        if _TITLE_LINE.search(subject):
            return agency_from_title(subject)
        return subject if _AGENCY_NAME.match(subject) and region_and_level(subject)[0] else ""
    return ""


# 我局 / 本机关 / 我委 / 我办 / 我镇: the report speaks of itself by the last word of its name.
_SELF_REFERENCE = re.compile(r"(?:我|本)(局|委|办|镇|乡|街道|厅|院|区|县|市|中心|(?:行政)?机关)")
# Where a report prints its own full name: a line of its own (the signature above the date) or the
# opening of a document title of its own (《某县水利局信息公开工作方案》). A place's government signs
# with its government's name (我镇 … 某某镇人民政府). The notice asking for the annual report
# (按照《某市数据管理局关于报送2025年政府信息公开工作年度报告有关事项的通知》要求) is a higher office's.
_OWN_NAME_PLACES = (
    r"^\s*([\u4e00-\u9fff]{{2,30}}{word}(?:人民政府|政府|办事处)?)\s*$",
    r"《([\u4e00-\u9fff]{{2,30}}?{word})(?!关于[^》]{{0,40}}?(?:年度报告|年报|报送))",
)


def _agency_from_self_reference(doc: Document) -> str:
    text = normalize(doc.text)
    refs = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text))
    if not refs:
        return ""
    word = refs.most_common(1)[0][0]
    if word.endswith("机关"):
        return ""  # 本机关 names no kind of agency; only the other places can say which
    for place in _OWN_NAME_PLACES:
        for m in re.finditer(place.format(word=word), text, re.MULTILINE):
            name = m.group(1)
            # A field's label run into its value ('发布机构某县某镇') is no part of the name.
            if region_and_level(name)[0] and not re.search(r"[我本]", name) and not _NO_NAME.search(name):
                return name
    return ""


# "现公布2012年凤安镇政府信息公开工作年度报告", "由某局编制的2011年度政府信息公开年度报告",
# "现向社会公开《某区人民政府2022年度…报告》", "现公开某区人民政府2024年…报告", "现将某局2023年政府信息公开工作
# 年度情况报告如下": the body names the report
# when the page has no title; its short name may stand in brackets after it ('现公布某区人民政府办公室
# (以下简称区政府办公室)2022年…报告').
_REPORT_IN_SENTENCE = re.compile(
    r"(?:公布|发布|编制|现将|向社会公开|现公开)(?:了|形成)?《?(?:(?:19|20)\d\d年度?)?([\u4e00-\u9fff]{2,25}?)"
    r"(?:\(以下简称[^()]{1,16}\))?(?:(?:19|20)\d\d年度?)?"
    r"(?:政府|政务)?信息公开(?:(?:工作)?(?:年度)?(?:情况)?报告|工作情况(?!报告))"
    r"|由([\u4e00-\u9fff]{2,25}?)编制的(?:(?:19|20)\d\d年度?)(?:政府|政务)信息公开(?:工作)?(?:年度)?(?:报告|年报)"
    # '某县教育体育局现向社会公开《2023年政府信息公开工作年度报告》': the name before the verb.
    r"|(?:^|[,.。\n])([\u4e00-\u9fff]{2,25}?)现?向社会(?:公开|公布|发布)《?(?:19|20)\d\d年度?"
    r"(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告"
    # '2016年度某市商务局政府信息公开工作年度报告是根据《条例》…编制而成': the report opening its sentence.
    r"|(?:^|[.。\n])\s*(?:19|20)\d\d年度?([\u4e00-\u9fff]{2,25}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告"
    r"是?(?:根据|依据|按照|依照)"
)


def _agency_from_sentence(doc: Document) -> str:
    m = _REPORT_IN_SENTENCE.search(normalize(doc.text)[:4000])
    if m is None:
        return ""
    # '编制本报告现向社会公开安乐乡2019年…报告': the name follows the sentence's last verb.
    agency = re.sub(r"^.*(?:公布|发布|编制|公开)", "", m.group(1) or m.group(2) or m.group(3) or m.group(4))
    agency = re.sub(r"^(本|我|向社会|特向社会|全)", "", agency)
    # '现公布2012年某镇人民政府信息公开…' shares 政府 between the name and the report words.
    agency = re.sub(r"人民$", "人民政府", agency)
    # '编制并公布本单位2024年…报告': a second verb or the report's word for itself is no name.
    if _SELF_OR_VERB.search(agency):
        return ""
    # '由县交通运输局编制的…': a name that starts with its level's word has lost its place, unless that
    # word starts its place's name (镇远县林业局).
    if len(agency) < 3 or agency.startswith(("本", "我")):
        return ""
    if agency.startswith(("省", "市", "县", "区", "镇", "乡")) and not region_and_level(agency)[0]:
        return ""
    return agency


# The report's word for its own agency, a second verb, or a kind of agency with no place
# ('公布2014年度政府职能部门信息公开年度报告').
_SELF_OR_VERB = re.compile(
    r"本单位|本机关|本部门|我单位|行政机关|的$|[并和及](?:公布|发布|编制)|^政府|职能部门|各部门|各单位"
)


# A place printed twice before the name ('由云川市石桥区云川市石桥区发展和改革委员会编制': a site that puts
# its place before every name, also one that has it already).
_REPEATED_PLACE = re.compile(r"^(.{2,12}[省市县区镇乡旗])\1")
# How far into the text a body without a title introduces itself (its opening and overview).
_PROSE_HEAD = 3000
# The report's own title quoted in its opening ('现编制形成了《某镇人民政府2023年政府信息公开工作年度报告》'),
# also where a site's text injection stands before the name inside the quotes: the name is the run of
# Chinese characters that begins after the last other character. The year may open the title instead
# ('《2020年度某县水务局信息公开工作年度报告》已经研究同意').
_QUOTED_OWN_TITLE = re.compile(
    r"《(?:[^《》\n]{0,40}[^\u4e00-\u9fff《》\n])?([\u4e00-\u9fff]{2,25}?)\s*(?:19|20)\d\d\s*年度?"
    r"(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告》"
    r"|《(?:19|20)\d\d\s*年度?([\u4e00-\u9fff]{2,25}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告》"
)
# '本年度报告……由某市某局编制', '由某县人民政府办公室编制', '由某市统计局围绕…工作情况编制而成',
# '由某市营商环境建设局(市行政审批局)负责编制' (its other name in brackets): the body
# that compiled the report, named as printed (a county's or a city's office compiles its own report as
# often as its government's); but a township's office, or any joint party and government office
# (党政办公室), publishes no report of its own.
_COMPILED_BY = re.compile(
    r"由([\u4e00-\u9fff]{3,30}?)(?:\([^()\n]{1,16}\))?(?:(?:根据|按照|依据|依照|围绕)[^。.\n]{0,240}?)?(?:负责)?(?:汇总)?"
    r"(?:编制|编写|撰写)"
)
# '某部编制了本级行政机关2019年…报告' / '某县某局结合单位实际,编制本单位2022年度…报告' /
# '结合工作实际,某区水务局编制了2024年度…报告': the compiler named before its verb, the report called its own
# or named by its year.
# '某区司法局(区行政复议局)根据《条例》等规定编制本报告': the opening sentence's subject compiles it.
_COMPILED_OWN = re.compile(
    r"(?:^|[,.\n])\s*([\u4e00-\u9fff]{3,30}?(?:局|委员会|委|厅|部|署|办公室|人民政府|办事处))"
    r"(?:(?:[\u4e00-\u9fff]{2,12},)?编制(?:了)?(?:本级|本单位|本机关|本部门"
    r"|(?:19|20)\d\d年度?(?:政府|政务)信息公开(?:工作)?(?:年度)?报告)"
    r"|(?:\([^()\n]{1,12}\))?(?:根据|按照|依据|依照)[^.\n]{0,120}?编制(?:了)?本(?:年度)?报告)"
)
# '特编制某区商务局公开年度报告': the report compiled, named as its agency's.
_COMPILES_REPORT_OF = re.compile(
    r"编制([\u4e00-\u9fff]{3,30}?(?:局|委员会|委|厅|署|办公室|人民政府|办事处))(?:(?:19|20)\d\d年度?)?"
    r"(?:政府|政务)?(?:信息)?公开(?:工作)?(?:年度)?报告"
)
_TOWNSHIP_OFFICE = re.compile(
    r"((?:镇|乡|苏木)(?:人民政府|政府)?|街道(?:办事处)?)(?:党政)?(?:综合)?办(?:公室)?$"
)
_JOINT_OFFICE = re.compile(r"党政(?:综合)?办(?:公室)?$")
_BUREAU_OFFICE = re.compile(r"((?<!政府)局|委员会|厅)办公室$")
# '2023年,某区财政局认真贯彻……': the overview's first sentence has the agency as its subject, the
# name ending in an agency's word and followed by the first word of what it did.
_AGENCY_END = (
    r"(?:人民政府|政府|办事处|街道|委员会|管委会|办公室|办公厅|局|委|办|厅|署|中心|镇|乡|市|县|区|旗"
    r"|联合社|合作社|联社|供销社)"
)
# The agency in brackets after a title that names none (agency_from_title).
_NAME_AFTER_TITLE = re.compile(
    rf"(?P<title>.*?(?:报告|年报))\((?P<name>[\u4e00-\u9fff]{{2,30}}?{_AGENCY_END})\)"
)
_DEED = (
    r"(?:认真|严格|按照|坚持|紧紧|紧扣|积极|进一步|全面|深入|围绕|高度|继续|持续|始终|不断|着力|切实|"
    r"贯彻|通过|根据|依据|依照|结合|扎实|聚焦|立足|牢固|充分|大力|强化|加强|加大|依法|主动|准确|在|共|以|"
    r"收到|受理)"
)
# The year (or 今年以来, 一年来, 本年度), then its subject, perhaps after whose lead it worked under ('2024年,在市委、
# 市政府坚强领导下,某局认真…'); or the name before the year ('某区医疗保障局2023年为深入推进…').
_YEAR_SUBJECT = re.compile(
    r"(?:^|[.。\n])[\s?？]*(?:(?:(?:19|20)\d\d\s*年(?:度|以来)?|今年以来|一年来|本年度)\s*[,，]*\s*(?:(?:在[^.。\n]{2,24}?(?:领导|指导|部署|支持)下|根据[^.。\n]{2,80}?(?:要求|规定|精神))\s*[,，]\s*)?"
    r"(?!度)([\u4e00-\u9fff]{2,30}?"
    + _AGENCY_END
    + r")(?="
    + _DEED
    + r")|([\u4e00-\u9fff]{3,30}?"
    + _AGENCY_END
    + r")(?:19|20)\d\d\s*年(?:度)?[,，]?\s*(?=为|"
    + _DEED
    + "))"
)
# '全文包括某旗某苏木人民政府信息公开总体情况,…': the report's list of contents names whose they are.
_CONTENTS_OF = re.compile(
    r"全文包括([\u4e00-\u9fff]{3,30}?(?:人民政府|政府|办事处|委员会|局|委|厅|署|办公室))"
    r"(?:政府)?信息公开(?:工作)?(?:的)?(?:总体|基本)?情况"
)
# '如对本报告有任何疑问,请与某市财政局办公室联系': a department named for questions about the report is
# the one reporting, its office or its disclosure group answering for it. A government's office, or a
# body that handles disclosure for a government (政务服务, 数据管理), may answer for another's report.
_CONTACTED = r"(?:局|委员会|委(?!会)|厅|署|办事处|(?:镇|乡|苏木)(?:人民政府|政府))"
# ... or '请联系某镇政府,地址:…': the name after the verb, up to a comma or its address.
_CONTACT = re.compile(
    rf"[请可]与([\u4e00-\u9fff]{{3,30}}?{_CONTACTED})"
    r"(?:[\u4e00-\u9fff]{0,16}?办公室)?(?:[\u4e00-\u9fff]{2,3})?联[系络]"
    rf"|请联系([\u4e00-\u9fff]{{3,30}}?{_CONTACTED})(?:[\u4e00-\u9fff]{{0,16}}?办公室)?(?=[,.(:;]|地址|电话)"
)
_ANSWERS_FOR_OTHERS = re.compile(r"政务服务|数据|信息公开|政务公开|政府办|人民政府|管委会|管理委员会")
# A township's or street's own government answers for its own report ('请与某镇人民政府联系').
_TOWNSHIP_BODY = re.compile(r"(?:镇|乡|苏木)(?:人民政府|政府)$|街道(?:办事处)?$")
# A subject that is no single disclosing agency: all of a place's bodies, several bodies, the report's
# word for itself, or a party committee ('县委县政府高度重视').
_NO_SINGLE_AGENCY = re.compile(r"^(?:全|各|我|本|在)|[、及与]|[省市县区镇乡]委(?!员会)|党")


def _agency_from_prose(head: str) -> list[Stated]:
    """The agency as the body's prose names it: its own title quoted, its list of contents, the body
    that compiled it, the subject of a sentence opening with the year, or the department to ask about
    the report. Only a name that starts with a place is taken."""
    found = []
    m = _QUOTED_OWN_TITLE.search(head)
    if m:
        found.append(Stated(_placed(m.group(1) or m.group(2)), QUOTED_TITLE))
    m = _CONTENTS_OF.search(head)
    if m:
        found.append(Stated(_placed(m.group(1)), CONTENTS))
    # A line may break inside the compiler's name ('由某区司法\n局编制').
    m = (
        _COMPILED_BY.search(join_wrapped_words(head))
        or _COMPILED_OWN.search(head)
        or _COMPILES_REPORT_OF.search(head)
    )
    if m:
        compiler = _JOINT_OFFICE.sub("", _TOWNSHIP_OFFICE.sub(r"\1", m.group(1)))
        # A bureau's office compiles its bureau's report: no office of a bureau reports on its own.
        compiler = _BUREAU_OFFICE.sub(r"\1", compiler)
        found.append(Stated(_placed(compiler) if _AGENCY_NAME.match(compiler) else "", COMPILER))
    # The first such subject that names its place ('2024年,市财政局…' names none; a sentence after it may).
    subjects = (_placed(m.group(1) or m.group(2)) for m in _YEAR_SUBJECT.finditer(head))
    found.append(Stated(next((name for name in subjects if name), ""), YEAR_SUBJECT))
    m = _CONTACT.search(head)
    contacted = m and (m.group(1) or m.group(2))
    if contacted and (_TOWNSHIP_BODY.search(contacted) or not _ANSWERS_FOR_OTHERS.search(contacted)):
        found.append(Stated(_placed(contacted), CONTACT))
    return found


def _placed(name: str) -> str:
    """The name, if it is one agency's and starts with its place; else nothing."""
    if (
        _NO_SINGLE_AGENCY.search(name)
        or _ZONE_UNNAMED.match(name)
        or _SITE_SPAM.search(name)
        or not region_and_level(name)[0]
    ):
        return ""
    return name


# A zone called by its kind alone ('实验区管委会办公室'): prose shortens the name it has in full elsewhere.
_ZONE_UNNAMED = re.compile(r"(?:实验|试验|开发|高新|新|园|景|片|自贸|保税)区")


def region_and_level(agency: str) -> tuple[str, str]:
    """The administrative units an agency name starts with, and the level of the agency.

    A name in traditional characters (興國縣良村鎮) is read in simplified ones, its region kept as
    printed; a bracketed other name after it (上海市科委（上海市科学技术委员会）) is left out."""
    name = _BRACKETED_END.sub("", agency) or agency
    simple = to_simplified(name)
    region, level = _units_and_level(simple)
    return (name[: len(region)] if len(simple) == len(name) else region), level


# A name's other name in brackets at its end.
_BRACKETED_END = re.compile(r"[（(][^（）()]*[）)]$")


def _units_and_level(agency: str) -> tuple[str, str]:
    rest = agency
    units: list[tuple[str, str]] = []
    for level, pattern in (
        ("province", PROVINCE_UNIT),
        ("city", _CITY),
        ("county", _COUNTY),
        ("township", _TOWNSHIP),
    ):
        m = pattern.match(rest)
        if m is None or len(m.group(1)) > len(rest):
            continue
        unit = m.group(1)
        doubled = rest[len(unit) :].startswith(unit[-1]) and not rest.startswith("级", len(unit) + 1)
        if doubled and not _ends_inside_a_word(rest, len(unit) + 1):
            # 壶镇镇: the name itself ends in the unit's word (not 某省省级…, the province's own level).
            unit = rest[: len(unit) + 1]
        if level == "county" and any(unit.endswith(x) or x in unit for x in _NOT_COUNTY):
            continue
        if _ends_inside_a_word(rest, len(unit)):
            continue
        units.append((level, unit))
        rest = rest[len(unit) :]
    if not units:
        return "", ""
    region = "".join(u for _, u in units)
    lowest = units[-1][0]
    is_government = bool(_GOVERNMENT.fullmatch(rest)) or rest == ""
    return region, lowest if is_government else f"{lowest}_department"


def _ends_inside_a_word(name: str, end: int) -> bool:
    """A unit cut at `end` would split a department word (云川市|市场…, 住房和城|乡建设局, 某区城市|管理局);
    a city named …城 (宜城市) ends its unit unless a 城市 department's word follows, and a city's 政府
    or 政务 (某市|政府办公室, 某市|政务服务和大数据管理局) is no 市政 department."""
    before = name[max(0, end - 2) : end]
    if before == "城市":
        return name.startswith(_CITY_DEPARTMENT_WORDS, end)
    if name.startswith(("政府", "政务"), end):
        return False
    return before in _NOT_A_UNIT_END or name[end - 1 : end + 1] in _NOT_A_UNIT_END


def agency_type(agency: str) -> str:
    """What kind of agency: 人民政府 or 街道办事处 for governments, else the department name without its
    region."""
    region, level = region_and_level(agency)
    name = _BRACKETED_END.sub("", agency) or agency
    rest = name[len(region) :] if region else name
    if not level.endswith("_department"):
        if not level:
            return rest or ""
        return "街道办事处" if region.endswith("街道") else "人民政府"
    return rest


def _published(doc: Document) -> str:
    for key in _DATE_FIELDS:
        m = _DATE.search(normalize(doc.page_meta.get(key, "")))
        if m:
            return _iso(m)
    for line in doc.text.splitlines()[:15]:
        m = _DATED_FIELD.search(normalize(line))
        if m:
            return _iso(m)
    tail = doc.text.strip().splitlines()[-8:]
    for line in reversed(tail):
        m = _DATE.search(normalize(line))
        if m and len(line.strip()) < 40:
            return _iso(m)
    return ""


def _iso(m: re.Match) -> str:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"
