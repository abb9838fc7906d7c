"""MTA301 repeated-word: "the the". Duplication is what MT and hurried editing leave behind.

A pair of identical words (any case, separated only by white space, a line break included) is a
finding unless English doubles it on purpose. What counts as on purpose, in the order checked:

- words English doubles in ordinary grammar or as reduplicatives: "that that", "had had",
  "bye bye", "no no", "ha ha" (LEGITIMATE_DOUBLES) and intensifiers: "very very", "really
  really" (INTENSIFIERS);
- three or more copies in a row: a chant, a slogan or a title ("go go go", "Spend Spend Spend");
  a slip doubles a word, it does not triple it;
- a pair wrapped in quotation marks as a unit: the writer is quoting the doubled expression;
- single capital letters other than "I": initials ("A A Milne", "General M M Naravane");
- a lowercase word followed by the same word capitalized: a common noun, then a title or a name
  ("the law lord Lord Smith");
- the same capitalized word twice, unless it is a function word: names and titles are built that
  way ("Duran Duran", "Walla Walla", "Bora Bora") while "The The minister" is a slip;
- a capitalized word followed by its lowercase twin is a slip at the start of a sentence ("The
  the council"), except for the few given names that are also verbs ("Will will decide");
- "is is" / "was was" after a wh-word or "all" earlier in the sentence: "what it is is a
  scandal", "all it was was a mistake";
- "this this" after a preposition: "add to this this new rule";
- a preposition doubled before a time expression: the first ends a clause, the second starts the
  time phrase ("the moment I had waited for for years", "a role she was cast in in 2004").

Numbers are not words: "1 1" or "2004 2004" are never reported. The fix keeps the first copy.
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint import regexes
from newslint.document import Document
from newslint.findings import Hit, Severity
from newslint.lexicons import CALENDAR_WORDS
from newslint.rule import Context, Rule, RuleDoc

# Words English doubles in grammar ("that that", "had had", "do do"), reduplicatives and calls
# ("bye bye", "knock knock", "tut tut") and lowercase doubled common nouns ("mahi mahi").
LEGITIMATE_DOUBLES = frozenset(
    """
    that had do does
    bye no yes ha hah heh ho hee ah oh aah ooh boo tut tsk shh hush knock chop wait now well there
    blah yadda yada ding dong choo tom pom cha la ta tra hip aye bling yum night chin goody
    bang beep boom honk quack woof meow tick tuk mahi tse dum ylang beri
    """.split()
)

# Intensifiers that speakers double for emphasis ("very very", "so so", "far far away").
INTENSIFIERS = frozenset("very really so much many far long way too".split())

# Closed-class words: doubled in capitals they are still a slip ("The The", "Of Of").
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor of in on at to for from by with as into onto upon about over under
    than then that this these those is are was were be been being has have had will would shall
    should can could may might must do does did not it its he she they we you i his her their our
    your my me him them us who whom which what when where why how if so
    """.split()
)

# Given names that are also verbs or modals: "Will will", "May may", "Rose rose", "Sue sue".
NAME_VERBS = frozenset("will may mark bill sue rose grant drew pat hope rob chase frank jack ray wade".split())

# Prepositions that can end a clause ("waited for") right before a time phrase ("for years").
_PREPOSITIONS = frozenset("in on at for by from to with about of over since during until after before".split())

