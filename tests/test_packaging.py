"""The built distribution works on its own: rules ship inside the wheel, the CLI runs from anywhere.

Builds the sdist and, from it, the wheel (`python -m build`, as a release would), installs the
wheel into a fresh virtual environment outside the checkout, and runs the installed `newslint`
from a folder outside the checkout, so nothing can come from the source tree. Needs PyPI (the
isolated build fetches hatchling; the install fetches the dependencies).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""

BREADCRUMB_ARTICLE = (
    "Home » News » World » Harbour reopens\n"
    "\n"
    "The harbour reopened on Monday after three weeks of repairs, officials said.\n"
)
CLEAN_ARTICLE = (
    "Harbour reopens\n"
    "\n"
    "The harbour reopened on Monday after three weeks of repairs, officials said.\n"
)


def _env() -> dict[str, str]:
    """The environment without anything that would point Python back at the checkout or its venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str | Path], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _check(proc: subprocess.CompletedProcess, what: str) -> None:
    assert proc.returncode == 0, f"{what} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"


def _source_version() -> str:
    text = (REPO / "src" / "newslint" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match, "no __version__ in src/newslint/__init__.py"
    return match.group(1)


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """{'sdist': ..., 'wheel': ...}: the sdist, and the wheel built from that sdist."""
    pytest.importorskip("build", reason="needs the 'build' package: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=out, timeout=600)
    _check(proc, "python -m build")
    sdists, wheels = list(out.glob("newslint-*.tar.gz")), list(out.glob("newslint-*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in out.iterdir())
    return {"sdist": sdists[0], "wheel": wheels[0]}


@pytest.fixture(scope="module")
def installed(dists, tmp_path_factory) -> Path:
    """A fresh venv, outside the checkout, with the wheel installed; returns its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    _check(_run([sys.executable, "-m", "venv", venv], cwd=venv, timeout=300), "python -m venv")
    python = venv / BIN / f"python{EXE}"
    proc = _run([python, "-m", "pip", "install", "-q", dists["wheel"]], cwd=venv, timeout=600)
    _check(proc, "pip install <wheel>")
    return venv / BIN


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working folder outside the checkout."""
    assert REPO not in tmp_path.parents
    return tmp_path


def test_wheel_contains_package_and_every_rule_pack(dists):
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    assert "newslint/__init__.py" in names
    assert "newslint/_rules/residue.toml" in names
    packs = {f"newslint/_rules/{p.name}" for p in (REPO / "rules").glob("*.toml")}
    assert packs <= names, f"rule packs missing from the wheel: {sorted(packs - names)}"
    data = {f"newslint/_rules/{p.relative_to(REPO / 'rules').as_posix()}"
            for p in (REPO / "rules" / "data").rglob("*") if p.is_file()}
    assert data <= names, f"word and name data missing from the wheel: {sorted(data - names)}"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(dists["wheel"]).read(entry_points).decode()
    assert "newslint = newslint.cli:main" in text


def test_sdist_contains_rules_and_hook_manifest(dists):
    with tarfile.open(dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for needed in ("pyproject.toml", "rules/residue.toml", ".pre-commit-hooks.yaml",
                   "src/newslint/__init__.py", "src/newslint/__main__.py"):
        assert needed in names, f"{needed} missing from the sdist"


def test_installed_version(installed, outside):
    expected = _source_version()
    for args in ([installed / f"newslint{EXE}", "--version"],
                 [installed / f"python{EXE}", "-m", "newslint", "--version"]):
        proc = _run(args, cwd=outside)
        _check(proc, " ".join(map(str, args)))
        assert expected in proc.stdout, proc.stdout


def test_installed_package_runs_from_the_venv_not_the_checkout(installed, outside):
    code = ("import newslint, newslint.registry as r; "
            "print(newslint.__file__); print(r.builtin_rules_dir())")
    proc = _run([installed / f"python{EXE}", "-c", code], cwd=outside)
    _check(proc, "import newslint")
    module, rules_dir = (Path(line) for line in proc.stdout.splitlines())
    venv = installed.parent.resolve()
    assert venv in module.resolve().parents, module
    assert rules_dir.resolve() == module.resolve().parent / "_rules"
    assert (rules_dir / "residue.toml").is_file()


def test_installed_rules_lists_packaged_pack_rules(installed, outside):
    proc = _run([installed / f"newslint{EXE}", "rules", "--format", "json"], cwd=outside)
    _check(proc, "newslint rules --format json")
    rules = {r["code"]: r for r in json.loads(proc.stdout)}
    assert "RES001" in rules, sorted(rules)
    assert rules["RES001"]["category"] == "residue"
    origin = Path(rules["RES001"]["origin"])
    assert origin.name == "residue.toml" and origin.parent.name == "_rules", origin
    assert installed.parent.resolve() in origin.resolve().parents, origin


def test_installed_check_finds_breadcrumb(installed, outside):
    (outside / "article.txt").write_text(BREADCRUMB_ARTICLE, encoding="utf-8")
    (outside / "clean.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    newslint = installed / f"newslint{EXE}"

    proc = _run([newslint, "check", "--format", "json", "article.txt"], cwd=outside)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    findings = json.loads(proc.stdout)
    hits = [f for f in findings if f["code"] == "RES001"]
    assert hits, findings
    assert hits[0]["path"] == "article.txt" and hits[0]["line"] == 1
    assert hits[0]["category"] == "residue"

    proc = _run([newslint, "check", "clean.txt"], cwd=outside)
    assert proc.returncode == 0, proc.stdout + proc.stderr

