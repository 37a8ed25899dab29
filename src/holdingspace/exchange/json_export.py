"""The JSON export of everything, and its strict reader (imports are idempotent by uid)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind, check_text
from holdingspace.core.errors import CorruptData, HoldingspaceError
from holdingspace.core.records import CheckIn, Rating
from holdingspace.core.signs import analysis_from_dict, analysis_to_dict

FORMAT = "holdingspace-export"
VERSION = 1


@dataclass
class Bundle:
    """Everything in a journal, as plain records, with ratings pointing at session uids."""

    entries: list[Entry] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    ratings: list[tuple[str, Rating]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


def dumps(bundle: Bundle, exported_at: datetime) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(),
        "entries": [
            {
                "uid": e.uid,
                "kind": e.kind.value,
                "text": e.text,
                "created_at": e.created_at.isoformat(),
                "updated_at": e.updated_at.isoformat(),
                "analysis": None if e.analysis is None else analysis_to_dict(e.analysis),
            }
            for e in bundle.entries
        ],
        "sessions": [
            {
                "uid": s.uid,
                "starts_at": s.starts_at.isoformat(),
                "status": s.status.value,
                "duration_minutes": s.duration_minutes,
                "note": s.note,
            }
            for s in bundle.sessions
        ],
        "breaks": [
            {
                "uid": b.uid,
                "starts_on": b.starts_on.isoformat(),
                "ends_on": b.ends_on.isoformat(),
                "reason": b.reason.value,
                "note": b.note,
            }
            for b in bundle.breaks
        ],
        "checkins": [
            {
                "uid": c.uid,
                "taken_at": c.taken_at.isoformat(),
                "instrument_id": c.instrument_id,
                "answers": c.answers,
            }
            for c in bundle.checkins
        ],
        "ratings": [
            {
                "uid": r.uid,
                "session_uid": session_uid,
                "rated_at": r.rated_at.isoformat(),
                "answers": r.answers,
            }
            for session_uid, r in bundle.ratings
        ],
        "settings": bundle.settings,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def loads(raw: str | bytes) -> Bundle:
    """Read an export, checking every field before anything is written anywhere."""
    try:
        document = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise CorruptData("That file is not valid JSON, so nothing was imported.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CorruptData("That file is not a holdingspace export, so nothing was imported.")
    if document.get("version") != VERSION:
        raise CorruptData("That export comes from a version this one cannot read.")
    where = "the file"
    try:
        bundle = Bundle(settings=dict(document.get("settings") or {}))
        for i, e in enumerate(document.get("entries", [])):
            where = f"entry {i + 1}"
            analysis = e.get("analysis")
            bundle.entries.append(
                Entry(
                    None,
                    _uid(e),
                    EntryKind(e["kind"]),
                    check_text(str(e["text"])),
                    datetime.fromisoformat(e["created_at"]),
                    datetime.fromisoformat(e["updated_at"]),
                    None if analysis is None else analysis_from_dict(analysis),
                )
            )
        for i, s in enumerate(document.get("sessions", [])):
            where = f"session {i + 1}"
            bundle.sessions.append(
                Session(
                    None,
                    _uid(s),
                    datetime.fromisoformat(s["starts_at"]),
                    SessionStatus(s["status"]),
                    int(s["duration_minutes"]),
                    str(s.get("note", "")),
                )
            )
        for i, b in enumerate(document.get("breaks", [])):
            where = f"break {i + 1}"
            bundle.breaks.append(
                Break(
                    None,
                    _uid(b),
                    date.fromisoformat(b["starts_on"]),
                    date.fromisoformat(b["ends_on"]),
                    BreakReason(b["reason"]),
                    str(b.get("note", "")),
                )
            )
        for i, c in enumerate(document.get("checkins", [])):
            where = f"check-in {i + 1}"
            bundle.checkins.append(
                CheckIn(
                    None,
                    _uid(c),
                    datetime.fromisoformat(c["taken_at"]),
                    str(c["instrument_id"]),
                    _answers(c["answers"]),
                )
            )
        session_uids = {s.uid for s in bundle.sessions}
        for i, r in enumerate(document.get("ratings", [])):
            where = f"rating {i + 1}"
            if r["session_uid"] not in session_uids:
                raise ValueError("it names a session that is not in the file")
            bundle.ratings.append(
                (
                    r["session_uid"],
                    Rating(
                        None,
                        _uid(r),
                        0,
                        datetime.fromisoformat(r["rated_at"]),
                        _answers(r["answers"]),
                    ),
                )
            )
    except HoldingspaceError as error:
        reason = str(error).rstrip(".")
        raise CorruptData(f"Nothing was imported: {where} is not right ({reason}).") from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise CorruptData(f"Nothing was imported: {where} is not right ({detail}).") from None
    return bundle


def _uid(record: dict[str, Any]) -> str:
    uid = record["uid"]
    if not isinstance(uid, str) or not 1 <= len(uid) <= 32:
        raise ValueError("its uid is not valid")
    return uid


def _answers(raw: Any) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise ValueError("its answers are not a mapping")
    return {str(k): int(v) for k, v in raw.items()}
