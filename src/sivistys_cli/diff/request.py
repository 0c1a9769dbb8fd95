"""What the user asked `sivistys diff` to compare, before anything is read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiffRequest:
    """What the user asked to compare, before anything is read."""

    revisions: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    files: bool = False
    merge_base: bool = False

    @property
    def driver(self) -> bool:
        """git runs a diff driver with 7 arguments (9 for a rename): path, then old and new file, hex, mode."""
        return self.files and len(self.revisions) in (7, 9)
