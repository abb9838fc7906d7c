"""RES002 headline-site-suffix: the headline repeated with the site's name ("… - The Harbour Times").

A page's <title> is the headline plus the site's name; scrapers that keep it put a line such
as "Ferry strike ends - The Harbour Times" or "Ferry strike ends | Harbour Times" above (or
instead of) the real headline. Headlines themselves end with " - Name" often enough ("Tax cuts
must wait - Blair" attributes a quote), so a suffix counts as the site's only when:

- the rest of the line is the headline the article already has, in one of its first blocks
  (then the whole line is residue); or
- it is set off by a pipe or "::", which headlines do not use; or
- the name holds a word that names a news site ("Times", "News", "Herald", "BBC"; the list is
  rules/data/site-name-words.txt) or is a web address ("harbourtimes.com").

Only the blocks above the body are looked at (at most the first three, up to the first
paragraph of prose), and only one-line blocks that do not end a sentence: a title line is short
and has no full stop.
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint import regexes
from newslint.document import Document
from newslint.findings import Hit, Severity, shorten
from newslint.lexicons import word_list
from newslint.rule import Context, Rule, RuleDoc
from newslint.structure import ends_sentence

HEAD_BLOCKS = 3  # the title line is one of the article's first blocks, above the body …
COMPARE_BLOCKS = 5  # … and its headline one of the first five
BODY_WORDS = 4  # a block that ends a sentence and has more words than this starts the body
MAX_SITE_WORDS = 6

# A separator between the headline and the site's name, with spaces around it.
_SEPARATOR = regexes.compile(r"[ \t]+(\||::|-|–|—|»|·|•)[ \t]+")
_DOMAIN = regexes.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_CONNECTORS = frozenset("the of and & de la le du der die el y on".split())
_NOT_WORD = regexes.compile(r"[^\w]+")


class HeadlineSiteSuffix(Rule):
    code = "RES002"
    name = "headline-site-suffix"
    category = "residue"
    severity = Severity.WARNING
    summary = "The headline repeated with the site's name (\"Ferry strike ends - The Harbour Times\")"
    doc = RuleDoc(
        what="A title line at the top of the article that is the headline with the site's name "
             "appended, as in a page's <title>: \"Ferry strike ends - The Harbour Times\", "
             "\"Ferry strike ends | Harbour Times\". Flagged when the headline also stands on its "
             "own next to it (the whole line is then residue), or when the name follows a pipe, "
             "names a news site (\"Times\", \"News\", \"BBC\") or is a web address (then the "
             "suffix is). Headlines that end with a quoted speaker (\"Tax cuts must wait - "
             "Blair\") are not flagged.",
        why="The site's name belongs to the page, not to the article; a repeated headline reads "
            "as a duplicated line at the top of the text.",
        bad="Ferry strike ends - The Harbour Times\n\nFerry strike ends\n\nThe ferry service "
            "resumes on Friday.\n",
        good="Ferry strike must end - Mayor\n\nThe ferry service resumes on Friday.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        blocks = doc.blocks[:COMPARE_BLOCKS]
        for block in blocks[:HEAD_BLOCKS]:
            text = block.text
            if ends_sentence(text) and len(text.split()) > BODY_WORDS:
                break  # the body has started
            if "\n" in text or len(text) > 250 or text[-1] in ".!?" or not _SEPARATOR.search(text):
                continue
            separator = list(_SEPARATOR.finditer(text))[-1]
            head, site = text[:separator.start()], text[separator.end():]
            if len(head) < 8 or not _name_like(site):
                continue
            others = {_fold(b.text) for b in blocks if b is not block}
            folded_head = _fold(head)
            if any(other == folded_head or other.endswith(" " + folded_head) for other in others):
                yield Hit(block.start, block.end,
                          f"Headline repeated with the site's name: '{shorten(site)}'")
            elif separator.group(1) in ("|", "::") or _names_a_site(site):
                yield Hit(block.start + separator.start(), block.end,
                          f"Site name appended to the headline: '{shorten(text[separator.start():].strip())}'")


def _name_like(site: str) -> bool:
    """One to six words, each capitalised, a small joining word, or a web address."""
    words = site.split()
    if not 1 <= len(words) <= MAX_SITE_WORDS:
        return False
    if len(words) == 1 and _DOMAIN.match(words[0]):
        return True
    capitalised = 0
    for word in words:
        if word[:1].isupper() or word[:1].isdigit():
            capitalised += 1
        elif word.lower() not in _CONNECTORS:
            return False
    return capitalised > 0


def _names_a_site(site: str) -> bool:
    if _DOMAIN.match(site.strip()):
        return True
    site_words = word_list("site-name-words")
    return any(part in site_words for part in _NOT_WORD.split(site.lower()) if part)


def _fold(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


HEADLINE_RULES = [HeadlineSiteSuffix]
