"""The generator's stages, as README.md draws them: data -> results -> views -> site, each
importing only the stages before it, and no module importing itself through others."""

from __future__ import annotations

import ast

from conftest import ROOT

STAGES = ["generator.data", "generator.results", "generator.views", "generator.site"]


def import_graph() -> dict[str, set[str]]:
    """Module -> the generator modules it imports (statically, anywhere in its code)."""
    root = ROOT / "generator"
    modules = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([base] if base else [])])
                for alias in node.names:
                    target = next((c for c in (f"{base}.{alias.name}", base) if c in modules and c != module), None)
                    if target:
                        graph[module].add(target)
            elif isinstance(node, ast.Import):
                graph[module] |= {a.name for a in node.names if a.name in modules}
    return graph


def stage(module: str) -> int | None:
    return next((i for i, s in enumerate(STAGES) if module == s or module.startswith(s + ".")), None)


def test_no_module_of_the_generator_imports_itself_through_others():
    graph = import_graph()
    assert len(graph) > 30 and graph["generator.views.page"] >= {"generator.data.loader", "generator.views.markup"}

    def cycle_from(start: str) -> list[str] | None:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*path, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return None

    cycles = [c for m in graph if (c := cycle_from(m))]
    assert cycles == [], cycles[0]


def test_each_stage_imports_only_the_stages_before_it():
    graph = import_graph()
    backward = [
        (m, t)
        for m, targets in graph.items()
        for t in targets
        if stage(m) is not None and stage(t) is not None and stage(t) > stage(m)
    ]
    assert backward == []
    assert stage("generator.site.build") == 3 and "generator.views.kinds" in graph["generator.site.build"]


def test_templates_get_plain_data_not_functions_that_reach_back():
    """A template formats what its view gives it: the functions it may call make text or HTML
    from a value (formatting, Markdown, headings, URLs, a data table), none computes a result or
    words one (results.*, views.goals): those are in the view's data (GoalView.sentence, .cells)."""
    import re

    from generator.site import build

    env = build.context().env
    ours = {
        name: f"{getattr(f, '__module__', '')}.{getattr(f, '__qualname__', name)}"
        for name, f in [*env.globals.items(), *env.filters.items()]
        if callable(f) and getattr(f, "__module__", "").startswith("generator")
    }
    reaching = {
        name: where
        for name, where in ours.items()
        if not where.startswith(
            ("generator.formatting", "generator.views.markup", "generator.views.tables", "generator.views.page")
        )
    }
    assert reaching == {}
    calls = set()
    for path in (ROOT / "generator/views/templates").glob("*.j2"):
        calls |= set(re.findall(r"\{[{%]-?\s*(?:set \w+ = )?([a-z_]+)\(", path.read_text(encoding="utf-8")))
    assert calls <= {"h", "md", "url", "doc_url", "table_html", "fact_html", "md_list", "member", "caller"}, calls
