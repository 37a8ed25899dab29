"""Every page and form, and the error paths: in-process, through the real guard and store."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from tests.support import Clock
from tests.web.web_support import WEB_PASSPHRASE, csrf_of, submit

from holdingspace.core.entries import MAX_ENTRY_CHARS

TWO_SIGNS = "I miss her so much this week. I keep wondering what she will think of me."
CRISIS = "Some nights I want to die. I miss her and the break feels endless."


def write(client: TestClient, text: str, kind: str = "journal") -> str:
    response = submit(client, "/write", "/write", {"text": text, "kind": kind})
    assert response.status_code == 200, response.text
    return str(response.text)


def add_session(client: TestClient, when: str, status: str = "held") -> None:
    response = submit(client, "/calendar", "/calendar/sessions", {"when": when, "status": status})
    assert response.status_code == 200, response.text


# --- first run, unlock, lock ---------------------------------------------------------------


def test_a_new_home_starts_at_the_welcome_page(browser: TestClient) -> None:
    response = browser.get("/")
    assert response.url.path == "/welcome"
    assert "Create your journal" in response.text
    assert "Open my journal" not in response.text
    assert '<option value="INTL" selected>Anywhere else</option>' in response.text
    assert browser.get("/unlock").url.path == "/welcome"


def test_creating_needs_matching_and_long_enough_passphrases(browser: TestClient) -> None:
    differ = submit(browser, "/welcome", "/welcome", {"passphrase": "a" * 12, "repeat": "b" * 12})
    assert differ.status_code == 400
    assert "different" in differ.text
    short = submit(
        browser, "/welcome", "/welcome", {"passphrase": "abc", "repeat": "abc", "accept_weak": "1"}
    )
    assert short.status_code == 400
    assert "at least 8 characters" in short.text


def test_a_guessable_passphrase_gets_a_strength_hint_and_can_still_be_used(
    browser: TestClient,
) -> None:
    weak = {"passphrase": "password1", "repeat": "password1"}
    hinted = submit(browser, "/welcome", "/welcome", weak)
    assert hinted.status_code == 400
    assert "Strength: <strong>very weak</strong>" in hinted.text
    assert "Use this passphrase anyway" in hinted.text
    assert "password1" not in hinted.text
    created = submit(browser, "/welcome", "/welcome", {**weak, "accept_weak": "1"})
    assert "Welcome to your journal" in created.text


def test_the_region_chosen_at_creation_shows_its_crisis_lines(browser: TestClient) -> None:
    fields = {"passphrase": WEB_PASSPHRASE, "repeat": WEB_PASSPHRASE}
    unknown = submit(browser, "/welcome", "/welcome", {**fields, "region": "XX"})
    created = submit(browser, "/welcome", "/welcome", {**fields, "region": "GB"})

    assert unknown.status_code == 400
    assert "Please choose one of the regions" in unknown.text
    assert created.status_code == 200
    assert '<option value="GB" selected>' in browser.get("/settings").text
    assert "Samaritans" in browser.get("/help").text


def test_home_welcomes_a_new_journal_and_greets_a_returning_one(unlocked: TestClient) -> None:
    assert "Hello again" not in unlocked.get("/").text
    write(unlocked, TWO_SIGNS)
    home = unlocked.get("/").text
    assert "Hello again" in home
    assert "Welcome to your journal" not in home


def test_lock_and_unlock(unlocked: TestClient) -> None:
    locked = submit(unlocked, "/", "/lock")
    assert locked.url.path == "/unlock"
    assert unlocked.get("/journal").url.path == "/unlock"
    wrong = submit(unlocked, "/unlock", "/unlock", {"passphrase": "not it at all"})
    assert wrong.status_code == 400
    assert "did not open" in wrong.text
    opened = submit(unlocked, "/unlock", "/unlock", {"passphrase": WEB_PASSPHRASE})
    assert "Welcome to your journal" in opened.text


def test_the_idle_lock_follows_the_setting(unlocked: TestClient, clock: Clock) -> None:
    assert submit(unlocked, "/settings", "/settings/idle", {"minutes": "60"}).status_code == 200
    clock.advance(minutes=45)
    assert unlocked.get("/").url.path == "/"
    clock.advance(minutes=61)
    assert unlocked.get("/").url.path == "/unlock"


# --- writing --------------------------------------------------------------------------------


def test_saving_an_entry_shows_both_signs_highlighted_with_library_links(
    unlocked: TestClient,
) -> None:
    page = write(unlocked, TWO_SIGNS)
    assert '<mark class="evidence" data-signs="missing"' in page
    assert '<mark class="evidence" data-signs="approval"' in page
    assert "<mark>I miss her so much this week.</mark>" in page
    assert 'href="/library/missing">Why might I feel this?' in page
    assert 'href="/library/approval">Why might I feel this?' in page
    assert "crisis-help" not in page


def test_crisis_language_puts_the_crisis_help_and_plan_first(unlocked: TestClient) -> None:
    submit(unlocked, "/settings", "/settings/region", {"region": "IE"})
    submit(unlocked, "/safety-plan/edit", "/safety-plan/edit", {"people_to_ask": "My sister Ana"})
    page = write(unlocked, CRISIS)
    crisis = page.index('class="crisis-help"')
    assert crisis < page.index("<header")
    assert crisis < page.index("Signs heard in your words")
    assert crisis < page.index("Some nights")
    assert "Samaritans" in page  # Ireland's line
    assert "My sister Ana" in page[crisis : page.index("<header")]


def test_recent_crisis_language_brings_crisis_help_to_the_top_of_home(
    unlocked: TestClient,
) -> None:
    write(unlocked, TWO_SIGNS)
    assert "crisis-help" not in unlocked.get("/").text
    write(unlocked, CRISIS)
    home = unlocked.get("/").text
    assert home.index('class="crisis-help"') < home.index("<header")


def test_an_oversized_entry_is_refused_and_the_words_come_back(unlocked: TestClient) -> None:
    words = "a" * (MAX_ENTRY_CHARS + 5)
    response = submit(unlocked, "/write", "/write", {"text": words, "kind": "letter"})
    assert response.status_code == 400
    assert "split it in two" in response.text
    assert words in response.text
    assert 'value="letter" checked' in response.text
    assert "0 entries" in unlocked.get("/journal").text


def test_an_empty_entry_is_refused_gently(unlocked: TestClient) -> None:
    response = submit(unlocked, "/write", "/write", {"text": "   ", "kind": "journal"})
    assert response.status_code == 400
    assert "needs some words" in response.text


def test_the_draft_is_kept_and_offered_back(unlocked: TestClient) -> None:
    saved = submit(unlocked, "/write", "/write/draft", {"text": "half a thought"})
    assert saved.json() == {"saved": True}
    page = unlocked.get("/write").text
    assert ">half a thought</textarea>" in page
    assert "kept, encrypted, as a draft" in page
    write(unlocked, "the whole thought")
    assert "half a thought" not in unlocked.get("/write").text


def test_writing_while_locked_keeps_the_words_through_unlocking(unlocked: TestClient) -> None:
    token = csrf_of(unlocked.get("/write").text)
    submit(unlocked, "/", "/lock")
    locked = unlocked.post("/write", data={"text": "not lost", "kind": "takeaway", "csrf": token})
    assert "locked itself while the page was open" in locked.text
    assert ">not lost</textarea>" in locked.text
    opened = unlocked.post(
        "/unlock",
        data={
            "passphrase": WEB_PASSPHRASE,
            "carry_text": "not lost",
            "carry_kind": "takeaway",
            "csrf": csrf_of(locked.text),
        },
    )
    assert ">not lost</textarea>" in opened.text
    assert 'value="takeaway" checked' in opened.text


def test_prompts_come_from_the_library_and_can_be_changed(unlocked: TestClient) -> None:
    from holdingspace.library import topics as library

    first = unlocked.get("/write?theme=missing").text
    second = unlocked.get("/write?theme=missing&n=1").text
    prompts = library.prompts("missing")
    assert prompts[0] in first
    assert prompts[1] in second


# --- the journal ----------------------------------------------------------------------------


def test_the_journal_filters_searches_and_pages(unlocked: TestClient, clock: Clock) -> None:
    for number in range(23):
        clock.advance(minutes=1)
        write(unlocked, f"Entry number {number}. Nothing in particular.")
    write(unlocked, TWO_SIGNS, kind="letter")
    listing = unlocked.get("/journal").text
    assert "24 entries" in listing
    assert "Page 1 of 2" in listing
    assert "Entry number 22" in listing
    older = unlocked.get("/journal?page=2").text
    assert "Entry number 0." in older
    assert "One entry" in unlocked.get("/journal?kind=letter").text
    assert "One entry" in unlocked.get("/journal?sign=missing").text
    assert "One entry" in unlocked.get("/journal?q=wondering").text
    assert "0 entries" in unlocked.get("/journal?until=2026-01-01").text
    twin = unlocked.get("/journal?sign=approval&format=json").json()
    assert twin["total"] == 1
    assert twin["entries"][0]["signs"] == ["missing", "approval"]


def test_a_malformed_date_or_unknown_sign_is_explained(unlocked: TestClient) -> None:
    write(unlocked, TWO_SIGNS)
    response = unlocked.get("/journal?since=26/11/2026&sign=nonsense")
    assert response.status_code == 400
    assert "is not a date" in response.text
    assert "There is no sign called" in response.text
    assert 'value="26/11/2026"' in response.text
    assert "One entry" in response.text


def test_an_entry_can_be_edited_and_deleted(unlocked: TestClient) -> None:
    write(unlocked, "First version.")
    edited = submit(
        unlocked, "/journal/1/edit", "/journal/1/edit", {"text": TWO_SIGNS, "kind": "letter"}
    )
    assert "Unsent letter" in edited.text
    assert 'data-signs="missing"' in edited.text
    too_long = submit(
        unlocked,
        "/journal/1/edit",
        "/journal/1/edit",
        {"text": "b" * (MAX_ENTRY_CHARS + 1), "kind": "letter"},
    )
    assert too_long.status_code == 400
    assert "b" * 1000 in too_long.text
    assert "Delete this entry?" in unlocked.get("/journal/1/delete").text
    deleted = submit(unlocked, "/journal/1/delete", "/journal/1/delete")
    assert "Deleted." in deleted.text
    assert unlocked.get("/journal/1").status_code == 404


def test_an_unknown_entry_is_a_plain_not_found(unlocked: TestClient) -> None:
    response = unlocked.get("/journal/999")
    assert response.status_code == 404
    assert "no entry with id 999" in response.text
    assert unlocked.get("/journal/not-a-number").status_code in (404, 422)


def test_an_address_that_does_not_fit_gets_the_friendly_page(unlocked: TestClient) -> None:
    page = unlocked.get("/journal/abc")
    twin = unlocked.get("/calendar/sessions/abc/rate?format=json")

    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Something needs a look" in page.text
    assert "entries and sessions are found by number, and &#39;abc&#39; is not one" in page.text
    assert '"loc"' not in page.text
    assert twin.status_code == 404
    assert twin.json() == {
        "error": "There is nothing at this address: entries and sessions are found by number, "
        "and 'abc' is not one."
    }


# --- check-in and rating --------------------------------------------------------------------


def _all_answers(client: TestClient, value: str) -> dict[str, str]:
    page = client.get("/checkin").text
    names = dict.fromkeys(
        part.split('"')[0] for part in page.split('type="radio" id="')[1:] if part
    )
    return {name.rsplit("-", 1)[0]: value for name in names}


def test_a_check_in_is_scored_with_plain_readings(unlocked: TestClient) -> None:
    answers = _all_answers(unlocked, "2")
    assert len(answers) >= 13
    result = submit(unlocked, "/checkin", "/checkin", answers)
    assert result.status_code == 200
    assert "What came up this week" in result.text
    assert "Sometimes this week." in result.text  # 2 is "sometimes", never "often"
    assert "Holding back for fear of disapproval" in result.text
    assert "Avoidant" not in result.text
    assert "How much it gets in the way of therapy and daily life" in result.text
    assert result.text.count("not a diagnosis") == 1
    assert "Often this week." not in result.text
    assert "not a diagnosis" in result.text
    home = unlocked.get("/").text
    assert "You checked in on Thursday 26 November 2026" in home
    assert "The next one is due on Thursday 3 December 2026." in home


def test_a_check_in_with_missing_answers_keeps_the_others(unlocked: TestClient) -> None:
    answers = _all_answers(unlocked, "3")
    first = next(iter(answers))
    del answers[first]
    result = submit(unlocked, "/checkin", "/checkin", answers)
    assert result.status_code == 400
    assert "nothing was saved" in result.text
    assert result.text.count("checked") >= len(answers)
    assert "A few questions" in unlocked.get("/").text


def test_rating_a_session(unlocked: TestClient) -> None:
    add_session(unlocked, "2026-11-24T10:00")
    assert "How was your last session?" in unlocked.get("/").text
    answers = {"bond": "9", "goals": "8", "approach": "9", "overall": "9"}
    page = "/calendar/sessions/1/rate"
    steady = submit(unlocked, page, page, answers)
    assert "35 of 40" in steady.text
    assert "Nothing here stands out" in steady.text
    low = submit(unlocked, page, page, {"bond": "3", "goals": "2", "approach": "4", "overall": "3"})
    assert "Something may have felt off" in low.text
    assert "/library/ruptures-and-repair" in low.text
    missing = submit(unlocked, page, page, {"bond": "3"})
    assert missing.status_code == 400
    assert unlocked.get("/calendar/sessions/77/rate").status_code == 404


def test_the_rate_page_names_the_real_day_and_refuses_a_session_still_to_come(
    unlocked: TestClient,
) -> None:
    add_session(unlocked, "2026-11-24T10:00")
    add_session(unlocked, "2026-12-01T10:00", "scheduled")

    form = unlocked.get("/calendar/sessions/1/rate").text
    early = unlocked.get("/calendar/sessions/2/rate")
    posted = submit(
        unlocked,
        "/calendar/sessions/1/rate",
        "/calendar/sessions/2/rate",
        {"bond": "9", "goals": "9", "approach": "9", "overall": "9"},
    )

    assert "Thinking about your session on Tuesday 24 November 2026." in form
    assert "today&#39;s session" not in form
    assert early.status_code == 400
    assert "Tuesday 1 December 2026 has not happened yet" in early.text
    assert posted.status_code == 400
    assert "has not happened yet" in posted.text


def test_a_past_session_not_marked_yet_does_not_read_planned(unlocked: TestClient) -> None:
    add_session(unlocked, "2026-11-20T10:00", "scheduled")
    add_session(unlocked, "2026-11-27T10:00", "scheduled")

    page = unlocked.get("/calendar").text

    assert page.count('<span class="status">Not marked yet</span>') == 1
    assert page.count('<span class="status">Planned</span>') == 1
    assert page.index("Planned") < page.index("Not marked yet")  # coming up, then past


# --- sessions and breaks --------------------------------------------------------------------


def test_sessions_and_breaks_can_be_added_changed_and_deleted(unlocked: TestClient) -> None:
    add_session(unlocked, "2026-12-03T10:00", "scheduled")
    home = unlocked.get("/").text
    assert "In 7 days" in home
    added = submit(
        unlocked,
        "/calendar",
        "/calendar/breaks",
        {"from": "2026-12-20", "to": "2027-01-04", "reason": "holiday"},
    )
    assert "Break added." in added.text
    assert "Your therapist is away from Sunday 20 December 2026" in unlocked.get("/").text
    moved = submit(
        unlocked,
        "/calendar/sessions/1/edit",
        "/calendar/sessions/1/edit",
        {"when": "2026-12-04T11:00", "status": "rescheduled", "note": ""},
    )
    assert "Moved" in moved.text
    changed = submit(
        unlocked,
        "/calendar/breaks/1/edit",
        "/calendar/breaks/1/edit",
        {"from": "2026-12-21", "to": "2027-01-05", "reason": "leave"},
    )
    assert "21 Dec 2026" in changed.text
    submit(unlocked, "/calendar/sessions/1/edit", "/calendar/sessions/1/delete")
    gone = submit(unlocked, "/calendar/breaks/1/edit", "/calendar/breaks/1/delete")
    assert "No sessions planned." in gone.text
    assert "No breaks noted." in gone.text


def test_calendar_mistakes_are_explained_and_the_typing_kept(unlocked: TestClient) -> None:
    bad_when = submit(
        unlocked, "/calendar", "/calendar/sessions", {"when": "next tuesday", "note": "keep me"}
    )
    assert bad_when.status_code == 400
    assert "is not a date and time" in bad_when.text
    assert 'value="next tuesday"' in bad_when.text
    assert 'value="keep me"' in bad_when.text
    backwards = submit(
        unlocked, "/calendar", "/calendar/breaks", {"from": "2026-12-20", "to": "2026-12-01"}
    )
    assert backwards.status_code == 400
    assert "cannot end" in backwards.text
    assert 'value="2026-12-20"' in backwards.text


ICS = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a@test
DTSTAMP:20261101T000000Z
DTSTART:20261203T100000
DTEND:20261203T105000
SUMMARY:Therapy
END:VEVENT
BEGIN:VEVENT
UID:b@test
DTSTAMP:20261101T000000Z
DTSTART:20261110T100000
DTEND:20261110T110000
SUMMARY:Therapy
END:VEVENT
END:VCALENDAR
"""


