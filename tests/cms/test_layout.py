"""The layout the design asks for: `cms` is the kernel and imports no feature app; feature
apps import no other feature app (they may import `cms` and `cpd`, the CPD record they all
write to). Every .py file of every app is read, migrations included: a migration that
imported another app's code would tie the apps together just the same (migrations name
other apps only as dependency strings, which are not imports).

The apps are found, not listed: every package at the top of the repository that is an
installed Django app, so an app added later (outcomes, api, ...) is held to the same rule."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
KERNEL = "cms"
SHARED = {"cpd"}  # feature apps may import these as well as the kernel


def project_apps():
    """Installed apps whose package lives at the top of this repository."""
    found = set()
    for config in apps.get_app_configs():
        package = config.name.split(".")[0]
        if (ROOT / package / "__init__.py").exists() and Path(config.path).is_relative_to(ROOT):
            found.add(package)
    return found


def imported_packages(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", None)) in ("import_module", "import_string", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value.split(".")[0]


def forbidden_imports():
    ours = project_apps()
    features = ours - {KERNEL}
    problems = []
    for app in sorted(ours):
        allowed = {app} if app == KERNEL else {app, KERNEL, *SHARED}
        for path in sorted((ROOT / app).rglob("*.py")):
            for line, package in imported_packages(path):
                if package in ours and package not in allowed:
                    kind = "the kernel" if app == KERNEL else "a feature app"
                    problems.append(f"{path.relative_to(ROOT)}:{line}: {kind} imports "
                                    f"{package}" + (" (a feature app)" if package in features
                                                    else ""))
    return problems


def test_it_finds_the_kernel_and_the_feature_apps_from_installed_apps():
    found = project_apps()
    assert {"cms", "cpd", "courses", "events", "secondments"} <= found
    assert "tests" not in found and "wagtail" not in found


def test_the_kernel_imports_no_feature_app_and_no_feature_app_imports_another():
    assert forbidden_imports() == []


def test_it_would_catch_a_kernel_importing_a_feature_app(tmp_path):
    """The walker itself: an import written either way is seen."""
    module = tmp_path / "example.py"
    module.write_text("import events.models\nfrom courses import services\n"
                      "def later():\n    from secondments.models import MentorProfile\n")
    assert [p for _, p in imported_packages(module)] == ["events", "courses", "secondments"]
