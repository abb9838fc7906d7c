"""Bytes to text: UTF-8 silently, anything else decoded as well as possible and said so.

A file that is UTF-8 but for a few stray bytes (a Latin-1 pound sign pasted into UTF-8 text) is
read as UTF-8 with those bytes replaced by U+FFFD: guessing a legacy code page for the whole file
would turn every one of its real UTF-8 characters into mojibake ("CafĂ©") and shift the columns
after them. A file with no more valid multi-byte characters than invalid bytes is taken to be in
a legacy encoding and detected as before.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Bytes that never occur in text; one of them near the start means a binary file.
_BINARY_SAMPLE = 8192


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None: binary, not decoded
    encoding: str  # what was used, e.g. "utf-8", "utf-8-sig", "iso8859_1"
    clean: bool  # True when the file was valid UTF-8 (with or without BOM)
    note: str = ""  # how a non-UTF-8 file was decoded, for the input finding
    bad_at: int | None = None  # where in `text` the first replaced byte is, when there is one
    # Every U+FFFD in `text` was put there by decoding (the file had none of its own): the input
    # finding reports them, so the text's rules need not (see checks/mojibake.py).
    replaced: bool = False


def decode(data: bytes) -> Decoded:
    utf8 = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig", True)
        except UnicodeDecodeError:
            data, utf8 = data[3:], "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                break
            return Decoded(text, name, False, f"not UTF-8: decoded as {name.upper()} (byte-order mark)")
    if b"\x00" in data[:_BINARY_SAMPLE]:
        return Decoded(None, "binary", False, "binary file (contains NUL bytes): skipped")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    damaged = _utf8_with_stray_bytes(data, first_bad, utf8)
    if damaged is not None:
        return damaged
    encoding = _detect(data)
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding, False,
                           f"not UTF-8 (first bad byte at offset {first_bad}): decoded as {encoding} (detected)")
        except (UnicodeDecodeError, LookupError):
            pass
    # cp1252 covers most Western European text; undefined bytes are replaced, never dropped silently.
    text = data.decode("cp1252", errors="replace")  # cp1252 reads U+FFFD's own bytes as "ï¿½"
    return Decoded(text, "cp1252", False,
                   f"not UTF-8 (first bad byte at offset {first_bad}): decoded as cp1252 (fallback; "
                   "undecodable bytes replaced)", replaced="\ufffd" in text)


def _utf8_with_stray_bytes(data: bytes, first_bad: int, encoding: str) -> Decoded | None:
    """The file as UTF-8 with its invalid bytes replaced, if its valid multi-byte characters are
    at least as many as they (chance makes few such characters in a legacy code page's text)."""
    text = data.decode("utf-8", errors="replace")
    own = data.count("\ufffd".encode())  # U+FFFD the file itself holds
    bad = text.count("\ufffd") - own
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - bad < bad:
        return None
    shift = 3 if encoding == "utf-8-sig" else 0  # offsets in the file count its byte-order mark
    where = f"byte 0x{data[first_bad]:02x} at offset {first_bad + shift}"
    what = f"{where} is invalid" if bad == 1 else f"{bad} invalid bytes, the first {where}"
    return Decoded(text, encoding, False, f"not UTF-8: {what}; decoded as UTF-8 with "
                                          f"{'it' if bad == 1 else 'each'} replaced by U+FFFD",
                   len(data[:first_bad].decode("utf-8")), replaced=own == 0)


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    # charset-normalizer's own "best" can pick a CJK code page for Western text with one stray
    # byte (a lone £), so rank candidates by coherence minus chaos and, among the near-best,
    # prefer the Western code pages news text is most often in.
    candidates = [m for m in from_bytes(data[:200_000]) if m.encoding not in ("utf_8", "ascii")]
    if not candidates:
        return None
    best = max(m.coherence - m.chaos for m in candidates)
    near_best = [m for m in candidates if m.coherence - m.chaos >= best - 0.05]
    # A match stands for every code page that decodes the bytes to the same text.
    equivalent = {enc for m in near_best for enc in (m.encoding, *m.could_be_from_charset)}
    for western in ("cp1252", "iso8859_1", "iso8859_15"):
        if western in equivalent:
            return western
    return near_best[0].encoding
