"""The session-prep note as Markdown (a plain export, written only when asked for)."""

from __future__ import annotations

from holdingspace.core import insight_messages as msg
from holdingspace.core.prep import PrepNote


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.splitlines())


def render_markdown(note: PrepNote) -> str:
    lines = [f"# {note.title}", "", note.period]
    if note.next_session_text:
        lines += ["", note.next_session_text]
    lines += ["", f"## {msg.PREP_SECTION_NOTICED}", ""]
    lines += [f"- {line}" for line in note.noticed]
    lines += ["", f"## {msg.PREP_SECTION_PASSAGES}", ""]
    if not note.passages:
        lines.append(msg.PREP_NO_PASSAGES)
    for passage in note.passages:
        lines += [f"**{passage.heading}**", "", _quote(passage.text), ""]
    lines += ["", f"## {msg.PREP_SECTION_SAY}", ""]
    lines += [f"- {line}" for line in note.to_say] or [msg.PREP_NOTHING_TO_SAY]
    lines += ["", f"## {msg.PREP_SECTION_STARTERS}", ""]
    lines += [f"- “{starter}”" for starter in note.starters]
    if note.break_plan:
        lines += ["", f"## {msg.PREP_SECTION_BREAK}", ""]
        lines += [f"- {line}" for line in note.break_plan.lines]
    if note.ending_plan:
        lines += ["", f"## {msg.PREP_SECTION_ENDING}", ""]
        lines += [f"- {line}" for line in note.ending_plan.lines]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip() + "\n"
