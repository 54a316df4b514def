from hypothesis import given
from hypothesis import strategies as st

from core.text import name_key, normalise_digits, normalise_text, to_persian_digits


def test_arabic_letters_become_persian():
    assert normalise_text("كاشان") == "کاشان"
    assert normalise_text("علي") == "علی"
    assert normalise_text("مدرسة") == "مدرسه"
    assert normalise_text("خانۀ") == "خانه"


def test_digits_and_separators():
    assert normalise_digits("۱۲٬۳۴۵٫۵") == "12,345.5"
    assert normalise_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert normalise_text("۱۴۰۴/۰۸/۲۸") == "1404/08/28"


def test_zwnj_space_kashida_diacritics_bidi():
    assert normalise_text("پروژه\u200c\u200cهای") == "پروژه\u200cهای"
    assert normalise_text("پروژه \u200c های") == "پروژه\u200cهای"
    assert normalise_text("پروژه\u00adهای") == "پروژه\u200cهای"
    assert normalise_text("اصفـــهان") == "اصفهان"
    assert normalise_text("مُبارَکه") == "مبارکه"
    assert normalise_text("\ufeff\u200fکاشان\u200e ") == "کاشان"
    assert normalise_text("نجف\u00a0\u00a0آباد") == "نجف آباد"


def test_missing_values():
    assert normalise_text(None) == ""
    assert normalise_text(float("nan")) == ""


def test_name_key_unifies_spellings():
    assert name_key("نجف آباد") == name_key("نجف‌آباد") == name_key("شهرستان نجف آباد")
    assert name_key("Najaf Abad") == name_key("Najafabad")
    assert name_key("آران و بیدگل") == name_key("آران وبیدگل") == name_key("آران‌وبیدگل")
    assert name_key("Aran and Bidgol") == name_key("aran_va_bidgol") == name_key("Aran-o-Bidgol")
    assert name_key("نائین") == name_key("نایین")
    assert name_key("Lenjan County") == name_key("lenjan")
    assert name_key("كاشان") == name_key("کاشان")


def test_persian_digits_roundtrip():
    assert to_persian_digits("1,234.5%") == "۱٬۲۳۴٫۵٪"
    assert normalise_digits(to_persian_digits("1,234.5")) == "1,234.5"


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text(alphabet="۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789", min_size=1))
def test_any_digit_string_becomes_ascii(text):
    assert normalise_digits(text).isascii()
    assert int(normalise_digits(text)) >= 0


@given(st.integers(min_value=0, max_value=10**12))
def test_persian_digits_parse_back(n):
    assert int(normalise_digits(to_persian_digits(str(n)))) == n


def test_prose_digits_change_only_digits_and_only_in_persian_script():
    from core.text import persian_prose_digits

    assert persian_prose_digits("فاز 1، بخش 2.5") == "فاز ۱، بخش ۲.۵"
    assert persian_prose_digits("Metro line 2") == "Metro line 2"
    assert persian_prose_digits("") == ""
