"""Write an output file atomically: readers see the old file or the whole new one, never half of it."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sivistys_cli.errors import UsageError, said


def write_text(path: str | Path, text: str) -> None:
    """Write text as UTF-8, its line ends as they are; see write_bytes."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then os.replace it over the target.

    A symlink to a file in its own folder is followed and its target replaced; one that leads out
    of that folder is refused, so -o cannot be turned into a write anywhere. A read-only file is
    not replaced. The file keeps its permissions (a new one gets 0o666 less the umask, as with `>`
    in a shell). A device or pipe, such as /dev/stdout, is written to directly: there is nothing
    to replace. Failures are usage errors naming the path.
    """
    name = str(path)
    if not name:
        raise said("write.empty")
    if "\0" in name:
        raise said("write.nul")
    shown = name
    if name.endswith(os.sep) or os.path.isdir(name):
        raise said("write.directory", path=shown)
    target = _target(name, shown)
    try:
        old = target.stat()
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise _cannot(shown, exc) from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        _write_in_place(name, data)
        return
    if old is not None and not old.st_mode & 0o222:
        raise said("write.read_only", path=shown)
    if not target.parent.is_dir():
        raise said("write.no_directory", path=shown, directory=str(target.parent))
    _remove_stale(target)
    _replace(target, data, old, shown)


def _target(name: str, shown: str) -> Path:
    """The file to replace: `name`, or the file its symlink leads to when that is in the link's own folder."""
    link = Path(name)
    if not link.is_symlink():
        return Path(os.path.realpath(name))
    target = Path(os.path.realpath(name))
    folder = Path(os.path.realpath(link.parent))
    if target.parent != folder and not (target.exists() and not target.is_file()):
        raise said("write.link_outside", path=shown, target=str(target))
    return target


def _replace(target: Path, data: bytes, old: os.stat_result | None, shown: str) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}{TMP_MARK}{os.getpid()}-", suffix=".tmp",
                                   dir=target.parent)
    except OSError as exc:
        raise _cannot(shown, exc) from None
    previous = _on_sigterm_exit()
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
            raise _cannot(shown, exc) from None
        raise
    finally:
        _restore_sigterm(previous)


# Temporary files are named .<file>.sivistys-<pid>-<random>.tmp, so a later run can tell its own
# leftovers (after kill -9 or a power cut) from anything else in the folder.
TMP_MARK = ".sivistys-"
STALE_SECONDS = 15 * 60  # far longer than any write takes, so a run in progress is never disturbed


def _remove_stale(target: Path) -> None:
    now = time.time()
    with contextlib.suppress(OSError):
        for old in target.parent.glob(f".{glob.escape(target.name[:100])}{TMP_MARK}*.tmp"):
            with contextlib.suppress(OSError):
                if old.is_file() and not old.is_symlink() and now - old.stat().st_mtime > STALE_SECONDS:
                    old.unlink()


@contextlib.contextmanager
def sigterm_cleans_up() -> Iterator[None]:
    """Inside the block SIGTERM ends the run as an exit does, through the `finally` blocks, so that the
    temporary files and folders a long run keeps (report --all's, see report/batch.py) are removed."""
    previous = _on_sigterm_exit()
    try:
        yield
    finally:
        _restore_sigterm(previous)


def _on_sigterm_exit() -> object:
    """While the temporary file exists, SIGTERM (a CI job cancelled) ends the run through the cleanup."""
    try:
        return signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread: signals cannot be handled here
        return None


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _restore_sigterm(previous: object) -> None:
    if previous is not None:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def _write_in_place(name: str, data: bytes) -> None:
    """Into a device or a pipe (/dev/stdout, `-o >(gzip > x)`): as it is, not replaced.

    Opened without blocking: a named pipe that no program reads from would otherwise wait for ever;
    then writes block as usual, so a slow reader gets every byte."""
    try:
        fd = os.open(name, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise said("write.pipe", path=name) from None
        raise _cannot(name, exc) from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as exc:
        raise _cannot(name, exc) from None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _cannot(name: str, exc: OSError) -> UsageError:
    return said("write.cannot", path=name, reason=exc.strerror or str(exc))


def write_if_changed(path: str | Path, old: str | None, new: str) -> bool:
    """Write `new` atomically unless it equals `old` (the file's current text); True when it wrote.

    The authoring commands never touch a file whose content would stay the same: its time stamp,
    and any editor holding it open, are left alone.
    """
    if old == new:
        return False
    write_text(path, new)
    return True
