"""Every sentence the trends, the gentle notice, the prep note and the calendar export show.

Kept in one place, by name, so their tone can be read and reviewed together: warm, plain,
about what the person wrote and answered, never a judgement and never a diagnosis.
Placeholders are filled with ``str.format``.
"""

from typing import Final

# --- Trends: the framing ------------------------------------------------------------------

TRENDS_INTRO: Final = (
    "These are patterns in what you wrote and answered. They are not a judgement and not a "
    "diagnosis, just something you might like to look at, on your own or in session."
)
TRENDS_EMPTY: Final = (
    "There is nothing to show yet. Write a few entries and take a weekly check-in, and your "
    "patterns will start to appear here."
)

# --- Trends: read against the calendar ----------------------------------------------------

BEFORE_BREAK_ROSE: Final = (
    "{label} rose in the week before {rose} of your therapist's last {considered} breaks: it "
    "came up in {window_pct}% of your entries in those weeks, against {baseline_pct}% in the "
    "weeks around them."
)
BEFORE_BREAK_STEADY: Final = (
    "In the weeks before your therapist's last {considered} breaks, your writing looked much "
    "like it does at other times."
)
BEFORE_BREAK_TOO_LITTLE: Final = (
    "There is too little data yet to say how the weeks before a break feel for you: that needs "
    "at least two past breaks with a few entries in the week before each."
)

DURING_BREAK_ROSE: Final = (
    "During your therapist's breaks, {label} came up in {window_pct}% of your entries, against "
    "{baseline_pct}% in the weeks around them ({breaks} breaks, {entries} entries)."
)
DURING_BREAK_STEADY: Final = (
    "During your therapist's last {breaks} breaks, your writing looked much like it does at "
    "other times."
)
DURING_BREAK_TOO_LITTLE: Final = (
    "There is too little data yet to say how breaks feel for you: that needs a few entries "
    "written during at least two breaks."
)

AFTER_CHANGE_ROSE: Final = (
    "In the three days after a session was moved, cancelled or cut short, {label} came up in "
    "{window_pct}% of your entries, against {baseline_pct}% in the weeks around them ({changes} "
    "changes, {entries} entries)."
)
AFTER_CHANGE_STEADY: Final = (
    "After the last {changes} changes to your sessions, your writing looked much like it does "
    "at other times."
)
AFTER_CHANGE_TOO_LITTLE: Final = (
    "There is too little data yet to say how changes to your sessions affect you: that needs "
    "a few entries written just after at least two moved or cancelled sessions."
)

DAYS_SINCE_SPREAD: Final = (
    "{label} came up most {high_days} days after a session ({high_pct}% of entries) and least "
    "{low_days} days after ({low_pct}%)."
)
DAYS_SINCE_STEADY: Final = (
    "How many days had passed since your last session made little difference to what you "
    "wrote about."
)
DAYS_SINCE_TOO_LITTLE: Final = (
    "There is too little data yet to compare the days after a session with the days before "
    "the next one."
)

# --- Trends: change over time -------------------------------------------------------------

CHECKIN_ROSE: Final = (
    "{measure} in your check-ins rose from {before} to {after} (out of 4) over your last "
    "{count} check-ins."
)
CHECKIN_EASED: Final = (
    "{measure} in your check-ins eased from {before} to {after} (out of 4) over your last "
    "{count} check-ins."
)
CHECKIN_STEADY: Final = "Your recent check-ins look much like the ones before them."
CHECKIN_TOO_LITTLE: Final = (
    "There are too few check-ins yet to see a change over time: that needs eight of them."
)

RATINGS_ROSE: Final = (
    "Your session ratings rose from {before} to {after} (out of 40) over your last {count} ratings."
)
RATINGS_FELL: Final = (
    "Your session ratings fell from {before} to {after} (out of 40) over your last {count} "
    "ratings. If something has felt off in session, it can help to mention it."
)
RATINGS_STEADY: Final = "Your recent session ratings look much like the ones before them."
RATINGS_TOO_LITTLE: Final = (
    "There are too few session ratings yet to see a change: that needs eight of them."
)

# --- Names of the measures ----------------------------------------------------------------

DIMENSION_TITLES: Final[dict[str, str]] = {
    "secure": "Trust and safety",
    "preoccupied": "Longing for more closeness",
    "avoidant_fearful": "Holding back for fear of disapproval",
}
INTERFERENCE_TITLE: Final = "Getting in the way"
RATINGS_TITLE: Final = "Session ratings"
ENTRIES_TITLE: Final = "Entries written"

# --- The gentle notice ("too intense") ----------------------------------------------------

NOTICE_TITLE: Final = "Something you might bring to your next session"
NOTICE_BODY: Final = (
    "Lately these feelings seem to be taking up a lot of room. That happens to many people in "
    "therapy, and it is something your therapist will want to hear about. You could bring it "
    "up in your next session, even just by reading this out."
)
NOTICE_REASON_HIGH: Final = (
    "In your last {count} check-ins, the feelings getting in the way scored {lowest} or more "
    "out of 4."
)
NOTICE_REASON_RISING: Final = (
    "Over your last {weeks} weeks of check-ins, the feelings getting in the way rose from "
    "{first} to {last} out of 4."
)
NOTICE_REASON_ENTRIES: Final = (
    "In the last {days} days, {count} of your entries said the feelings were getting in the way."
)
NOTICE_LINK: Final = "Read more: when it gets too intense"

