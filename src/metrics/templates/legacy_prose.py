"""The wording of figures in report prose (layout legacy_prose, and any report's overview), declared once.

Each count rule names its metric, a literal the sentence must hold before its pattern runs, the
pattern, and optionally a context the sentence must also show. A figure sits right after the words
that name it, or before its noun where the wording puts it there, and always carries a count unit,
so dates, percentages, 同比 changes, document numbers and phone numbers never qualify. The other
declarations are the vocabulary the extractor (metrics.extract.legacy_prose) uses to judge a match:
negations that state nothing happened, fees, words marking cumulative or other years' figures, the
reasons for refusal and the words that make a list item a kind of published information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from metrics.numbers_zh import (
    APPROX_AFTER,
    APPROX_AFTER_UNIT,
    APPROX_BEFORE,
    ARABIC,
    NUMBER,
    ZH_NUMERAL_CHARS,
)

# --- patterns -------------------------------------------------------------------------------------

# The number with its approximation words; the lookbehind stops us starting mid-number.
_N = (
    rf"(?<![\d.,{ZH_NUMERAL_CHARS}])(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})"
    rf"(?P<after>{APPROX_AFTER})?"
)
# A number that opens a list item may follow the list's comma ('1名全职工作人员,4名兼职工作人员'), though
# never a comma between digits ('1,236').
_N_AFTER_COMMA = (
    rf"(?:(?<=[^\d,],)|(?<![\d.,{ZH_NUMERAL_CHARS}]))(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})"
    rf"(?P<after>{APPROX_AFTER})?"
)
# Words allowed between a label and its number (共受理申请共计9件, 信息数为12条).
_CONN = r"(?:共计|合计|总计|累计|总共|达到|一共|共有|共|达|为|计|是|有)?(?:为|达)?"
_Q = r'"?(?:的)?"?'  # “同意公开”的7件
_ITEM_UNIT = r"(?:条|篇|件|项|份|个)"
_REQUEST_UNIT = r"(?:件|条|宗|个|份|项|例|人次|次|起)"
_CASE_UNIT = r"(?:件|起|宗|例|次|个)"
_EVENT_UNIT = r"(?:次|场|期)"
_PERSON_UNIT = r"(?:人|名)"
_TAIL = rf"(?P<unit_after>{APPROX_AFTER_UNIT})?"
_GAP = r"[^,;:。!?()\d]"  # label words may be separated by other words, never by punctuation or digits
# An agency naming itself: a name ending in what agencies are.
_AGENCY_NAME = r"[\u4e00-\u9fff]{2,20}?(?:局|厅|委|委员会|办|办公室|政府|中心|署|院|部|馆|站|所|处)"
# Where the information was published ('在某市政务信息公开网上', '在区政府网站').
_ON_A_SITE = rf"在{_GAP}{{1,20}}?(?:网站|网|平台)上?"

# A count that opens a list item ('其中4件…', ',1件…'), and the units such an item counts in. The comma
# must follow a non-digit, so '1,236件' is never read from its second group.
_ITEM_START = r"(?:(?<=\D,)|(?<=[、;:])|(?<=其中))"
_ITEM_N = rf"(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})(?P<after>{APPROX_AFTER})?"
_LIST_UNIT = r"(?:件|条|宗|份|个|项)"

# Not right after a conjunction: a channel named with another ('网上及当面申请').
_ALONE = r"(?<![及和与或、])"

# A negation; 未经 (未经行政复议直接提起行政诉讼) says how a case came, not that none did.
# 不存在 as these reports use it (不存在因申请政府信息公开引起的行政复议); 信息不存在, a refusal's reason, is
# followed by its comma or count, never by an event.
_NEG = r"(?:没有|并未|均未|未曾|从未|尚未|还未|未有|未(?!经)|没|无(?![法论偿需须条限])|不存在)"


@dataclass(frozen=True)
class Rule:
    metric_id: str
    trigger: str  # a literal the sentence must contain before the regex runs (speed)
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None  # the sentence must also match this
    section: re.Pattern[str] | None = None  # the heading of the section it stands in must match this


def _rule(metric_id: str, trigger: str, pattern: str, context: str = "", section: str = "") -> Rule:
    return Rule(
        metric_id,
        trigger,
        re.compile(pattern),
        re.compile(context) if context else None,
        re.compile(section) if section else None,
    )


# A numbered section's heading (二、… / (二)… / 2.…), and what it is about: the words up to its first comma.
SECTION_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}\s*[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}\s*[、.](?!\d))[^,]*"
)
# The section on requests ('(二)依申请公开情况', '2.依法申请公开方面'), not one on proactive disclosure too.
REQUESTS_SECTION = r"^(?!.*主动).*依法?申请公开"


# A sentence about disclosure work that no attended training (参加培训, 接受…培训) shares.
_TRAINING = r"^(?!.*(?:参加|接受)[^。]{0,16}培训)(?=.*(?:信息公开|政务公开|公开工作|公开条例))"

COUNT_RULES: tuple[Rule, ...] = (
    # 全镇共发布各类信息内容46条 / 通过门户网站公开各类信息46条: all kinds together are the year's total
    # (two such figures in one report, one per channel, disagree and are then left out).
    _rule(
        "proactive_items",
        "各类",
        rf"(?:公开|发布)(?:了)?各类(?:政府|政务)?信息(?:内容)?{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 主动公开政府信息1,236条 / 主动公开了涉公安政府信息120条 / 2009年新增的主动公开政府信息94条 /
    # 主动公布政府信息有71条 / 主动发布信息总量达200条 / 主动公开政务信息(包括…等栏目)共计76855条: an aside in brackets may
    # stand between the label and its total.
    _rule(
        "proactive_items",
        "主动",
        rf"(?<!应)主动(?:向社会|向公众|对外|{_ON_A_SITE})?(?:公开|公布|发布)(?:了)?(?P<mid>{_GAP}{{0,8}}?)(?:政府)?信息(?:的)?"
        rf"(?:项目|件数|条数|数|数量|总数|总量)?(?:\([^()]{{0,80}}\))?{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 2016年,通过政府网站、政务微博、政务微信等渠道公开政府信息3226条: the channels listed together, and what
    # they carried, in a sentence counting nothing before it (a channel's own count may precede: '网站发布信息
    # 31条,通过公告栏等途径发布信息861条').
    _rule(
        "proactive_items",
        "等",
        rf"通过{_GAP}{{2,40}}?等(?:渠道|平台|方式|途径|形式|载体)(?:共|累计|共计)?(?:主动)?(?:公开|发布)(?:了)?(?:各类)?"
        rf"(?:政府|政务)?信息{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
        context=r"^[^\d]*(?:(?:19|20)\d\d年[^\d]*)?通过",
    ),
    # The documents made or obtained split by disclosure attribute: their 主动公开 part is the year's
    # proactive count ('共制作政府信息300条,其中主动公开信息120条,依申请公开信息30条').
    _rule(
        "proactive_items",
        "主动",
        rf"(?:制作|获取|产生|形成|发文|制发)[^.!?]*?其中[,:]?(?:属于)?主动公开(?:的)?(?:政府|政务)?(?:信息)?(?:数|数量)?"
        rf"(?:有|为|共)?{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 共整理、录入、发布14条主动公开政府信息: the count before what it counts.
    _rule(
        "proactive_items",
        "主动",
        rf"(?:公开|公布|发布)(?:了)?{_N}{_ITEM_UNIT}{_TAIL}主动公开(?:的)?(?:政府|政务)?信息",
    ),
    # 全年公开政府信息356条 / 我局共公开政府信息356条 / 全年新增公开政府信息43条 / 全年在区政府网站发布政府
    # 信息共1391条 / 2017年共公开政府信息164条 / 通过政府信息公开网站,共公开政府信息14586条; plain 信息 is too often
    # one topic's items
    _rule(
        "proactive_items",
        "政府信息",
        rf"(?:全年|我\w{{1,2}}|(?:全年|本年|今年|本年度|年内|我\w{{1,2}}|本\w{{1,2}}|(?:19|20)\d\d年度?)"
        rf"(?:共|累计|共计|总共)|(?<=,)(?:共|共计))"
        rf"(?:{_ON_A_SITE})?(?:新增)?(?:向社会)?(?:公开|发布)(?:各类)?政府信息"
        rf"{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 累计公开政府信息846条,其中本年度在县政府网站公开214条 / …615条,今年新增94条 / …457条,其中2016年公开
    # 政务信息46条: the year's part of a running total.
    _rule(
        "proactive_items",
        "",
        rf"(?:其中|(?<=,))(?:本年度?|今年|当年|全年|(?:19|20)\d\d年度?)(?:{_GAP}{{0,20}}?)(?:新增|公开|发布)(?:了)?"
        rf"(?:政务|政府)?(?:信息)?{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
        context=r"累计|截至|截止",
    ),
    # 全年公开信息248条 / 全年共公开信息253条: plain 信息 over the whole year, unless the clause before names
    # one topic's information (重点公开重大建设项目信息,全年共公开信息291条).
    _rule(
        "proactive_items",
        "全年",
        rf"全年(?:共|累计|共计|总共)?(?:{_ON_A_SITE}|通过{_GAP}{{1,12}}?(?:网站|网|平台))?(?:向社会)?"
        rf"(?:公开发布|公开|发布)(?:了)?信息{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
        context=r"^(?!.*(?:公开|发布)[\u4e00-\u9fff]{2,12}?信息[,;]全年)",
    ),
    # 2016年,我局在市政府信息公开平台发布信息27条 / 2013年,我局通过政府门户网站共公布信息104条 / 2016年1月1日至
    # 12月31日,我局通过县政府网站…公开…信息115条: a sentence that opens with the year (or its days) and the agency
    # itself (by name too: 2015年,某省邮政管理局通过政府网站…), publishing through its sites.
    _rule(
        "proactive_items",
        "信息",
        rf"^(?:19|20)\d\d年度?(?:1月1日至(?:(?:19|20)\d\d年)?12月31日)?,?(?:我\w{{1,2}}|本\w{{1,2}}|{_AGENCY_NAME})?(?:共)?"
        rf"(?:在|通过?|利用){_GAP}{{1,24}}?(?:网站|平台|网)上?"
        rf"(?:共)?(?:发布|公开|公布)(?:了)?(?:本年度)?(?:政务公开|政务|政府)?信息\s*{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 通过政府网站向外发布信息共895条 / 全年街道本级信息公开网站共发布政府信息60条: one site's items of the
    # year published to the public, the words for the public or the year saying it is the total.
    _rule(
        "proactive_items",
        "信息",
        rf"(?:通过|在){_GAP}{{1,12}}?(?:网站|网|平台)上?(?:向外|向社会|对外)(?:公开|发布)(?:了)?信息"
        rf"{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    _rule(
        "proactive_items",
        "全年",
        rf"全年{_GAP}{{0,16}}?(?:网站|网|平台)上?(?:共|累计|共计|总共)?(?:公开|发布)(?:了)?(?:各类)?政府信息"
        rf"{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 共受理信息公开申请10件 / 受理收到政府信息公开申请0条 / 收到申请数为5件 / 收到申请公开政府信息数0条 /
    # 收到政府信息公开申请信件22件 / 全年收政府信息公开申请464件 / 收到政府信息公开申请情况2件 /
    # 全年共收办申请6件 / 公众…向区政府提交政府信息公开申请187件 / 公民、法人提交的政府信息公开申请17件 /
    # 收到申请政府信息公开请求1件
    _rule(
        "requests_new",
        "申请",
        rf"(?:受理|收到|接到|接收|接受|新收|收办|向[\u4e00-\u9fff]{{1,12}}?提交|(?<=[民人织众])提交(?:的)?|(?<=全年)收(?=政府信息公开申请))(?:了|到)?(?P<mid>[^,;:。!?()\d]{{0,20}}?)申请(?!人)(?:公开(?:政府)?信息|政府信息公开|信息公开|公开)?"
        rf"(?:办理事项|事项|信件|信函|函件|案件|请求|件|表|书|数|数量|总数|总量|情况)?"
        rf"{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 收到和处理政府信息公开申请数量为0: none, the count without its unit (only a zero ending its sentence
    # is surely a count).
    _rule(
        "requests_new",
        "申请",
        r"(?:受理|收到|接到|接收)(?:[和并](?:处理|办理))?(?P<mid>[^,;:。!?()\d]{0,20}?)申请(?:数量|件数|总数|数)(?:为|是)?"
        r"(?P<before>)(?P<num>0)(?P<after>)$",
    ),
    # 共受理了3件政府信息公开申请 / 接到7条提出公开政府信息的申请 / 收到8条依申请公开 / 受理1项依申请公开事项 /
    # 收到4件针对本部门有关政府信息公开事务的申请 / 共收到并办理1件依申请公开信息
    _rule(
        "requests_new",
        "申请",
        rf"(?:受理|收到|接到|接收|新收)(?:了|到)?(?:[并和](?:办理|处理))?(?:共|共计)?{_N}(?:件|份|个|宗|起|条|项)(?P<mid>[^,;:。!?()\d]{{0,20}}?)申请(?!人|行政复议|复议)",
    ),
    # 共接收通过邮寄、邮件、现场等方式提交的各类政府信息公开申请10件 / 收到公民…当面提交或以信函、传真和网页申请
    # 等形式的依申请公开3件: the channels listed, and what they brought.
    _rule(
        "requests_new",
        "等",
        rf"(?:受理|收到|接到|接收)(?:了)?[^;:。!?()\d]{{0,30}}?等(?:方式|形式|渠道|途径)(?:提交|提出)?(?:的)?(?:各类)?"
        rf"(?:政府信息公开|信息公开|依申请公开)(?:申请)?(?:事项)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 受理公民、法人和其他组织向市政府…提出的政府信息公开申请5件: the requesters named as the 条例 names them.
    _rule(
        "requests_new",
        "法人",
        rf"(?:受理|收到|接到|接收)(?:了)?(?:公民|自然人)[,、]法人(?:和|或者?|及)其他组织{_GAP}{{0,24}}?申请"
        rf"(?:件|事项)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 依申请公开政府信息共4件,其中,予以公开2件… / 2023年依申请公开4条,已全部按期办理完毕 / 依申请政府信息公开44件,
    # 其中予以公开23件: bare 依申请公开 counts requests where what became of them, or who asked, follows;
    # elsewhere it may count the documents open on request (共制作政府信息300条,其中主动公开信息120条,
    # 依申请公开信息30条).
    _rule(
        "requests_new",
        "依申请",
        rf"依申请(?:政府信息)?公开(?:政府信息|政务信息|信息)?(?:数)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}"
        r"(?=,(?:其中)?[,:]?(?:予以公开|同意公开|均|已全部|全部|公民|自然人))",
        # Not those a verb before it counts as handled or closed (办结政府信息依申请公开733件), which may be
        # other than the year's received.
        context=r"^(?!.*(?:办结|办理|答复|处理)[^,;.]{0,8}依申请(?:政府信息)?公开)",
    ),
    # 本年度依申请公开0件 / 2022年度某局依申请公开政务信息数3件 / 全年依法申请公开件0件: in the section on
    # requests, a bare count of 依申请公开 in 件 is the year's requests; elsewhere, or counted in 条, it may
    # count documents (2015年度我委依申请公开政府信息1条). Not in a sentence counting requests received by a
    # verb (受理申请10件,依申请公开政府信息8件: those disclosed), nor those handled (累计办理…依申请公开信息20件).
    _rule(
        "requests_new",
        "申请公开",
        rf"依法?申请公开(?:政府信息|政务信息|信息)?(?:件)?(?:数)?{_CONN}{_N}(?:件|宗|个|项|例|起){_TAIL}",
        context=r"^(?!.*(?:受理|收到|接到|接收|新收))(?!.*(?:办结|办理|答复|处理)[^;.]*?依法?申请(?:政府信息)?公开)",
        section=REQUESTS_SECTION,
    ),
    # 全年受理依申请公开9件 / 收到处理依申请公开件4件 / 收到政务信息依申请公开业务0条 / 共受到依申请公开3件 (受到
    # for 收到, a common slip) / 收到依申请政府信息2条 / 共收到依申请公开案例1例
    _rule(
        "requests_new",
        "依申请",
        rf"(?:受理|收到|接到|受到)(?:了)?{_GAP}{{0,6}}?依申请(?:政府信息(?=公开|\d)|(?:政府信息)?公开(?:政府信息|信息)?)"
        rf"(?:申请)?(?:事项|办件|案例|案件|件|业务)?"
        rf"(?:的)?(?:数量|数)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 依申请公开受理和办结6件 / 政府信息公开申请受理1条: the verb after what it counts.
    _rule(
        "requests_new",
        "申请",
        rf"(?:依申请公开(?:政府信息)?(?:申请)?|(?:政府信息公开|信息公开)申请)(?:受理|收到)"
        rf"(?:和办结|并办结|和办理|并办理)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 本局2012年度政府信息公开申请0次 / 2024年度某街道信息公开申请0起: the year's requests, without a verb.
    _rule(
        "requests_new",
        "信息公开申请",
        rf"(?:19|20)\d\d年度?{_GAP}{{0,12}}?(?<![受收接理到])(?:政府)?信息公开申请(?:数|数量|件数|总数)?{_CONN}{_N}"
        rf"{_REQUEST_UNIT}{_TAIL}",
    ),
    # 共办理4件政府信息公开申请(其中当年收到3件,上年转结1件): those of the year among the requests handled.
    _rule(
        "requests_new",
        "申请",
        rf"(?:当年|本年度?|今年)(?:新)?(?:收到|受理|接收)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 受理依申请公开301件,上年度结转申请3件,新增298件: the year's new ones beside last year's carried.
    _rule(
        "requests_new",
        "新",
        rf"(?<=,)(?:其中)?(?:本年度?|当年)?(?:新增|新收)(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
        context=r"结转",
    ),
    # 共受理政府信息公开1件: the requests, named by what they ask for.
    _rule(
        "requests_new",
        "信息公开",
        rf"(?:受理|收到|接到|接收)(?:了)?(?:政府信息公开|信息公开)(?:事项|件)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 全年依申请公开数0件 / 我局2021年度依申请公开申请数为21件: the year's count of requests, named
    # without a verb.
    _rule(
        "requests_new",
        "依申请公开",
        rf"(?:全年|本年度?|年内|(?:19|20)\d\d年度?)(?:共)?依申请公开(?:政府信息)?(?:申请)?(?:数|件数|数量|总数){_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # A channel named alone: '网上及电子邮件申请的124件' counts two channels together, so neither.
    _rule("requests_in_person", "当面", rf"{_ALONE}当面(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule(
        "requests_online",
        "申请",
        rf"{_ALONE}(?:网上|网络|在线)(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule("requests_letter", "信函", rf"{_ALONE}信函(?:申请|提交|提出)?(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule("requests_fax", "传真", rf"{_ALONE}传真(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule(
        "requests_email",
        "邮件",
        rf"{_ALONE}(?<![及和与或、]电子)(?:电子)?邮件(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    # 在已经答复的9件申请中 / 已答复申请9件
    _rule(
        "outcome_total", "答复", rf"已(?:经)?(?:全部)?答复(?:了)?(?:的)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}"
    ),
    # 受理申请13件,答复13件: a bare 答复 count right after the requests received answers them
    _rule(
        "outcome_total",
        "答复",
        rf"(?<=,)(?:均|全部)?答复(?:了)?{_CONN}{_N}{_REQUEST_UNIT}",
        context=rf"(?:受理|收到|接到)[^,;:。!?]{{0,20}}申请[^,;:。!?]{{0,4}}?{_N}{_REQUEST_UNIT},(?:均|全部)?答复",
    ),
    # “同意公开”的7件 / 其中同意公开7件 / 予以公开3件
    _rule(
        "outcome_granted",
        "公开",
        # Not joined to another outcome (已主动公开或同意公开的69件 counts two rows together). Prose may name
        # the outcomes by the statistics table's rows (同意公开答复数4件).
        rf"(?<![不部或和及与])(?:同意公开|予以公开|准予公开|全部公开){_Q}(?:答复)?(?:数)?(?:的)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    # 依申请公开政府信息9条,不予公开政府信息1条: set against a refusal, it is what was disclosed on
    # application; alone it may as well count the requests handled, so it is not read.
    _rule(
        "outcome_granted",
        "依申请公开",
        rf"(?<!受理)(?<!收到)(?<!接到)(?<!受理了)依申请公开(?:了)?(?:政府)?信息{_CONN}{_N}(?:条|件){_TAIL}",
        context=rf"(?:不予公开|不同意公开){_Q}(?:政府)?(?:信息)?{_CONN}{_N}",
    ),
    _rule(
        "outcome_partial",
        "部分公开",
        rf"(?<![大及和与、])部分公开{_Q}(?:答复)?(?:数)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "outcome_denied",
        "公开",
        rf"(?:不予公开|不同意公开|不予以公开|不公开){_Q}(?:答复)?(?:数)?(?:的)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "unable_not_held",
        "信息",
        rf"(?:(?:申请)?(?:的)?(?:政府)?信息不存在|不掌握(?:相关)?(?:政府)?信息){_Q}{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "outcome_not_this_agency",
        "本",
        rf"(?:非本(?:行政)?(?:机关|单位|部门|局)|不属于本(?:行政)?(?:机关|单位|部门|局))"
        rf"(?:公开|职责|掌握|负责公开)?(?:范围)?(?:的)?(?:政府)?(?:信息)?(?:公开)?(?:范围)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    # 其中4件不属于本行政机关公开范围,1件信息不存在: the count before the outcome, as a list item.
    _rule(
        "outcome_not_this_agency",
        "本",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为|属于)?(?:非本|不属于本)(?:行政)?(?:机关|单位|部门|局)",
    ),
    _rule(
        "unable_not_held", "存在", rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:的)?(?:政府)?信息不存在"
    ),
    _rule(
        "outcome_granted",
        "公开",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:同意公开|予以公开|全部公开)",
    ),
    _rule(
        "outcome_partial", "部分公开", rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:同意)?部分公开"
    ),
    _rule(
        "outcome_denied",
        "公开",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:不予公开|不同意公开)",
    ),
    _rule(
        "outcome_already_public",
        "主动公开",
        rf"已(?:经)?主动公开(?:范围)?(?:的)?(?:政府)?(?:信息)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}",
        # A request answered so (属于…范围), not the agency's own publishing (目前本单位已主动公开政府信息49条).
        context=r"申请|属于",
    ),
    _rule("outcome_told_to_amend", "更改补充", rf"告知(?:作出)?更改补充{_Q}{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule("outcome_other_channel", "其他途径", rf"告知通过其他途径(?:办理)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}"),
    # 行政复议案0件 / 申请行政复议1件 / 行政诉讼案件2起 / 行政诉讼0条; 撤销复议申请1件 is how one case ended.
    _rule(
        "review_total",
        "复议",
        rf"(?<!撤销)(?<!撤回)(?:行政)?复议(?:案件|案|申请)?(?:数|数量)?{_CONN}{_N}(?:{_CASE_UNIT}|条)",
    ),
    _rule(
        "litigation_total", "诉讼", rf"(?:行政)?诉讼(?:案件|案)?(?:数|数量)?{_CONN}{_N}(?:{_CASE_UNIT}|条)"
    ),
    _rule(
        "complaints_total",
        "投诉",
        rf"(?:举报投诉|投诉举报|投诉)(?:案件)?(?:数|数量)?{_CONN}{_N}{_CASE_UNIT}",
        context=r"信息公开|公开工作",
    ),
    # 从事政府信息公开工作人员4925人,其中专职人员965人、兼职人员3960人 / 从事政府信息公开工作的专(兼)职
    # 工作人员共768人 (both kinds together)
    _rule(
        "staff_total",
        "人员",
        rf"从事(?:政府)?信息公开(?:工作)?(?:的)?(?:专\(兼\)职|专兼职)?(?:工作)?人员{_CONN}{_N}{_PERSON_UNIT}",
    ),
    # 全区政府信息公开工作人员共50人 / 全市政府信息公开工作人员已有345人 (staff are counted as they stand, so
    # 已有 says no more than 有)
    _rule("staff_total", "人员", rf"政府信息公开工作人员(?:已有|已达)?{_CONN}{_N}{_PERSON_UNIT}"),
    _rule("staff_full_time", "专职", rf"专职(?:工作)?人员{_CONN}{_N}{_PERSON_UNIT}"),
    _rule("staff_part_time", "兼职", rf"兼职(?:工作)?人员{_CONN}{_N}{_PERSON_UNIT}"),
    # 配备了1名全职工作人员、3名兼职工作人员: the count before its staff.
    _rule(
        "staff_full_time",
        "职",
        rf"{_N_AFTER_COMMA}\s*名(?:政府)?(?:信息公开)?(?:专职|全职)(?:的)?(?:工作)?人员",
    ),
    _rule("staff_part_time", "兼职", rf"{_N_AFTER_COMMA}\s*名(?:政府)?(?:信息公开)?兼职(?:的)?(?:工作)?人员"),
    # 配备工作人员4名: the staff counted after their noun.
    _rule(
        "staff_total",
        "配备",
        rf"配备(?:了)?(?:专门)?(?:的)?(?:政府信息公开)?工作人员{_CONN}{_N}{_PERSON_UNIT}",
    ),
    # 11名工作人员负责具体信息公开情况 / 指定办公室1名同志兼职负责政府信息公开工作: the staff named by the
    # disclosure work they do; never each office's (各科室至少有一名工作人员负责…, 每个科室1名…).
    _rule(
        "staff_total",
        "负责",
        rf"{_N_AFTER_COMMA}名(?:工作人员|同志|人员)(?:专门|专职|兼职)?负责[^,;。]{{0,8}}?(?:政府)?信息公开",
        context=r"^(?!.*(?:各|每))",
    ),
    # 明确4名工作人员 / 配备了2名专门工作人员: the staff counted right after the verb that assigns them,
    # unless more staff follow in the clause (明确1名工作人员为专职人员、1名为兼职人员).
    _rule(
        "staff_total",
        "名",
        rf"(?:配备|明确|安排|确定|指定)(?:了)?(?:专门)?{_N}名(?:专门)?(?:的)?(?:政府信息公开)?工作人员"
        rf"(?![^,;。]{{0,12}}?(?:\d|[一二两三四五六七八九十])名)",
    ),
    # 举办各类培训班17次 / 业务工作培训2次 / 举办二期…学习和培训 / 开展了2次联络员业务培训, and 培训人员1260人次:
    # trainings the agency held on disclosure work, never those its staff attended (参加…培训).
    _rule("trainings", "培训", rf"培训(?:班|会|活动)?{_CONN}{_N}(?:次|期|场){_TAIL}", context=_TRAINING),
    _rule(
        "trainings",
        "培训",
        rf"(?:举办|组织|开展|召开)(?:了)?{_N}(?:次|期|场)(?:{_GAP}{{0,16}}?)培训",
        context=_TRAINING,
    ),
    _rule(
        "trainees",
        "培训",
        rf"培训(?:相关)?(?:人员|干部|工作人员|信息员)?{_CONN}{_N}人次{_TAIL}",
        context=_TRAINING,
    ),
    # 召开听证会2次 / 举行2次听证会
    _rule("hearings", "听证", rf"听证(?:会)?{_CONN}{_N}{_EVENT_UNIT}"),
    _rule("hearings", "听证", rf"(?:召开|举行|举办|组织)(?:了)?{_N}{_EVENT_UNIT}听证"),
    _rule("press_conferences", "发布会", rf"新闻发布会{_CONN}{_N}{_EVENT_UNIT}"),
    _rule("press_conferences", "发布会", rf"(?:召开|举行|举办)(?:了)?{_N}{_EVENT_UNIT}新闻发布会"),
)

# 共办理依申请公开3件 / 共处理政府信息公开申请0件: the requests handled. Before 2019 no request was carried
# from one year to the next in the reports, so where a report counts no requests received, those it
# handled are its requests of the year (a standard report's overview counts them answered instead).
HANDLED_REQUESTS: tuple[Rule, ...] = (
    _rule(
        "requests_new",
        "理",
        rf"(?:办理|处理)(?:了)?(?:依申请公开|政府信息公开申请|信息公开申请)(?:政府信息)?(?:申请)?(?:事项|件)?"
        rf"{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
        context=r"^(?!.*(?:结转|上一?年))",
    ),
)

# Each kind of staff by the words that name it (专兼职 names both). A report that counts one kind and
# never names the other (配备了2名兼职工作人员) counts all its staff.
# Not where its sentence counts other people too (配有1名民警及1名兼职工作人员) or makes it a part (其中1名
# 兼职人员常驻窗口).
STAFF_KINDS = {"staff_full_time": re.compile(r"专职|全职|专兼职"), "staff_part_time": re.compile(r"兼职")}
PERSON_COUNT = re.compile(rf"{_N}\s*{_PERSON_UNIT}(?!次)")

# 在官网发布信息1887条,在省政府网站发布信息514条,总计2401条: a total after the channels' counts it
# adds up. Read as the proactive total only when it is their sum and the sentence publishes 信息.
SUMMED_TOTAL = re.compile(rf"(?:总计|共计|合计)(?:为|达)?(?P<num>{ARABIC})条")
LISTED_COUNT = re.compile(rf"(?<![\d.,])(?P<num>{ARABIC})条")
PUBLISHED_INFORMATION = re.compile(r"(?:发布|公开)[^,;:。!?]{0,12}信息")

# 依申请公开收取的费用(检索费、邮寄费、复制费等)为0元 / 收取费用0.5万元
FEE_AMOUNT = re.compile(
    rf"(?:收取|收费|费用)[^,;:。!?\d]{{0,24}}?(?:为|共|计|合计)?(?<![\d.])(?P<num>{ARABIC})\s*(?P<money>万元|元)"
)
# Words that make a sentence's fees the disclosure's: its requests' costs, or the legacy section's own
# words (收费及减免情况), whatever the sentence calls the information ('无政务信息的收费及减免情况').
FEE_CONTEXT = re.compile(r"申请|检索|复制|邮寄|信息公开|收费(?:和|及|与|或)减免")
FEE_OTHER_MONEY = re.compile(r"经费|预算|建设|运维|维护|采购|资金|补贴")
# 未收过任何费用 / 没有收费及减免的情况 / 未涉及政府信息公开的收费 / 未向申请人收取费用
FEE_NONE = re.compile(
    rf"(?:{_NEG}|不)(?P<whom>(?:向|对)(?:任何)?[^,;:。!?\d]{{0,24}}?(?=收取|收费))?"
    rf"(?:(?:(?:收取|收过|涉及|发生|产生|进行|存在|有)过?(?:任何)?|任何)[^,;:。!?\d]{{0,24}}?)?"
    rf"(?:收费|费用|收取)(?!通知|标准|依据)"
    # 没有公民、法人和其他组织的政府信息公开收费和减免情况: the section's own words, answered with 没有
    rf"|{_NEG}[^,;:。!?\d]{{0,30}}?收费(?:和|及|与|或)减免(?:的)?(?:情况|事项)"
    # 信息公开的收费和减免为零
    r"|收费(?:和|及|与)?(?:减免)?(?:的)?(?:情况)?(?:均)?为(?:零|0)(?![\d.])"
)

# The heading of the fees section ('三、政府信息公开的收费及减免情况'), whose next sentence answers it.
FEES_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,2}\s*[,.]?\s*[^,;:。!?\d]{0,20}收费[^,;:。!?\d]{0,10}情况"
)

# 对申请公开政府信息暂免收费: fees waived, so none were collected.
FEE_WAIVED = re.compile(r"(?:暂免|免于|免予|免除|一律免)收(?:取)?费")

# Negated events: 未发生行政复议和行政诉讼, 没有接到…申请, 本年度无申请, 无被申请行政复议, 无信息公开类行政复议,
# 无就政府信息公开提出复议、诉讼和申诉的情况, 无政府信息公开工作被申请行政复议 (a case named within a few words),
# 未新受理政府信息公开申请, 无单位和个人对本局提交公开政府信息申请 (a request named by its submitting within a few
# words).
# Scope runs to the clause end. A review or lawsuit looked ahead for starts within 12 characters, from
# its 行政 where it has one (12 characters on, 行政复议's 复议 would fall outside), or at 复议 alone
# (无…投诉、复议和诉讼等情形).
NONE_EVENT = re.compile(
    rf"{_NEG}(?:一例|一起|一件|任何)?(?:新)?(?:(?:发生|出现|收到|收取到|接到|受理|产生|引发|引起|接收|有|因|针对|涉及|被|就)过?"
    rf"|(?=[^,;:。!?\d]{{0,12}}?(?:(?:行政)?复议|(?:行政)?诉讼|(?:提交|提出|递交)[^,;:。!?\d]{{0,10}}?申请(?![人书]))|复议|诉讼|投诉|举报|依法?申请|(?:政府)?信息公开申请"
    rf"|申请(?![人书表])))(?P<scope>[^,;:。!?\d]{{0,40}})"
)
# Lawsuits, as a negation names them: 行政诉讼, or 行政起诉 (没有…引起行政复议或者行政起诉的案例).
LITIGATION = re.compile(r"诉讼|行政起诉")
# A negation that only states a condition or a right is not a report that nothing happened; 依法申请公开 and
# 申请人提出的 name the requests themselves (未收到依法申请公开信息的申请, 未收到申请人提出的依申请公开).
CONDITIONAL = re.compile(
    r"可以|可|依法(?!申请公开)|有权|权利(?!人)|途径|渠道|如果|如|若|告知|申请人(?!提出|提交|递交)"
)
# 未发生被行政复议纠错 says how cases ended, not that there were none.
CASE_RESULT = re.compile(r"纠错|纠正|败诉|撤销|确认违法|维持|驳回")
# 递交的《信息公开申请表》: the form handed in is a request.
REQUEST_SCOPE = re.compile(
    r"申请(?!人|行政复议|复议|书|表)|依申请公开|(?:递交|提交|提出)[^,;:.!?\d]{0,10}?申请表"
)
# '四、行政复议、行政诉讼情况:无' or a heading whose next line is only '无'.
NONE_UNDER_HEADING = re.compile(r"^(?P<topic>[^:]{2,60}?(?:情况|事项|:))\s*:?\s*(?:无|没有|均无|为零)$")
# 复议和诉讼均为0 / 被申请行政复议、提起行政诉讼的案件0件 / 产生行政复议及行政诉讼0件 / 行政复议、行政诉讼和申诉案件0件
# (the 2008 report's heading): one zero for both kinds of case.
BOTH_ZERO = re.compile(
    # 经复议后起诉的行政诉讼0件 counts one kind of lawsuit, not both kinds of case.
    r"(?:行政)?复议(?!后)[^,;:。!?\d]{0,12}?(?:行政)?诉讼(?:[和及、]申诉)?(?:[^,;:。!?\d]{0,10}?(?:均|都|皆)(?:为|是)?"
    r"|(?:的)?(?:案件|案|情况)?(?:数|数量)?(?:为|共)?)(?:零|0)(?![\d.])"
)

# To a year's end (到2010年底, 至年底).
YEAR_END = re.compile(r"(?:到|至)(?:\d{4})?年?年底")
# Signs that a figure counts all years, not the report year.
# 到年底累计 counts up to the year's end from the start, like 截至年底.
# 近四年累计: the last years together; 至2015年12月31日 alone, not closing a period (1月1日至…), counts up
# to a date as 截至 does.
# 到目前累计 and 目前…已公开 count up to now, as 至今 does.
CUMULATIVE = re.compile(
    rf"历年|截至|截止|至今|迄今|以来|累积|{YEAR_END.pattern}|近[一二三四五六七八九十两几\d]+年|多年来"
    r"|(?<![日起自截])至(?:19|20)\d\d年\d{1,2}月|(?:到|至)目前|目前[^,;。\d]{0,10}?已"
)
SINCE = {"以来", "至今"}
# 截至2022年12月31日,某县收到政府信息公开申请11件: up to the report year's last day, with no 累计 after
# it, is the year's count (the period a report covers); with 累计 it is a running total.
# Only requests and staff are read so: a running count of published items to a year's end is common
# without 累计 (截至2009年12月31日,我局在网站主动公开的信息有27条 may hold the year before's), while staff
# are counted as they stand at the year's end. For these, 到 the report year's end (YEAR_END) reads as
# 截至 it does (到2010年底,全市政府信息公开工作人员已有345人).
UP_TO = {"截至", "截止"}
UP_TO_RUNNING = re.compile(r"累计|历年|以来|至今")
UP_TO_YEAR_END_METRICS = {"requests_new", "staff_total", "staff_full_time", "staff_part_time"}
# 累计 opening the clause after a count ('公开信息222条,累计公开信息2382条') gives the running total
# beside the year's; alone ('全年累计公开356条') it sums the year.
RUNNING_TOTAL = re.compile(r"\d\s*(?:条|件|项|个|篇|份)[^,;:.!?\d]{0,6}[,;]\s*(?:并|已)?累计[^,;:.!?]*$")
FRESH = re.compile(r"本年|今年|全年|当年|新增|年度内|本年度")
OTHER_YEAR = re.compile(r"上年|去年|上一年|前年|同期")
TOTAL_WORDS = re.compile(r"共|全年|合计|总计|总共|全部|累计")
SUBSET = "其中"
# Figures that a 其中 earlier in the sentence would make a part of something else.
# Words between a label's verb and its noun (the `mid` group) that make the figure something else:
# another kind of case, a change, or one category of what was published (主动公开工作动态信息119条,
# 主动公开重点领域政府信息485条).
MID_EXCLUDED = re.compile(
    r"复议|诉讼|投诉|举报|咨询|增|减|比|较|动态|要闻|讲话|公告|通知|文件|规划|计划|总结|财政|人事|(?<!各)类|领域"
)
# Sentences that count something other than the metric although its words match: a service hall's or an
# approval office's 共受理申请1200件 counts administrative applications, not information requests.
# After a count of requests, last year's carried requests and the year's new ones counted apart
# ('受理依申请公开301件,上年度结转申请3件,新增298件'): the count held both, so it is not the year's.
# '收到申请25件(含2024年结转1件)' / '收到申请30件,其中1件为上年度结转': a count that says it holds
# requests carried over holds the year's less those (24, 29).
HOLDS_CARRIED_AFTER = re.compile(
    r"\s*[(,](?:其中)?(?:(?:含|包括|包含)[^()]{0,16}?(?:结转|上年|转结)[^()\d]{0,6}?"
    r"|(?=\d+\s*(?:件|条)(?:为|是|系|属于?)上一?年度?(?:结转|转结)))(?P<carried>\d+)\s*(?:件|条|宗|个|项)"
)
NEW_AND_CARRIED_AFTER = re.compile(
    r"(?=[^.!?]*?(?:上一?年度?结转|结转上一?年)[^,;.!?]{0,10}?\d+\s*件)"
    r"(?=[^.!?]*?(?:新增|新收)[^,;.!?\d]{0,6}?\d+\s*件)"
)
# 收到群众网上申请105件,快递17件,合计122件: a channel's count, where another channel's or their sum
# follows it, is no count of all the requests.
REQUEST_CHANNEL = re.compile(r"网上|网络|在线|信函|邮寄|快递|当面|现场|传真|电子邮件|书面")
OTHER_CHANNEL_AFTER = re.compile(
    rf"[,、;]\s*(?:通过)?(?:{REQUEST_CHANNEL.pattern})[^,;.!?\d]{{0,6}}?\d+\s*(?:件|条)|[,、;]\s*(?:合计|共计|总计)"
)
SENTENCE_EXCLUDED = {
    "requests_new": re.compile(
        r"^(?!.*(?:信息公开|公开申请|依申请)).*(?:审批|许可|服务中心|大厅|窗口|办件|便民|信访)"
    ),
    # A government hears reviews of its departments' answers ('审理政府信息公开行政复议案件7起'): those are
    # cases it decided, not reviews of its own.
    # Nor are the reviews counted among an agency's other business (办理行政许可415件、行政处罚7件、行政复议1件)
    # in a sentence that names no disclosure.
    "review_total": re.compile(
        r"(?:审理|审结)(?:了)?[^,;:.!?\d]{0,16}?(?:行政)?复议(?:案件|案)"
        r"|^(?!.*(?:信息公开|依申请|公开申请)).*行政(?:许可|处罚)\d"
    ),
    # 市长信箱收到留言64227条,已答复63029条: the answers to other business.
    "outcome_total": re.compile(
        r"(?:建议|提案|信访|热线|投诉|咨询|留言|来信|信箱)[^。!?]{0,20}?\d+\s*(?:件|条)[^。!?\d]{0,6}?答复"
    ),
    # 涉行政复议、行政诉讼案件743件: one count for both kinds of case, no count of lawsuits.
    "litigation_total": re.compile(r"复议[,、和及与](?:行政)?诉讼(?:案件|案)?(?:数|数量)?(?:共计|共|为)?\d"),
}
TOTALS_ONLY = {"proactive_items", "requests_new", "press_conferences", "hearings"}
# 全年主动公开政府信息3320条,…,本年度新增的主动公开信息289条: a count followed by the year's new items of
# the same kind is the stock published so far (本年度新增的主动公开公文类政府信息37条 is one kind's).
NEW_PART_AFTER = re.compile(
    r"^[^。!?]*?[,;](?:其中)?[^,;。]{0,6}?(?:本年度?|今年|当年)新增(?:的)?(?:主动公开)?(?:的)?(?:政府|政务)?信息"
    r"(?:共|为)?\d"
)
# 在市政府门户网站主动公开信息60条,在镇门户网站主动公开信息5条: one count per channel, each clause
# naming its own, so none is the year's total; a clause naming several channels (通过网站、微信等平台共
# 公开信息300条) counts them together.
CHANNEL = re.compile(r"网站|网(?![络上])|平台|微博|微信|公众号|公开栏|报纸|电视|广播|客户端")
CHANNEL_COUNT = re.compile(r"(?:公开|发布|公布|推送|刊登|刊发)[^,;]*?\d\s*(?:条|篇|件|项|份)")
# 主动公开54条、依申请公开316条、不予公开13条 classifies documents by disclosure attribute: no requests there.
# 属于已经主动公开的2件 is a request's outcome.
PUBLICITY_ATTRIBUTES = re.compile(r"(?<!已)(?<!已经)主动公开[^,;:。\d]{0,6}\d")
REQUEST_OUTCOMES = {"outcome_granted", "outcome_denied", "outcome_partial"}


# --- denial reasons -------------------------------------------------------------------------------

_DENIAL_REASONS = (
    ("denied_state_secret", r"国家秘密"),
    ("denied_commercial_secret", r"商业秘密"),
    ("denied_privacy", r"个人隐私"),
    ("denied_security_stability", r"(?:危及|影响)[^,;:。!?\d]{0,20}?稳定"),
    ("denied_not_gov_info", r"不是(?:《条例》|条例)?所指(?:的)?政府信息|不属于政府信息"),
)
REASON_RULES = tuple(
    (metric_id, re.compile(rf"(?:涉及|属于|因)?{words}{_Q}(?:信息)?{_CONN}{_N}{_REQUEST_UNIT}"))
    for metric_id, words in _DENIAL_REASONS
)
DENIAL_WORDS = re.compile(r"不予公开|不同意公开|不公开")


# --- categories of proactive disclosure ----------------------------------------------------------

# A name may run over 、 inside a list (人口计划和生育、妇女儿童28条); lists split at 、 never show one.
CATEGORY_ITEM = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff\"《》][\u4e00-\u9fff\"《》、]{{1,19}}?){_N}(?P<unit>条|篇|件|期|项|份)$"
)
CATEGORY_VERB = re.compile(r"^.*(?:公开|发布)(?:了)?")
# Requests, cases, channels and changes are not kinds of published information; nor, in a loose list,
# are events (召开会议3期), though a total's breakdown may name their information (重要工作会议22条).
_NOT_INFORMATION = (
    r"申请|不予|不同意|复议|诉讼|投诉|咨询|发布会|访谈|网站|网|微博|微信|公报|媒体|报纸|电视|平台|栏|"
    r"增|减|比|累计"
)
NOT_IN_BREAKDOWN = re.compile(_NOT_INFORMATION)
NOT_A_CATEGORY = re.compile(rf"{_NOT_INFORMATION}|会议|培训|听证")
# The stated total itself (主动公开政府信息数22条) is no category.
GENERIC_NAME = re.compile(r"^(?:主动公开|公开|政府)*信息(?:的)?(?:数|数量|总数|总量)?$")
PERCENT_CLAUSE = re.compile(r"^[^\d]*\d+(?:\.\d+)?%$")
CLAUSE_SPLIT = re.compile(r"[,、:]")
# The breakdown of a stated total: 其中 right after its figure, items up to the full stop.
BREAKDOWN_OPENING = re.compile(r",?其中[,:]?")
BREAKDOWN_SPLIT = re.compile(r"[,;、]")
SENTENCE_END = ("。", "!", "?")
