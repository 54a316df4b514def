"""The layer contract: folders are layers, imports only go down, no cycles, thin pages.

The stack, bottom to top, is :data:`LAYERS`; above it sit :data:`TOP` (the pages, the
Streamlit entry point and the ``pishran`` command).  A module may import modules of its
own layer and of lower layers, never of a higher one.  The checker reads the source
with :mod:`ast` (nothing is imported) and counts EVERY import: module level, inside
functions, under ``if TYPE_CHECKING``, ``from package import submodule``, relative
imports, and ``importlib.import_module("literal")``.  It fails when

(a) a module imports a module of a higher layer (or tests/, scripts/, benchmarks/),
(b) anything below ``ui/`` imports streamlit,
(c) there is an import cycle between modules (Tarjan's strongly connected components),
(d) a non-test module is over :data:`MAX_LINES` lines,
(e) a file in ``pages/`` is more than a call of ``render`` from ``ui.pages.<name>``,
(f) a layer's ``__init__.py`` lacks the docstring that states the layer's one job,

and when README.md's architecture table does not list the layers in this order.
Every message names the file, the line and the offending import.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The layers, bottom to top: each a top-level folder with one job.
LAYERS = ("core", "i18n", "geo", "analytics", "store", "figures", "briefing", "exports", "ui")
#: Above every layer: thin pages, the Streamlit entry point, the ``pishran`` command.
TOP = ("pages", "app", "pishran")
#: Project folders with Python that are not layers: nothing in the stack imports them.
NOT_LAYERS = ("tests", "benchmarks", "scripts")
#: Packages whose ``__init__.py`` must state their one job in a docstring.
DOCUMENTED = (*LAYERS, "pishran")
MAX_LINES = 800
MAX_PAGE_LINES = 10
_SKIP_DIRS = {".venv", ".git", "__pycache__", "node_modules", "build", "dist"}


@dataclass(frozen=True)
class Import:
    """One import statement's target, as written and as resolved."""

    source: str          # importing module (dotted)
    path: Path           # its file
    line: int
    name: str            # imported module name, absolute (``a.b`` of ``from a import b``)
    text: str            # the statement as written


@dataclass
class Tree:
    """The modules of a source tree and the imports found in them."""

    root: Path
    files: dict[str, Path] = field(default_factory=dict)     # module -> file
    imports: list[Import] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def resolve(self, name: str) -> str | None:
        """The project module ``name`` lands in: itself, else its longest known prefix."""
        parts = name.split(".")
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in self.files:
                return candidate
        return None


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _python_files(root: Path, tops: tuple[str, ...]) -> list[Path]:
    found = []
    for top in tops:
        single = root / f"{top}.py"
        if single.is_file():
            found.append(single)
        folder = root / top
        if folder.is_dir():
            found.extend(p for p in sorted(folder.rglob("*.py"))
                         if not _SKIP_DIRS & set(p.relative_to(root).parts))
    return found


def _statement(source: str, node: ast.AST) -> str:
    return (ast.get_source_segment(source, node) or ast.dump(node)).splitlines()[0].strip()


def _imports_of(tree: Tree, module: str, path: Path) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    parsed = ast.parse(source, filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(parsed):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".") if package else []
                base_parts = base_parts[:len(base_parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            # ``from x import y``: y is a submodule when x.y is a module of the tree
            subs = [f"{base}.{a.name}" for a in node.names
                    if a.name != "*" and f"{base}.{a.name}" in tree.files]
            names = subs if len(subs) == len(node.names) else [base, *subs]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"
                   or isinstance(node.func, ast.Name)
                   and node.func.id in ("__import__", "import_module"))):
            names = [node.args[0].value]
        text = _statement(source, node) if names else ""
        out.extend(Import(module, path, node.lineno, n, text) for n in names if n)
    return sorted(out, key=lambda imp: imp.line)


