"""Page residue beyond the first pack: titles with the site's name (RES002), dates with sections
(RES030), agency credits (RES040), author placeholders (RES045), footer links (RES050), browser
notices (RES075), advertisement labels (RES085), copyright lines (RES095), hashtags glued to a
paragraph (RES120) and template placeholders (RES130).

Every text here is invented. Each rule has a "flagged" and a "not flagged" list: the second holds
the prose that shares the rule's words.
"""

from __future__ import annotations

import pytest

from tests.util import check_json, write

BODY = "The ferry service resumes on Friday.\n\n{}\n\nTickets go on sale today.\n"


def found(tmp_path, text: str, select: str) -> list[tuple[str, int, int]]:
    path = write(tmp_path / "a.txt", text)
    status, findings = check_json("--select", select, str(path))
    assert status == (1 if findings else 0)
    return [(f["code"], f["line"], f["column"]) for f in findings]


# -- RES002 headline-site-suffix ----------------------------------------------------------

def test_title_line_repeating_the_headline_is_flagged_whole(tmp_path):
    text = "Ferry strike ends - The Harbour Times\n\nFerry strike ends\n\nThe ferry service resumes on Friday.\n"
    path = write(tmp_path / "a.txt", text)
    [f] = check_json("--select", "RES002", str(path))[1]
    assert (f["code"], f["rule"], f["line"], f["column"], f["end_column"]) == ("RES002", "headline-site-suffix", 1, 1, 38)
    assert f["message"] == "Headline repeated with the site's name: 'The Harbour Times'"


def test_title_line_after_a_breadcrumbed_headline(tmp_path):
    text = "Home » News » Ferry strike ends\n\nFerry strike ends – harbourtimes.com\n\nThe ferry resumes on Friday.\n"
    assert found(tmp_path, text, "RES002") == [("RES002", 3, 1)]


@pytest.mark.parametrize("title, column", [
    ("Ferry strike ends | Harbour Times", 18),
    ("Ferry strike ends :: Valley Online", 18),
    ("Ferry strike ends - The Harbour Herald", 18),
    ("Ferry strike ends — Valley News", 18),
    ("Ferry strike ends - harbourtimes.co.uk", 18),
])
def test_site_name_appended_to_the_only_headline(tmp_path, title, column):
    assert found(tmp_path, f"{title}\n\nThe ferry service resumes on Friday.\n", "RES002") == [("RES002", 1, column)]


@pytest.mark.parametrize("text", [
    "Tax cuts must wait - Blair\n\nThe prime minister said so on Friday.\n",
    "Fares rise - union warns of strikes\n\nThe union said so on Friday.\n",
    "Hale - a captain in the storm\n\nThe ferry captain spoke on Friday.\n",
    "The ferry service resumes on Friday.\n\nThe crossing takes two hours - Valley News\n\nMore text.\n\nEven more text - Harbour Times\n",
    "The ferry, the mayor said, resumes on Friday - Harbour Times.\n",
])
def test_headlines_with_a_speaker_and_later_lines_are_not_flagged(tmp_path, text):
    assert found(tmp_path, text, "RES002") == []


# -- RES030 dates, sections, reading times --------------------------------------------------

@pytest.mark.parametrize("line", [
    "12 March 2026 | World",
    "World | 12 March 2026",
    "UK Politics • 12/03/2026",
    "12 March 2026, 09:30 · Business",
    "12 March 2026 · 5 min read",
    "Tuesday, 12 March 2026",
    "March 12, 2026",
    "Posted on March 12, 2026 by Ana Ruiz",
    "5 min read",
    "Reading time: 4 minutes",
])
def test_date_and_section_lines_are_residue(tmp_path, line):
    assert found(tmp_path, BODY.format(line), "RES030") == [("RES030", 3, 1)]


@pytest.mark.parametrize("line", [
    "On 12 March 2026 the ferry resumed, the operator said.",
    "LONDON, 12 March 2026 | The ferry resumed on Friday after a week of talks.",
    "World | Europe | Ferry strike ends",
    "It took 5 min to read the statement.",
])
def test_dates_in_prose_are_not_residue(tmp_path, line):
    assert found(tmp_path, BODY.format(line), "RES030") == []


