"""The person's own safety plan: view and edit, always beside the crisis lines."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core.errors import InvalidInput
from holdingspace.core.safety_plan import SECTIONS
from holdingspace.services.checkins import CheckinService
from holdingspace.web.forms import read_form
from holdingspace.web.pages import redirect, web_of

router = APIRouter()


@router.get("/safety-plan")
async def plan_page(request: Request) -> Response:
    web = web_of(request)
    web.journal.context()
    return web.page(request, "safety_plan.html", help=web.crisis_help())


@router.get("/safety-plan/edit")
async def edit_page(request: Request) -> Response:
    web = web_of(request)
    plan = CheckinService(web.journal.context()).safety_plan()
    typed = {section: "\n".join(plan.lines(section)) for section in SECTIONS}
    return web.page(request, "safety_plan_edit.html", refresh=False, typed=typed, message=None)


@router.post("/safety-plan/edit")
async def save(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    service = CheckinService(web.journal.context())
    typed = {section: form.get(section) for section in SECTIONS}
    try:
        plan = service.safety_plan()
        for section, text in typed.items():
            plan = plan.with_section(section, text.splitlines())
        service.save_safety_plan(plan)
    except InvalidInput as error:
        return web.page(
            request, "safety_plan_edit.html", 400, refresh=False, typed=typed, message=str(error)
        )
    return redirect("/safety-plan?done=plan")
