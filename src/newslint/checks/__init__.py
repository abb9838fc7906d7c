"""The built-in rules written in Python. Rules expressible as data live in rules/*.toml instead."""

from newslint.checks.input_problems import INPUT_RULES
from newslint.checks.repeated_word import RepeatedWord
from newslint.checks.suppression_rules import SUPPRESSION_RULES

RULE_CLASSES = [*INPUT_RULES, *SUPPRESSION_RULES, RepeatedWord]
