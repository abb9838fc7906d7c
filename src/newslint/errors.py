"""Errors that stop a run with exit status 2."""


class UsageError(Exception):
    """Something the user asked for cannot be done (a missing path, a bad option value)."""


class ConfigError(UsageError):
    """A configuration file or rule pack is invalid; the message names the file and the key."""
