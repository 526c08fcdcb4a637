"""The regions a roll-up can be asked for: every stored region and the places above it."""

from __future__ import annotations

import re

# A region name is a run of administrative units (广东省广州市天河区), each ending in one of these
# (州 alone is not an end: 广州市 is one unit).
_UNIT = re.compile(r".+?(?:省|自治州|市|区|县|盟|旗)")


def with_parents(regions) -> list[str]:
    """Each region and every leading run of its units (广东省广州市 gives 广东省 too), sorted."""
    out = set()
    for region in regions:
        parts = _UNIT.findall(region) or [region]
        out |= {"".join(parts[: i + 1]) for i in range(len(parts))} | {region}
    return sorted(out)
