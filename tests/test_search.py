"""Free-text project search (issue 16): county names in both languages, Persian plural
endings, ZWNJ/space variants of joined words, and title matches ranked above agency
matches — through the one filter (:class:`analytics.filters.ProjectFilter`) and the one
normaliser (:mod:`core.text`)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.filters import (
    RANK_AGENCY,
    RANK_COUNTY,
    RANK_TITLE,
    ProjectFilter,
    search_rank,
)
from core.text import search_key, search_terms
from store.loading import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def found(ds, text: str) -> set[str]:
    return set(ProjectFilter(text=text).apply(ds.projects, ds.counties)["project_id"])


@pytest.mark.parametrize("variant", ["ذوبآهن", "ذوب‌آهن", "ذوب آهن", "ذوب  آهن"])
def test_joined_and_spaced_words_have_one_key(variant):
    assert search_terms(variant) in (("ذوبآهن",), ("ذوب", "آهن"))
    assert search_key("ذوب‌آهن اصفهان").startswith("".join(search_terms(variant)))


@pytest.mark.parametrize("query", ["هنرستان‌ها", "هنرستانها", "هنرستان های", "هنرستان‌های",
                                   "هنرستانهای"])
def test_plural_endings_are_dropped(query):
    assert search_terms(query) == ("هنرستان",)


def test_short_words_keep_their_ending():
    # «تنها» (alone) is not a plural of «تن»: a stem needs three letters
    assert search_terms("تنها") == ("تنها",)
    assert search_terms("Lenjan  ") == ("lenjan",)


@pytest.mark.parametrize("query", ["لنجان", "Lenjan", "lenjan", "شهرستان لنجان"])
def test_county_name_finds_every_project_of_the_county(ds, query):
    lenjan = set(ds.projects.loc[ds.projects["county_code"] == "lenjan", "project_id"])
    assert len(lenjan) >= 2
    got = found(ds, query.replace("شهرستان ", ""))
    assert lenjan <= got


@pytest.mark.parametrize("query", ["هنرستان‌ها", "هنرستانها", "هنرستان"])
def test_vocational_schools_by_plural(ds, query):
    titled = set(ds.projects.loc[ds.projects["title_fa"].str.contains("هنرستان"), "project_id"])
    assert len(titled) >= 2
    assert found(ds, query) == titled


@pytest.mark.parametrize("query,spelled", [("گلابگیری", "گلاب[ \u200c]گیری"),
                                           ("ذوبآهن", "ذوب[ \u200c]آهن")])
def test_joined_spellings_find_the_spaced_or_zwnj_title(ds, query, spelled):
    titled = set(ds.projects.loc[ds.projects["title_fa"].str.contains(spelled), "project_id"])
    assert titled and titled == found(ds, query)


def test_agency_matches_only_when_nothing_better(ds):
    """«اصفهان» is in many agencies' names («… استان اصفهان»): those projects are left out
    when titles or the county name match."""
    projects, counties = ds.projects, ds.counties
    rank = search_rank(projects, "اصفهان", counties)
    agency_only = set(projects.loc[rank == RANK_AGENCY, "project_id"])
    better = set(projects.loc[rank <= RANK_COUNTY, "project_id"])
    assert len(agency_only) > len(better) > 0  # the data has many agency-only matches
    assert found(ds, "اصفهان") == better
    isfahan = set(projects.loc[projects["county_code"] == "isfahan", "project_id"])
    assert isfahan <= better
    # a word found only in agency names (picked from the data) still finds those projects
    own = (projects["title_fa"] + " " + projects["title_en"].fillna("")).map(search_key)
    place = counties["name_fa"].map(search_key).tolist() + counties["name_en"].map(search_key).tolist()
    words = [w for a in projects["agency_fa"].dropna() for w in a.split(" ") if len(w) >= 4]
    agency_word = next(w for w in words if search_terms(w) == (search_key(w),)
                       and not own.str.contains(search_key(w), regex=False).any()
                       and not any(search_key(w) in p for p in place))
    by_agency = set(projects.loc[projects["agency_fa"].fillna("").map(search_key).str.contains(
        search_key(agency_word), regex=False), "project_id"])
    assert by_agency and found(ds, agency_word) == by_agency


def test_rank_orders_title_county_agency(tiny_projects):
    counties = pd.DataFrame({"code": ["isfahan", "lenjan", "nain"],
                             "name_fa": ["اصفهان", "لنجان", "نائین"],
                             "name_en": ["Isfahan", "Lenjan", "Nain"]})
    frame = tiny_projects.copy()
    frame.loc[frame["project_id"] == "n1", "agency_fa"] = "صمت لنجان"
    rank = dict(zip(frame["project_id"], search_rank(frame, "لنجان", counties)))
    assert rank["l1"] == rank["l2"] == RANK_COUNTY
    assert rank["n1"] == RANK_AGENCY
    assert pd.isna(rank["i1"])
    assert dict(zip(frame["project_id"], search_rank(frame, "فولادشهر", counties)))["l2"] \
        == RANK_TITLE
    # with the counties table the county name finds both Lenjan projects, not the agency's
    assert set(ProjectFilter(text="لنجان").apply(frame, counties)["project_id"]) == {"l1", "l2"}
    # without it only the agency matches (the code "lenjan" is still searched in Latin)
    assert set(ProjectFilter(text="لنجان").apply(frame)["project_id"]) == {"n1"}
    assert set(ProjectFilter(text="lenjan").apply(frame)["project_id"]) == {"l1", "l2"}


def test_fallback_is_judged_among_rows_the_other_conditions_keep(tiny_projects):
    counties = pd.DataFrame({"code": ["isfahan", "lenjan", "nain"],
                             "name_fa": ["اصفهان", "لنجان", "نائین"], "name_en": ["a", "b", "c"]})
    frame = tiny_projects.copy()
    frame.loc[frame["project_id"] == "n1", "agency_fa"] = "صمت لنجان"
    # in Nain nothing has «لنجان» in its title or county: the agency match is kept there
    flt = ProjectFilter(counties=("nain",), text="لنجان")
    assert list(flt.apply(frame, counties)["project_id"]) == ["n1"]
