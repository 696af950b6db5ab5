"""The same bytes decode the same way everywhere (issue #14): the command line hands a file's
bytes to the library's decoder; a few stray bytes in UTF-8 become replacement characters with
a warning; short Latin text in windows-1252 is read as such; only real binary files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.command import one_line_error
from support.command import run_newsclean as run
from support.data import FIXTURES

import newsclean

HTML = FIXTURES / "html"


def test_cli_decodes_a_cp1252_page_as_the_library_does():
    proc = run("clean", str(HTML / "cp1252.html"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == newsclean.clean((HTML / "cp1252.html").read_bytes()) + "\n"
    assert "coûte désormais 2 € de plus par menu" in proc.stdout.decode()


@pytest.mark.parametrize(
    ("text", "codec"),
    [("The café in Zürich reopened.", "cp1252"), ("Un café au lait.\n", "latin-1")],
)
def test_cli_decodes_short_latin_text(tmp_path: Path, text: str, codec: str):
    dump = tmp_path / "short.txt"
    dump.write_bytes(text.encode(codec))
    proc = run("clean", str(dump))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == text.strip() + "\n"


def test_encoding_overrides_the_decoder(tmp_path: Path):
    dump = tmp_path / "short.txt"
    dump.write_bytes("The café in Zürich reopened.".encode("cp1252"))
    proc = run("clean", "--encoding", "cp1251", str(dump))
    assert proc.stdout.decode() == "The cafй in Zьrich reopened.\n"  # what was asked for
    proc = run("clean", "--encoding", "no-such-codec", str(dump))
    assert proc.returncode == 2
    assert "unknown encoding 'no-such-codec'" in proc.stderr.decode()


@pytest.mark.parametrize(
    "text",
    [
        "The café in Zürich reopened",
        "Señor Muñoz said no.",
        "Ein schöner Tag in Köln",
        "naïve résumé",
        "Un café à Paris",
    ],
)
def test_short_cp1252_text_decodes_as_cp1252(text: str):
    assert newsclean.clean(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Привет мир, как дела у тебя сегодня", "cp1251"), ("Zażółć gęślą jaźń", "cp1250")],
)
def test_other_single_byte_charsets_are_still_detected(text: str, encoding: str):
    assert newsclean.clean(text.encode(encoding)) == text


def test_utf8_text_with_two_stray_bytes_keeps_its_utf8():
    data = "Café au lait".encode() + b" and \xff then \xfe the end."
    assert newsclean.clean(data) == "Café au lait and \ufffd then \ufffd the end."


def test_a_declared_utf8_page_with_one_stray_byte_is_decoded_with_a_warning():
    page = (
        b'<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body>'
        + b"<article><p>"
        + "Le café du port a rouvert ses portes samedi matin, après huit mois de travaux. ".encode()
        * 12
        + b"Un octet \xe9gar\xc3\xa9.</p></article></body></html>"
    )
    result = newsclean.explain(page)
    assert "Un octet \ufffdgaré." in result.text
    assert "Le café du port" in result.text
    assert [w.reason for w in result.warnings][:1] == [
        "not valid UTF-8: 1 stray bytes decoded as \ufffd"
    ]


def test_random_bytes_still_raise_decode_error():
    import random

    with pytest.raises(newsclean.DecodeError):
        newsclean.clean(random.Random(7).randbytes(3000))


def test_stray_nul_bytes_in_a_text_file_are_dropped_not_refused(tmp_path: Path):
    dump = tmp_path / "nul.txt"
    dump.write_bytes(b"A story\x00 with a stray NUL byte.\n\nAnd a\x00 second one.\n")
    proc = run("clean", str(dump))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == newsclean.clean(dump.read_bytes()) + "\n"
    assert proc.stdout.decode() == "A story with a stray NUL byte.\n\nAnd a second one.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("archive.zip", b"PK\x03\x04" + b"text inside" * 5),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("noise.bin", bytes(range(32)) * 20),
    ],
)
def test_real_binary_files_are_refused(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    proc = run("clean", str(path))
    assert proc.returncode == 2
    one_line_error(proc, str(path), "binary data, not text")


def test_binary_sniffing():
    from newsclean.files import is_binary

    assert is_binary(b"\x89PNG\r\n\x1a\n")
    assert is_binary(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    assert not is_binary(b"text with \x00 one NUL byte " * 10)
    assert not is_binary("UTF-16 text".encode("utf-16"))
    assert not is_binary(b"")


def test_jsonl_on_a_binary_file_is_a_usage_error_as_for_a_file(tmp_path: Path):
    image = tmp_path / "photo.jsonl"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\n" * 50)
    out = tmp_path / "out.jsonl"
    proc = run("clean", "--jsonl", str(image), "-o", str(out))
    assert proc.returncode == 2
    one_line_error(proc, str(image), "binary data, not JSONL")
    assert not out.exists()
    proc = run("clean", "--jsonl", "-", stdin=image.read_bytes())
    assert proc.returncode == 2
    assert proc.stdout == b""


def test_jsonl_with_one_binary_line_among_text_lines_gives_an_error_record(tmp_path: Path):
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(b'{"text": "A line."}\n\x89PNG\x00\x01\n{"text": "B line."}\n')
    proc = run("clean", "--jsonl", str(source), "-q")
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 3
