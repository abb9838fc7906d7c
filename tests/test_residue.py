"""The residue pack through the CLI: breadcrumbs (RES001), comment widgets (RES010), hashtag lines (RES020).

Every text here is invented. Positions are checked in the file as written (1-based line and
column, end column just past the span), for plain text, Markdown and HTML.
"""

from __future__ import annotations

import pytest

from tests.util import check_json, write

CLEAN_ARTICLE = """\
Harbour reopens after storm repairs

The harbour at Port Alder reopened on Monday after a week of repairs, the port authority said.

Home Secretary Ana Ruiz visited the quay and praised the crews. "Home is where the work is," she
told reporters, adding that comments from fishermen had shaped the plan.

The council will take comments on the budget until May; after that, comments are closed and the
final vote is held. Residents can leave a comment at the town hall.

The ferry, ranked #1 in the region last year, resumes on Friday. Fans shared photos under #ferry
and #harbour, and the mayor said the service was "back, back where it belongs".

Profits at the port operator rose to £3bn from £2bn, and the share of freight > 40% for the first
time. "Nous sommes prêts", a French visitor said.
"""


def lint(tmp_path, text: str, select: str = "residue", name: str = "article.txt") -> list[dict]:
    path = write(tmp_path / name, text)
    status, findings = check_json("--select", select, str(path))
    assert status == (1 if findings else 0)
    return findings


def spans(findings: list[dict]) -> list[tuple]:
    return [(f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in findings]


# -- a clean article ------------------------------------------------------------------------

def test_clean_news_article_has_no_residue_or_repeated_word(tmp_path):
    assert lint(tmp_path, CLEAN_ARTICLE, "residue,MTA301") == []


def test_clean_news_article_as_markdown_has_no_finding(tmp_path):
    md = "---\ntitle: Harbour reopens\n---\n\n# Harbour reopens after storm repairs\n\n" + CLEAN_ARTICLE.split("\n", 2)[2]
    assert lint(tmp_path, md, "residue,MTA301", "article.md") == []


# -- RES001 breadcrumb --------------------------------------------------------------------

def test_breadcrumb_glued_to_headline_stops_at_the_last_separator(tmp_path):
    text = "Home » today » World » Valley Council Approves “Harbour Plan”: Work Starts in May\n\nBody text.\n"
    [f] = lint(tmp_path, text)
    assert (f["code"], f["rule"], f["category"]) == ("RES001", "breadcrumb", "residue")
    assert spans([f]) == [("RES001", 1, 1, 1, 23)]  # "Home » today » World »" is 22 characters
    assert f["message"] == "Breadcrumb trail left by the scraper: 'Home » today » World »'"
    assert f["fix"] is None


def test_breadcrumb_on_a_later_line_after_indentation(tmp_path):
    text = "Some intro.\n\n   Home > News > Local > Fair opens\n"
    assert spans(lint(tmp_path, text)) == [("RES001", 3, 4, 3, 25)]


@pytest.mark.parametrize("line", [
    "Home » News » World » Council approves new harbour budget",
    "Home > News > Local > Fair opens on the green",
    "Home › Politics › Budget approved",
    "Home / News / Local / Budget approved",
    "Home | News | Local",
    "HOME » NEWS » WORLD",
    "Homepage » Nachrichten » Welt",
    "Home Page > News > Sport",
    "Home>News>World>Budget approved",
    "Home &gt; News &gt; Local &gt; Budget approved",
    "Home &raquo; News &raquo; Budget approved",
    "Home » Israel/Palestine » Talks resume",
    "Home - News - World - Budget approved",
    "Home • News • World",
    "Startseite > Politik > Ausland > Kanzler reist nach Paris",
    "Accueil / Monde / Europe",
    "Inicio » Noticias » Mundo",
    "You are here: Home > News > World",
    "You are here: Home / News / Arts & Culture / Festival opens",
    "You are here: News > World > Europe",
    "You are here:",
    "News » World » Europe » Budget approved",
    "Sport → Football → Premier League → Results",
    "World > Middle East > Region > Talks resume",
])
def test_breadcrumb_variants_are_flagged(tmp_path, line):
    # RES001 alone: the trails written with entities ("&gt;") are also RES111's.
    assert [f["code"] for f in lint(tmp_path, line + "\n", select="RES001")] == ["RES001"]


@pytest.mark.parametrize("line", [
    "Home Secretary Ana Ruiz said the plan would go ahead.",
    "Home loan approvals rose again in March.",
    "Home - the new film by Ana Ruiz - opens on Friday.",
    "Home – a place of safety – was what the families wanted.",
    "Home/away kits will change next season.",
    "The home » button on the site is broken.",
    "Start/stop technology cuts fuel use by 5%.",
    "He said the score was 3 > 2 > 1 in the final round.",
    "« Nous sommes prêts », a dit le maire, « et la ville aussi ».",
    "»Wir sind bereit«, sagte er. »Und die Stadt auch.«",
    "The News > World section was redesigned.",
    "You are here because the council invited you, she said.",
    "News / Sport",
])
def test_prose_that_looks_like_a_breadcrumb_is_not_flagged(tmp_path, line):
    assert lint(tmp_path, line + "\n") == []


# -- RES010 comment widget ----------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Leave a Comment",
    "LEAVE A REPLY",
    "Leave a Reply Cancel reply",
    "Cancel reply",
    "Comments are closed.",
    "Commenting has been disabled.",
    "3 Comments",
    "1,204 comments",
    "One Comment",
    "Comments (12)",
    "Comments: 4",
    "Comments",
    "No Comments Yet",
    "Be the first to comment!",
    "Join the conversation",
    "View all comments",
    "Post Comment",
    "Add a comment...",
    "One thought on “Harbour reopens after storm”",
    "5 Responses to \"Harbour reopens\"",
    "Your email address will not be published.",
    "Your email address will not be published. Required fields are marked *",
    "Required fields are marked with an asterisk.",
    "Save my name, email, and website in this browser for the next time I comment.",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "Notify me of follow-up comments by email.",
    "Notify me of new posts by email.",
    "You must be logged in to post a comment.",
    "Logged in as Ana Ruiz. Log out?",
    "Your comment is awaiting moderation.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "Name *",
    "Δ",
    "Log in to Reply",
    "Schreibe einen Kommentar",
    "Laisser un commentaire",
    "Deja una respuesta",
])
def test_comment_widget_lines_are_flagged(tmp_path, line):
    assert [f["code"] for f in lint(tmp_path, "The ferry resumes on Friday.\n\n" + line + "\n")] == ["RES010"]


