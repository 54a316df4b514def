"""Session and URL state: the language, the shared project filter, page choices, and the
one way a page seeds its widgets from them.

The URL query is untrusted input: it is parsed as plain JSON/text against an
allow-list of keys and values by one parser (:func:`json_value`: at most 2,000
characters, nested at most :data:`MAX_DEPTH` deep, no NaN/Infinity), with ranges that
match the widgets (:data:`FILTER_YEARS`, the year slider's); anything malformed falls back
to defaults and raises a notice (never an exception), shown at the top of the page by
:func:`show_notices`.  No pickle, no eval.

A page reads a choice with :func:`page_param` (session, else ``?<key>=`` checked by a
validator such as :func:`choice`, else a default) and gives a keyed widget that value
with :func:`seed` (only when the widget has no valid value yet, so the visitor's later
choices stay); at the end of the run :func:`sync_url` writes the choices back.

Session state wins over the URL (the URL only seeds a new session), except for a link
followed inside the session: ``st.page_link(..., query_params=link_params(...))`` puts
values in the URL that the app did not write itself (:func:`sync_url` remembers what
it wrote), and those replace the session's values.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Collection

import streamlit as st

from analytics.filters import ProjectFilter
from i18n import LANGUAGES, t

LANG = "lang"
FILTER = "project_filter"
NOTICES = "url_notices"
LAST_URL = "url:last"  # the query parameters the app last wrote (sync_url) or read
NOTICE_SLOT = "_notice_slot"  # where show_notices writes (reserved by layout.chrome)
LANG_SWITCHED = "_lang_switched"  # set by switch_lang, read by the next run's chrome
_MAX_PARAM = 2000
MAX_DEPTH = 4  # nesting of JSON in a link (the app writes at most 2)
#: The Jalali years of the sidebar's year slider — the range a link's filter may name.
FILTER_YEARS = tuple(range(1395, 1416))


def notice(key: str) -> None:
    """Remember that the URL parameter ``key`` was rejected (warned about once)."""
    st.session_state.setdefault(NOTICES, [])
    if key not in st.session_state[NOTICES]:
        st.session_state[NOTICES].append(key)


def pop_notices() -> list[str]:
    """Keys of URL parameters that were rejected since the last call."""
    return st.session_state.pop(NOTICES, [])


def show_notices() -> None:
    """Warn about rejected link parameters (at the top of the page, via the slot
    ``layout.chrome`` reserved, so notices raised later in the page still show there)."""
    notices = pop_notices()
    slot = st.session_state.get(NOTICE_SLOT)
    for param in notices:
        (slot or st).warning(t("url.rejected", lang(), param=param))


def _depth(raw: str) -> int:
    """How deep ``raw``'s JSON arrays/objects nest, counted without parsing (brackets inside
    strings skipped) — so a link of 1,900 ``[`` never reaches the recursive parser."""
    depth = deepest = 0
    in_string = escaped = False
    for char in raw:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def json_value(raw: str | None, *, max_len: int = _MAX_PARAM, max_depth: int = MAX_DEPTH):
    """The one parser of JSON in a link: ``raw`` parsed, or ``None`` when it is not JSON,
    longer than ``max_len`` characters or nested deeper than ``max_depth`` (the app's own
    links nest two levels: ``{"counties": [...]}``, ``{"gdp": [1, 1.0]}``).  Never raises:
    a crafted link falls back to defaults with a notice (the caller's), it never shows a
    ``RecursionError`` or ``ValueError``."""
    if not isinstance(raw, str) or len(raw) > max_len or _depth(raw) > max_depth:
        return None
    try:
        value = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, TypeError, RecursionError):
        return None
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not allowed in a link")  # NaN, Infinity, -Infinity


def filter_year_ok(value: object) -> bool:
    """Whether a link's ``year_from``/``year_to`` is a year the sidebar's slider offers
    (:data:`FILTER_YEARS`): the filter itself allows 1300–1500 (scenario files, the CLI)."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool)
                             and FILTER_YEARS[0] <= value <= FILTER_YEARS[-1])


def lang() -> str:
    """The current language: session, else ``?lang=``, else Persian."""
    if LANG not in st.session_state:
        value = st.query_params.get("lang", "fa")
        if value not in LANGUAGES:
            notice("lang")
            value = "fa"
        st.session_state[LANG] = value
    return st.session_state[LANG]


def set_lang(value: str) -> None:
    if value in LANGUAGES:
        st.session_state[LANG] = value


def switch_lang(value: str) -> None:
    """Change the language and rerun; the next run's :func:`keep_widget_choices` (called
    by ``layout.chrome``) then re-sends every keyed widget's choice in the new language."""
    if value in LANGUAGES and value != st.session_state.get(LANG):
        set_lang(value)
        st.session_state[LANG_SWITCHED] = True
        st.rerun()


def _pinnable(value) -> bool:
    """A widget value worth re-sending after a language switch: an option code (text or
    number) or a non-empty list of them.  Left out: ``None`` (nothing chosen), booleans
    (checkboxes, toggles — and buttons, which cannot be set), dates and files, and the
    selection dicts of charts, tables and data editors (which cannot be set either)."""
    simple = (str, int, float)
    if isinstance(value, bool):
        return False
    if isinstance(value, simple):
        return True
    return (isinstance(value, (list, tuple)) and len(value) > 0
            and all(isinstance(v, simple) and not isinstance(v, bool) for v in value))


def keep_widget_choices(skip: Collection[str] = ()) -> list[str]:
    """After a language switch, give every keyed widget its own value again.

    Streamlit 1.67 sends radio, select box and multiselect values between browser and
    server as the *shown label* (``format_func(option)``), not as the option: after a
    switch the browser still holds the old language's label, matches none of the new
    labels and shows an empty radio group or keeps the Persian text in a select box,
    while the server goes on with the right option (a slider showing 3 while the legend
    has 5).  Setting ``st.session_state[key]`` to the option it already holds makes
    Streamlit send the value with the widget, so the browser shows the option in the new
    language.  Call at the top of the first run in the new language, before any of the
    page's widgets (``skip``: widgets already drawn in this run).  Returns the keys set."""
    from streamlit.errors import StreamlitAPIException

    kept = []
    for key in list(st.session_state.keys()):
        if not isinstance(key, str) or key in skip or key.startswith(("page:", "_")) \
                or key in (LANG, FILTER, LAST_URL, NOTICES) or "password" in key:
            continue  # (a password is never sent back to the browser)
        try:
            value = st.session_state[key]
        except KeyError:  # a widget state from a reconnecting browser, no deserializer yet
            continue
        if not _pinnable(value):
            continue
        try:
            st.session_state[key] = value
        except StreamlitAPIException:  # a widget drawn in this run already
            continue
        kept.append(key)
    return kept


def _from_link(key: str) -> bool:
    """Whether the URL holds a ``key`` the app did not write: a link followed in-session."""
    raw = st.query_params.get(key)
    return raw is not None and raw != st.session_state.get(LAST_URL, {}).get(key)


def _remember(key: str, raw: str | None) -> None:
    last = dict(st.session_state.get(LAST_URL, {}))
    last[key] = raw
    st.session_state[LAST_URL] = last


def project_filter(known_counties: tuple[str, ...]) -> ProjectFilter:
    """The shared filter: a link's ``?f=<json>`` (see the module doc), else the session,
    else ``?f=`` of a new session — validated against the allow-list."""
    if FILTER not in st.session_state or _from_link("f"):
        flt = ProjectFilter()
        raw = st.query_params.get("f")
        _remember("f", raw)
        if raw:
            data = json_value(raw)
            flt, rejected = ProjectFilter.from_dict(data, known_counties)
            if not (filter_year_ok(flt.year_from) and filter_year_ok(flt.year_to)) or \
                    (flt.year_from is not None and flt.year_to is not None
                     and flt.year_from > flt.year_to):  # a range the slider cannot show
                flt, rejected = dataclasses.replace(flt, year_from=None, year_to=None), True
            if data is None or rejected:
                notice("f")
        st.session_state[FILTER] = flt
    return st.session_state[FILTER]


def set_project_filter(flt: ProjectFilter) -> None:
    st.session_state[FILTER] = flt


def page_param(key: str, default, valid: Callable[[str], object | None], *,
               session_key: str | None = None, max_len: int = _MAX_PARAM,
               follow_links: bool = True):
    """A page choice: session key ``page:<session_key or key>``, else ``?<key>=`` parsed by
    ``valid`` (returns the parsed value or ``None`` to reject, with a notice), else
    ``default``.  ``follow_links``: a link followed in-session replaces the session's value
    (see the module doc); without it the URL is read once per session."""
    skey = f"page:{session_key or key}"
    if skey not in st.session_state or (follow_links and _from_link(key)):
        raw = st.query_params.get(key)
        if follow_links:
            _remember(key, raw)
        value = default
        if raw is not None:
            parsed = valid(raw) if len(raw) <= max_len else None
            if parsed is None:
                notice(key)
            else:
                value = parsed
        st.session_state[skey] = value
    return st.session_state[skey]


def set_page_param(key: str, value) -> None:
    st.session_state[f"page:{key}"] = value


def choice(options: list[str] | tuple[str, ...]) -> Callable[[str], str | None]:
    """Validator: the raw value must be one of ``options``."""
    return lambda raw: raw if raw in options else None


def seed(key: str, value, *, options: Collection | None = None,
         valid: Callable[[object], bool] | None = None) -> str:
    """Give the keyed widget ``key`` its first value (usually a :func:`page_param`): set
    ``st.session_state[key] = value`` unless it already holds a value — one of ``options``
    and passing ``valid`` when those are given.  After that the widget's own state is the
    visitor's latest choice (an unkeyed widget whose default follows the state would get a
    new identity after each change and lose the visitor's second choice).  Returns ``key``."""
    if (key not in st.session_state
            or (options is not None and st.session_state[key] not in options)
            or (valid is not None and not valid(st.session_state[key]))):
        st.session_state[key] = value
    return key


def sync_url(page_keys: dict[str, object] | None = None) -> None:
    """Write the language, the filter and this page's choices into the URL query
    (and show any notice about rejected link parameters raised during the page)."""
    show_notices()
    params = link_params(st.session_state.get(FILTER), page_keys)
    st.session_state[LAST_URL] = dict(params)
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)


def filter_param(flt: ProjectFilter | None) -> str | None:
    """The ``f`` query value of a filter (``None`` for no filter)."""
    if flt is None or flt.is_empty():
        return None
    return json.dumps(flt.to_dict(), ensure_ascii=False, separators=(",", ":"))


def link_params(flt: ProjectFilter | None,
                page_keys: dict[str, object] | None = None) -> dict[str, str]:
    """The query of a view: the language (unless Persian), the filter ``f`` and page
    choices (``None`` values left out) — for :func:`sync_url` and for in-app links
    (``st.page_link(..., query_params=link_params(...))``) that also open in a new tab."""
    params: dict[str, str] = {}
    if st.session_state.get(LANG, "fa") != "fa":
        params["lang"] = st.session_state[LANG]
    f = filter_param(flt)
    if f is not None:
        params["f"] = f
    for key, value in (page_keys or {}).items():
        if value is not None:
            params[key] = value if isinstance(value, str) else json.dumps(value)
    return params
