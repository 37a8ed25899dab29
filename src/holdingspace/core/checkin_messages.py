"""Every sentence the check-in, rating, safety-plan, library and crisis features show, by name.

Kept in one place so the tone (warm, plain, non-judgemental, never diagnostic) is reviewed
together. Templates use ``str.format`` fields; nothing here ever contains what the person wrote.
"""

from typing import Final

# --- reading an instrument definition -------------------------------------------------------

INSTRUMENT_NOT_QUESTIONNAIRE: Final = (
    'That file is not shaped like a FHIR Questionnaire (it needs "resourceType": "Questionnaire").'
)
INSTRUMENT_NO_ID: Final = 'The questionnaire needs an "id" so it can be chosen by name.'
INSTRUMENT_BAD_ID: Final = (
    "The questionnaire id {id!r} can only use letters, digits, '-' and '.' (at most 64)."
)
INSTRUMENT_NO_ITEMS: Final = "The questionnaire {id!r} has no questions that can be scored."
INSTRUMENT_DUPLICATE_ITEM: Final = "The questionnaire uses the linkId {item!r} more than once."
INSTRUMENT_ITEM_NO_ID: Final = 'Every question in the questionnaire needs a "linkId".'
INSTRUMENT_ITEM_NO_TEXT: Final = 'The question {item!r} needs a "text" to show.'
INSTRUMENT_ITEM_TYPE: Final = (
    "The question {item!r} has type {type!r}; only choice, integer, display "
    "and group questions can be read."
)
INSTRUMENT_ITEM_FEW_OPTIONS: Final = (
    "The question {item!r} needs at least two answer options with a score."
)
INSTRUMENT_OPTION_NO_SCORE: Final = (
    "An answer option of {item!r} has no whole-number score "
    "(use valueInteger, an ordinalValue extension, or a numeric code)."
)
INSTRUMENT_OPTION_REPEATED: Final = "The question {item!r} offers the score {value} twice."
INSTRUMENT_BAD_RULE: Final = "Unknown scoring rule {rule!r}: use 'mean' or 'sum'."
INSTRUMENT_SUBSCALE_NO_ID: Final = "A subscale in the questionnaire has no id."
INSTRUMENT_SUBSCALE_REPEATED: Final = "The subscale id {id!r} is used more than once."
INSTRUMENT_SUBSCALE_EMPTY: Final = "The subscale {id!r} lists no questions."
INSTRUMENT_SUBSCALE_UNKNOWN_ITEM: Final = (
    "The subscale {id!r} lists {item!r}, which is not a question of this questionnaire."
)
INSTRUMENT_BAND_MALFORMED: Final = (
    'A band in {owner!r} needs a number "min" and a "reading" sentence.'
)
INSTRUMENT_BANDS_GAP: Final = (
    "The lowest band of {id!r} starts at {min}, above the lowest possible score {lowest}."
)
INSTRUMENT_EXTENSION_MALFORMED: Final = "An extension in the questionnaire is malformed: {detail}."
INSTRUMENT_NOT_FHIR: Final = (
    "That file does not pass as a FHIR R4 Questionnaire ({count} problem(s)); "
    "the first is at {where}: {problem}"
)
INSTRUMENT_UNKNOWN: Final = "There is no instrument called {id!r}. Known: {known}."
INSTRUMENT_BUILTIN_TAKEN: Final = (
    "{id!r} is the name of a built-in instrument; please give yours another id."
)
INSTRUMENT_ADDED: Final = "Added the instrument {id!r} ({title}) with {count} questions."
INSTRUMENT_SOURCE_BUILTIN: Final = "built in"
INSTRUMENT_SOURCE_ADDED: Final = "added by you"

# --- answering -------------------------------------------------------------------------------

