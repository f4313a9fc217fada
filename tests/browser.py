"""Shared helpers for the browser tests: Debian's Chromium through Playwright, axe-core on every page."""

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def _click_then_load(click):
    """Playwright's click returns once a navigation it started has committed, while the new page may still be
    arriving: a count or a text read at once could see half a page (it did on a loaded CI machine). Waiting for the
    load event after every click costs nothing when the click did not navigate."""

    def click_and_wait(locator, *args, **kwargs):
        click(locator, *args, **kwargs)
        locator.page.wait_for_load_state("load")

    return click_and_wait


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import Locator, sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setattr(Locator, "click", _click_then_load(Locator.click))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# A page or an htmx request refused with 400/403/404 is an answer the test checks; Chromium still logs it as a
# console error, which says nothing more.
REFUSED_ANSWER = "Failed to load resource: the server responded with a status of"
# Live validation replaces a request still in flight (hx-sync "replace"); htmx logs the aborted one as an error.
ABORTED_BY_DESIGN = ("htmx:sendAbort", "htmx:afterRequest")
ANSWERS = frozenset({"document", "xhr", "fetch"})


def _watch_errors(page) -> list[str]:
    errors = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith((REFUSED_ANSWER, *ABORTED_BY_DESIGN)):
            errors.append(f"{page.url}: {message.text}")

    def on_response(response):
        if response.status >= 400 and response.request.resource_type not in ANSWERS:
            errors.append(f"{response.url}: {response.status} ({response.request.resource_type})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("response", on_response)
    return errors


@pytest.fixture
def page(chromium):
    """A page that fails its test on any console error, uncaught script error or broken asset (a style or script
    the content security policy refuses, a missing stylesheet), lest they hide behind a page that looks right."""
    context = chromium.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = _watch_errors(page)
    yield page
    context.close()
    assert not errors, "\n".join(errors)


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/accounts/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_load_state("networkidle")


def assert_accessible(page, name):
    """Fail on any axe-core violation, and keep a screenshot of the page for a person to look at."""
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-top.png"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


# A phone's viewport: the width of a common phone held upright, in CSS pixels.
PHONE_VIEWPORT = {"width": 390, "height": 844}


def watched_page(context):
    """A new page of `context` checked as the `page` fixture checks its own: returns the page and the list of errors
    it collects, for a test that keeps several pages (one per role) open at once."""
    page = context.new_page()
    return page, _watch_errors(page)