def scan(root: Path) -> Tree:
    """Every module of the stack and the top, with all of its imports."""
    tree = Tree(root)
    for path in _python_files(root, (*LAYERS, *TOP)):
        tree.files[_module_name(root, path)] = path
    for module, path in tree.files.items():
        tree.imports.extend(_imports_of(tree, module, path))
    return tree


def rank(module: str) -> int | None:
    """Position in the stack (``len(LAYERS)`` for the top; ``None``: not in the stack)."""
    head = module.split(".")[0]
    if head in LAYERS:
        return LAYERS.index(head)
    if head in TOP:
        return len(LAYERS)
    return None


def _where(tree: Tree, imp: Import) -> str:
    return f"{tree.rel(imp.path)}:{imp.line}: {imp.text}"


def upward_imports(tree: Tree) -> list[str]:
    """(a) Imports of a higher layer, or of a project folder outside the stack."""
    problems = []
    for imp in tree.imports:
        head = imp.name.split(".")[0]
        low = rank(imp.source)
        if head in NOT_LAYERS:
            problems.append(f"{_where(tree, imp)}  ({imp.source} imports {head}/, "
                            "which is not a layer)")
            continue
        target = tree.resolve(imp.name)
        high = rank(target) if target else None
        if low is not None and high is not None and high > low:
            upper = target.split(".")[0]
            problems.append(f"{_where(tree, imp)}  ({imp.source}, layer {LAYERS[low]}/, "
                            f"imports {imp.name}, higher layer {upper}/)")
    return problems


def streamlit_below_ui(tree: Tree) -> list[str]:
    """(b) Streamlit imported by a module below ``ui/``."""
    ui = LAYERS.index("ui")
    return [f"{_where(tree, imp)}  ({imp.source} is below ui/ and imports {imp.name})"
            for imp in tree.imports
            if imp.name.split(".")[0] == "streamlit" and (rank(imp.source) or 0) < ui]


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on deep graphs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def import_cycles(tree: Tree) -> list[str]:
    """(c) Every group of modules that import each other, with the imports that close it.

    An import of ``a.b`` runs ``a/__init__.py`` first, but that package is always already
    being imported when one of its own modules runs, so only the named module counts."""
    graph: dict[str, set[str]] = {m: set() for m in tree.files}
    edges: dict[tuple[str, str], list[Import]] = {}
    for imp in tree.imports:
        target = tree.resolve(imp.name)
        if target and target != imp.source:
            graph[imp.source].add(target)
            edges.setdefault((imp.source, target), []).append(imp)
    problems = []
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        members = set(component)
        links = [_where(tree, imps[0]) for (a, b), imps in sorted(edges.items())
                 if a in members and b in members]
        problems.append(f"import cycle between {', '.join(component)}:\n    "
                        + "\n    ".join(links))
    return problems


def long_modules(root: Path, limit: int = MAX_LINES) -> list[str]:
    """(d) Non-test modules over ``limit`` lines."""
    problems = []
    for path in _python_files(root, (*LAYERS, *TOP, *(n for n in NOT_LAYERS if n != "tests"))):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > limit:
            problems.append(f"{path.relative_to(root).as_posix()}:{n}: {n} lines "
                            f"(at most {limit})")
    return problems


def _code_lines(source: str, parsed: ast.Module) -> int:
    """Lines that are neither blank, comments, nor the module docstring."""
    skip = set()
    if ast.get_docstring(parsed) is not None:
        doc = parsed.body[0]
        skip = set(range(doc.lineno, doc.end_lineno + 1))
    return sum(1 for i, line in enumerate(source.splitlines(), 1)
               if i not in skip and line.strip() and not line.strip().startswith("#"))