def test_sessions_import_from_an_ics_file_once(unlocked: TestClient) -> None:
    files = {"file": ("sessions.ics", ICS, "text/calendar")}
    first = submit(unlocked, "/calendar", "/calendar/import", files=files)
    assert "Added 2 session(s)" in first.text
    assert "Thursday 3 December 2026, 10:00" in first.text
    again = submit(unlocked, "/calendar", "/calendar/import", files=files)
    assert "Added 0 session(s) from the calendar file; 2 were already here." in again.text


def test_a_bad_ics_file_is_explained(unlocked: TestClient) -> None:
    bad = submit(
        unlocked,
        "/calendar",
        "/calendar/import",
        files={"file": ("x.ics", b"this is not a calendar", "text/calendar")},
    )
    assert bad.status_code == 400
    assert "could not be read as a calendar" in bad.text
    empty = submit(unlocked, "/calendar", "/calendar/import")
    assert empty.status_code == 400
    assert "choose an .ics file" in empty.text


# --- library, safety plan, help -------------------------------------------------------------


def test_the_library_lists_searches_and_renders_topics(unlocked: TestClient) -> None:
    from holdingspace.library import topics as library

    listing = unlocked.get("/library").text
    for topic in library.all_topics():
        assert f'href="/library/{topic.id}"' in listing
    found = unlocked.get("/library?q=transference").text
    assert 'href="/library/transference"' in found
    page = unlocked.get("/library/missing").text
    assert "<h2>Why it happens</h2>" in page
    assert "Sources" in page
    assert unlocked.get("/library/no-such-page").status_code == 404


