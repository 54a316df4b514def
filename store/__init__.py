"""The Pishran store: versioned data, imports, follow-ups and accounts.

Everything the app keeps on disk lives in this layer (above ``analytics/``, no
Streamlit).  Inside it, :mod:`store.db` takes writers by name; :mod:`store.accounts`
checks a signed-in user's right to write (``writer_name``) and sits above ``db``, and
:mod:`store.overlay` lays the follow-up log over the projects for both ``db`` and
:mod:`store.followups` — so the modules import each other in one direction only.

Public API (what the pages and the command line call)::

    store = open_store()                        # or shared_store() in the web app
    store.ensure_seeded()                       # embedded data as version 1 (idempotent)
    dataset = store.current_dataset()           # store.loading.Dataset
    result = import_file(store, upload, "x.xlsx", "projects", user)   # ImportResult
    problems_to_excel(result.problems, "fa")   # downloadable report (bytes)
    template_workbook("projects", "fa")         # downloadable template (bytes)
    list_versions(store); dataset_at(store, 3); restore(store, 3, user)
    add_followup(store, "P-001", "1404/08/28", "in_progress", 40, 30, "…", "…",
                 "followup_officer", user, person="فرمانداری لنجان")
    project_timeline(store, "P-001"); stale_projects(dataset, store.followups_frame())
    authenticate(name, password) -> User | None; write_allowed(user)
    add_user(name, password, "editor", by=who, store=store)   # + set_password, set_role,
    account_log(store)                          # remove_user: each leaves an audit entry

See ``store/README.md`` for the design (snapshots, locking, caching).
"""

from store.accounts import (
    ACCOUNT_ACTIONS,
    ROLES,
    AccountError,
    User,
    account_log,
    add_user,
    authenticate,
    has_accounts,
    list_users,
    lockout_remaining,
    lockout_until,
    remove_user,
    set_password,
    set_role,
    write_allowed,
)
from store.db import Store, VersionInfo, open_store, shared_store
from store.followups import (
    ACTOR_ROLES,
    add_followup,
    apply_followups,
    project_timeline,
    stale_projects,
    staleness,
)
from store.importing import ImportResult, import_file, problems_to_excel
from store.reading import RawSheet, read_table_file
from store.templates import template_workbook
from store.versions import dataset_at, list_versions, restore, versions_frame

__all__ = [
    "ACCOUNT_ACTIONS",
    "ACTOR_ROLES",
    "ROLES",
    "AccountError",
    "ImportResult",
    "RawSheet",
    "Store",
    "User",
    "VersionInfo",
    "account_log",
    "add_followup",
    "add_user",
    "apply_followups",
    "authenticate",
    "dataset_at",
    "has_accounts",
    "import_file",
    "list_users",
    "list_versions",
    "lockout_remaining",
    "lockout_until",
    "open_store",
    "problems_to_excel",
    "project_timeline",
    "read_table_file",
    "remove_user",
    "restore",
    "set_password",
    "set_role",
    "shared_store",
    "stale_projects",
    "staleness",
    "template_workbook",
    "versions_frame",
    "write_allowed",
]