def fat_pages(root: Path) -> list[str]:
    """(e) Pages that do more than import ``render`` from ``ui.pages.<name>`` and call it."""
    problems = []
    for path in sorted((root / "pages").glob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        parsed = ast.parse(source, filename=str(path))
        n = _code_lines(source, parsed)
        if n > MAX_PAGE_LINES:
            problems.append(f"{rel}:1: {n} lines of code (a page is at most "
                            f"{MAX_PAGE_LINES}: import render from ui.pages.<name>, call it)")
        for node in ast.walk(parsed):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "streamlit" for n in names):
                problems.append(f"{rel}:{node.lineno}: {_statement(source, node)}  "
                                "(pages do not import streamlit; ui.pages does)")
        imports_render = any(
            isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ui.pages.")
            and any(a.name == "render" and a.asname is None for a in node.names)
            for node in parsed.body)
        calls_render = any(
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name) and node.value.func.id == "render"
            for node in parsed.body)
        if not (imports_render and calls_render):
            problems.append(f"{rel}:1: does not import render from ui.pages.<name> and "
                            "call it at module level")
    return problems


def undocumented_layers(root: Path, packages: tuple[str, ...] = DOCUMENTED) -> list[str]:
    """(f) Layer packages whose ``__init__.py`` has no docstring."""
    problems = []
    for name in packages:
        init = root / name / "__init__.py"
        if not init.is_file():
            problems.append(f"{name}/__init__.py:1: missing (every layer is a package)")
        elif not (ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "").strip():
            problems.append(f"{name}/__init__.py:1: no docstring stating the layer's one job")
    return problems


def readme_layer_rows(readme: str) -> list[str]:
    """The folders of README table rows whose first cell is a folder (``folder/``)."""
    folders = []
    for line in readme.splitlines():
        if not line.lstrip().startswith("|"):
            continue
        first = line.strip().strip("|").split("|")[0].strip().strip("`").strip()
        if re.fullmatch(r"[A-Za-z_][\w.-]*/", first):
            folders.append(first[:-1])
    return folders


def check(root: Path) -> dict[str, list[str]]:
    """Every rule on the tree at ``root`` (rule name -> problems)."""
    tree = scan(root)
    return {"upward": upward_imports(tree), "streamlit": streamlit_below_ui(tree),
            "cycles": import_cycles(tree), "long": long_modules(root),
            "pages": fat_pages(root), "docstrings": undocumented_layers(root)}


def _report(problems: list[str]) -> str:
    return "\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def tree() -> Tree:
    return scan(ROOT)


# --- the rules on the real tree --------------------------------------------------------

def test_every_top_level_python_folder_is_placed():
    """A new top-level folder must be put in the stack (or declared not a layer)."""
    placed = {*LAYERS, *TOP, *NOT_LAYERS}
    unplaced = sorted(
        p.name for p in ROOT.iterdir()
        if p.is_dir() and p.name not in _SKIP_DIRS and not p.name.startswith(".")
        and not p.name.endswith(".egg-info") and p.name not in placed
        and any(p.rglob("*.py")))
    assert not unplaced, f"top-level folders in no layer: {unplaced}; add them to LAYERS"
    missing = [name for name in LAYERS if not (ROOT / name).is_dir()]
    assert not missing, f"layers without a folder: {missing}"


def test_no_module_imports_a_higher_layer(tree):
    problems = upward_imports(tree)
    assert not problems, _report(problems)


def test_nothing_below_ui_imports_streamlit(tree):
    problems = streamlit_below_ui(tree)
    assert not problems, _report(problems)


def test_no_import_cycles(tree):
    problems = import_cycles(tree)
    assert not problems, _report(problems)


def test_no_module_over_the_line_limit():
    problems = long_modules(ROOT)
    assert not problems, _report(problems)


def test_pages_are_thin():
    problems = fat_pages(ROOT)
    assert not problems, _report(problems)


def test_every_layer_states_its_job():
    problems = undocumented_layers(ROOT)
    assert not problems, _report(problems)


def test_readme_architecture_table_lists_the_layers_in_order():
    rows = readme_layer_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    stack = [*LAYERS, *TOP]
    listed = [r for r in rows if r in stack]
    expected = [name for name in stack if name in listed]
    assert set(LAYERS) <= set(listed), (
        f"README's architecture table lacks the layers {sorted(set(LAYERS) - set(listed))}")
    assert listed == expected, (
        f"README's architecture table lists {listed}; bottom to top the stack is {expected}")


