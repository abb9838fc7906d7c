"""GRM001 and SPL900: the findings of LanguageTool, when a LanguageTool server is configured.

These classes give LanguageTool's findings an identity in newslint (a code, a name, a category,
documentation); the grammar stage (src/newslint/grammar/) produces them, once per file, after the
other rules. A finding's code is the rule's code, a slash and LanguageTool's rule id:
`GRM001/EN_A_VS_AN`, `SPL900/MORFOLOGIK_RULE_EN_US`. Selectors, severities, per-file ignores and
suppression comments accept either the rule (`GRM001`, `languagetool-grammar`, `grammar`) or one
LanguageTool rule (`GRM001/EN_A_VS_AN`).
"""

from __future__ import annotations

from newslint.rule import Rule, RuleDoc


class LanguageToolRule(Rule):
    """A rule whose findings come from LanguageTool; `check` has nothing to do per document."""

    subrules = True
    fixable = True  # where LanguageTool offers exactly one replacement

    def check(self, doc, ctx):
        return ()


class LanguageToolGrammar(LanguageToolRule):
    code = "GRM001"
    name = "languagetool-grammar"
    category = "grammar"
    summary = "Grammar, style and punctuation matches from LanguageTool (needs a LanguageTool server)"
    doc = RuleDoc(
        what="Every match of LanguageTool's rules other than its typo rules, with LanguageTool's "
             "message and suggestions; the code names the LanguageTool rule, e.g. GRM001/EN_A_VS_AN. "
             "Runs only when a server is configured (`languagetool-url`, `--languagetool URL` or "
             "NEWSLINT_LANGUAGETOOL_URL). LanguageTool rules that duplicate newslint's are off.",
        why="Translated and hurriedly edited copy is full of agreement, article and word-choice "
            "errors that no pattern list can enumerate; LanguageTool knows thousands of them.",
        bad="The council approved a extra ferry for the winter timetable.\n",
        good="The council approved an extra ferry for the winter timetable.\n",
    )


class LanguageToolTypo(LanguageToolRule):
    code = "SPL900"
    name = "languagetool-typo"
    category = "spelling"
    # A word LanguageTool does not know may be a name; its one suggestion is a guess, as
    # pyspellchecker's are (SPL001 offers no fix at all).
    fix_applicability = "unsafe"
    summary = "Possible typos from LanguageTool's spelling rules (needs a LanguageTool server)"
    doc = RuleDoc(
        what="A match of one of LanguageTool's typo rules (category TYPOS, such as "
             "MORFOLOGIK_RULE_EN_US), with its suggestions; the code names the rule, e.g. "
             "SPL900/MORFOLOGIK_RULE_EN_US. Runs only when a LanguageTool server is configured.",
        why="A misspelt word in published copy looks careless and can change the meaning.",
        bad="The ferry will recieve a new engine next year.\n",
        good="The ferry will receive a new engine next year.\n",
    )


LANGUAGETOOL_RULES = [LanguageToolGrammar, LanguageToolTypo]