# -- RES040 source credits ------------------------------------------------------------------

@pytest.mark.parametrize("line", ["(Reuters)", "(Al Jazeera)", "Reuters", "— AFP", "AP/dpa", "- Associated Press"])
def test_credit_lines_in_the_middle_of_the_body(tmp_path, line):
    assert found(tmp_path, BODY.format(line), "RES040") == [("RES040", 3, 1)]


@pytest.mark.parametrize("line", [
    "BRACKWATER (AFP) - The ferry service resumed on Friday.",
    "(AFP) - The ferry service resumed on Friday.",
    "Reuters reported that the ferry had resumed.",
    "AP and Reuters both carried the story.",
    "(Applause)",  # a transcript's stage directions
    "[Laughter.]",
    "(Reporter Li Wen)",  # bylines in brackets
    "(By Anna Holt)",
])
def test_datelines_and_sentences_naming_agencies_are_not_credit_lines(tmp_path, line):
    assert found(tmp_path, BODY.format(line), "RES040") == []


# -- RES045 author placeholders -------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "By admin",
    "Posted by Administrator | 12 March 2026",
    "By admin, 12 March 2026",
    "Written by: webmaster",
    "By {author}",
    "By {{ author_name }}",
    "By [Author Name]",
    "By %author%",
    "By | 12 March 2026",
    "By",
    "Author: Staff Writer",
    "Author: admin",
    "Byline: Web Desk",
])
def test_author_placeholders_are_flagged(tmp_path, line):
    assert found(tmp_path, f"Ferry strike ends\n\n{line}\n\nThe ferry service resumes on Friday.\n", "RES045") == [("RES045", 3, 1)]


@pytest.mark.parametrize("line", [
    "By Ana Ruiz",
    "By Ana Ruiz | 12 March 2026",
    "By our harbour reporter",
    "By default, tickets bought online are refundable.",
    "By admin standards the delay was short.",
    "By user request, the timetable was changed.",
    "Author: Ana Ruiz",
    "By the editor of the Harbour Times",
])
def test_real_bylines_and_sentences_are_not_placeholders(tmp_path, line):
    assert found(tmp_path, f"Ferry strike ends\n\n{line}\n\nThe ferry service resumes on Friday.\n", "RES045") == []


# -- RES050 footer links, RES060 more networks -------------------------------------------------

@pytest.mark.parametrize("code, line", [
    ("RES050", "Privacy Policy | Terms of Use | Contact Us"),
    ("RES050", "About Us • Advertise with us • Sitemap"),
    ("RES050", "Print"),
    ("RES060", "Share on WhatsApp | Pocket | Flipboard"),
    ("RES060", "WeChat Weibo"),
])
def test_footer_and_share_lines(tmp_path, code, line):
    assert found(tmp_path, BODY.format(line), code) == [(code, 3, 1)]


@pytest.mark.parametrize("code, line", [
    ("RES050", "The privacy policy of the operator was changed in May."),
    ("RES050", "Contact us, the police said, if you saw the crash."),
    ("RES060", "Pocket money for children rose by 4%, a survey found."),
])
def test_footer_words_in_prose(tmp_path, code, line):
    assert found(tmp_path, BODY.format(line), code) == []


# -- RES075 browser notices, RES085 advertisements, RES095 copyright ----------------------------

