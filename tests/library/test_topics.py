import re
from datetime import date

import pytest

from holdingspace.core.errors import CorruptData, NotFound
from holdingspace.core.labels import LABEL_TITLES, LABELS
from holdingspace.library import topics
from holdingspace.library.topics import (
    all_topics,
    crisis_lines,
    get_topic,
    prompts,
    references,
    region_codes,
    search,
    starters,
)

CITATION = re.compile(r"\[([a-z0-9-]+)\]")
REQUIRED_TOPICS = {
    "attachment-to-a-therapist",
    "attachment-theory",
    "transference",
    "the-structure-of-therapy",
    "how-therapists-see-it",
    "bringing-it-up",
    "too-intense",
    "breaks-and-endings",
    "boundaries-and-ethics",
    "ruptures-and-repair",
    "getting-help-now",
    "safety-plan",
    "summary",
    "references",
}


def label_topic_id(label: str) -> str:
    return label.replace("_", "-")


def test_the_required_pages_are_all_there() -> None:
    ids = {topic.id for topic in all_topics()}
    assert ids >= REQUIRED_TOPICS


@pytest.mark.parametrize("label", LABELS)
def test_each_label_has_its_own_page(label: str) -> None:
    topic = get_topic(label_topic_id(label))
    assert topic.labels == (label,)
    assert topic.title == LABEL_TITLES[label]
    for heading in ("## What it can look like", "## Why it happens", "## What can help"):
        assert heading in topic.body


def test_every_page_names_real_labels_pages_and_sources() -> None:
    ids = {topic.id for topic in all_topics()}
    keys = set(references())
    for topic in all_topics():
        assert set(topic.labels) <= set(LABELS), topic.id
        assert set(topic.related) <= ids, topic.id
        assert topic.id not in topic.related, topic.id
        assert set(topic.references) <= keys, topic.id


def test_every_citation_in_a_body_is_listed_in_its_front_matter() -> None:
    for topic in all_topics():
        assert set(CITATION.findall(topic.body)) <= set(topic.references), topic.id


def test_every_source_is_cited_and_the_sources_page_lists_them_all() -> None:
    cited = {key for topic in all_topics() for key in topic.references}
    assert cited == set(references())
    assert set(get_topic("references").references) == set(references())


def test_pages_are_between_250_and_600_words() -> None:
    for topic in all_topics():
        assert 250 <= len(topic.body.split()) <= 600, topic.id


def test_pages_have_a_title_and_a_one_line_summary() -> None:
    for topic in all_topics():
        assert topic.title.strip(), topic.id
        assert topic.summary.strip(), topic.id
        assert "\n" not in topic.summary, topic.id


def test_the_alliance_page_gives_the_meta_analytic_figures() -> None:
    body = get_topic("how-therapists-see-it").body
    assert "295 studies" in body
    assert "30,000 patients" in body
    assert ".28 [fluckiger-2018]" in body
    assert ".275 [horvath-2011]" in body


def test_an_unknown_page_is_not_found() -> None:
    with pytest.raises(NotFound):
        get_topic("no-such-page")


def test_a_page_missing_front_matter_is_corrupt() -> None:
    page = "---\nid: lonely\ntitle: Lonely\n---\nA body with no summary.\n"
    with pytest.raises(CorruptData, match="summary"):
        topics._parse("lonely.md", page)


def test_search_puts_title_matches_first() -> None:
    found = search("Transference")
    assert found[0].id == "transference"
    assert len(found) > 1


def test_search_with_no_matching_word_finds_nothing() -> None:
    assert search("zebra quantum") == []


def test_a_known_region_gives_its_lines() -> None:
    region = crisis_lines("gb")
    assert region.code == "GB"
    assert region.emergency == "999"
    assert any(line.phone == "116 123" for line in region.lines)


@pytest.mark.parametrize("region", [None, "", "XX"])
def test_an_unknown_region_falls_back_to_the_international_list(region: str | None) -> None:
    fallback = crisis_lines(region)
    assert fallback.code == "INTL"
    assert fallback.lines


def test_every_crisis_line_can_be_reached_and_says_when_it_was_checked() -> None:
    for code in region_codes():
        region = crisis_lines(code)
        assert region.emergency, code
        assert region.lines, code
        for line in region.lines:
            assert line.phone or line.text or line.web, line.name
            assert date.fromisoformat(line.verified) <= date(2026, 11, 26), line.name
            assert line.source.startswith("http"), line.name


@pytest.mark.parametrize(
    "key", [*LABELS, "before_session", "after_session", "break", "ending", "general"]
)
def test_each_label_and_moment_has_at_least_four_prompts(key: str) -> None:
    found = prompts(key)
    assert len(found) >= 4
    assert len(set(found)) == len(found)


@pytest.mark.parametrize("key", [*LABELS, "general", "break", "ending"])
def test_each_label_and_moment_has_at_least_four_starters(key: str) -> None:
    found = starters(key)
    assert len(found) >= 4
    assert len(set(found)) == len(found)


def test_an_unknown_prompt_key_is_not_found() -> None:
    with pytest.raises(NotFound):
        prompts("no_such_moment")
    with pytest.raises(NotFound):
        starters("no_such_moment")


def test_references_carry_authors_year_title_and_source() -> None:
    for key, reference in references().items():
        assert reference.key == key
        assert reference.authors, key
        assert reference.title, key
        assert reference.source, key
        assert 1900 < reference.year < 2100, key
