"""Python's cyclic garbage collector held off while large, long-lived trees are built (programs, reports);
and such trees left to the end of the process rather than freed one object at a time."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


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



def collector_held(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run fn with the garbage collector off: a program's tree is built of many small objects that
    all stay alive until its findings are taken, so collections while building it find nothing to free
    (they took 21.9 s of 48 s on the corpus); reference counting frees the tree afterwards."""

    @functools.wraps(fn)
    def held(*args: Any) -> Any:
        with paused():
            return fn(*args)

    return held


# Trees the command line leaves to the end of the process (see leave_to_exit); None: free them as usual.
_left: list[Any] | None = None


def exit_without_freeing() -> None:
    """From now on this process ends with os._exit once its command is done (the command line's own
    process only: in a library or a test the trees are freed as usual)."""
    global _left
    _left = []


def leave_to_exit(tree: Any) -> None:
    """Keep `tree` alive until the process ends, when it ends without freeing it.

    Why: a 10 000-theme program is millions of small objects (its data, positions and models); freeing
    them one at a time when a check is done took 0.12 s of CPU, and the operating system takes the
    whole memory back at once anyway (as mypy does when it exits)."""
    if _left is not None:
        _left.append(tree)
        gc.freeze()  # and the collector no longer walks it: nothing in it will be collected before the end


def left() -> bool:
    """Whether a tree was left to the end of the process."""
    return bool(_left)
