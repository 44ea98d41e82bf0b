"""Decode input bytes as the text their author meant, keeping every character (offsets point into it).

UTF-8 first; a BOM decides UTF-16/32; UTF-16 without a BOM is recognised by its NUL bytes; UTF-8 with
stray Windows-1252 bytes (a pasted curly quote) keeps its UTF-8; legacy single-byte files go through
charset_normalizer. Empty and binary input raise `InputError` with one line naming the source.
"""

from __future__ import annotations

import codecs

from saidwhat.errors import InputError

SNIFF_BYTES = 65_536
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte encodings charset_normalizer confuses with Windows-1252 on English text (it picks cp1250 for
# "café" and curly quotes); for these guesses cp1252 is tried first because it is what legacy English
# news sites and Windows editors actually write. Its guesses of UTF-16/32 without a BOM are not trusted.
_WESTERN_GUESSES = frozenset((
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "mac_latin2", "cp1257", "cp1254",
    "iso8859_9", "iso8859_13", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_14", "iso8859_16", "cp850",
    "cp437", "cp858", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
))  # fmt: skip
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])


def decode_bytes(data: bytes, source: str) -> str:
    """Decode bytes as the text the author meant, or raise `InputError` for empty or binary input.

    UTF-8 first (it is what almost everything is); a BOM decides UTF-16/32; legacy single-byte files
    go through charset_normalizer, except that Western guesses become Windows-1252 (see
    `_WESTERN_GUESSES`). The BOM is dropped; nothing else is changed, so offsets stay meaningful.
    """
    if not data.strip():
        raise InputError(f"{source}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: not valid {encoding.upper()} text ({exc.reason})") from exc
            return _non_empty(text, source)
    if b"\x00" in data:
        text_or_none = _utf16_without_bom(data)
        if text_or_none is None:
            raise InputError(f"{source}: looks like a binary file, not text")
        return _non_empty(text_or_none, source)
    if _mostly_control(data[:SNIFF_BYTES]):
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        return _non_empty(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    # Scraped and reposted text often mixes UTF-8 with stray Windows-1252 bytes (a pasted curly quote):
    # when valid UTF-8 sequences outnumber the bad bytes, keep the UTF-8 and decode only the bad bytes.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if len(replaced) - len(replaced.encode("ascii", errors="ignore")) - bad >= bad:
        return _non_empty(data.decode("utf-8", errors=_CP1252_FALLBACK), source)
    return _non_empty(_decode_legacy(data, source), source)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 where undefined)."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - only registered for decoding
        raise exc
    return "".join(_CP1252_CHARS[b] for b in exc.object[exc.start : exc.end]), exc.end


_CP1252_CHARS = [
    bytes([b]).decode("cp1252" if b not in b"\x81\x8d\x8f\x90\x9d" else "latin-1") for b in range(256)
]
_CP1252_FALLBACK = "saidwhat-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _mostly_control(sample: bytes) -> bool:
    """More than 5% control bytes (not tab or line breaks): no text editor or scraper writes that."""
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > len(sample) * 0.05


def _non_empty(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(f"{source}: empty input")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM has a NUL in every other byte for ASCII letters; binary does not."""
    sample = data[: SNIFF_BYTES * 2]
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(data) % 2 == 0 and zeros.count(0) > len(sample) * 0.3:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _mostly_control(text[:4096].encode("latin-1", errors="ignore")) else text
    return None


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess in _WESTERN_GUESSES:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 decodes everything and is the next best guess.
            return data.decode("latin-1")
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError) as exc:  # pragma: no cover - charset_normalizer checked it
        raise InputError(f"{source}: cannot tell the text encoding") from exc
