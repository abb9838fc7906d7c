"""User rule packs: both kinds, scopes, options, and precise errors for broken packs."""

from __future__ import annotations

import json

import pytest

from tests.util import check_json, codes, run_cli, write

PACK_HEAD = '''
[[rule]]
code = "RES901"
name = "house-style-share"
category = "residue"
kind = "existence"
message = "Share widget text: '{match}'"
what = "Share widget text."
why = "Page furniture."
bad = "Share on Facebook\\n"
good = "She shared the report with the council.\\n"
'''


def _config(tmp_path, pack_text: str):
    write(tmp_path / "packs" / "house.toml", pack_text)
    write(tmp_path / "newslint.toml", 'rule-packs = ["packs/house.toml"]\n')


def test_existence_phrases_with_line_scope_and_ignore_case(tmp_path):
    _config(tmp_path, PACK_HEAD + 'scope = "line"\nignore-case = true\nphrases = ["share on facebook", "share on x"]\n')
    article = write(tmp_path / "a.txt", "The council met.\n\nSHARE ON FACEBOOK\n\nShare on Xylophone Weekly\n")
    status, findings = check_json("--select", "RES901", str(article))
    assert status == 1
    assert [(f["code"], f["line"], f["column"], f["end_column"]) for f in findings] == [("RES901", 3, 1, 18)]
    assert findings[0]["message"] == "Share widget text: 'SHARE ON FACEBOOK'"


def test_phrases_are_found_where_their_end_words_are_pieces_of_compounds(tmp_path):
    # The quick test looks a phrase's longest word up among the text's words and their pieces:
    # an end word may be glued to a neighbour by a hyphen, an apostrophe or a full stop. Each
    # file has the phrase in one shape only, so no other copy of the word lets it through.
    _config(tmp_path, PACK_HEAD + 'ignore-case = true\nphrases = ["grim outcome", "harbour fee"]\n')
    texts = {
        "hyphens.txt": "Officials feared a non-grim outcome-based review.\n",
        "apostrophe.txt": "The Harbour Fee's rise was announced.\n",
        "plain.txt": "The review had a grim outcome.\n",
        "longer-words.txt": "A grim outcomes report and a harbour feed went out.\n",
    }
    paths = [str(write(tmp_path / name, text)) for name, text in texts.items()]
    status, findings = check_json("--select", "RES901", *paths)
    found = {(f["path"].rsplit("/", 1)[-1], f["column"], f["end_column"]) for f in findings}
    assert found == {("hyphens.txt", 24, 36), ("apostrophe.txt", 5, 16), ("plain.txt", 18, 30)}


def test_existence_patterns_are_case_sensitive_by_default(tmp_path):
    _config(tmp_path, PACK_HEAD + 'patterns = ["Share on (?:Facebook|X)\\\\b"]\n')
    article = write(tmp_path / "a.txt", "share on facebook\n\nShare on X\n")
    assert [f["line"] for f in check_json("--select", "RES901", str(article))[1]] == [3]


@pytest.mark.parametrize("scope, expected_lines", [("heading", [1]), ("block", [1, 5])])
def test_heading_and_block_scope(tmp_path, scope, expected_lines):
    _config(tmp_path, PACK_HEAD + f'scope = "{scope}"\nphrases = ["Breaking"]\n')
    article = write(tmp_path / "a.md", "# Breaking news\n\nThe council met.\n\nBreaking: the bridge is shut.\n")
    assert [f["line"] for f in check_json("--select", "residue,mt-artifact", str(article))[1]] == expected_lines


def test_where_middle_skips_the_first_and_last_blocks(tmp_path):
    _config(tmp_path, PACK_HEAD + 'scope = "line"\nwhere = "middle"\npatterns = ["^\\\\(Harbour Post\\\\)$"]\n')
    article = write(tmp_path / "a.txt", "(Harbour Post)\n\nThe council met.\n\n(Harbour Post)\n\n"
                                        "The bridge shut.\n\n(Harbour Post)\n")
    assert [f["line"] for f in check_json("--select", "RES901", str(article))[1]] == [5]


def test_sentence_scope_matches_within_one_sentence(tmp_path):
    _config(tmp_path, PACK_HEAD + 'patterns = ["^Share\\\\b.*\\\\.$"]\n')
    article = write(tmp_path / "a.txt", "The council met. Share this story with friends. It rained.\n")
    [finding] = check_json("--select", "residue,mt-artifact", str(article))[1]
    assert (finding["column"], finding["end_column"]) == (18, 48)


def test_substitution_gives_a_fix_that_keeps_case(tmp_path):
    _config(tmp_path, '''
[[rule]]
code = "MTA901"
name = "house-calques"
category = "mt-artifact"
kind = "substitution"
message = "'{match}' is a calque; write '{replacement}'"
swap = { "in the frame of" = "as part of", "since three years" = "for three years" }
what = "Calques."
why = "Literal translation."
bad = "In the frame of the deal, taxes fell.\\n"
good = "As part of the deal, taxes fell.\\n"
''')
    article = write(tmp_path / "a.txt", "In the frame of the deal, taxes fell.\nThey lived there since three years.\n")
    _, findings = check_json("--select", "MTA901", str(article))
    assert [(f["line"], f["message"], f["fix"]["replacement"]) for f in findings] == [
        (1, "'In the frame of' is a calque; write 'As part of'", "As part of"),
        (2, "'since three years' is a calque; write 'for three years'", "for three years"),
    ]
    result = run_cli("check", "--fix", "--select", "MTA901", str(article))
    assert result.exit_code == 0
    assert article.read_text() == "As part of the deal, taxes fell.\nThey lived there for three years.\n"


