"""Decoding bytes of unknown encoding: what a user sees is readable text."""

from __future__ import annotations

import codecs

import ftfy
from hypothesis import given
from hypothesis import strategies as st

from newsledger.read.decode import declared_charset, decode, fix_text, is_binary, is_garbled


def test_utf8_is_read_as_is():
    assert decode("Président Macron — “hello”".encode()) == "Président Macron — “hello”"


def test_cp1252_bytes_are_not_read_as_another_code_page():
    assert decode("café – naïve".encode("cp1252")) == "café – naïve"


def test_longer_cp1252_text_with_curly_quotes():
    text = "The minister’s “reform” was rejected – again – by the Sénat."
    assert decode(text.encode("cp1252")) == text


def test_cyrillic_single_byte_text_is_not_forced_into_cp1252():
    text = "Президент встретился с министром иностранных дел в Москве"
    assert decode(text.encode("cp1251")) == text


def test_mojibake_is_repaired():
    mojibake = "It’s a café".encode().decode("cp1252")  # "Itâ€™s a cafÃ©"
    assert decode(mojibake.encode()) == "It’s a café"


def test_curly_quotes_stay_curly():
    assert decode("“Yes,” she said. It’s".encode()) == "“Yes,” she said. It’s"


def test_byte_order_marks_are_honoured_and_dropped():
    text = "Zürich talks"
    assert decode(codecs.BOM_UTF8 + text.encode()) == text
    assert decode(text.encode("utf-16")) == text  # Python writes a BOM
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == text


def test_html_meta_charset_is_honoured():
    page = '<html><head><meta charset="windows-1251"></head><body>Москва</body></html>'
    assert "Москва" in decode(page.encode("cp1251"), html=True)


def test_html_meta_http_equiv_charset_is_found():
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert declared_charset(page) == "ISO-8859-1"


def test_declared_latin1_is_read_as_windows_1252_like_browsers_do():
    page = '<meta charset="iso-8859-1"><p>“Quoted” text — here</p>'.encode("cp1252")
    assert "“Quoted” text — here" in decode(page, html=True)


def test_wrong_declared_charset_loses_to_valid_utf8():
    page = '<meta charset="iso-8859-1"><p>Gdańsk</p>'.encode()
    assert "Gdańsk" in decode(page, html=True)


def test_declared_utf16_in_an_ascii_page_is_ignored():
    page = b'<meta charset="utf-16"><p>plain words</p>'
    assert "plain words" in decode(page, html=True)


def test_binary_detection():
    assert is_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert is_binary(b"abc\x00def")
    assert is_binary(bytes(range(1, 32)) * 10)
    assert not is_binary(b"ordinary text\nwith lines\tand tabs")
    assert not is_binary("text".encode("utf-16"))
    assert not is_binary("café".encode("cp1252"))


def test_garbled_text_is_noticed():
    assert is_garbled("\ufffd" * 50 + "ab")
    assert not is_garbled("a normal sentence with one \ufffd in it, which can happen")


def test_fix_text_repairs_a_field():
    assert fix_text("naÃ¯ve") == "naïve"


@given(st.binary(max_size=2000))
def test_decode_never_raises_on_arbitrary_bytes(data):
    assert isinstance(decode(data), str)
    assert isinstance(decode(data, html=True, declared="no-such-charset"), str)


@given(st.text(max_size=500))
def test_utf8_text_round_trips_up_to_ftfy_repairs(text):
    # Valid UTF-8 is always taken as UTF-8; the only change allowed is ftfy's own repair
    # (and a leading byte-order mark, which is an encoding detail, not text).
    expected = ftfy.fix_text(text.removeprefix("\ufeff"), uncurl_quotes=False)
    assert decode(text.encode("utf-8")) == expected


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "Z", "S")), max_size=500))
def test_printable_text_is_never_called_binary(text):
    for encoding in ("utf-8", "utf-16"):
        assert not is_binary(text.encode(encoding))


POLISH = (
    "Minister spraw zagranicznych spotkał się we wtorek ze swoim niemieckim odpowiednikiem, "
    "aby omówić kryzys. Według komunikatu obaj politycy rozmawiali o współpracy gospodarczej "
    "i bezpieczeństwie regionalnym. Opozycja skrytykowała porozumienie, uznając je za zbyt "
    "korzystne dla interesów zagranicznych."
)
SPANISH = (
    "El presidente se reunió con el ministro de Asuntos Exteriores en España; "
    "la oposición criticó el acuerdo y pidió más información sobre la negociación. "
)
GREEK = (
    "Ο υπουργός Εξωτερικών συναντήθηκε την Τρίτη με τον ομόλογό του για να συζητήσουν "
    "την κρίση και την οικονομική συνεργασία."
)


def test_central_european_text_is_not_read_as_western():
    # windows-1252 would give "wspó³pracy": a symbol inside a word marks the wrong code page
    assert decode(POLISH.encode("cp1250")) == POLISH


def test_western_text_wins_a_tie_between_code_pages():
    assert decode((SPANISH * 6).encode("cp1252")) == SPANISH * 6


def test_greek_single_byte_text():
    assert decode(GREEK.encode("cp1253")) == GREEK