def test_topic_markdown_never_passes_html_through() -> None:
    from holdingspace.web.routes.library import render_markdown

    html = render_markdown("Hello <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_the_safety_plan_is_written_and_shown_with_crisis_lines(unlocked: TestClient) -> None:
    empty = unlocked.get("/safety-plan").text
    assert "Start my safety plan" in empty
    saved = submit(
        unlocked,
        "/safety-plan/edit",
        "/safety-plan/edit",
        {"warning_signs": "Not sleeping\nSkipping meals", "reasons_for_living": "My dog"},
    )
    assert "Your safety plan is saved." in saved.text
    assert "<li>Skipping meals</li>" in saved.text
    assert "In an emergency" in saved.text
    help_page = unlocked.get("/help").text
    assert "My dog" in help_page
    too_long = submit(
        unlocked, "/safety-plan/edit", "/safety-plan/edit", {"coping_strategies": "x" * 600}
    )
    assert too_long.status_code == 400
    assert "x" * 600 in too_long.text


def test_crisis_numbers_are_links_to_call_or_text(browser: TestClient) -> None:
    ireland = browser.get("/help?region=IE").text
    britain = browser.get("/help?region=GB").text
    anywhere = browser.get("/help?region=INTL").text

    assert '<a href="tel:112">112</a> or <a href="tel:999">999</a>' in ireland
    assert '<a href="sms:85258">Text 85258</a>' in britain
    assert "Number last checked" in britain
    assert "your local emergency number" in anywhere
    assert "Number last checked" not in anywhere
    assert "Last checked 20" in anywhere


def test_help_works_while_locked_and_lets_a_region_be_chosen(browser: TestClient) -> None:
    page = browser.get("/help").text
    assert "findahelpline.com" in page
    assert 'id="plan-heading"' not in page
    assert "988" in browser.get("/help?region=us").text
    for path in ("/", "/library", "/unlock", "/welcome"):
        assert 'href="/help">Need help now?' in browser.get(path).text


# --- settings -------------------------------------------------------------------------------


def test_region_and_idle_settings_check_their_values(unlocked: TestClient) -> None:
    bad_region = submit(unlocked, "/settings", "/settings/region", {"region": "XX"})
    assert bad_region.status_code == 400
    assert "choose one of the regions" in bad_region.text
    bad_idle = submit(unlocked, "/settings", "/settings/idle", {"minutes": "soon"})
    assert bad_idle.status_code == 400
    assert "between 1 and 240 minutes" in bad_idle.text
    good = submit(unlocked, "/settings", "/settings/region", {"region": "au"})
    assert '<option value="AU" selected>' in good.text


def test_changing_the_passphrase(unlocked: TestClient) -> None:
    new = "river stone winter kettle"
    wrong = submit(
        unlocked,
        "/settings",
        "/settings/passphrase",
        {"passphrase": "nope nope", "new_passphrase": new, "repeat_passphrase": new},
    )
    assert wrong.status_code == 400
    differ = submit(
        unlocked,
        "/settings",
        "/settings/passphrase",
        {"passphrase": WEB_PASSPHRASE, "new_passphrase": new, "repeat_passphrase": "other"},
    )
    assert "different" in differ.text
    done = submit(
        unlocked,
        "/settings",
        "/settings/passphrase",
        {"passphrase": WEB_PASSPHRASE, "new_passphrase": new, "repeat_passphrase": new},
    )
    assert "Your passphrase is changed" in done.text
    submit(unlocked, "/", "/lock")
    assert (
        "Welcome to your journal"
        in submit(unlocked, "/unlock", "/unlock", {"passphrase": new}).text
    )


def test_export_and_backup_download(unlocked: TestClient) -> None:
    write(unlocked, TWO_SIGNS)
    exported = submit(unlocked, "/settings", "/settings/export", {"format": "json"})
    assert "attachment" in exported.headers["content-disposition"]
    assert TWO_SIGNS in json.dumps(exported.json())
    markdown = submit(unlocked, "/settings", "/settings/export", {"format": "markdown"})
    assert TWO_SIGNS in markdown.text
    backup = submit(unlocked, "/settings", "/settings/backup")
    assert backup.headers["content-disposition"].endswith('.hsbackup"')
    assert b"I miss her" not in backup.content


def test_delete_everything_needs_the_phrase_and_passphrase(unlocked: TestClient) -> None:
    write(unlocked, TWO_SIGNS)
    wrong_phrase = submit(
        unlocked,
        "/settings",
        "/settings/delete",
        {"passphrase": WEB_PASSPHRASE, "confirm": "delete"},
    )
    assert "Nothing was deleted" in wrong_phrase.text
    wrong_secret = submit(
        unlocked,
        "/settings",
        "/settings/delete",
        {"passphrase": "not mine at all", "confirm": "delete everything"},
    )
    assert wrong_secret.status_code == 400
    assert "One entry" in unlocked.get("/journal").text
    gone = submit(
        unlocked,
        "/settings",
        "/settings/delete",
        {"passphrase": WEB_PASSPHRASE, "confirm": "Delete everything"},
    )
    assert gone.url.path == "/welcome"
    assert "has been deleted" in gone.text


# --- home, trends, prep ---------------------------------------------------------------------


def test_home_shows_the_gentle_notice_when_interference_keeps_coming_up(
    unlocked: TestClient, clock: Clock
) -> None:
    for _ in range(3):
        clock.advance(minutes=1)
        write(unlocked, "I can't focus on anything but her.")
    home = unlocked.get("/").text
    assert "Something you might bring to your next session" in home
    assert 'href="/library/too-intense"' in home
    twin = unlocked.get("/?format=json").json()
    assert twin["checkin_due"] is True
    assert len(twin["recent"]) == 3


def test_trends_and_prep_pages(unlocked: TestClient) -> None:
    assert "Trends" in unlocked.get("/trends").text
    write(unlocked, TWO_SIGNS)
    add_session(unlocked, "2026-11-19T10:00")
    trends = unlocked.get("/trends").text
    assert "data:image/svg+xml;base64," in trends
    assert "The numbers behind this chart" in trends
    prep = unlocked.get("/prep").text
    assert "Notes for my next session" in prep
    note = submit(unlocked, "/prep", "/prep", {"since": "2026-11-19", "pick": "1", "say": "Hi"})
    assert "I miss her so much this week." in note.text
    pdf = submit(unlocked, "/prep", "/prep", {"since": "2026-11-19", "download": "pdf"})
    assert pdf.content.startswith(b"%PDF")
    md = submit(unlocked, "/prep", "/prep", {"since": "2026-11-19", "download": "md"})
    assert "Notes for my next session" in md.text
    future = submit(unlocked, "/prep", "/prep", {"since": "2030-01-01"})
    assert future.status_code == 400