def test_regex_substitution_expands_the_groups_of_its_own_pattern(tmp_path):
    # Each swap pattern is one alternative of a combined regex: \1 must still mean its own group.
    _config(tmp_path, r'''
[[rule]]
code = "MTA903"
name = "house-units"
category = "mt-artifact"
kind = "substitution"
regex = true
message = "'{match}': write '{replacement}'"
swap = { '(\d+) per ?cent\b' = '\1%', '(?P<n>\d+) kms\b' = '\g<n> km', '(?<=\d) pc\b' = '%' }
what = "Units."
why = "House style."
bad = "Prices rose 20 per cent.\n"
good = "Prices rose 20%.\n"
''')
    article = write(tmp_path / "a.txt", "Fares rose 20 per cent on the 12 kms route, and 5 pc on others.\n")
    _, findings = check_json("--select", "MTA903", str(article))
    assert [f["fix"]["replacement"] for f in findings] == ["20%", "12 km", "%"]
    assert findings[0]["message"] == "'20 per cent': write '20%'"
    assert run_cli("check", "--fix", "--select", "MTA903", str(article)).exit_code == 0
    assert article.read_text() == "Fares rose 20% on the 12 km route, and 5% on others.\n"


def test_unsafe_substitution_is_applied_only_when_asked(tmp_path):
    _config(tmp_path, '''
[[rule]]
code = "MTA902"
name = "house-guesses"
category = "mt-artifact"
kind = "substitution"
fix = "unsafe"
message = "'{match}' probably means '{replacement}'"
swap = { "make a photo" = "take a photo" }
what = "Guesses."
why = "Literal translation."
bad = "They make a photo.\\n"
good = "They take a photo.\\n"
''')
    article = write(tmp_path / "a.txt", "They make a photo of the bridge.\n")
    [finding] = check_json("--select", "MTA902", str(article))[1]
    assert finding["fix"] is None
    [finding] = check_json("--select", "MTA902", "--unsafe-fixes", str(article))[1]
    assert finding["fix"]["applicability"] == "unsafe" and finding["fix"]["replacement"] == "take a photo"
    assert run_cli("check", "--fix", "--select", "MTA902", str(article)).exit_code == 1
    assert article.read_text() == "They make a photo of the bridge.\n"
    # the setting in the configuration does what the option does
    write(tmp_path / "newslint.toml", 'rule-packs = ["packs/house.toml"]\nunsafe-fixes = true\n')
    assert run_cli("check", "--fix", "--select", "MTA902", str(article)).exit_code == 0
    assert article.read_text() == "They take a photo of the bridge.\n"
    listing = run_cli("rules", "--format", "json", "--config", str(tmp_path / "newslint.toml")).stdout
    [rule] = [r for r in json.loads(listing) if r["code"] == "MTA902"]
    assert (rule["fixable"], rule["fix_applicability"]) == (True, "unsafe")


def test_pack_rule_can_be_off_by_default(tmp_path):
    _config(tmp_path, PACK_HEAD + 'enabled = false\nphrases = ["Share on Facebook"]\n')
    article = write(tmp_path / "a.txt", "Share on Facebook\n")
    assert "RES901" not in codes(check_json(str(article))[1])
    assert "RES901" in codes(check_json("--extend-select", "RES901", str(article))[1])


def test_pack_rules_appear_in_rules_and_explain(tmp_path):
    _config(tmp_path, PACK_HEAD + 'phrases = ["Share on Facebook"]\n')
    listing = run_cli("rules", "--config", str(tmp_path / "newslint.toml"))
    assert "RES901" in listing.stdout and "house-style-share" in listing.stdout
    doc = run_cli("explain", "--config", str(tmp_path / "newslint.toml"), "house-style-share")
    assert doc.exit_code == 0 and "packs/house.toml" in doc.stdout