# --- The prep note ------------------------------------------------------------------------

PREP_TITLE: Final = "Notes for my next session"
PREP_PERIOD: Final = "From {since} to {until}"
PREP_NEXT_SESSION: Final = "Next session: {when}"
PREP_SECTION_NOTICED: Final = "What I noticed"
PREP_SECTION_PASSAGES: Final = "From my journal"
PREP_SECTION_SAY: Final = "What I want to say or ask"
PREP_SECTION_STARTERS: Final = "Ways I could start"
PREP_SECTION_BREAK: Final = "Planning for the break"
PREP_SECTION_ENDING: Final = "Planning for the ending"

PREP_NOTHING_WRITTEN: Final = "I did not write anything in this period."
PREP_ENTRY_COUNT: Final = "I wrote {count} entries in this period."
PREP_ENTRY_COUNT_ONE: Final = "I wrote one entry in this period."
PREP_SIGN_COUNT: Final = "{label} came up in {count} of them."
PREP_SIGN_MORE: Final = "{label} came up in {count} of them, more often than in the weeks before."
PREP_SIGN_LESS: Final = "{label} came up in {count} of them, less often than in the weeks before."
PREP_NO_SIGNS: Final = "None of the signs this app looks for came up in them."
PREP_CHECKIN_CHANGE: Final = "In my check-ins, {measure} went from {before} to {after} out of 4."
PREP_NO_PASSAGES: Final = "I did not pick any passages this time."
PREP_NOTHING_TO_SAY: Final = "(Room to add something by hand.)"
PREP_PASSAGE_HEADING: Final = "{kind}, {day}"
PREP_PASSAGE_SHORTENED: Final = "(shortened)"

PREP_BREAK_WHEN: Final = "My therapist is away from {starts} to {ends}."
PREP_BREAK_HELPS: Final = (
    "Keep the days that usually hold a session for something steady and kind.",
    "Write to my therapist in an unsent letter when I miss them, and bring it back after.",
    "Remember that the break ends, and that the work we did stays with me while they are away.",
)
PREP_BREAK_TAKEAWAYS: Final = "Takeaways to re-read: {refs}."
PREP_BREAK_NO_TAKEAWAYS: Final = (
    "I have no takeaways saved yet; I could write one after my next session."
)
PREP_BREAK_CHECKINS: Final = "Check in with myself on: {days}."
PREP_TAKEAWAY_REF: Final = "#{entry_id} ({day})"

PREP_ENDING_WHEN: Final = "My therapy is due to end on {day}; {sessions} sessions are left."
PREP_ENDING_WHEN_ONE: Final = "My therapy is due to end on {day}; one session is left."
PREP_ENDING_WHEN_NONE: Final = "My therapy is due to end on {day}."
PREP_ENDING_PLAN: Final = (
    "What to say: what this therapy has meant to me, and what I am afraid of losing.",
    "What to keep: the takeaways, the letters and what I learned about myself here.",
    "How to say goodbye: ask to plan the last session together, and say thank you in my own words.",
)

# --- Calendar export ----------------------------------------------------------------------

ICS_SESSION: Final = "Session"
ICS_SESSION_CANCELLED: Final = "Session (cancelled)"
ICS_SESSION_MOVED: Final = "Session (moved)"
ICS_BREAK: Final = "No sessions (break)"
ICS_ENDING: Final = "Last day of sessions"
ICS_CHECKIN: Final = "Weekly check-in"
ICS_CHECKIN_ALARM: Final = "Time for your weekly check-in."
ICS_BREAK_ALARM: Final = "A break in sessions starts in a week."
ICS_SESSION_ALARM: Final = "Session tomorrow."

# --- Demo ---------------------------------------------------------------------------------

DEMO_REFUSED: Final = (
    "This journal already holds entries, sessions or check-ins, so no demo was added. Try the "
    "demo in a new, empty home folder (for example: holdingspace --home /tmp/demo demo)."
)
DEMO_DONE: Final = (
    "Added a demo journal: {entries} entries, {checkins} check-ins, {sessions} sessions, "
    "{breaks} breaks and {ratings} ratings. Everything in it is made up."
)

# --- Charts: titles and text alternatives -------------------------------------------------

CHART_SIGNS_TITLE: Final = "Signs in your entries"
CHART_SIGNS_UNIT: Final = "entries carrying the sign"
CHART_CHECKIN_TITLE: Final = "Your check-ins"
CHART_CHECKIN_UNIT: Final = "score out of 4"
CHART_RATINGS_TITLE: Final = "How your sessions felt"
CHART_RATINGS_UNIT: Final = "rating out of 40"
CHART_PERIOD_WEEK: Final = "Week of"
CHART_PERIOD_MONTH: Final = "Month"
CHART_NO_DATA: Final = "Nothing to draw yet."
CHART_DESCRIBE: Final = (
    "A line chart of {title} ({unit}), {per}, from {first} to {last}. The table below holds "
    "the same numbers."
)
CHART_DESCRIBE_SERIES: Final = "{name}: from {first} to {last}, highest {high} ({when})."
CHART_PER_WEEK: Final = "week by week"
CHART_PER_MONTH: Final = "month by month"
CHART_PER_POINT: Final = "one point each time"
