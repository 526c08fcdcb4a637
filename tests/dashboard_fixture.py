"""A small synthetic report database for the dashboard tests, written through the real store writer.

Four agencies over 2013-2021 in all three stored layouts, with known numbers: one late report, one
report without a publication date, one missing year, one identity break, one rate over fewer than
ten requests, and two files that failed to ingest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from metrics.models import Extraction, Fact, Flag, Metadata
from metrics.store import open_for_writing


@dataclass(frozen=True)
class Spec:
    agency: str
    region: str
    level: str
    agency_type: str
    year: int
    format: str
    scale: int
    published: str = ""
    copy: str = ""  # another version of the same agency's report for the same year


SPECS = (
    Spec("北京市海淀区人民政府", "北京市海淀区", "county", "人民政府", 2017, "legacy_table", 3, "2018-03-30"),
    Spec("北京市海淀区人民政府", "北京市海淀区", "county", "人民政府", 2018, "legacy_table", 3, "2019-04-15"),
    Spec("北京市海淀区人民政府", "北京市海淀区", "county", "人民政府", 2019, "std2019", 3, "2020-01-20"),
    Spec("北京市海淀区人民政府", "北京市海淀区", "county", "人民政府", 2020, "std2019", 3),
    Spec("北京市海淀区人民政府", "北京市海淀区", "county", "人民政府", 2021, "std2021", 3, "2022-02-10"),
    Spec("上海市公安局", "上海市", "province_department", "公安局", 2018, "legacy_table", 5, "2019-03-01"),
    Spec("上海市公安局", "上海市", "province_department", "公安局", 2019, "std2019", 5, "2020-01-10"),
    Spec("上海市公安局", "上海市", "province_department", "公安局", 2021, "std2021", 5, "2022-01-15"),
    Spec(
        "黑河市民政局", "黑龙江省黑河市", "city_department", "民政局", 2013, "legacy_prose", 1, "2014-03-20"
    ),
    Spec("黑河市民政局", "黑龙江省黑河市", "city_department", "民政局", 2021, "std2021", 0, "2022-01-20"),
    Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2020, "std2019", 2, "2021-03-01"),
    Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2021, "std2021", 2, "2022-01-25"),
)

FAILED_FILES = (
    ("/corpus/broken.pdf", "failed", "could not be read: the PDF has no text layer"),
    (
        "/corpus/notes.txt",
        "unsupported",
        "the text does not read as a government information-disclosure annual report",
    ),
)

# An agency written to attack the pages: a markdown link and image, HTML Plotly would draw as a live
# link and bold text, and figures whose evidence is a spreadsheet formula.
HOSTILE_AGENCY = '[点我](http://evil.invalid/) ![](http://evil.invalid/pixel.png) <a href="http://evil.invalid/">链接</a><b>局</b>'
HOSTILE_SPECS = (
    Spec(HOSTILE_AGENCY, "<i>某</i>省", "city", "<br>局", 2020, "std2019", 2, "2021-01-20"),
    Spec(HOSTILE_AGENCY, "<i>某</i>省", "city", "<br>局", 2021, "std2021", 2, "2022-01-20"),
)
FORMULA = '=HYPERLINK("http://evil.invalid/","点我")'

BODY = "一、总体情况\n<script>alert('x')</script> **不是标记** 本年新收申请{n}件。\n"


def content_hash(spec: Spec) -> str:
    return hashlib.sha256(f"{spec.agency}/{spec.year}{spec.copy}".encode()).hexdigest()


def report_id(spec: Spec) -> str:
    """The store names a report by the first 16 hex digits of its content hash."""
    return content_hash(spec)[:16]


def file_path(spec: Spec) -> str:
    return f"/corpus/{spec.agency}/{spec.year}{spec.copy}.html"


def _std_facts(s: int) -> list[Fact]:
    """A standard report scaled by s whose identities all hold: 10s requests, 4s reviews, 3s lawsuits."""
    columns = {
        "natural_person": 6 * s,
        "commercial": 2 * s,
        "research": 0,
        "public_interest": 0,
        "legal_service": s,
        "other_org": s,
    }
    facts = [Fact("requests_new", v, c, evidence=f"本年新收 {c} {v}") for c, v in columns.items()]
    facts += [
        Fact("requests_new", 10 * s, evidence=f"本年新收政府信息公开申请数量 总计 {10 * s}"),
        Fact("requests_new_natural_person", 6 * s, evidence="本年新收 · 自然人", derived=True),
        Fact(
            "requests_new_legal_person", 4 * s, evidence="本年新收 · 法人或其他组织 (五列之和)", derived=True
        ),
        Fact("requests_carried_over", s, evidence=f"上年结转 {s}"),
        Fact("outcome_granted", 4 * s, evidence=f"(一)予以公开 {4 * s}"),
        Fact("outcome_partial", 2 * s, evidence=f"(二)部分公开 {2 * s}"),
        Fact("outcome_denied", 2 * s, evidence=f"(三)不予公开 {2 * s}"),
        Fact("denied_state_secret", s, evidence=f"1.属于国家秘密 {s}"),
        Fact("denied_third_party", s, evidence=f"4.保护第三方合法权益 {s}"),
        Fact("outcome_unable", s, evidence=f"(四)无法提供 {s}"),
        Fact("unable_not_held", s, evidence=f"1.本机关不掌握相关政府信息 {s}"),
        Fact("outcome_not_processed", s, evidence=f"(五)不予处理 {s}"),
        Fact("np_duplicate", s, evidence=f"2.重复申请 {s}"),
        Fact("outcome_other", 0, evidence="(六)其他处理 0"),
        Fact("outcome_total", 10 * s, evidence=f"(七)总计 {10 * s}"),
        Fact("outcome_granted", 3 * s, "natural_person", evidence=f"予以公开 自然人 {3 * s}"),
        Fact("requests_carried_forward", s, evidence=f"四、结转下年度继续办理 {s}"),
        Fact("review_upheld", 2 * s, evidence=f"行政复议 结果维持 {2 * s}"),
        Fact("review_corrected", s, evidence=f"行政复议 结果纠正 {s}"),
        Fact("review_other", 0, evidence="行政复议 其他结果 0"),
        Fact("review_pending", s, evidence=f"行政复议 尚未审结 {s}"),
        Fact("review_total", 4 * s, evidence=f"行政复议 总计 {4 * s}"),
        Fact("lit_direct_upheld", s, evidence=f"未经复议直接起诉 结果维持 {s}"),
        Fact("lit_direct_corrected", s, evidence=f"未经复议直接起诉 结果纠正 {s}"),
        Fact("lit_direct_other", 0, evidence="未经复议直接起诉 其他结果 0"),
        Fact("lit_direct_pending", 0, evidence="未经复议直接起诉 尚未审结 0"),
        Fact("lit_direct_total", 2 * s, evidence=f"未经复议直接起诉 总计 {2 * s}"),
        Fact("lit_after_review_upheld", s, evidence=f"复议后起诉 结果维持 {s}"),
        Fact("lit_after_review_corrected", 0, evidence="复议后起诉 结果纠正 0"),
        Fact("lit_after_review_other", 0, evidence="复议后起诉 其他结果 0"),
        Fact("lit_after_review_pending", 0, evidence="复议后起诉 尚未审结 0"),
        Fact("lit_after_review_total", s, evidence=f"复议后起诉 总计 {s}"),
        Fact("litigation_total", 3 * s, evidence="未经复议直接起诉 总计 + 复议后起诉 总计", derived=True),
        Fact("rules_issued", s, evidence=f"规章 本年制发 {s}"),
        Fact("normative_issued", 2 * s, evidence=f"规范性文件 本年制发 {2 * s}"),
    ]
    return facts


def _small_std_facts() -> list[Fact]:
    """Four requests and one review: every rate here stands on fewer than ten cases."""
    return [
        Fact("requests_new", 4, "natural_person", evidence="本年新收 自然人 4"),
        Fact("requests_new", 4, evidence="本年新收 总计 4"),
        Fact("outcome_granted", 2, evidence="(一)予以公开 2"),
        Fact("outcome_partial", 1, evidence="(二)部分公开 1"),
        Fact("outcome_denied", 1, evidence="(三)不予公开 1"),
        Fact("denied_state_secret", 1, evidence="1.属于国家秘密 1"),
        Fact("outcome_total", 4, evidence="(七)总计 4"),
        Fact("review_corrected", 1, evidence="行政复议 结果纠正 1"),
        Fact("review_total", 1, evidence="行政复议 总计 1"),
    ]


def _legacy_table_facts(s: int) -> list[Fact]:
    return [
        Fact("proactive_items", 100 * s, evidence=f"主动公开政府信息数 {100 * s}"),
        Fact("requests_new", 10 * s, evidence=f"收到申请数 {10 * s}"),
        Fact("outcome_already_public", s, evidence=f"属于已主动公开范围数 {s}"),
        Fact("outcome_granted", 5 * s, evidence=f"同意公开答复数 {5 * s}"),
        Fact("outcome_partial", s, evidence=f"同意部分公开答复数 {s}"),
        Fact("outcome_denied", 2 * s, evidence=f"不同意公开答复数 {2 * s}"),
        Fact("denied_state_secret", s, evidence=f"涉及国家秘密 {s}"),
        Fact("denied_privacy", s, evidence=f"涉及个人隐私 {s}"),
        Fact("unable_not_held", s, evidence=f"申请信息不存在数 {s}"),
        Fact("outcome_total", 10 * s, evidence=f"申请答复数 {10 * s}"),
        Fact("review_upheld", s, evidence=f"维持具体行政行为数 {s}"),
        Fact("review_corrected", s, evidence=f"被依法纠错数 {s}"),
        Fact("review_other", 0, evidence="其他情形数 0"),
        Fact("review_total", 2 * s, evidence=f"行政复议数量 {2 * s}"),
        Fact("litigation_upheld", s, evidence=f"维持具体行政行为数 {s}"),
        Fact("litigation_total", s, evidence=f"行政诉讼数量 {s}"),
    ]


def _legacy_prose_facts() -> list[Fact]:
    return [
        Fact("proactive_items", 1236, evidence="主动公开政府信息1,236条"),
        Fact("requests_new", 9, evidence="全年受理依申请公开9件"),
        Fact("outcome_granted", 7, evidence="其中同意公开7件"),
        Fact("review_total", 0, evidence="未发生行政复议和行政诉讼"),
        Fact("litigation_total", 0, evidence="未发生行政复议和行政诉讼"),
    ]


def extraction(spec: Spec) -> Extraction:
    if spec.format == "legacy_prose":
        facts = _legacy_prose_facts()
    elif spec.format == "legacy_table":
        facts = _legacy_table_facts(spec.scale)
    elif spec.scale == 0:
        facts = _small_std_facts()
    else:
        facts = _std_facts(spec.scale)
    flags = []
    if (spec.agency, spec.year) == ("上海市公安局", 2019):
        flags.append(
            Flag(
                "identity:std_balance",
                "一 本年新收 + 二 上年结转 = (七) 总计 + 四 结转下年度 不成立: 50 + 5 = 55, 50 + 6 = 56",
                metric_id="requests_new",
            )
        )
        facts = [
            Fact(f.metric_id, 6, evidence="四、结转下年度继续办理 6")
            if f.metric_id == "requests_carried_forward"
            else f
            for f in facts
        ]
    if spec.agency == HOSTILE_AGENCY:
        facts = [Fact(f.metric_id, f.value, f.column, evidence=FORMULA, derived=f.derived) for f in facts]
    meta = Metadata(
        title=f"{spec.agency}{spec.year}年政府信息公开工作年度报告",
        agency=spec.agency,
        region=spec.region,
        level=spec.level,
        year=spec.year,
        published=spec.published,
    )
    return Extraction(path=file_path(spec), format=spec.format, meta=meta, facts=facts, flags=flags)


def save(writer, spec: Spec) -> None:
    ex = extraction(spec)
    requests = next((f.value for f in ex.facts if f.metric_id == "requests_new" and f.column == "total"), 0)
    writer.save_report(
        file_path=file_path(spec),
        content_hash=content_hash(spec),
        report_id=report_id(spec),
        status="ok",
        reason=f"{len(ex.facts)} figures",
        ex=ex,
        agency_type=spec.agency_type,
        body_text=BODY.format(n=int(requests)),
        encoding="utf-8",
    )


def build(path: Path, specs: tuple[Spec, ...] = SPECS) -> Path:
    with open_for_writing(path) as w:
        for spec in specs:
            save(w, spec)
        for fp, status, reason in FAILED_FILES:
            w.record_attempt(fp, f"hash-{fp}", status, reason)
    return path