@pytest.mark.parametrize("line", [
    "Residents can leave a comment on the plan until May.",
    "Comments are closed after the consultation ends, the council said.",
    "The minister declined to comment.",
    "She made 3 comments about the budget.",
    "Comments from the mayor came later.",
    "No comments were made at the hearing.",
    "Two thoughts on \"the budget\" dominated the debate.",
    "Your email address will not be published, the bank promised its customers.",
    "This site uses Akismet to reduce spam, and other sites use it too.",
    "\"No comment,\" he said.",
    "Join the conversation about the harbour on Thursday at the town hall.",
    "Website traffic rose by 40%.",
])
def test_prose_about_comments_is_not_flagged(tmp_path, line):
    assert lint(tmp_path, line + "\n") == []


def test_comment_count_line_position_and_message(tmp_path):
    text = "The ferry resumes on Friday.\n\n12 Comments\n"
    [f] = lint(tmp_path, text)
    assert spans([f]) == [("RES010", 3, 1, 3, 12)]
    assert f["message"] == "Comment-widget text left by the scraper: '12 Comments'"


def test_comment_form_notices_cover_the_whole_line(tmp_path):
    notice = "This site uses Akismet to reduce spam. Learn how your comment data is processed."
    text = "The ferry resumes on Friday.\n\nLeave a Comment\n\n" + notice + "\n"
    assert spans(lint(tmp_path, text)) == [("RES010", 3, 1, 3, 16), ("RES010", 5, 1, 5, len(notice) + 1)]


# -- RES020 hashtag lines -----------------------------------------------------------------

