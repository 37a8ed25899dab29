"""Every sentence the web pages say outside their templates, by name.

Warm, plain, never diagnostic; nothing here ever contains what the person wrote. The page
templates hold the rest of the wording, in the same voice.
"""

from typing import Final

NOT_THERAPY: Final = (
    "holdingspace is not therapy and not an emergency service. Everything stays on this "
    "computer, encrypted; nobody else sees it, and nobody is reading along."
)
REFUSED: Final = (
    "This page only opens from the address that `holdingspace serve` printed in your terminal. "
    "Please open that address again."
)
WRONG_HOST: Final = "This address is not one that holdingspace answers on."
CROSS_SITE: Final = "This request came from another page or site, so holdingspace ignored it."
FORM_CHECK_MISSING: Final = "This form was missing its safety token, so nothing was changed."
STALE_FORM: Final = (
    "This page had been open for a long time, so we check once more before saving. "
    "Everything you typed is still here; press the button again to go on."
)
STALE_FORM_FILE: Final = "If you had chosen a file, please choose it again."
TOO_LARGE: Final = (
    "That was more than this app accepts at once ({limit} MB), so nothing was saved. "
    "If it was an entry, please split it in two."
)
UNEXPECTED: Final = (
    "Something went wrong on our side ({kind}). Nothing you wrote was shared. "
    "Going back and trying again often helps."
)
NOT_FOUND: Final = "There is nothing at this address."
NOT_A_NUMBER: Final = (
    "There is nothing at this address: entries and sessions are found by number, "
    "and {value!r} is not one."
)
UNREADABLE_REQUEST: Final = (
    "Part of this request could not be read, so nothing was changed. "
    "Going back and using the page's own links or buttons usually helps."
)

UNLOCK_FAILED: Final = "That passphrase did not open the journal. Please try again."
PASSPHRASES_DIFFER: Final = "The two passphrases were different; please type them again."
EASY_TO_GUESS: Final = (
    "This passphrase could be guessed quite easily. A few unusual words in a row are easier to "
    "remember and much harder to guess. You can still use it: tick the box below."
)
STRENGTH_WORDS: Final = ("very weak", "weak", "fair", "strong", "very strong")
LOCKED_WHILE_WRITING: Final = (
    "Your journal locked itself while the page was open. Unlock it and your words will be "
    "waiting in the form; nothing has been saved yet."
)
LOCKED_AFTER_IDLE: Final = "The journal locked itself after a quiet while. Welcome back."
LOCKED: Final = "Your journal is locked."

DONE: Final[dict[str, str]] = {
    "created": (
        "Your journal is ready, and everything in it is encrypted. Keep your passphrase "
        "somewhere safe: nobody, including us, can recover a lost one."
    ),
    "saved": "Saved.",
    "deleted": "Deleted.",
    "session-added": "Session added.",
    "break-added": "Break added.",
    "region": "Your region is saved.",
    "idle": "The idle lock is saved.",
    "passphrase": "Your passphrase is changed. Nothing else needed to change.",
    "plan": "Your safety plan is saved.",
    "reanalysed": "Your older entries were re-read with the current version of the analysis.",
    "deleted-all": "Your journal has been deleted from this computer.",
}
IMPORTED_SESSIONS: Final = (
    "Added {added} session(s) from the calendar file; {skipped} were already here."
)
BAD_ICS: Final = (
    "That file could not be read as a calendar (.ics) file, so nothing was added. "
    "Calendar apps usually offer it under Export or Share."
)
ICS_EMPTY: Final = "That calendar file held no events with a start time, so nothing was added."
ICS_NO_FILE: Final = "Please choose an .ics file first."
IDLE_RANGE: Final = "Please choose an idle lock between {low} and {high} minutes."
UNKNOWN_REGION: Final = "Please choose one of the regions in the list."
UNKNOWN_SIGN: Final = "There is no sign called {sign!r}; showing every sign."
DELETE_PHRASE_MISMATCH: Final = 'Nothing was deleted: please type "delete everything" exactly.'
ANALYSIS_LIMITED: Final = (
    "The signs here come from simple word patterns, because the on-device language model is "
    "not installed. They may miss things or see things that are not there."
)
RATING_NEEDS_SESSION: Final = "There is no session with that number to rate."
