"""The pre-commit hook works: the real `pre-commit try-repo` installs newslint and runs the hook.

try-repo clones the hook repository, pip-installs it into an isolated environment (needs PyPI)
and runs the hook from `.pre-commit-hooks.yaml` over a content repository. try-repo itself takes
a repository's HEAD plus its changes to tracked files, but not new untracked files; so the test
first snapshots this working tree (tracked and untracked files, less what .gitignore ignores)
into a temporary git repository and tries that, so it checks the code as it is on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds for one try-repo: it builds newslint and installs its dependencies

BAD_TXT = (
    "Home » News » World » Harbour reopens\n"
    "\n"
    "The harbour reopened on Monday after three weeks of repairs, officials said.\n"
)
GOOD_MD = (
    "# Harbour reopens\n"
    "\n"
    "The harbour reopened on Monday after three weeks of repairs, officials said.\n"
)
GOOD_TXT = (
    "Ferry timetable returns\n"
    "\n"
    "Ferries will run to the usual timetable from Tuesday, the operator said.\n"
)
# A JSON Lines record with a breadcrumb: .jsonl has no identify tag of its own, so this proves
# the hook's `files` pattern lets it through.
BAD_JSONL = json.dumps({"text": "Home » News » Business » Port fees rise\n\nFees rose by a tenth."},
                       ensure_ascii=False) + "\n"
# Not a format newslint reads: the hook must not be handed it, although its text would be flagged.
NOT_PROSE = "# Home » News » World » Harbour reopens\nVALUE = 1\n"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") and k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # A git that ignores the user's and the system's config (hooks, signing, templates).
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="newslint tests", GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="newslint tests", GIT_COMMITTER_EMAIL="tests@example.invalid",
    )
    return env


def _git(env: dict[str, str], cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stderr.decode(errors='replace')}"
    return proc.stdout.decode("utf-8", errors="surrogateescape")


def _make_repo(env: dict[str, str], path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        file = path / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(text.encode("utf-8"))
    _git(env, path, "init", "-q")
    _git(env, path, "add", "-A")
    _git(env, path, "commit", "-q", "--no-verify", "-m", "articles")
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A git repository holding a snapshot of this working tree, as one commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed: pre-commit needs it")
    pytest.importorskip("pre_commit", reason="needs pre-commit: pip install -e '.[test]'")
    tmp = tmp_path_factory.mktemp("hook-repo")
    env = _env(tmp)
    probe = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=REPO, env=env,
                           capture_output=True, stdin=subprocess.DEVNULL)
    if probe.returncode != 0:
        pytest.skip("not a git checkout: cannot tell which files make up the hook repository")
    listed = _git(env, REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    snapshot = tmp / "newslint"
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # tracked files deleted on disk are listed too
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _git(env, snapshot, "init", "-q")
    _git(env, snapshot, "add", "-A")
    _git(env, snapshot, "commit", "-q", "--no-verify", "-m", "snapshot")
    return snapshot


def _try_repo(hook_repo: Path, content: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "newslint",
         "--all-files", "--verbose", "--color=never"],
        cwd=content, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=TIMEOUT,
    )


def test_hook_fails_on_residue_and_reports_it(hook_repo, tmp_path):
    env = _env(tmp_path)
    content = _make_repo(env, tmp_path / "content", {
        "articles/bad.txt": BAD_TXT,
        "articles/feed.jsonl": BAD_JSONL,
        "articles/good.md": GOOD_MD,
        "tools/settings.py": NOT_PROSE,
    })
    proc = _try_repo(hook_repo, content, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "newslint" in out and "Failed" in out, out
    assert "articles/bad.txt:1:1: RES001" in out, out
    assert "articles/feed.jsonl:1:" in out and "Business" in out, out
    assert "settings.py" not in out, out


def test_hook_passes_on_clean_articles(hook_repo, tmp_path):
    env = _env(tmp_path)
    content = _make_repo(env, tmp_path / "content", {
        "articles/good.md": GOOD_MD,
        "articles/good.txt": GOOD_TXT,
    })
    proc = _try_repo(hook_repo, content, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "newslint" in out and "Passed" in out, out