def test_hashtag_line_is_flagged_with_its_span(tmp_path):
    tags = "#Valley #council #approves #harbour #budget"
    text = "The council approved the budget.\n\n" + tags + "\n2024-05-03 10:15:00\n"
    [f] = lint(tmp_path, text, select="RES020")
    assert spans([f]) == [("RES020", 3, 1, 3, len(tags) + 1)]
    assert (f["rule"], f["category"]) == ("hashtag-line", "residue")


@pytest.mark.parametrize("line", [
    "#ferry #harbour #transport",
    "#ferry, #harbour, #transport",
    "Tags: #ferry #harbour",
    "#2024Elections #vote",
    "#Карабах #Армения",
    "#ferry · #harbour · #transport",
])
def test_hashtag_lines_are_flagged(tmp_path, line):
    assert [f["code"] for f in lint(tmp_path, line + "\n")] == ["RES020"]


@pytest.mark.parametrize("line", [
    "Fans used #ferry and #harbour to share photos.",
    "The ferry, the #1 route in the region, resumes on Friday.",
    "#1 #2 #3",
    "#MeToo",
    "Ranked #1 in 2023 and #2 in 2024.",
    "C# and F# are programming languages.",
])
def test_hashtags_in_sentences_and_numbers_are_not_flagged(tmp_path, line):
    assert lint(tmp_path, line + "\n") == []


def test_hashtags_after_a_sentence_are_not_a_hashtag_line(tmp_path):
    # Not a line of hashtags (RES020); hashtags glued to a paragraph's end are RES120's.
    assert [f["code"] for f in lint(tmp_path, "Vote today! #Election #Vote\n")] == ["RES120"]


# -- other input formats ------------------------------------------------------------------

MARKDOWN = """\
---
title: Valley council approves harbour budget
tags: [council, harbour]
---

Home » News » Local » Valley council approves harbour budget

# Valley council approves harbour budget

The council approved the budget on Tuesday, the #1 item on its agenda.

#council #harbour #budget

Leave a Reply Cancel reply

Your email address will not be published. Required fields are marked *
"""


def test_markdown_file_positions_are_in_the_file(tmp_path):
    found = lint(tmp_path, MARKDOWN, name="article.md")
    assert spans(found) == [
        ("RES001", 6, 1, 6, 22),
        ("RES020", 12, 1, 12, 26),
        ("RES010", 14, 1, 14, 27),
        ("RES010", 16, 1, 16, 71),
    ]


def test_markdown_heading_marker_is_not_a_hashtag(tmp_path):
    assert lint(tmp_path, "# Harbour\n\n## Budget\n\nText.\n", name="a.md") == []


def test_html_paragraphs_positions_are_in_the_file(tmp_path):
    html = ("<html><head><title>Harbour</title></head><body>\n"
            "<p>Home &raquo; News &raquo; Harbour reopens</p>\n"
            "<p>The harbour reopened on Monday.</p>\n"
            "<p>Leave a Comment</p>\n"
            "</body></html>\n")
    found = lint(tmp_path, html, name="a.html")
    assert spans(found) == [("RES001", 2, 4, 2, 29), ("RES010", 4, 4, 4, 19)]
    assert found[0]["message"] == "Breadcrumb trail left by the scraper: 'Home » News »'"


# -- RES030 timestamp-line, RES040 source-credit-line ----------------------------------------------

@pytest.mark.parametrize("line", [
    "2026-03-14 09:30:12",
    "2026-03-14T09:30:12Z",
    "14/03/2026 09:30",
    "Updated: 14 March 2026 09:30 GMT",
    "Published on Mar 14, 2026, 9:30 AM",
    "Published 3 hours ago",
    "Updated: 12 minutes ago",
    "2 days ago",
])
def test_timestamp_lines_are_residue(tmp_path, line):
    path = tmp_path / "a.txt"
    path.write_text(f"The ferry service resumes on Friday.\n\n{line}\n", encoding="utf-8")
    _, findings = check_json("--select", "RES030", str(path))
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("RES030", 3, 1)]


