"""Rendering: one Jinja environment, the values every page shares, and the JSON twins."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from holdingspace.core import checkin_messages as cm
from holdingspace.core import insight_messages as im
from holdingspace.core.checkin_messages import SAFETY_PLAN_SECTIONS
from holdingspace.core.labels import LABEL_TITLES
from holdingspace.library import topics as library
from holdingspace.services.checkins import CheckinService
from holdingspace.web import messages as msg
from holdingspace.web.security import Guard
from holdingspace.web.state import Journal

REGION_SETTING: Final = "region"
REFRESH_GRACE_SECONDS: Final = 5

NAV: Final[tuple[tuple[str, str], ...]] = (
    ("/", "Home"),
    ("/write", "Write"),
    ("/journal", "Journal"),
    ("/checkin", "Check-in"),
    ("/calendar", "Sessions & breaks"),
    ("/trends", "Trends"),
    ("/prep", "Prepare"),
    ("/library", "Library"),
    ("/safety-plan", "Safety plan"),
    ("/settings", "Settings"),
)


def topic_id(label: str) -> str:
    """The library page for a sign: its label with hyphens."""
    return label.replace("_", "-")


def sign_title(label: str) -> str:
    return LABEL_TITLES.get(label, label.replace("_", " ").capitalize())


def long_day(value: date | datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_day(value: date | datetime) -> str:
    return f"{value.day} {value:%b %Y}"


def clock_time(value: datetime) -> str:
    return f"{value:%H:%M}"


def shown_score(value: float) -> str:
    """A score as shown: one decimal at most (2.67 as 2.7, 2.0 as 2)."""
    return f"{round(value, 1):g}"


def dial_links(numbers: str, scheme: str = "tel") -> Markup:
    """Numbers such as "112 or 999" as links to call (or, with "sms", to text); words that
    are not a number ("your local emergency number") stay plain text."""
    shown = []
    for number in numbers.split(" or "):
        digits = re.sub(r"[^0-9+]", "", number)
        if digits and not re.search(r"[A-Za-z]", number):
            shown.append(Markup('<a href="{}:{}">{}</a>').format(scheme, digits, number))
        else:
            shown.append(escape(number))
    return Markup(" or ").join(shown)


def emergency_line(region: library.Region) -> Markup:
    """ "In an emergency (United Kingdom): 999", with the number one tap away."""
    return escape(cm.CRISIS_EMERGENCY).format(
        region=region.name, number=dial_links(region.emergency)
    )


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("holdingspace.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        topic_id=topic_id,
        sign_title=sign_title,
        long_day=long_day,
        short_day=short_day,
        clock_time=clock_time,
        score=shown_score,
        dial_links=dial_links,
        emergency_line=emergency_line,
    )
    env.globals.update(
        nav=NAV,
        not_therapy=msg.NOT_THERAPY,
        plan_sections=SAFETY_PLAN_SECTIONS,
        msg=msg,
        cm=cm,
        im=im,
    )
    return env


@dataclass
class Web:
    """What every route needs: the journal, the guard and the templates."""

    journal: Journal
    guard: Guard
    env: Environment

    @classmethod
    def build(cls, journal: Journal, guard: Guard) -> Web:
        return cls(journal, guard, _environment())

    def page(
        self,
        request: Request,
        template: str,
        status: int = 200,
        *,
        refresh: bool = True,
        **values: Any,
    ) -> HTMLResponse:
        """A page; ``refresh`` lets a page left open go back to the start after the idle time
        (static/idle.js), so the lock shows on screen too; left off where a form may hold
        typed text."""
        done = msg.DONE.get(request.query_params.get("done", ""))
        shared = {
            "request": request,
            "path": request.url.path,
            "csrf": self.guard.csrf_token(request.state.session),
            "unlocked": self.journal.unlocked,
            "initialised": self.journal.initialised,
            "done": done,
            "refresh_after": self._refresh_after() if refresh else None,
        }
        html = self.env.get_template(template).render({**shared, **values})
        return HTMLResponse(html, status_code=status)

    def _refresh_after(self) -> int | None:
        if not self.journal.unlocked:
            return None
        return self.journal.idle_minutes * 60 + REFRESH_GRACE_SECONDS

    def regions(self) -> list[tuple[str, str]]:
        """Every region with crisis lines, as (code, name), for a select."""
        return [(code, library.crisis_lines(code).name) for code in library.region_codes()]

    def crisis_help(self, region_code: str | None = None) -> dict[str, Any]:
        """The region's crisis lines, and the person's own safety plan when unlocked."""
        plan = None
        if self.journal.unlocked:
            context = self.journal.context()
            region_code = region_code or context.store.get_setting(REGION_SETTING)
            plan = CheckinService(context).safety_plan()
        return {"region": library.crisis_lines(region_code), "plan": plan}


def wants_json(request: Request) -> bool:
    return request.query_params.get("format") == "json"


def json_twin(data: Mapping[str, Any]) -> JSONResponse:
    return JSONResponse(dict(data))


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def web_of(request: Request) -> Web:
    web = request.app.state.web
    assert isinstance(web, Web)
    return web
