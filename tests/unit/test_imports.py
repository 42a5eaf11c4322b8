"""The package's imports run one way: foundations, then the two outputs (site and kit, which never import each
other), then the build, then the command line. Read from the source, every import counts, even one inside a
function."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from support.project import PROJECT

PACKAGE = PROJECT / "scripts" / "vitrine"
OUTPUTS = ("vitrine.site", "vitrine.kit")
# The layers, from the bottom up: a module may import modules of its own layer and of the layers below.
Layer = tuple[str, Callable[[str], bool]]
ABOVE_FOUNDATIONS: list[Layer] = [
    ("outputs", lambda name: name.startswith(OUTPUTS)),
    ("build", lambda name: name == "vitrine.build"),
    ("command line", lambda name: name == "vitrine.cli"),
]


def is_foundation(name: str) -> bool:
    return not any(belongs(name) for _, belongs in ABOVE_FOUNDATIONS)


LAYERS: list[Layer] = [("foundations", is_foundation), *ABOVE_FOUNDATIONS]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (``from vitrine.view import View`` -> vitrine.view)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found.update(name for name in names if name in known)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(path, set(found)) - {name} for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other, directly or not (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer_of(name: str) -> int:
    return next(position for position, (_, belongs) in enumerate(LAYERS) if belongs(name))


def test_the_walker_sees_real_imports() -> None:
    edges = graph()
    assert "vitrine.view.core" in edges["vitrine.site.context"] or "vitrine.view" in edges["vitrine.site.context"]
    assert "vitrine.documents" in edges["vitrine.kit.build"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_there_is_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_site_and_the_kit_never_import_each_other() -> None:
    crossing = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in targets
        for mine, other in (OUTPUTS, OUTPUTS[::-1])
        if name.startswith(mine) and target.startswith(other)
    ]
    assert crossing == []


def test_imports_only_go_down_the_layers() -> None:
    upward = [
        f"{name} ({LAYERS[layer_of(name)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for name, targets in graph().items()
        for target in targets
        if layer_of(target) > layer_of(name)
    ]
    assert upward == []
