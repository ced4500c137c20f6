"""The data files' JSON Schemas (generator/data/schema.py): up to date in schemas/, named by the
skeletons, and checked by a standard validator (check-jsonschema): every file in data/ passes,
and the hostile corpus' invalid cases that a schema can express fail on the field they name."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator import cli, messages
from generator.data import schema
from hostile.test_yaml_corpus import CASES

CHECK = Path(sys.executable).parent / "check-jsonschema"
KIND_OF = {"jobcentres.yaml": "jobcentres"}

# Corpus cases (tests/hostile/test_yaml_corpus.py) a schema expresses: a misspelt or missing
# field, a wrong type, a value outside its list or bounds, an empty required text, a bad id.
SCHEMA_CASES = [
    "unknown-revision-goal-field",
    "unknown-plan-field",
    "unknown-letter-field",
    "unknown-minutes-field",
    "unknown-registry-field",
    "missing-revision-title",
    "missing-plan-focus-area-title",
    "missing-letter-date",
    "missing-minutes-committee",
    "missing-registry-name",
    "type-revision-baseline-word",
    "type-revision-year-word",
    "type-revision-target-bool",
    "type-revision-status-list",
    "type-revision-goal-type",
    "type-plan-fact-value-word",
    "type-letter-cvr-digits",
    "type-minutes-item-number-word",
    "type-registry-municipalities-text",
    "type-revision-year-decimal",
    "number-revision-baseline-huge",
    "number-plan-target-huge-negative",
    "empty-revision-source-name",
    "empty-revision-goal-id",
    "empty-letter-paragraph",
    "empty-registry-name",
    "shape-revision-list",
    "shape-letter-scalar",
    "shape-registry-empty-list",
]


def kind(path: Path) -> str:
    return KIND_OF.get(path.name) or path.stem.split("-")[0]


def check(schema_file: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), "--schemafile", str(schema_file), *map(str, files)], capture_output=True, text=True)


def test_the_schemas_in_the_repository_are_what_the_models_make():
    made = schema.texts()
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(made)
    for name, text in made.items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `.venv/bin/jobcenter schema` ({name})"
    assert sorted(made) == [
        "beskaeftigelsesplan.json",
        "jobcentres.json",
        "referat.json",
        "resultatrevision.json",
        "tilbagemelding.json",
    ]
    revision = json.loads(made["resultatrevision.json"])
    assert revision["additionalProperties"] is False and "goals" in revision["properties"]
    assert revision["$defs"]["Goal"]["additionalProperties"] is False and "target" in revision["$defs"]["Goal"]["properties"]


def _descriptions(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for v in node.values() for d in _descriptions(v)]
    if isinstance(node, list):
        return [d for v in node for d in _descriptions(v)]
    return []


def test_the_schemas_hover_texts_are_danish():
    """What an editor shows on hover (each model's and field's description) is written for staff,
    in Danish: every model has its text from messages.SCHEMA_MODELS, and no description is left in
    English (words in quotes, `code` and {slots} aside)."""
    english = {"the", "of", "and", "or", "its", "with", "when", "which", "default", "none", "shown", "where", "each", "one"}
    for name, text in schema.texts().items():
        made = json.loads(text)
        for model, definition in [(None, made), *made.get("$defs", {}).items()]:
            model = model or schema.models()[name.removesuffix(".json")].__name__
            if model != "Span":  # a Danish description of its own (models.Span)
                assert definition["description"] == messages.SCHEMA_MODELS[model], (name, model)
        for d in _descriptions(made):
            words = re.findall(r"[A-Za-zæøåÆØÅ]+", re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\{[^}]*\}", "", d))
            assert not english & {w.lower() for w in words}, (name, d)
    goal = json.loads(schema.texts()["resultatrevision.json"])["$defs"]["Goal"]
    assert goal["properties"]["id"]["description"] == "fast id, det samme i årets plan og resultatrevision"


@pytest.mark.parametrize("skeleton", sorted(cli.SKELETONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_skeleton_names_its_schema_in_its_first_line(skeleton):
    first = skeleton.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m and m.group(1) == f"../../../schemas/{skeleton.stem}.json"
    # from where `new` writes the file (data/<jobcentre>/<year>/), the path leads to the schema
    assert (ROOT / "data/hvidovre/2013" / m.group(1)).resolve() == ROOT / "schemas" / f"{skeleton.stem}.json"


def test_check_jsonschema_accepts_every_file_in_data():
    files = sorted((ROOT / "data").glob("*/*/*.yaml")) + [ROOT / "data/jobcentres.yaml"]
    assert {kind(f) for f in files} == {"jobcentres", "resultatrevision", "beskaeftigelsesplan", "tilbagemelding", "referat"}
    for name in sorted({kind(f) for f in files}):
        result = check(ROOT / "schemas" / f"{name}.json", [f for f in files if kind(f) == name])
        assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_marks_a_misspelt_field(tmp_path):
    path = tmp_path / "resultatrevision.yaml"
    text = (ROOT / "data/hvidovre/2013/resultatrevision.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("    target: 60\n", "    taget: 60\n", 1), encoding="utf-8")
    result = check(ROOT / "schemas/resultatrevision.json", [path])
    assert result.returncode == 1
    assert "$.goals[1]: Additional properties are not allowed ('taget' was unexpected)" in result.stdout


def test_check_jsonschema_rejects_the_corpus_cases_a_schema_can_express(tmp_path):
    cases = {c.id: c for c in CASES}
    by_kind: dict[str, list[Path]] = {}
    for case_id in SCHEMA_CASES:
        case = cases[case_id]
        project = tmp_path / case_id
        shutil.copytree(ROOT / "data", project / "data")
        for edit in case.edits:
            edit(project)
        edited = project / case.expect.split(":")[0]
        by_kind.setdefault(kind(edited), []).append(edited)
    for name, files in by_kind.items():
        result = check(ROOT / "schemas" / f"{name}.json", files)
        assert result.returncode == 1
        for f in files:  # each file is named with an error
            assert f"{f}::" in result.stdout, (f, result.stdout)
    # the seed files themselves pass (the cases fail by their edit)
    assert set(by_kind) == {"resultatrevision", "beskaeftigelsesplan", "tilbagemelding", "referat", "jobcentres"}


def test_the_editor_settings_map_every_kind_to_its_schema():
    """.vscode/settings.json (docs/forfatter.md#editor) gives every file in data/ its schema."""
    import fnmatch

    mapping = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert sorted(mapping) == sorted(f"./schemas/{name}" for name in schema.texts())
    for f in sorted((ROOT / "data").glob("*/*/*.yaml")) + [ROOT / "data/jobcentres.yaml"]:
        rel = f.relative_to(ROOT).as_posix()
        matched = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(rel, g) for g in globs)]
        assert matched == [f"./schemas/{kind(f)}.json"], rel