@pytest.mark.parametrize("code, line", [
    ("RES075", "Please enable JavaScript to watch this video."),
    ("RES075", "JavaScript is disabled in your browser."),
    ("RES075", "Your browser does not support the video tag."),
    ("RES075", "Your browser doesn't support iframes."),
    ("RES075", "This video is not available in your country."),
    ("RES075", "Media playback is unsupported on your device"),
    ("RES075", "Loading..."),
    ("RES075", "Verify you are human by completing the action below."),
    ("RES075", "Checking your browser before accessing harbourtimes.com."),
    ("RES075", "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply."),
    ("RES075", "I'm not a robot"),
    ("RES075", "This content is not available in your region."),
    ("RES085", "Advertisement"),
    ("RES085", "ADVERTISEMENT"),
    ("RES085", "- Advertisement -"),
    ("RES085", "Sponsored content"),
    ("RES085", "Story continues below advertisement"),
    ("RES085", "Continue reading the main story"),
    ("RES085", "Scroll to continue with content"),
    ("RES085", "Ad Feedback"),
    ("RES085", "Advertisement - scroll to continue"),
    ("RES050", "Show more"),
    ("RES050", "Load more stories"),
    ("RES050", "Text size"),
    ("RES050", "Save for later"),
    ("RES050", "Add to favourites"),
    ("RES050", "Sign in to your account"),
    ("RES050", "Submit a correction"),
    ("RES050", "Items in cart: 0"),
    ("RES060", "Link copied!"),
    ("RES070", "Support independent journalism"),
    ("RES070", "Become a member today"),
    ("RES080", "More from this author"),
    ("RES080", "About the author"),
    ("RES040", "Image: AFP via Getty Images"),
    ("RES040", "Photograph: Ana Ruiz/Reuters"),
    ("RES040", "Picture: Tom Lee for The Valley News"),
    ("RES040", "Source: Reuters"),
    ("RES040", "Reporting by Ana Ruiz; Editing by Tom Lee"),
    ("RES040", "Additional reporting by Li Wen and Mark Cole"),
    ("RES095", "© 2026 The Harbour Times"),
    ("RES095", "Copyright 2026 Harbour Media Ltd. All rights reserved."),
    ("RES095", "Copyright © 2024-2026 Valley News"),
    ("RES095", "(c) 2026 Harbour Times"),
    ("RES095", "All rights reserved."),
    ("RES095", "This material may not be published, broadcast, rewritten or redistributed."),
])
def test_notice_lines_are_residue(tmp_path, code, line):
    assert found(tmp_path, BODY.format(line), code) == [(code, 3, 1)]


@pytest.mark.parametrize("code, line", [
    ("RES075", "The operator said its new website would need JavaScript to show the timetable."),
    ("RES075", "Loading the ferry took three hours, the captain said."),
    ("RES075", "Passengers were asked to verify their tickets before boarding."),
    ("RES085", "Advertisement revenue at the port fell by a third."),
    ("RES085", "Sponsored by the council, the festival returns in May."),
    ("RES085", "The story continues below the line of the harbour wall, the guide joked."),
    ("RES095", "Copyright law protects the timetable, the operator said."),
    ("RES095", "Copyright holders were paid £2m last year."),
    ("RES095", "All rights reserved, the singer said of her catalogue, were hers again."),
    ("RES050", "Show more patience, the mayor told drivers."),
    ("RES050", "Save for later years, the fund spends little."),
    ("RES070", "Support local journalism is part of the plan, the council said."),
    ("RES070", "Become a member of the rowing club and you may use the slipway."),
    ("RES080", "More from this author's diaries will be published in May."),
    ("RES040", "Photograph: the harbour wall after the storm, taken from the ferry."),
    ("RES085", "Advertisement boards along the quay were removed."),
    ("RES040", "Reporting by the harbour office found that fares would rise."),
    ("RES040", "Source: a harbour official who asked not to be named."),
])
def test_notice_words_in_prose_are_not_residue(tmp_path, code, line):
    assert found(tmp_path, BODY.format(line), code) == []


def test_comment_widget_javascript_notice_is_only_res010(tmp_path):
    line = "Please enable JavaScript to view the comments powered by Disqus."
    assert found(tmp_path, BODY.format(line), "residue") == [("RES010", 3, 1)]


# -- RES120 hashtags glued to a paragraph -----------------------------------------------------

def test_trailing_hashtags_span(tmp_path):
    text = "The harbour reopened.\n\nThe ferry resumes on Friday after the strike. #harbour #strike\n"
    path = write(tmp_path / "a.txt", text)
    [f] = check_json("--select", "RES120", str(path))[1]
    assert (f["line"], f["column"], f["end_column"]) == (3, 47, 63)
    assert f["message"] == "Hashtags glued to the end of the paragraph: '#harbour #strike'"


