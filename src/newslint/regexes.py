"""Regular expressions compiled once and kept in the cache folder: the built-in rule packs' and
those the rule modules compile as they are imported (the command line opens the store before it
makes the rules).

Python compiles a regular expression in Python code (re._parser, re._compiler), and the rule
packs' long patterns cost about 50 ms a run, the rule modules' another 15 ms: most of what a
pre-commit run on one small file spends linting. What the compiler makes is a list of integers for the C matcher; this module
keeps those lists in the cache folder (`regex-<python>.json`) and a later run hands them
straight to the C matcher, `_sre.compile`, the last step of `re.compile`.

That is CPython's internal interface, so it is used carefully: the store is named by the exact
Python version and the matcher's magic number, the C matcher validates every list it is given
("invalid SRE code"), and on any error, or on another Python, the pattern is compiled the usual
way. The store keeps the patterns the last run used (and, after a run with worker processes,
whose patterns it does not see, those it had as well), so it does not grow.
"""

from __future__ import annotations

import json
import os
import re
import sys

try:  # the BLAKE2 module itself: hashlib would load OpenSSL too (3 ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

try:  # CPython 3.11 and later
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: compile the usual way
    _sre = None

# Whether compiled patterns can be kept at all: CPython 3.11 and later (on 3.10, `compile` is
# re.compile and no store is written).
KEPT = _sre is not None

_store: dict[str, list] = {}  # pattern key -> what _sre.compile takes besides the pattern
_used: set[str] = set()
_path: str | None = None
_new = False
_keep_unused = False  # keep the store's patterns this process did not use (see keep_unused)


def use(folder: str | os.PathLike | None) -> None:
    """Keep compiled patterns in `folder` (the cache folder) from now on; None: nowhere."""
    global _path, _store, _new, _keep_unused
    _path, _store, _new, _keep_unused = None, {}, False, False
    _used.clear()
    if _sre is None or folder is None:
        return
    _path = os.path.join(folder, f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.json")
    try:
        with open(_path, "rb") as file:
            store = json.loads(file.read())
        if store.get("python") == sys.version and isinstance(store["patterns"], dict):
            _store = store["patterns"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # none yet, or unreadable: it is rewritten at the end of the run


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the store when it has the pattern."""
    global _new
    if _sre is None or _path is None:
        return re.compile(pattern, flags)
    key = blake2b(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    _used.add(key)
    parts = _store.get(key)
    if parts is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = parts
            return _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:  # noqa: BLE001 - a bad or foreign entry: compile it afresh
            pass
    try:  # what re._compiler.compile does, keeping the pieces
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]
        compiled = _sre.compile(pattern, parts[0], code, parts[2], groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the internals changed: the public way always works
        return re.compile(pattern, flags)
    _store[key] = parts
    _new = True
    return compiled


def keep_unused() -> None:
    """This run's patterns are also compiled in worker processes, which the store does not
    see: keep the patterns it has that this process did not use, not only those it did."""
    global _keep_unused
    _keep_unused = True


def save() -> None:
    """Write the store if this run compiled anything new (atomically; errors are ignored: the
    store only saves time)."""
    global _new
    if _path is None or not _new:
        return
    kept = _store if _keep_unused else {k: v for k, v in _store.items() if k in _used}
    data = json.dumps({"python": sys.version, "patterns": kept},
                      separators=(",", ":")).encode("utf-8")
    temp = f"{_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        with open(temp, "wb") as file:
            file.write(data)
        os.replace(temp, _path)
        _new = False
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
