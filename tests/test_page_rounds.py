"""AppTest of the Data page's follow-up rounds: an editor adds a round; the page offers
the county workbooks as a zip and lists which counties replied and which did not."""

from __future__ import annotations

from exports.workbooks import county_workbook
from i18n import fmt_int, t
from store import add_user
from store.importing import import_file
from store.rounds import list_rounds

from .test_page_data import (  # noqa: F401
    EDITOR,
    PASSWORD,
    by_label,
    env,  # noqa: F401
    other,
    run_page,
    sign_in,
)


def test_round_added_zip_offered_and_replies_listed(env, other):  # noqa: F811
    add_user(EDITOR, PASSWORD, "editor", by="tests")
    at = sign_in(run_page())
    at.text_input(key="data_round_name").input("دور پاییز")
    at.text_input(key="data_round_due").input("1404/10/15")
    by_label(at.button, t("rounds.page.add", "fa")).click()
    at = at.run()
    assert [r.name for r in list_rounds(other)] == ["دور پاییز"]
    round_ = list_rounds(other)[0]
    ds = other.current_dataset()
    code = str(ds.counties["code"].iloc[0])
    result = import_file(other, county_workbook(ds.projects, ds.counties, code, round_),
                         "return.xlsx", "projects", EDITOR, round_id=round_.id)
    assert result.ok and result.diff["n_changed"] == 0
    at = run_page()
    texts = [m.value for m in at.markdown]
    total = fmt_int(len(ds.counties), "fa")
    assert any(t("rounds.page.replies", "fa", replied=fmt_int(1, "fa"), total=total) in v
               for v in texts), texts
    frames = [f.value for f in at.dataframe]
    replies = next(f for f in frames if "replied" in f.columns)
    assert (replies["replied"] == t("rounds.yes", "fa")).sum() == 1
    assert (replies["replied"] == t("rounds.no", "fa")).sum() == len(ds.counties) - 1
    assert replies["recorded_by"].tolist()[-1] == EDITOR  # those to chase come first
