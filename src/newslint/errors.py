"""Errors that stop a run with exit status 2."""


class UsageError(Exception):
    """Something the user asked for cannot be done (a missing path, a bad option value)."""


class ConfigError(UsageError):
    """A configuration file or rule pack is invalid; the message names the file and the key."""


def read_toml(path, what: str) -> dict:
    """Parse the TOML file at `path` (a config file or a rule pack, as `what` says)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
