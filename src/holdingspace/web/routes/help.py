"""Need help now? The region's crisis lines, and the safety plan when the journal is open.

Reachable while locked: then it shows only the lines (for a region chosen on the page), never
anything from the journal.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.library import topics as library
from holdingspace.web.pages import web_of

router = APIRouter()


@router.get("/help")
async def help_page(request: Request) -> Response:
    web = web_of(request)
    chosen = request.query_params.get("region", "").upper()
    code = chosen if chosen in library.region_codes() else None
    help = web.crisis_help(code)
    regions = [(c, library.crisis_lines(c).name) for c in library.region_codes()]
    return web.page(request, "help.html", help=help, regions=regions)