@pytest.mark.parametrize("text", [
    "The ferry service resumes on 14 March 2026 at 09:30, the operator said.\n",
    "LONDON, 14 March 2026 - The ferry service resumes on Friday.\n",
    "Figures for 2026-03-14 showed a rise of 4%.\n",
    "The ferry sank 3 hours ago, the coastguard said.\n",
])
def test_dates_in_prose_are_not_timestamp_lines(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert check_json("--select", "RES030", str(path))[1] == []


@pytest.mark.parametrize("line", ["(Reuters)", "(Valley News)", "[AFP]", "(dpa/jm)", "Photo: Reuters",
                                  "Image: Getty Images", "Image copyright Getty Images", "Photo credit: Ana Ruiz",
                                  "Image source, Harbour Council"])
def test_source_credit_lines_are_residue(tmp_path, line):
    path = tmp_path / "a.txt"
    path.write_text(f"The ferry resumed on Friday.\n\n{line}\n\nTickets go on sale today.\n", encoding="utf-8")
    _, findings = check_json("--select", "RES040", str(path))
    assert [(f["code"], f["line"]) for f in findings] == [("RES040", 3)]


@pytest.mark.parametrize("text", [
    "BRACKWATER (Reuters) - The ferry resumed on Friday.\n",
    "The ferry resumed on Friday (see the timetable below).\n",
    "(The figures are provisional.)\n",
    "The ferry resumed on Friday.\n\nPhoto: the quay at dawn, taken by a reader.\n\nTickets go on sale today.\n",
    "The ferry resumed on Friday.\n\nImage copyright rules were tightened in May.\n\nTickets go on sale today.\n",
])
def test_credits_in_prose_are_not_residue(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert check_json("--select", "RES040", str(path))[1] == []


# -- RES050 navigation, RES060 share, RES070 subscription, RES080 related, RES090 tags -------------

@pytest.mark.parametrize("code, line", [
    ("RES050", "Skip to content"),
    ("RES050", "Skip to main content"),
    ("RES050", "Back to top"),
    ("RES050", "Back to top ↑"),
    ("RES050", "Back to News"),
    ("RES050", "« Back to the homepage"),
    ("RES050", "Print this page"),
    ("RES050", "Previous article"),
    ("RES050", "Next article"),
    ("RES050", "Main menu"),
    ("RES050", "Menu"),
    ("RES050", "Search"),
    ("RES050", "Menu | Search"),
    ("RES050", "Report an error"),
    ("RES050", "Listen to this article"),
    ("RES050", "Open in app"),
    ("RES050", "Download our free news app"),
    ("RES050", "Click here to read the full story"),
    ("RES050", "Click here for more »"),
    ("RES060", "Share on Facebook"),
    ("RES060", "Share on Twitter/X"),
    ("RES060", "Share on X"),
    ("RES060", "Share this article"),
    ("RES060", "Share"),
    ("RES060", "Tweet"),
    ("RES060", "Email"),
    ("RES060", "WhatsApp"),
    ("RES060", "Follow us on Instagram"),
    ("RES060", "Follow us on Facebook, X and TikTok"),
    ("RES060", "Like us on Facebook"),
    ("RES060", "Facebook Twitter WhatsApp Email"),
    ("RES060", "Share | Tweet | Email"),
    ("RES060", "Click to share on X (Opens in new window)"),
    ("RES060", "Click to email a link to a friend (Opens in new window)"),
    ("RES070", "Sign up for our newsletter"),
    ("RES070", "Sign up for the free Harbour Weekly newsletter here."),
    ("RES070", "Subscribe to The Brackwater Gazette for full access."),
    ("RES070", "Subscribe now"),
    ("RES070", "We use cookies to give you the best experience on our site."),
    ("RES070", "Accept all cookies"),
    ("RES070", "This article is for subscribers only."),
    ("RES070", "Log in to continue reading"),
    ("RES070", "Please disable your ad blocker to read this story."),
    ("RES070", "Already a subscriber? Log in"),
    ("RES070", "It looks like you're using an ad blocker."),
    ("RES070", "Get the latest harbour news delivered to your inbox"),
    ("RES070", "Enter your email address"),
    ("RES070", "Thank you for subscribing!"),
    ("RES080", "Related: Harbour fees to rise in spring"),
    ("RES080", "Related articles"),
    ("RES080", "Related stories:"),
    ("RES080", "Read also: New ferry route announced"),
    ("RES080", "Read more: Port budget approved"),
    ("RES080", "See also: Timetable changes"),
    ("RES080", "More on this story"),
    ("RES080", "Also read: Quay repairs finished"),
    ("RES080", "Most popular"),
    ("RES080", "Most read"),
    ("RES080", "Trending now"),
    ("RES080", "Top stories"),
    ("RES080", "Recommended for you"),
    ("RES080", "Editor's picks"),
    ("RES010", "Have your say"),
    ("RES090", "Posted in Local News"),
    ("RES090", "Posted in News, Transport | Tagged ferry, harbour"),
    ("RES090", "Filed under: Politics, Local"),
    ("RES090", "Filed under Transport"),
    ("RES090", "Tags: ferry, harbour, transport"),
    ("RES090", "Categories: Local | Transport"),
])
def test_page_furniture_lines_are_residue(tmp_path, code, line):
    path = write(tmp_path / "a.txt", f"The ferry service resumes on Friday.\n\n{line}\n\nTickets go on sale today.\n")
    _, findings = check_json("--select", code, str(path))
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [(code, 3, 1)]


@pytest.mark.parametrize("code, text", [
    ("RES050", "The menu included fish and a lemon tart.\n"),
    ("RES050", "The search for the missing boat went on all night.\n"),
    ("RES050", "Back to the harbour came the fleet, cheered by a crowd of hundreds.\n"),
    ("RES050", "Staff were told to skip to the next item and print this page of the report.\n"),
    ("RES050", "The next article of the treaty deals with fishing quotas.\n"),
    ("RES050", "Click here, the instructor said, and the screen went dark.\n"),
    ("RES050", "Readers can report an error to the editor by post.\n"),
    ("RES050", "Listen to this: the ferry is late again.\n"),
    ("RES060", "Share prices rose 3% after the announcement.\n"),
    ("RES060", "Passengers can share photos on Facebook, the operator said.\n"),
    ("RES060", "Email records showed the contract was signed in May.\n"),
    ("RES060", "Tweets from the mayor were deleted on Monday.\n"),
    ("RES060", "Follow us on this journey, the campaign urged residents.\n"),
    ("RES070", "Subscribers to the service rose 5% last year.\n"),
    ("RES070", "Subscriber numbers fell after the price rise.\n"),
    ("RES070", "We used cookies from the local bakery, the organiser said.\n"),
    ("RES070", "Signing up for the scheme took only minutes, residents said.\n"),
    ("RES070", "This article of the law is for judges only to interpret.\n"),
    ("RES070", "Already the ferry is fully booked for the summer.\n"),
    ("RES070", "Get the forms delivered to your inbox or your door, the council said.\n"),
    ("RES070", "Thank you for subscribing to the lifeboat appeal, the charity told donors.\n"),
    ("RES080", "Related to the case, police said two men had been arrested.\n"),
    ("RES080", "Related costs rose by a third.\n"),
    ("RES080", "Read more than 200 letters, the judge said the council had erred.\n"),
    ("RES080", "See also the timetable for changes to Sunday services.\n"),
    ("RES080", "More on this story will follow later today.\n"),
    ("RES080", "Most popular among the routes was the night crossing.\n"),
    ("RES080", "Top stories of the year were picked by readers.\n"),
    ("RES080", "Recommended by the council, the plan went to a vote.\n"),
    ("RES090", "Posted in Brackwater since 2019, the captain knows the harbour well.\n"),
    ("RES090", "Filed under the freedom of information law, the request was refused.\n"),
    ("RES090", "Tags on the crates showed they came from the north.\n"),
    ("RES090", "Categories of risk were reviewed: fire, flood and storm damage were all listed as high.\n"),
])
def test_page_furniture_words_in_prose_are_not_residue(tmp_path, code, text):
    path = write(tmp_path / "a.txt", text)
    assert check_json("--select", code, str(path))[1] == []
