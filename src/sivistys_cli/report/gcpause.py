"""Python's cyclic garbage collector held off while a report's view and page are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector is as it was after it.

    Why: making a report allocates hundreds of thousands of short-lived objects (rows, texts, pieces of the
    page) while the loaded programs, their trees and models stay alive; each full collection the
    allocations trigger walks all of those again, and for a 10 000-theme program that was half the time
    of its annual view. The view and the page make next to no reference cycles (their memory peaked the
    same with the collector off), and what the block leaves is collected as usual after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

