"""The whole experience in a real browser (Debian's Chromium, driven by Playwright), with
screenshots of each main page and an axe-core accessibility check on every one of them.

One server (uvicorn, in a thread, on a free 127.0.0.1 port) and one browser for the module.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import FAST_KDF
from tests.web.web_support import WEB_PASSPHRASE, FakeAnalyser

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
AXE = ROOT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TWO_SIGNS = "I miss her so much this week. I keep wondering what she will think of me."
CRISIS = "The break feels endless. Some nights I want to die. I miss her."
MAIN_PAGES = (
    "/",
    "/write",
    "/journal",
    "/journal/1",
    "/checkin",
    "/calendar",
    "/trends",
    "/prep",
    "/library",
    "/library/missing",
    "/safety-plan",
    "/safety-plan/edit",
    "/settings",
    "/help",
)

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's Chromium is not installed at /usr/bin/chromium "
        "(apt-get install chromium; `make test` installs it)",
        allow_module_level=True,
    )


@dataclass
class Served:
    base: str
    launch: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    import uvicorn

    from holdingspace.web.app import create_app
    from holdingspace.web.server import launch_url, new_token, server_config

    port, token = _free_port(), new_token()
    home = tmp_path_factory.mktemp("browser") / "home"
    app = create_app(home, token=token, port=port, analyser_factory=FakeAnalyser, kdf=FAST_KDF)
    server = uvicorn.Server(server_config(app, port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield Served(f"http://127.0.0.1:{port}", launch_url(port, token))
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _answer_every_question(page: Any, value: str) -> None:
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator(f'input[type="radio"][value="{value}"]').check()


def test_a_new_user_goes_through_the_whole_app(served: Served, chromium: Any) -> None:
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)

    page.goto(served.launch)
    assert page.url == served.base + "/welcome", "the token leaves the address"
    assert page.locator("nav >> text=Open my journal").count() == 0
    shot(page, "01-welcome")
    page.fill("#passphrase", WEB_PASSPHRASE)
    page.fill("#repeat", WEB_PASSPHRASE)
    page.click("text=Create my journal")
    page.wait_for_selector("h1:has-text('Welcome to your journal')")
    shot(page, "02-home-new")

    page.goto(served.base + "/write?theme=missing")
    page.fill("#text", "A draft that the page keeps while I type.")
    page.type("#text", " More.")
    page.wait_for_selector("text=Draft kept, encrypted.", timeout=10_000)
    page.fill("#text", TWO_SIGNS)
    shot(page, "03-write")
    page.click("button:has-text('Save')")
    page.wait_for_selector("text=Signs heard in your words")
    assert page.locator('mark.evidence[data-signs="missing"]').is_visible()
    assert page.locator('mark.evidence[data-signs="approval"]').is_visible()
    assert page.locator("a:has-text('Why might I feel this?')").count() == 2
    shot(page, "04-entry-with-signs")

    page.goto(served.base + "/checkin")
    _answer_every_question(page, "2")
    shot(page, "05-checkin")
    layout = page.evaluate(
        """() => ({
            legendsInside: [...document.querySelectorAll('fieldset.question')].every((f) => {
                const box = f.getBoundingClientRect();
                const legend = f.querySelector('legend').getBoundingClientRect();
                return legend.top >= box.top && legend.bottom <= box.bottom;
            }),
            footLeft: document.querySelector('.foot p').getBoundingClientRect().left,
            mainLeft: document.querySelector('main').getBoundingClientRect().left,
        })"""
    )
    assert layout["legendsInside"], "a question's title crosses its box"
    assert layout["footLeft"] == layout["mainLeft"], "the footer lines up with the page"
    page.click("text=See my check-in")
    page.wait_for_selector("text=What came up this week")
    bars = page.evaluate(
        "() => [...document.querySelectorAll('meter')].map((m) => getComputedStyle(m).appearance)"
    )
    assert bars and set(bars) == {"none"}, "no score bar is drawn in the browser's good/bad colours"
    shot(page, "06-checkin-result")

    now = datetime.now()
    page.goto(served.base + "/calendar")
    page.fill("#when", f"{now - timedelta(days=2):%Y-%m-%dT10:00}")
    page.select_option("#status", "held")
    page.click("text=Add session")
    page.wait_for_selector("text=Session added.")
    page.fill("#when", f"{now + timedelta(days=5):%Y-%m-%dT10:00}")
    page.click("text=Add session")
    page.fill("#from", f"{now + timedelta(days=20):%Y-%m-%d}")
    page.fill("#to", f"{now + timedelta(days=34):%Y-%m-%d}")
    page.click("text=Add break")
    page.wait_for_selector("text=Break added.")
    shot(page, "07-calendar")

    page.click("a:has-text('Rate')")
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator('input[value="8"]').check()
    shot(page, "08-rate")
    page.click("text=Save my rating")
    page.wait_for_selector("text=32 of 40")
    shot(page, "09-rating-result")

    page.goto(served.base + "/library")
    shot(page, "10-library")
    page.click("a:has-text('Missing them')")
    page.wait_for_selector("h2:has-text('Why it happens')")
    shot(page, "11-library-topic")

    page.goto(served.base + "/safety-plan/edit")
    page.fill("#people_to_ask", "My sister, on 0123 456")
    page.click("text=Save my plan")
    page.wait_for_selector("text=Your safety plan is saved.")
    shot(page, "12-safety-plan")

    page.goto(served.base + "/write")
    page.fill("#text", CRISIS)
    page.click("button:has-text('Save')")
    page.wait_for_selector(".crisis-help")
    order = page.evaluate(
        """() => {
            const help = document.querySelector('.crisis-help');
            const first = document.body.firstElementChild === help;
            const before = (el) => Boolean(
                help.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
            return {
                first,
                beforeHeader: before(document.querySelector('header')),
                beforeSigns: before(document.querySelector('#signs-heading')),
                beforeText: before(document.querySelector('.entry-text')),
                plan: help.textContent.includes('My sister'),
            };
        }"""
    )
    assert order == {
        "first": True,
        "beforeHeader": True,
        "beforeSigns": True,
        "beforeText": True,
        "plan": True,
    }
    shot(page, "13-crisis-first")

    for path, name in (
        ("/", "14-home"),
        ("/journal", "15-journal"),
        ("/trends", "16-trends"),
        ("/prep", "17-prep"),
        ("/settings", "18-settings"),
        ("/help", "19-help"),
    ):
        page.goto(served.base + path)
        shot(page, name)
    page.goto(served.base + "/prep")
    page.emulate_media(media="print")
    assert not page.locator("header").is_visible(), "the print view shows only the note"
    assert page.locator(".prep-note").is_visible()
    shot(page, "17b-prep-print-view")
    page.emulate_media(media="screen")

    page.click("header button:has-text('Lock')")
    page.wait_for_selector("h1:has-text('Open your journal')")
    page.goto(served.base + "/journal")
    assert page.url == served.base + "/unlock"
    assert "I miss her" not in page.content()
    shot(page, "20-locked")
    page.fill("#passphrase", WEB_PASSPHRASE)
    page.click("button:has-text('Open')")
    page.wait_for_selector("text=Hello again")
    assert "I miss her" in page.content()

    phone = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    small = phone.new_page()
    small.goto(served.launch)
    shot(small, "21-home-phone")
    small.goto(served.base + "/journal/1")
    shot(small, "22-entry-phone")
    phone.close()
    context.close()
    assert blocked == [], "the strict policy blocked something the pages use"


def test_every_main_page_has_no_serious_accessibility_problems(
    served: Served, chromium: Any
) -> None:
    assert AXE.exists(), (
        f"axe-core is missing at {AXE}: npm install --prefix build/npm axe-core "
        "(`make test` does this)"
    )
    # Playwright injects the script inline, which the app's policy rightly blocks, so this
    # context alone bypasses CSP; every other test runs under the real policy.
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(served.launch)
    if "/unlock" in page.url:
        page.fill("#passphrase", WEB_PASSPHRASE)
        page.click("button:has-text('Open')")
    problems: dict[str, list[str]] = {}
    for path in (*MAIN_PAGES, "/lock-screen"):
        if path == "/lock-screen":
            page.click("header button:has-text('Lock')")
            page.wait_for_selector("h1:has-text('Open your journal')")
        else:
            page.goto(served.base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
    context.close()
    assert problems == {}
