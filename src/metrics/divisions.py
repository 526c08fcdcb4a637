"""The names of China's divisions down to counties, from the national gazetteer cpca ships (the
official division codes table): whether words read as a place's name start with a real one."""

from __future__ import annotations

import functools

# A division's name may be printed without its unit word (宣城 for 宣城市).
_UNIT_WORDS = ("市", "县", "区", "省")


@functools.cache
def _names() -> frozenset[str]:
    import cpca  # loads the national division table, only when a name needs checking

    full = {info.name for info in cpca.ad_2_addr_dict.values()}
    short = {n[:-1] for n in full if n.endswith(_UNIT_WORDS) and len(n) >= 3}
    return frozenset(full | short)


def starts_with_a_division(words: str) -> bool:
    """Whether the words open with the name of a province, city or county ('宣城市…', '靖宇县'), not
    with other words before one ('紧抓宣城市')."""
    names = _names()
    return any(words[:n] in names for n in range(2, min(len(words), _LONGEST) + 1))


# The longest division name (新疆维吾尔自治区, 巴音郭楞蒙古自治州, …) is shorter.
_LONGEST = 16
