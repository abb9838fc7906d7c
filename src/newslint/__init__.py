"""newslint: a linter for news prose."""

__version__ = "0.1.0"
