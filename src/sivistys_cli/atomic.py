"""Write an output file atomically: readers see the old file or the whole new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from sivistys_cli.errors import UsageError


def write_text(path: str | Path, text: str) -> None:
    """Write text as UTF-8, its line ends as they are; see write_bytes."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then os.replace it over the target.

    A symlink is followed and its target replaced. The file keeps its permissions (a new one gets
    0o666 less the umask, as with `>` in a shell). A device or pipe, such as /dev/stdout, is
    written to directly: there is nothing to replace. Failures are usage errors naming the path.
    """
    name = str(path)
    if not name:
        raise UsageError("the output file name is empty; name a file to write")
    if name.endswith(os.sep) or os.path.isdir(name):
        raise UsageError(f"{name} is a directory; name a file to write")
    target = Path(os.path.realpath(name))
    try:
        old = target.stat()
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise _cannot(name, exc) from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        _write_in_place(name, data)
        return
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {name}: the directory {target.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _cannot(name, exc) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(old.st_mode) if old else 0o666 & ~_umask())
        if old is not None:
            with contextlib.suppress(OSError):  # only root may give a file away; others keep it as theirs
                os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot(name, exc) from None
        raise


def _write_in_place(name: str, data: bytes) -> None:
    try:
        with open(name, "wb") as out:
            out.write(data)
    except OSError as exc:
        raise _cannot(name, exc) from None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _cannot(name: str, exc: OSError) -> UsageError:
    return UsageError(f"cannot write {name}: {exc.strerror or exc}")


def write_if_changed(path: str | Path, old: str | None, new: str) -> bool:
    """Write `new` atomically unless it equals `old` (the file's current text); True when it wrote.

    The authoring commands never touch a file whose content would stay the same: its time stamp,
    and any editor holding it open, are left alone.
    """
    if old == new:
        return False
    write_text(path, new)
    return True