ANSWERS_NOT_OBJECT: Final = (
    'The answers need to be a JSON object like {"instrument": "...", "answers": {...}}.'
)
ANSWERS_WRONG_INSTRUMENT: Final = (
    "These answers are for {found!r}, but the instrument asked for is {expected!r}."
)
ANSWERS_MISSING: Final = (
    "Some questions have no answer yet ({items}); nothing was scored or saved. "
    "Every question needs an answer for the score to mean anything."
)
ANSWERS_UNKNOWN: Final = "These answers name questions that {id!r} does not have: {items}."
ANSWERS_NOT_WHOLE: Final = "The answer to {item!r} needs to be a whole number, one of {values}."
ANSWERS_OUT_OF_SCALE: Final = (
    "The answer {value} to {item!r} is outside its scale; choose one of {values}."
)
ANSWERS_FILE_UNREADABLE: Final = "Could not read {path}: it is not a JSON file."
ANSWERS_NO_TERMINAL: Final = (
    "Your answers could not be read, as nothing can be typed here. Run it in a terminal, "
    "or use --answers FILE (see --template)."
)
ANSWER_RETRY: Final = "Please type a whole number from {low} to {high}."

# --- the check-in, shown -----------------------------------------------------------------------

CHECKIN_INTRO: Final = (
    "A few questions, one at a time. There are no right answers, "
    "and you can stop at any time with Ctrl+C; nothing is saved until the end."
)
CHECKIN_ASK: Final = "Your answer"
CHECKIN_SAVED: Final = "Saved. Thank you for taking a moment to check in with yourself."
CHECKIN_HISTORY_EMPTY: Final = "No check-ins yet. `holdingspace checkin` starts one."
CHECKIN_NOT_A_TEST: Final = (
    "These numbers describe how the last week felt to you; they are not a test and not a diagnosis."
)
SCORE_HEADING_LABELS: Final = "What came up this week"
SCORE_HEADING_DIMENSIONS: Final = "Three ways of relating"
SCORE_HEADING_INDICES: Final = "Its effect on therapy and daily life"
SCORE_INDICES_NOTE: Final = (
    "This one comes from the two questions about therapy and daily life. "
    '"Getting in the way" above also counts crowded-out thoughts and holding back in session.'
)
SCORE_HEADING_OTHER: Final = "Scores"
SCORE_COLUMN_NAME: Final = "Area"
SCORE_COLUMN_SCORE: Final = "Score"
SCORE_COLUMN_READING: Final = "In plain words"
HISTORY_COLUMN_WHEN: Final = "Taken"
HISTORY_COLUMN_INSTRUMENT: Final = "Instrument"
EXPORT_UNKNOWN_FORMAT: Final = "Unknown export format {format!r}: choose one of {choices}."

# --- the session rating --------------------------------------------------------------------------

RATING_INTRO: Final = (
    "Four quick questions about this session, each from 0 to 10. "
    "It is just for you, unless you choose to share it."
)
RATING_THINKING: Final = "Thinking about your session on {day}."
RATING_ASK: Final = "Your answer, from {low} (not at all) to {high} (completely)"
RATING_NOT_YET: Final = (
    "The session on {day} has not happened yet, so there is nothing to rate. "
    "You can rate it once it has taken place."
)
RATING_SAVED: Final = "Saved your rating for session {session_id}: {total} of {highest}."
RATING_OFF: Final = "Something may have felt off; it can help to mention it."
RATING_OFF_LOW: Final = (
    "This session scored {total} of {highest}, below {threshold}. "
    "Rough sessions happen in every good therapy, and saying so often helps."
)
RATING_OFF_DROP: Final = (
    "This session scored {total}, {drop} below your usual {usual}. "
    "A dip is worth a gentle mention next time."
)
RATING_STEADY: Final = "Thank you. Nothing here stands out as a worry."
RATING_READ_MORE: Final = "To read more: holdingspace learn {topic}"

# --- the safety plan ---------------------------------------------------------------------------

