import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.counties import CountyResolver, UnknownCountyError, is_valid_code

COUNTIES = pd.DataFrame({
    "code": ["najafabad", "khomeynishahr", "shahinshahr_va_meymeh", "aran_va_bidgol", "nain",
             "isfahan"],
    "name_fa": ["نجف‌آباد", "خمینی‌شهر", "شاهین‌شهر و میمه", "آران و بیدگل", "نائین", "اصفهان"],
    "name_en": ["Najafabad", "Khomeyni Shahr", "Shahin Shahr and Meymeh", "Aran and Bidgol",
                "Nain", "Isfahan"],
    "osm_name_fa": ["شهرستان نجف آباد", "شهرستان خمینی شهر", "شهرستان شاهین شهر و میمه",
                    "شهرستان آران و بیدگل", "شهرستان نائین", "شهرستان اصفهان"],
})


@pytest.fixture
def resolver():
    return CountyResolver(COUNTIES)


@pytest.mark.parametrize("name,code", [
    ("نجف آباد", "najafabad"), ("Najaf Abad", "najafabad"), ("شهرستان نجف آباد", "najafabad"),
    ("خمینی‌شهر", "khomeynishahr"), ("خمینی شهر", "khomeynishahr"),
    ("شاهین شهر", "shahinshahr_va_meymeh"), ("آران و بیدگل", "aran_va_bidgol"),
    ("آران وبیدگل", "aran_va_bidgol"), ("Aran va Bidgol", "aran_va_bidgol"),
    ("نایین", "nain"), ("اصفهان", "isfahan"), ("Esfahan", "isfahan"), ("اصفهان ", "isfahan"),
    ("najafabad", "najafabad"), ("نجف\u200cآباد", "najafabad"),
])
def test_spellings_resolve(resolver, name, code):
    assert resolver.resolve(name) == code


def test_unknown_name_names_closest(resolver):
    with pytest.raises(UnknownCountyError) as err:
        resolver.resolve("نجف آبا")
    assert "نجف‌آباد" in err.value.suggestions
    assert "نجف‌آباد" in str(err.value)
    with pytest.raises(UnknownCountyError):
        resolver.resolve("Tehran")


def test_resolve_series_reports_unknown(resolver):
    codes, errors = resolver.resolve_series(pd.Series(["نجف آباد", "تهران", None, "Nain"]))
    assert codes.tolist()[0] == "najafabad" and codes.tolist()[3] == "nain"
    assert pd.isna(codes[1]) and pd.isna(codes[2])
    assert errors["index"].tolist() == [1]


def test_code_syntax():
    assert is_valid_code("aran_va_bidgol")
    assert not is_valid_code("Aran") and not is_valid_code("1abc") and not is_valid_code(None)


@given(st.sampled_from(list(COUNTIES.itertuples(index=False))),
       st.sampled_from(["", " ", "\u200c", "\u200f"]), st.booleans())
def test_noise_does_not_change_the_code(row, noise, arabic):
    name = row.name_fa.replace("ی", "ي").replace("ک", "ك") if arabic else row.name_fa
    assert CountyResolver(COUNTIES).resolve(noise + name + noise) == row.code


def test_county_names_from_a_table_or_a_panel():
    from core.counties import county_names

    assert county_names(COUNTIES, "fa")["najafabad"] == "نجف‌آباد"
    panel = COUNTIES.set_index("code")[["name_fa", "name_en"]]
    assert county_names(panel, "en") == dict(zip(COUNTIES["code"], COUNTIES["name_en"]))
