"""Every interface string exists in both languages, including the keys pages build from codes."""

import re
from pathlib import Path

from metrics import catalog, queries, ui_text
from metrics.dashboard.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent


def test_both_languages_have_the_same_keys():
    assert set(ui_text.TEXT["zh"]) == set(ui_text.TEXT["en"])


def test_every_literal_key_used_exists():
    sources = [*ROOT.glob("pages/*.py"), *(ROOT / "src/metrics/dashboard").glob("*.py"), ROOT / "app.py"]
    used = {k for p in sources for k in re.findall(r'\bt\("([a-z0-9_]+)"', p.read_text(encoding="utf-8"))}
    assert used and used <= set(ui_text.TEXT["zh"]), used - set(ui_text.TEXT["zh"])


def test_keys_built_from_codes_exist():
    keys = {f"page_{p.key}" for p in PAGES}
    keys |= {f"unit_{m.unit}" for m in catalog.metrics().values()}
    keys |= {f"group_{g}" for g in queries.GROUPINGS}
    keys |= {f"state_{s}" for s in ("missing", "on_time", "undated", "late")}
    keys |= {f"result_{r}" for r in ("upheld", "corrected", "other", "pending", "total")}
    keys |= {f"ingest_{s}" for s in ("ok", "partial", "failed", "duplicate", "unsupported", "unchanged")}
    keys |= {
        f"rate_{r}"
        for r in (
            "grant_rate",
            "refusal_rate",
            "correction_rate",
            "review_correction_rate",
            "litigation_correction_rate",
        )
    }
    keys |= {f"formula_{f}" for f in ("grant", "refusal", "correction")}
    keys |= {f"section_{m.section}" for m in catalog.metrics().values()}
    for lang in ui_text.LANGUAGES:
        assert keys <= set(ui_text.TEXT[lang]), (lang, keys - set(ui_text.TEXT[lang]))


def test_placeholders_match_between_languages():
    for key, zh in ui_text.TEXT["zh"].items():
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", ui_text.TEXT["en"][key])), key


def test_codes_are_shown_in_words():
    assert ui_text.code_label("zh", "level", "county_department") == "县级部门"
    assert ui_text.code_label("en", "format", "std2019") == "standard 2019"
    assert ui_text.code_label("en", "level", "something_new") == "something_new"
