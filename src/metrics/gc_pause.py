"""Python's cycle collector paused while a process builds many small objects that hold no cycles.

The collector runs after every 700 new container objects and, every so often, walks every object
alive. The writer receives and converts hundreds of facts per report, one process for all workers:
there the collector's walks cost more than the work itself, and find nothing to free.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection inside the block; the collector's state is restored after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
