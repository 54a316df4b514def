"""i18n.formatting: signed numbers keep their sign on the left in Persian (an LRM first)."""

from figures.scenario_charts import signed
from i18n import fmt_number, fmt_percent, ltr_sign
from i18n.formatting import LRM


def test_signed_numbers_start_with_an_lrm_in_persian_only():
    assert fmt_number(-0.107, "fa", 3) == LRM + "-۰٫۱۰۷"
    assert fmt_number(-1234, "en") == "-1,234"
    assert fmt_number(1234, "fa") == "۱٬۲۳۴"  # unsigned: unchanged
    assert fmt_percent(-10.7, "fa", 1) == LRM + "-۱۰٫۷٪"
    assert signed(-0.05, "fa", 2) == LRM + "−۰٫۰۵"
    assert signed(0.004, "fa", 3) == LRM + "+۰٫۰۰۴"
    assert signed(0.0001, "fa", 2) == "۰٫۰۰"  # rounds to zero: no sign, no mark
    assert signed(-3, "en") == "−3"


def test_ltr_sign_is_idempotent_and_leaves_text_alone():
    once = ltr_sign("-۳", "fa")
    assert ltr_sign(once, "fa") == once
    assert ltr_sign("۳ واحد", "fa") == "۳ واحد"
    assert ltr_sign("—", "fa") == "—"
    assert ltr_sign("-3", "en") == "-3"


def test_metric_deltas_start_with_an_ascii_minus_for_streamlit():
    from ui.pages.scenario.results import _metric_delta

    assert _metric_delta(-10.7, "fa", 1, 5e-3, "واحد") == "-۱۰٫۷ واحد"
    assert _metric_delta(0.0231, "fa", 3, 5e-4) == "+۰٫۰۲۳"
    assert _metric_delta(0.0001, "fa", 3, 5e-4) is None
    assert _metric_delta(None, "fa", 3, 5e-4) is None


def test_join_list_uses_the_readers_list_separator():
    from i18n import join_list, list_separator

    assert join_list(["نائین", "کاشان"], "fa") == "نائین، کاشان"
    assert join_list((n for n in ("Nain", "Kashan")), "en") == "Nain, Kashan"
    assert join_list([], "fa") == "" and list_separator("fa") == "، "
