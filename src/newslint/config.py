"""Settings: found in pyproject.toml ([tool.newslint]), newslint.toml or .newslint.toml.

The first file that has newslint settings, walking up from the linted path, wins; `--config`
names one directly. Every key is checked: an unknown key or a bad value is a ConfigError that
names the file and the key. Paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from newslint.errors import ConfigError, read_toml
from newslint.findings import Severity
from newslint.globs import bad_glob, why_bad
from newslint.grammar.settings import MIN_REQUEST_SIZE, LanguageToolSettings, normalize_url

CONFIG_FILES = ("pyproject.toml", "newslint.toml", ".newslint.toml")
# Spelling dialects (config `dialect`, option `--dialect`); newslint.dialects reads their data.
DIALECTS = ("en-US", "en-GB", "en-GB-oxendict")
OUTPUT_FORMATS = ("text", "concise", "json", "sarif", "github", "junit")
LANGUAGETOOL_KEYS = tuple(f"languagetool-{k}" for k in (
    "url", "language", "enabled-rules", "disabled-rules", "enabled-categories", "disabled-categories",
    "timeout", "request-size", "cache-dir"))


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # selector -> severity
    fail_on: Severity = Severity.WARNING
    output_format: str = "text"
    accept: tuple[str, ...] = ()
    accept_files: tuple[Path, ...] = ()  # files of accepted words, one per line
    dialect: str | None = None  # en-US, en-GB, en-GB-oxendict; None accepts both spellings
    name_aliases: tuple[tuple[str, ...], ...] = ()
    rule_packs: tuple[Path, ...] = ()
    jsonl_text_field: str = "text"
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    cache_dir: Path | None = None  # None: .newslint_cache in `root`
    unsafe_fixes: bool = False  # apply and show the fixes that are guesses (Fix.applicability)
    config_path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def merged(self, **overrides) -> "Settings":
        """These settings with command-line values laid over them (None means not given)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest config file with newslint settings, from `start` up to the file-system root."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


# A [tool.newslint] table, or one of its subtables, as it is written: what shows a pyproject.toml
# that cannot be parsed is still meant to configure newslint.
_NEWSLINT_TABLE = re.compile(rb"\[\s*tool\s*\.\s*[\"']?newslint\b")


def _has_tool_table(pyproject: Path) -> bool:
    try:
        raw = pyproject.read_bytes()
    except OSError:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # Broken but plainly holding newslint settings: it is the config, and load_settings
        # reports it; passing it over would lint with another file's settings. A broken
        # pyproject.toml without them belongs to other tools (often a project template, not
        # TOML at all) and must not stop a lint of prose.
        return _NEWSLINT_TABLE.search(raw) is not None
    return isinstance(data.get("tool"), dict) and "newslint" in data["tool"]


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    data = read_toml(path, "config file")
    if path.name == "pyproject.toml":
        return parse_table(_tool_table(data, path, {}), path, "[tool.newslint]")
    # newslint.toml: its top level, or a [tool.newslint] table in it.
    table = _tool_table(data, path, data) if "tool" in data else data
    return parse_table(table, path, "newslint settings")