@pytest.mark.parametrize("text", [
    "The ferry resumes on Friday. #harbour\n",
    "\"We are back,\" the captain said. #ferry, #harbour\n",
    "The ferry resumes on Friday (weather permitting). #harbour #Brackwater2026\n",
])
def test_trailing_hashtags_are_flagged(tmp_path, text):
    assert [c for c, _, _ in found(tmp_path, text, "RES120")] == ["RES120"]


@pytest.mark.parametrize("text", [
    "Fans shared photos under #harbour and #strike on Friday.\n",
    "The ferry, ranked #1, resumes on Friday.\n",
    "The ferry resumes on Friday. #1 on the list is the harbour.\n",
    "#harbour #strike\n",
    "The campaign was called #BackTheFerry\n",
])
def test_hashtags_in_sentences_are_not_trailing(tmp_path, text):
    assert found(tmp_path, text, "RES120") == []


# -- RES130 template placeholders --------------------------------------------------------------

@pytest.mark.parametrize("text, placeholder", [
    ("The ferry resumes on Friday, {{ author }} reported.\n", "{{ author }}"),
    ("{% include 'ad.html' %} The ferry resumes on Friday.\n", "{% include 'ad.html' %}"),
    ("The ferry resumes on Friday, ${reporter} reported.\n", "${reporter}"),
    ("%%title%% The ferry resumes on Friday.\n", "%%title%%"),
    ("Fares rose by %s on Friday.\n", "%s"),
    ("The ferry resumes on Friday, {author} reported.\n", "{author}"),
    ("[Insert quote from the mayor]\n", "[Insert quote from the mayor]"),
    ("The crossing takes [TK] hours.\n", "[TK]"),
    ("The port was built in 1850.[citation needed]\n", "[citation needed]"),
])
def test_template_placeholders_are_flagged(tmp_path, text, placeholder):
    path = write(tmp_path / "a.txt", text)
    [f] = check_json("--select", "RES130", str(path))[1]
    assert f["message"] == f"Template placeholder left in the text: '{placeholder}'"


def test_dummy_text_is_flagged(tmp_path):
    assert found(tmp_path, "The ferry resumes.\n\nLorem ipsum dolor sit amet, consectetur.\n", "RES131") == [("RES131", 3, 1)]


@pytest.mark.parametrize("text", [
    "\"We are ready,\" [the mayor] said, and fares rose 5%, or 3% in real terms.\n",
    "The set {1, 2, 3} and the range [0, 1] appear in the report.\n",
    "Profits rose 50%s are rare, the analyst joked, and 100% of tickets sold.\n",
])
def test_brackets_and_percentages_in_prose_are_not_placeholders(tmp_path, text):
    assert found(tmp_path, text, "RES130") == []


def test_a_long_residue_line_is_quoted_short_in_the_message_and_spanned_whole(tmp_path):
    tags = "Tags: " + ", ".join(f"topic{n}" for n in range(300))
    path = write(tmp_path / "a.txt", "The council met on Monday and agreed the budget.\n\n" + tags + "\n")
    [finding] = [f for f in check_json(str(path))[1] if f["code"] == "RES090"]
    quoted = finding["message"].split(": ", 1)[1]
    assert quoted.startswith("'Tags: topic0, topic1,") and quoted.endswith("…'")
    assert len(quoted) <= 82
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 1, len(tags) + 1)


def test_a_wire_credit_line_that_ends_the_article_signs_it_off(tmp_path):
    text = "The ferry service resumes on Friday.\n\nReporting by Ana Ruiz; Editing by Tom Lee\n"
    assert found(tmp_path, text, "RES040") == []


@pytest.mark.parametrize("line", ["Already a subscriber? Log in", "Font size: A A A"])
def test_a_residue_line_is_not_also_a_cut_off_sentence(tmp_path, line):
    # The line ends on "in" or "A", as a cut-off paragraph would; it is page furniture, reported once.
    path = write(tmp_path / "a.txt", BODY.format(line))
    _, findings = check_json(str(path))
    assert [(f["category"], f["line"]) for f in findings] == [("residue", 3)]
    # With the residue rules off, nothing says the line is furniture: it reads as a cut paragraph.
    _, findings = check_json("--ignore", "residue", str(path))
    assert [(f["code"], f["line"]) for f in findings] == [("TRN001", 3)]
