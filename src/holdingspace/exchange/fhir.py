"""Check-ins as FHIR R4 QuestionnaireResponse resources, built and validated with fhir.resources.

The R4B models are used: R4B changed nothing in Questionnaire or QuestionnaireResponse, so what
they accept is what an R4 server accepts. Export returns text; only the faces write files.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from holdingspace.core import checkin_messages as msg
from holdingspace.core.errors import InvalidInput
from holdingspace.core.instruments import Instrument, Item
from holdingspace.core.records import CheckIn

CHECKIN_IDENTIFIER_SYSTEM = "urn:holdingspace:checkin"


def questionnaire_response(
    checkin: CheckIn, instrument: Instrument, zone: tzinfo | None = None
) -> Any:
    """One check-in as a validated QuestionnaireResponse model.

    The stored time has no zone (the app is local); ``zone`` says where it was taken, and by
    default the machine's own zone is used, as FHIR needs an offset on a time of day.
    """
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    authored = checkin.taken_at.replace(tzinfo=zone) if zone else checkin.taken_at.astimezone()
    return QuestionnaireResponse.model_validate(
        {
            "resourceType": "QuestionnaireResponse",
            "id": checkin.uid,
            "identifier": {"system": CHECKIN_IDENTIFIER_SYSTEM, "value": checkin.uid},
            "questionnaire": _canonical(instrument),
            "status": "completed",
            "authored": authored.isoformat(timespec="seconds"),
            "item": [
                {
                    "linkId": item.id,
                    "text": item.text,
                    "answer": [_answer(item, checkin.answers[item.id])],
                }
                for item in instrument.items
                if item.id in checkin.answers
            ],
        }
    )


def checkins_bundle(
    checkins: Sequence[tuple[CheckIn, Instrument]], zone: tzinfo | None = None
) -> str:
    """A FHIR collection Bundle of QuestionnaireResponses, as JSON text."""
    from fhir.resources.R4B.bundle import Bundle

    entries = []
    for checkin, instrument in checkins:
        response = questionnaire_response(checkin, instrument, zone)
        entries.append({"fullUrl": _full_url(checkin.uid), "resource": response})
    bundle = Bundle.model_validate(
        {"resourceType": "Bundle", "type": "collection", "entry": entries}
    )
    return json.dumps(
        bundle.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2
    )


def validate_questionnaire(data: object) -> None:
    """Raise InvalidInput unless ``data`` passes as a FHIR R4 Questionnaire."""
    from fhir.resources.R4B.questionnaire import Questionnaire
    from pydantic import ValidationError

    try:
        Questionnaire.model_validate(data)
    except ValidationError as error:
        problems = error.errors()
        first = problems[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top"
        raise InvalidInput(
            msg.INSTRUMENT_NOT_FHIR.format(count=len(problems), where=where, problem=first["msg"])
        ) from None


def _canonical(instrument: Instrument) -> str:
    base = instrument.url or f"urn:holdingspace:questionnaire:{instrument.id}"
    return f"{base}|{instrument.version}" if instrument.version else base


def _answer(item: Item, value: int) -> dict[str, Any]:
    choice = item.choice(value)
    if choice.code is None:
        return {"valueInteger": value}
    coding: dict[str, Any] = {"code": choice.code, "display": choice.display}
    if choice.system:
        coding["system"] = choice.system
    return {"valueCoding": coding}


def _full_url(uid: str) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(uid)}"
    except ValueError:
        return f"{CHECKIN_IDENTIFIER_SYSTEM}:{uid}"