def _tool_table(data: dict, path: Path, default: dict) -> dict:
    """[tool.newslint] of a parsed file, or `default` when there is none. Any other shape
    (`tool = 5`, `[[tool.newslint]]`) is a ConfigError, not a crash later."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, such as [tool.newslint]")
    table = tool.get("newslint", default)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.newslint' must be a table of settings ([tool.newslint])")
    return table


def parse_table(table: dict, path: Path, where: str = "newslint settings") -> Settings:
    root = path.resolve().parent

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: {where}: key {key!r}: {problem}")

    def str_list(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    def check_globs(key: str, globs) -> None:
        bad = bad_glob(globs)
        if bad is not None:
            raise fail(key, f"invalid glob {bad!r}: {why_bad(bad)}")

    def existing_files(key: str, what: str) -> tuple[Path, ...]:
        files = tuple(root / p for p in str_list(key))
        for file in files:
            if not file.is_file():
                raise fail(key, f"{file}: {what} not found")
        return files

    values: dict = {"config_path": path, "root": root}
    for key in table:
        if key in ("select", "extend-select", "ignore", "exclude", "extend-exclude", "accept"):
            values[key.replace("-", "_")] = str_list(key)
            if key in ("exclude", "extend-exclude"):
                check_globs(key, values[key.replace("-", "_")])
        elif key == "accept-files":
            values["accept_files"] = existing_files(key, "accept file")
        elif key == "dialect":
            if table[key] not in DIALECTS:
                raise fail(key, f"must be one of {', '.join(DIALECTS)}")
            values["dialect"] = table[key]
        elif key == "rule-packs":
            values["rule_packs"] = existing_files(key, "rule pack")
        elif key == "per-file-ignores":
            value = table[key]
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
            ):
                raise fail(key, 'must be a table of "glob" = ["CODE", ...]')
            check_globs(key, value)
            values["per_file_ignores"] = tuple((g, tuple(c)) for g, c in value.items())
        elif key == "severity":
            value = table[key]
            if not isinstance(value, dict):
                raise fail(key, 'must be a table of "CODE-or-name" = "error" | "warning" | "info"')
            pairs = []
            for selector, level in value.items():
                try:
                    pairs.append((selector, Severity.parse(str(level))))
                except ValueError as exc:
                    raise fail(f"severity.{selector}", str(exc)) from None
            values["severity"] = tuple(pairs)
        elif key == "name-aliases":
            value = table[key]
            if not isinstance(value, list) or not all(
                isinstance(group, list) and len(group) >= 2 and all(isinstance(n, str) for n in group)
                for group in value
            ):
                raise fail(key, 'must be a list of name groups, e.g. [["Kyiv", "Kiev"]]')
            values["name_aliases"] = tuple(tuple(group) for group in value)
        elif key == "fail-on":
            try:
                values["fail_on"] = Severity.parse(str(table[key]))
            except ValueError as exc:
                raise fail(key, str(exc)) from None
        elif key == "output-format":
            if table[key] not in OUTPUT_FORMATS:
                raise fail(key, f"must be one of {', '.join(OUTPUT_FORMATS)}")
            values["output_format"] = table[key]
        elif key == "jsonl-text-field":
            if not isinstance(table[key], str) or not table[key]:
                raise fail(key, "must be a non-empty string")
            values["jsonl_text_field"] = table[key]
        elif key in LANGUAGETOOL_KEYS:
            continue  # read together below
        elif key == "unsafe-fixes":
            if not isinstance(table[key], bool):
                raise fail(key, "must be true or false")
            values["unsafe_fixes"] = table[key]
        elif key == "cache-dir":
            if not isinstance(table[key], str) or not table[key]:
                raise fail(key, "must be a non-empty string (a folder)")
            values["cache_dir"] = root / table[key]
        else:
            raise ConfigError(f"{path}: {where}: unknown key {key!r}")
    values["languagetool"] = _languagetool(table, root, fail)
    return Settings(**values)


def _languagetool(table: dict, root: Path, fail) -> LanguageToolSettings:
    """The `languagetool-*` keys: the grammar stage's server, language, rules, limits and cache."""
    values: dict = {}
    lists = {"enabled-rules", "disabled-rules", "enabled-categories", "disabled-categories"}
    for key, value in table.items():
        if key not in LANGUAGETOOL_KEYS:
            continue
        name = key[len("languagetool-"):]
        if name == "url":
            if not isinstance(value, str):
                raise fail(key, 'must be a string: a URL such as "http://localhost:8081", or "local"')
            try:
                values["url"] = normalize_url(value)
            except ValueError as exc:
                raise fail(key, str(exc)) from None
        elif name == "language":
            if not isinstance(value, str) or not value.strip():
                raise fail(key, 'must be a language code such as "en-US" or "en-GB"')
            values["language"] = value.strip()
        elif name in lists:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise fail(key, "must be a list of LanguageTool ids (strings)")
            values[name.replace("-", "_")] = tuple(v.strip() for v in value)
        elif name == "timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise fail(key, "must be a number of seconds above 0")
            values["timeout"] = float(value)
        elif name == "request-size":
            if isinstance(value, bool) or not isinstance(value, int) or value < MIN_REQUEST_SIZE:
                raise fail(key, f"must be a whole number of bytes, at least {MIN_REQUEST_SIZE}")
            values["request_size"] = value
        elif name == "cache-dir":
            if not isinstance(value, str) or not value:
                raise fail(key, "must be a folder path (relative to this file's folder)")
            values["cache_dir"] = root / value
    return LanguageToolSettings(**values)


def read_accept_file(path: Path) -> tuple[str, ...]:
    """The words of an accept file: one per line (white space around it ignored), `#` comments."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read accept file: {exc}") from None
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(w for w in words if w)
