"""Python's cycle collector paused while a process builds many small objects that hold no cycles.

The collector runs after every 700 new container objects and, every so often, walks every object
alive. A process that receives or converts hundreds of fact objects per report (the writer, where a
report's facts were not made rows in its worker; `ogi extract`) is one for all workers: there the
collector's walks cost more than the work itself, and find nothing to free.
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