SAFETY_PLAN_SECTIONS: Final[dict[str, tuple[str, str]]] = {
    "warning_signs": (
        "My warning signs",
        "Thoughts, feelings, situations or behaviour that tell me a crisis may be building.",
    ),
    "coping_strategies": (
        "Things I can do on my own",
        "What helps me take my mind off things or calm down without contacting anyone.",
    ),
    "distractions": (
        "People and places that take my mind off things",
        "Company or settings that help me feel a little better, without having to talk about it.",
    ),
    "people_to_ask": (
        "People I can ask for help",
        "People I can tell that I am struggling, with how to reach them.",
    ),
    "professionals": (
        "Professionals and services I can contact",
        "My therapist, my doctor, an urgent care service, a crisis line, with their numbers.",
    ),
    "safer_environment": (
        "Making my surroundings safer",
        "Steps to put distance between me and anything I could use to hurt myself.",
    ),
    "reasons_for_living": (
        "My reasons for living",
        "What matters to me and is worth staying for.",
    ),
}
SAFETY_PLAN_TITLE: Final = "My safety plan"
SAFETY_PLAN_EMPTY: Final = (
    "You have not written a safety plan yet. It takes about twenty minutes, "
    "and many people write it with their therapist. Start with: holdingspace safety-plan --edit"
)
SAFETY_PLAN_SECTION_EMPTY: Final = "(nothing written yet)"
SAFETY_PLAN_EDIT_INTRO: Final = (
    "Your safety plan, one part at a time. Write one line per item and leave a line "
    "empty to finish the part. Press Enter on an empty first line to keep what is there."
)
SAFETY_PLAN_EDIT_LINE: Final = "  ·"
SAFETY_PLAN_SAVED: Final = "Saved your safety plan."
SAFETY_PLAN_ABOUT: Final = (
    "A safety plan in the Stanley–Brown structure is one of the few approaches with evidence "
    "of reducing suicidal behaviour (Stanley & Brown 2012; Stanley et al. 2018)."
)
SAFETY_PLAN_NOT_OBJECT: Final = "A safety plan file needs to be a JSON object of lists of lines."
SAFETY_PLAN_UNKNOWN_SECTION: Final = (
    "The safety plan has no part called {section!r}. Parts: {known}."
)
SAFETY_PLAN_NOT_LINES: Final = "The part {section!r} needs to be a list of short lines of text."
SAFETY_PLAN_TOO_LONG: Final = (
    "The part {section!r} is longer than {limit} lines or has a line over {chars} characters."
)

# --- crisis help -------------------------------------------------------------------------------

CRISIS_HEADING: Final = "If you are in danger or thinking of ending your life, help is there now"
CRISIS_EMERGENCY: Final = "In an emergency ({region}): {number}"
CRISIS_LINE_PHONE: Final = "Call {phone}"
CRISIS_LINE_TEXT: Final = "Text {text}"
CRISIS_LINE_WEB: Final = "Online: {web}"
CRISIS_LINE_HOURS: Final = "Open {hours}"
CRISIS_LINE_VERIFIED: Final = "Number last checked {verified}."
CRISIS_LINE_CHECKED: Final = "Last checked {verified}."
CRISIS_NOT_THERAPY: Final = (
    "holdingspace is not therapy and cannot respond in an emergency; these people can."
)
CRISIS_REGION_HINT: Final = (
    "Showing lines for {region}. To choose your region: holdingspace region CODE (one of {codes})."
)
REGION_UNKNOWN: Final = "There are no crisis lines stored for {region!r}. Known regions: {codes}."
REGION_SET: Final = "Your region is now {region} ({name})."
REGION_SHOW: Final = "Your region is {region} ({name})."

# --- the library -------------------------------------------------------------------------------

LEARN_HEADING: Final = "The library"
LEARN_HINT: Final = "Read one with: holdingspace learn TOPIC"
LEARN_UNKNOWN_TOPIC: Final = "There is no library topic {topic!r}. Try: holdingspace learn"
LEARN_NO_MATCH: Final = "No topic mentions {words!r}. Other words may find one."
LEARN_COLUMN_TOPIC: Final = "Topic"
LEARN_COLUMN_TITLE: Final = "Title"
LEARN_COLUMN_SUMMARY: Final = "In short"
LEARN_RELATED: Final = "Related: {topics}"
PROMPT_UNKNOWN_KEY: Final = "There are no prompts for {key!r}. Choose one of {keys}."
PROMPT_INTRO: Final = "Something to write about, if it helps:"
