"""Decoding input bytes: UTF-8, BOMs, UTF-16 without BOM, mixed UTF-8/cp1252, legacy encodings, binary."""

from __future__ import annotations

import pytest

from saidwhat.decoding import decode_bytes
from saidwhat.errors import InputError


def test_utf8_with_stray_cp1252_bytes_keeps_the_utf8() -> None:
    data = "Café “fine”, she said. ".encode() + b"\x93Odd\x94 bytes."
    assert decode_bytes(data, "mixed") == "Café “fine”, she said. “Odd” bytes."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "utf-16-le"])
def test_unicode_encodings_with_and_without_bom(encoding: str) -> None:
    text = "“Yes,” said Zoë.\r\nNext line."
    assert decode_bytes(text.encode(encoding), "x") == text


def test_non_latin_legacy_encoding_is_guessed() -> None:
    text = "Мэр сказал, что город расширит сеть автобусов к 2026 году. " * 4
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_control_characters_without_nul_are_binary() -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(bytes(range(1, 32)) * 20 + b"some text", "blob")