_TIME_AFTER = regexes.compile(
    r"""\s*(?:
        (?:the\s+|a\s+|an\s+|recent\s+|many\s+|several\s+|some\s+|two\s+|three\s+|few\s+)?
        (?:very\s+|quite\s+|so\s+)?
        (?:past|future|meantime|interim|eve|end|beginning|start|first|last|next|coming|early|late|
           long|short|same\s+time|time|times|while|ages|years?|months?|weeks?|days?|hours?|
           minutes?|seconds?|decades?|centur(?:y|ies)|season|summer|winter|spring|autumn|morning|
           afternoon|evening|night|weekend|now|today|tonight|tomorrow|yesterday|
           """ + "|".join(CALENDAR_WORDS) + r"""|
           \d{4}s?|\d{2}s|\d+(?:st|nd|rd|th)?)
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)

# The sentence so far (from the last sentence end) must hold one of these for "is is".
_FREE_RELATIVE = regexes.compile(r"(?<!\w)(?:what|whatever|all|how|why|where|who|whoever)(?!\w)", re.IGNORECASE)

# A word: letters, maybe joined by apostrophes or hyphens ("it's", "so-called"); never digits.
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
# Two identical words separated only by white space (a line break included), any case. Not
# inside a longer word: no letter, digit, hyphen or word-internal apostrophe on either side.
_REPEAT = regexes.compile(
    rf"(?<![\w-])(?<!\w['’])({_WORD})(\s+)(\1)(?![\w-])(?!['’]\w)",
    re.IGNORECASE,
)
_NEXT_COPY = regexes.compile(r"\s+(" + _WORD + r")(?![\w-])(?!['’]\w)")
_SENTENCE_END = regexes.compile(r"[.!?…]")
_OPENING_QUOTES = "\"'“‘«„"
# Opening quotes and brackets, dropped before the quick test so that "(the the)" passes it.
_OPENERS = "([" + _OPENING_QUOTES
_CLOSING_QUOTES = "\"'”’»“"




def _maybe_repeat(text: str) -> bool:
    """The quick test, a superset of _REPEAT: some white-space token (lowercased, without opening
    quotes and brackets) is followed by one that starts with it ("the the,"). Most paragraphs
    fail it and are skipped; it runs in C (split, and str.startswith over the pairs), twice as
    fast as a back-referencing regex."""
    text = text.lower()
    for opener in _OPENERS:
        if opener in text:  # str.replace per mark present: faster than str.translate
            text = text.replace(opener, "")
    tokens = text.split()
    return any(map(str.startswith, tokens[1:], tokens))


class RepeatedWord(Rule):
    code = "MTA301"
    name = "repeated-word"
    category = "mt-artifact"
    severity = Severity.WARNING
    fixable = True
    summary = "The same word twice in a row"
    doc = RuleDoc(
        what="A word written twice in a row, such as \"the the\" or \"The the\", even across a line "
             "break. Words English doubles on purpose are not flagged: \"that that\", \"had had\", "
             "\"what it is is\", \"very very\", names such as \"Walla Walla\", initials, and three "
             "or more copies (\"go go go\"). Numbers are not words.",
        why="A doubled word is a slip that spell checkers miss and readers notice at once; machine "
            "translation and hurried editing both leave them. The fix removes the second copy.",
        bad="The minister said the the budget would be cut.\n",
        good="The minister said that that budget had had no debate, and what it is is a scandal.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for block in doc.blocks:
            text = block.text
            if not _maybe_repeat(text):
                continue
            pos = 0
            while True:
                m = _REPEAT.search(text, pos)
                if m is None:
                    break
                run_end = _end_of_run(text, m)
                if run_end > m.end():
                    pos = run_end  # three or more copies: a chant or a title, not a slip
                    continue
                pos = m.end(1) + len(m.group(2))  # the second copy may start a new pair
                if _legitimate(text, m):
                    continue
                first = m.group(1)
                # The fix keeps the first copy: "the the" -> "the", "The the" -> "The".
                yield Hit(block.start + m.start(1), block.start + m.end(3),
                          f"Repeated word '{first}'", first)


def _end_of_run(text: str, m: re.Match) -> int:
    """End of the last copy when the word comes a third time (or more) right after the pair."""
    end = m.end()
    word = m.group(1).lower()
    while True:
        nxt = _NEXT_COPY.match(text, end)
        if nxt is None or nxt.group(1).lower() != word:
            return end
        end = nxt.end()


def _shape(word: str) -> str:
    if word.islower():
        return "lower"
    if len(word) > 1 and word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    return "mixed"


def _legitimate(text: str, m: re.Match) -> bool:
    first, second = m.group(1), m.group(3)
    word = first.lower()
    if word in LEGITIMATE_DOUBLES or word in INTENSIFIERS:
        return True
    if _quoted_as_a_unit(text, m):
        return True
    if len(word) == 1 and word not in ("a", "i"):
        return True  # spelled-out letters ("b a s i c") are not words
    first_shape, second_shape = _shape(first), _shape(second)
    if len(first) == 1 and first.isupper() and second.isupper() and word != "i":
        return True  # initials: "A A Milne"
    if first_shape == "lower" and second_shape != "lower":
        return True  # a common noun, then a title or name: "law lord Lord Smith"
    if first_shape != "lower" and second_shape != "lower":
        return word not in FUNCTION_WORDS  # "Duran Duran" is a name, "The The minister" a slip
    if first_shape != "lower":  # "The the", "Will will"
        return word in NAME_VERBS
    # Both lowercase.
    if word in ("is", "was"):
        return _FREE_RELATIVE.search(_sentence_before(text, m.start(1))) is not None
    if word in ("this", "these"):
        before = _previous_word(text, m.start(1))
        return before is not None and before.lower() in _PREPOSITIONS
    if word in _PREPOSITIONS:
        return _TIME_AFTER.match(text, m.end()) is not None
    return False


def _quoted_as_a_unit(text: str, m: re.Match) -> bool:
    start, end = m.start(1), m.end(3)
    return (start > 0 and text[start - 1] in _OPENING_QUOTES
            and end < len(text) and text[end] in _CLOSING_QUOTES)


def _sentence_before(text: str, start: int) -> str:
    """The text from the last sentence end before `start` up to `start`."""
    window = text[max(0, start - 300):start]
    ends = [e.end() for e in _SENTENCE_END.finditer(window)]
    return window[ends[-1]:] if ends else window


def _previous_word(text: str, start: int) -> str | None:
    found = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 40):start])
    return found.group(1) if found else None