# --- the checker itself, on a small made-up tree -----------------------------------------

def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _clean_tree(root: Path) -> None:
    _write(root, {f"{name}/__init__.py": f'"""The {name} layer."""\n' for name in DOCUMENTED})
    _write(root, {
        "core/a.py": '"""a."""\nimport core.b\nfrom . import c\n',
        "core/b.py": '"""b."""\nimport json\n',
        "core/c.py": '"""c."""\n\ndef f():\n    from core import b\n    return b\n',
        "figures/chart.py": '"""chart."""\nfrom core.a import x\nimport plotly\n',
        "ui/pages/overview.py": '"""page."""\nimport streamlit as st\nfrom figures import chart\n'
                                '\ndef render():\n    st.write(chart)\n',
        "pages/overview.py": '"""Overview."""\n\nfrom ui.pages.overview import render\n\n'
                             'render()\n',
        "app.py": '"""app."""\nimport streamlit\nfrom ui import pages\n',
        "README.md": "| place | holds |\n|---|---|\n| `app.py` | entry |\n"
                     + "".join(f"| `{n}/` | x |\n" for n in (*LAYERS, "pages", "data")),
    })


def test_checker_is_quiet_on_a_clean_tree(tmp_path):
    _clean_tree(tmp_path)
    assert check(tmp_path) == {rule: [] for rule in check(tmp_path)}
    assert readme_layer_rows((tmp_path / "README.md").read_text()) == [
        *LAYERS, "pages", "data"]


def test_checker_reports_upward_import_function_level_cycle_and_streamlit(tmp_path):
    _clean_tree(tmp_path)
    _write(tmp_path, {
        # upward, as ``from package import submodule``
        "core/b.py": '"""b."""\nimport json\nfrom exports import deck\n',
        "exports/deck.py": '"""deck."""\nimport pptx\n',
        # a cycle closed by an import inside a function, written relatively
        "core/c.py": '"""c."""\n\ndef f():\n    from . import a\n',
        "core/d.py": '"""d."""\n\ndef g():\n    import streamlit.components.v1\n',
        "geo/__init__.py": "",
        "pages/map.py": '"""Map."""\nimport streamlit as st\nst.title("x")\n',
    })
    found = check(tmp_path)
    assert found["upward"] == [
        "core/b.py:3: from exports import deck  (core.b, layer core/, imports "
        "exports.deck, higher layer exports/)"]
    assert found["streamlit"] == [
        "core/d.py:4: import streamlit.components.v1  (core.d is below ui/ and imports "
        "streamlit.components.v1)"]
    [cycle] = found["cycles"]
    assert cycle.startswith("import cycle between core.a, core.c:")
    assert "core/a.py:3: from . import c" in cycle and "core/c.py:4: from . import a" in cycle
    assert found["docstrings"] == ["geo/__init__.py:1: no docstring stating the layer's one job"]
    assert any(p.startswith("pages/map.py:2: import streamlit") for p in found["pages"])
    assert any(p.startswith("pages/map.py:1: does not import render") for p in found["pages"])
    assert not found["long"]
    _write(tmp_path, {"store/big.py": '"""big."""\n' + "x = 1\n" * MAX_LINES})
    assert long_modules(tmp_path) == [f"store/big.py:{MAX_LINES + 1}: {MAX_LINES + 1} lines "
                                      f"(at most {MAX_LINES})"]


def test_checker_finds_a_cycle_made_only_of_function_level_imports(tmp_path):
    _clean_tree(tmp_path)
    _write(tmp_path, {
        "store/db.py": '"""db."""\n\ndef current():\n    from store.followups import apply\n',
        "store/followups.py": '"""f."""\n\ndef add():\n    import store.db\n',
    })
    [cycle] = check(tmp_path)["cycles"]
    assert "store.db, store.followups" in cycle
    assert "store/db.py:4: from store.followups import apply" in cycle
    assert "store/followups.py:4: import store.db" in cycle
