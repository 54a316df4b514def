"""Screenshots of the follow-up cycle for README: the review of a governor's return and the
replies view of a round (``python scripts/cycle_screenshots.py --out static/readme``).

Sets up a throw-away store (a temporary SQLite file, accounts file and scenario folder — never
the user's ``var/``): one editor account, one round, Kashan's return already recorded; then it
writes Lenjan's pre-filled workbook with one status changed to «تکمیل شده», starts the app,
signs in on the Data page, uploads that workbook for the round and saves two PNGs: the review
(each field old → new) and the replies of the round (who replied, who is still to chase).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSWORD = "office password 1404"


def prepare(tmp: Path) -> tuple[dict[str, str], Path]:
    """The environment of the throw-away store, and Lenjan's edited return."""
    env = {"PISHRAN_DATABASE_URL": f"sqlite:///{tmp / 'pishran.db'}",
           "PISHRAN_USERS_FILE": str(tmp / "users.toml"),
           "PISHRAN_SCENARIO_DIR": str(tmp / "scenarios")}
    os.environ.update(env)
    import openpyxl

    from exports.workbooks import county_workbook
    from store import add_user, import_file, open_store
    from store.rounds import add_round

    store = open_store()
    store.ensure_seeded()
    add_user("office", PASSWORD, "editor", by="setup")
    round_ = add_round(store, "دور پاییز ۱۴۰۴", "1404/10/15", by="office")
    ds = store.current_dataset()
    kashan = county_workbook(ds.projects, ds.counties, "kashan", round_)
    assert import_file(store, kashan, "کاشان.xlsx", "projects", "office",
                       round_id=round_.id).ok
    book = openpyxl.load_workbook(io.BytesIO(
        county_workbook(ds.projects, ds.counties, "lenjan", round_)))
    sheet = book.worksheets[0]
    headers = {cell.value: cell.column for cell in sheet[1] if cell.value}
    status_col = next(col for name, col in headers.items() if "وضعیت" in str(name))
    sheet.cell(row=2, column=status_col, value="تکمیل شده")
    path = tmp / "لنجان.xlsx"
    book.save(path)
    return env, path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="static/readme")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        env, workbook = prepare(Path(tmp_name))
        from playwright.sync_api import sync_playwright

        from i18n import t
        from tests.e2e.conftest import wait_for_app
        from tests.e2e.server import launch_browser, running_app

        with running_app(env) as url, sync_playwright() as pw:
            browser = launch_browser(pw)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/data")
            wait_for_app(page)
            page.get_by_label(t("data_page.auth.name", "fa")).fill("office")
            page.get_by_label(t("data_page.auth.password", "fa")).fill(PASSWORD)
            page.get_by_role("button", name=t("data_page.auth.submit", "fa")).click()
            page.wait_for_timeout(3000)
            wait_for_app(page)
            page.locator("input[type=file]").first.set_input_files(str(workbook))
            page.wait_for_timeout(6000)
            wait_for_app(page)
            review = page.get_by_text(t("data_page.review_heading", "fa")).first
            review.scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            page.screenshot(path=str(out / "cycle-review.png"))
            replies = page.get_by_text(t("rounds.page.heading", "fa")).first
            replies.scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            page.screenshot(path=str(out / "cycle-replies.png"))
            browser.close()
    for name in ("cycle-review.png", "cycle-replies.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
