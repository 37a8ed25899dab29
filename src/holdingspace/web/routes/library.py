"""The library: every topic, search, and each topic rendered from its Markdown."""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter
from markdown_it import MarkdownIt
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core.errors import NotFound
from holdingspace.library import topics as library
from holdingspace.web.pages import json_twin, wants_json, web_of

router = APIRouter()


@cache
def _markdown() -> MarkdownIt:
    # "html": False makes any HTML inside a page show as text instead of running.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def render_markdown(text: str) -> str:
    return str(_markdown().render(text))


@router.get("/library")
async def library_page(request: Request) -> Response:
    web = web_of(request)
    words = request.query_params.get("q", "").strip()
    found = library.search(words) if words else list(library.all_topics())
    if wants_json(request):
        return json_twin({"q": words, "topics": [{"id": t.id, "title": t.title} for t in found]})
    return web.page(request, "library.html", topics=found, q=words)


@router.get("/library/{topic_id}")
async def topic_page(request: Request, topic_id: str) -> Response:
    web = web_of(request)
    topic = library.get_topic(topic_id)
    if wants_json(request):
        return json_twin({"id": topic.id, "title": topic.title, "body": topic.body})
    related = []
    for other in topic.related:
        try:
            related.append(library.get_topic(other))
        except NotFound:
            continue
    known = library.references()
    references = [known[key] for key in topic.references if key in known]
    return web.page(
        request,
        "topic.html",
        topic=topic,
        body=render_markdown(topic.body),
        related=related,
        references=references,
    )