@pytest.mark.parametrize(
    "body, problem",
    [
        (PACK_HEAD + 'patterns = ["(unclosed"]\n', "rule #1 (RES901): invalid regular expression '(unclosed'"),
        (PACK_HEAD + 'phrases = ["x"]\ncolour = "red"\n', "rule #1 (RES901): unknown key 'colour'"),
        (PACK_HEAD.replace('"residue"', '"gossip"') + 'phrases = ["x"]\n', "unknown category 'gossip'"),
        (PACK_HEAD.replace('RES901', 'MTA901') + 'phrases = ["x"]\n', "must start with RES"),
        (PACK_HEAD.replace('"existence"', '"vibes"'), "unknown kind 'vibes'"),
        (PACK_HEAD, "needs 'patterns' or 'phrases'"),
        (PACK_HEAD + 'phrases = ["x"]\nscope = "page"\n', "unknown scope 'page'"),
        (PACK_HEAD + 'phrases = ["x"]\nseverity = "fatal"\n', "unknown severity 'fatal'"),
        (PACK_HEAD + 'phrases = ["x"]\nseverity = 3\n', "unknown severity '3'"),
        (PACK_HEAD + 'phrases = ["x"]\nblock-kinds = "paragraph"\n', "'block-kinds' must be a list of non-empty strings"),
        (PACK_HEAD + 'phrases = ["x"]\nblock-kinds = [["paragraph"]]\n', "'block-kinds' must be a list"),
        ('rule = ["Share on Facebook"]\n', "rule #1: must be a table"),
        (PACK_HEAD + 'phrases = ["x"]\nwhere = "edges"\n', "unknown where 'edges'"),
        (PACK_HEAD.replace('"existence"', '"substitution"') + 'fix = "maybe"\nswap = { "a b" = "c" }\n',
         "unknown fix 'maybe'"),
        (PACK_HEAD + 'phrases = ["x"]\nfix = "unsafe"\n', "unknown key 'fix'"),
        (PACK_HEAD.replace('"existence"', '"substitution"') + "regex = true\nswap = { '(Share) on' = '\\2 via' }\n",
         r"bad replacement '\\2 via' for '(Share) on': invalid group reference 2"),
        (PACK_HEAD.replace('"existence"', '"substitution"') + "regex = true\nswap = { '(?P<x>Share) on' = '\\g<y>' }\n",
         "unknown group name 'y'"),
        (PACK_HEAD.replace('"existence"', '"substitution"') + "regex = true\nswap = { 'Share on' = 'Post\\' }\n",
         r"bad replacement 'Post\\' for 'Share on'"),
        (PACK_HEAD.replace('message = "Share widget text: \'{match}\'"', 'message = "{nope}"') + 'phrases = ["x"]\n',
         "bad placeholder in message"),
        *((PACK_HEAD.replace('message = "Share widget text: \'{match}\'"', f'message = "Widget: {field}"')
           + 'phrases = ["x"]\n', f"bad placeholder in message ('{field}'); use {{match}} or {{replacement}}")
          for field in ("{match.__class__}", "{match[0]}", "{replacement!r}", "{match:>20}", "{}")),
        (PACK_HEAD.replace("RES901", "RES001") + 'phrases = ["x"]\n', "reuses 'RES001'"),
        ("[[rule]\n", "invalid TOML"),
        ('[rules]\nx = 1\n', "unknown top-level key 'rules'"),
    ],
)
def test_broken_pack_exits_2_naming_file_and_entry(tmp_path, body, problem):
    _config(tmp_path, body)
    article = write(tmp_path / "a.txt", "Share on Facebook\n")
    result = run_cli("check", str(article))
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "house.toml" in lines[0] and problem in lines[0], lines


def test_requires_skips_documents_without_the_strings(tmp_path):
    from tests.util import check_json, write

    pack = write(tmp_path / "pack.toml", '''
[[rule]]
code = "RES901"
name = "double-space-word"
category = "residue"
kind = "existence"
patterns = ['x{2}']
requires = ["zz"]
message = "Two x"
what = "x"
why = "x"
bad = "A xx b zz.\\n"
good = "A x b zz.\\n"
''')
    write(tmp_path / "pyproject.toml", f'[tool.newslint]\nrule-packs = ["{pack.name}"]\n')
    hit = write(tmp_path / "a.txt", "Some xx here, zz.\n")
    miss = write(tmp_path / "b.txt", "Some xx here.\n")  # the pattern matches, but no "zz"
    _, findings = check_json("--select", "RES901", str(hit), str(miss))
    assert [(f["path"].endswith("a.txt"), f["column"]) for f in findings] == [(True, 6)]


def test_requires_must_be_a_list_of_strings(tmp_path):
    from tests.util import run_cli, write

    pack = write(tmp_path / "pack.toml", '''
[[rule]]
code = "RES902"
name = "bad-requires"
category = "residue"
kind = "existence"
patterns = ['y']
requires = "y"
message = "y"
what = "y"
why = "y"
bad = "y\\n"
good = "z\\n"
''')
    write(tmp_path / "pyproject.toml", f'[tool.newslint]\nrule-packs = ["{pack.name}"]\n')
    result = run_cli("check", str(write(tmp_path / "a.txt", "y\n")))
    assert result.exit_code == 2
    assert "'requires' must be a list of non-empty strings" in result.stderr
def test_built_in_packs_compile_eagerly_too():
    """The built-in packs are compiled lazily in a run; compiling them all here catches a bad regex."""
    from newslint.packs import load_pack
    from newslint.registry import builtin_rules_dir

    for pack in sorted(builtin_rules_dir().glob("*.toml")):
        for rule in load_pack(pack):
            assert rule.pattern.pattern
        for rule in load_pack(pack, lazy=True):
            assert "pattern" not in vars(rule)  # not compiled until first use
            assert rule.pattern.pattern
