"""The outcomes app reaches the training of courses and events only through the kernel's
registry: it imports no feature app."""

import ast
from pathlib import Path

import outcomes

FEATURE_APPS = {"courses", "events", "secondments"}


def test_it_imports_no_feature_app():
    offending = []
    for path in Path(outcomes.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                    "import_module", "get_model") and node.args and isinstance(
                    node.args[0], ast.Constant):
                names = [str(node.args[0].value).replace(".", " ").split()[0]]
            offending += [(path.name, n) for n in names if n.split(".")[0] in FEATURE_APPS]
    assert offending == []


def test_the_kernel_registry_imports_no_feature_app():
    import cms.team_facts
    import cms.training_activity

    for module in (cms.training_activity, cms.team_facts):
        tree = ast.parse(Path(module.__file__).read_text())
        modules = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in modules if m and m.split(".")[0] in FEATURE_APPS]
