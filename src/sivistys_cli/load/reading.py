"""Bytes from disk, safely, and bytes to text: only regular files, a size limit before reading, encodings named."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sivistys_cli.diagnostics import Msg
from sivistys_cli.display.messages import render

# A real program is a few hundred kilobytes; ten megabytes leaves room for any of them and stops a
# mistaken or hostile file (a disk image, /dev/zero) before it is read into memory.
MAX_BYTES = 10 << 20

_BOMS = (  # the longer UTF-32 little-endian mark starts like UTF-16's, so it is tried first
    (codecs.BOM_UTF32_LE, "UTF-32", "little-endian"),
    (codecs.BOM_UTF32_BE, "UTF-32", "big-endian"),
    (codecs.BOM_UTF16_LE, "UTF-16", "little-endian"),
    (codecs.BOM_UTF16_BE, "UTF-16", "big-endian"),
)
_KINDS = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket"),
          (stat.S_ISDIR, "directory"))


class Unreadable(Exception):
    """A file that is not read, with the reason in plain words (`msg`, said in any language; str() is English)."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(render(msg))
        self.msg = msg


@dataclass(frozen=True)
class ReadLimits:
    """How much to read, and from where: symlinks may not lead out of `inside` (unless it is empty)."""

    max_bytes: int = MAX_BYTES
    inside: tuple[Path, ...] = field(default=())


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """The file's bytes; Unreadable for what is not a regular file, too large, or a symlink leading out."""
    _check_link(path, limits)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Unreadable(_os_reason(exc)) from None
    try:
        _check_kind(os.fstat(fd), limits)
        chunks, size = [], 0
        while size <= limits.max_bytes:  # the file may grow while it is read
            chunk = os.read(fd, min(1 << 20, limits.max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(_os_reason(exc)) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limits.max_bytes:
        raise Unreadable(too_large(len(raw), limits.max_bytes))
    return raw


def _check_kind(info: os.stat_result, limits: ReadLimits) -> None:
    kind = next((what for test, what in _KINDS if test(info.st_mode)), None)
    if kind is not None:
        raise Unreadable(Msg("SV003.not_regular", {"kind": Msg(f"SV003.kind_{kind}")}))
    if info.st_size > limits.max_bytes:
        raise Unreadable(too_large(info.st_size, limits.max_bytes))


def _check_link(path: Path, limits: ReadLimits) -> None:
    if not path.is_symlink() or not limits.inside:
        if path.is_symlink():
            _resolve(path)
        return
    target = _resolve(path)
    if not any(target.is_relative_to(folder) for folder in limits.inside):
        raise Unreadable(Msg("SV003.link_outside"))


def _resolve(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except RuntimeError:
        raise Unreadable(Msg("SV003.link_loop")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable(Msg("SV003.link_loop")) from None
        raise Unreadable(_os_reason(exc)) from None


def _os_reason(exc: OSError) -> Msg:
    if exc.errno == errno.ELOOP:
        return Msg("SV003.link_loop")
    if exc.errno == errno.ENOENT:
        return Msg("SV003.missing")
    return Msg("SV003.unreadable", {"reason": exc.strerror or str(exc)})  # the system's words, in English


def too_large(size: int, limit: int) -> Msg:
    return Msg("SV003.too_large", {"size": _mib(size), "limit": _mib(limit)})


def _mib(size: int) -> Msg:
    if size >= 1 << 20:
        return Msg("SV003.mib", {"size": (Decimal(size) / (1 << 20)).quantize(Decimal("0.1"))})
    return Msg("SV003.bytes", {"n": size})


def decode(raw: bytes) -> tuple[str, tuple[tuple[int, int], Msg] | None]:
    """The text of a UTF-8 file (a UTF-8 byte order mark is dropped), or a positioned reason it is not one.

    The same words serve every command, so `check` and `diff` describe a file alike.
    """
    wide = _wide_encoding(raw)
    if wide is not None:
        return "", ((1, 1), Msg("SV003.wide", {"encoding": wide}))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return "", (_byte_position(raw, exc.start), Msg("SV003.encoding"))


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, by the byte order mark, or by where the zero bytes fall in text that has none."""
    for bom, name, order in _BOMS:
        if raw.startswith(bom):
            return f"{name} ({order})"
    head = raw[:4]
    if len(head) < 2:
        return None
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "UTF-32 (big-endian)"
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "UTF-32 (little-endian)"
    if head[0] == 0 and head[1]:
        return "UTF-16 (big-endian)"
    if head[0] and head[1] == 0:
        return "UTF-16 (little-endian)"
    return None


def _byte_position(raw: bytes, at: int) -> tuple[int, int]:
    """(line, column) of byte `at`, the column counted in characters of the valid UTF-8 before it."""
    start = raw.rfind(b"\n", 0, at) + 1
    line = raw.count(b"\n", 0, at) + 1
    return line, len(raw[start:at].decode("utf-8", "replace")) + 1
