"""Every page of the product on a phone (390 px wide), opened by a user whose role may open it: no page scrolls
sideways, and no page logs a console error or an uncaught script error (a style or script the content security
policy refuses included).

The pages come from the URLconf through the permission matrix (tests/security/test_permission_matrix.py), which
declares every URL name with the roles that may use it and builds the object each path names (one job seeker,
meeting, statement, application, vacancy, … of the home municipality). A page is visited as the first role of
ROLE_ORDER that may open it, each role signed in once in its own browser context; the front page, whose cards and
menu differ by role, as every role.
"""

import pytest
from django.urls import reverse

from accounts.enums import Role
from tests.browser import ARTIFACTS, PHONE_VIEWPORT, assert_accessible, log_in, watched_page
from tests.conftest import TEST_PASSWORD
from tests.security.test_permission_matrix import HOME_MUNICIPALITY, PUBLIC, RULES, resolve_url, url_names

# The counsellor first: they see the pages of customer work with the matrix's job seeker as their own client.
ROLE_ORDER = (
    Role.COUNSELLOR,
    Role.SUPERVISOR,
    Role.DECISION_MAKER,
    Role.PAYMENT_HANDLER,
    Role.AREA_MANAGER,
    Role.EMPLOYER_SERVICES,
    Role.ADMINISTRATOR,
)

TABLE_EXPORT = "a table as CSV or XLSX, downloaded, not shown"
DOCUMENT = "a letter or decision as DOCX, downloaded, not shown"
# URL names answered with a file, which a browser does not lay out; the test checks each still answers with no HTML.
DOWNLOADS = {
    "audit:export": TABLE_EXPORT,
    "competence:export": TABLE_EXPORT,
    "cooperation:export": TABLE_EXPORT,
    "cooperation:recruitment_export": TABLE_EXPORT,
    "employers:distance_export": TABLE_EXPORT,
    "employers:vacancy_export": TABLE_EXPORT,
    "jobseekers:caseload_export": TABLE_EXPORT,
    "jobseekers:journal_export": TABLE_EXPORT,
    "labour_market:export_commuting": TABLE_EXPORT,
    "labour_market:export_derived": TABLE_EXPORT,
    "labour_market:export_findings": TABLE_EXPORT,
    "labour_market:export_municipal": TABLE_EXPORT,
    "labour_market:export_time_series": TABLE_EXPORT,
    "matching:mobility_export": TABLE_EXPORT,
    "organisation:export": TABLE_EXPORT,
    "planning:change_export": TABLE_EXPORT,
    "planning:export": TABLE_EXPORT,
    "planning:phone_export": TABLE_EXPORT,
    "service_model:my_week_export": TABLE_EXPORT,
    "service_model:on_time_export": TABLE_EXPORT,
    "service_model:overview_export": TABLE_EXPORT,
    "statements:export": TABLE_EXPORT,
    "subsidies:queue_export": TABLE_EXPORT,
    "subsidies:report_export": TABLE_EXPORT,
    "correspondence:invitation_document": DOCUMENT,
    "correspondence:plan_document": DOCUMENT,
    "statements:document": DOCUMENT,
    "subsidies:decision_document": DOCUMENT,
    "subsidies:attachment": "an uploaded attachment (PDF), downloaded as it was uploaded",
    "subsidies:payment_export": "a payment file for the finance system, downloaded",
}
# Open without signing in: the sign-in page is visited signed out; the rest show nothing of their own.
ANONYMOUS_PAGES = {"accounts:login"}
NOT_PAGES = {
    "accounts:logout": "POST only: signs out and redirects",
    "accounts:otp": "the second factor's page redirects to signing in unless a sign-in is half done (no MFA in tests)",
    "set_language": "POST only: sets the language and redirects",
    "www:health": "the health check answers monitoring, not people",
}

# A page that asks for more once loaded (htmx on load or on sight, or a request already running) is measured once its
# answers are in; every other page is measured at its load event, sparing a half-second wait for a quiet network.
LOADS_MORE = """() => document.querySelector(
  '[hx-trigger*="load"], [hx-trigger*="revealed"], [hx-trigger*="intersect"], [hx-trigger*="every"], .htmx-request'
) !== null"""

OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  // Whether a scrolling or clipping box holds the element in: only the boxes of its containing blocks do (a
  // positioned element escapes the overflow of an unpositioned ancestor).
  const clips = (element) => {
    let position = getComputedStyle(element).position;
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (position === "fixed") return false;
      const style = getComputedStyle(node);
      if (position === "absolute" && style.position === "static" && style.transform === "none") continue;
      if (style.overflowX !== "visible") return true;
      position = style.position;
    }
    return false;
  };
  const describe = (element) => {
    const classes = [...element.classList].map((name) => "." + name).join("");
    const text = (element.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    const right = Math.round(element.getBoundingClientRect().right);
    const id = element.id ? "#" + element.id : "";
    return `<${element.tagName.toLowerCase()}${id}${classes}> reaching ${right} px: ${text}`;
  };
  const sticking = [...document.body.querySelectorAll("*")].filter(
    (element) => element.getBoundingClientRect().right > width + 0.5 && !clips(element)
  );
  // The outermost element that sticks out is the one to fix; its children stick out only because it does.
  const outermost = sticking.filter((element) => !sticking.includes(element.parentElement));
  const widest = outermost.reduce((a, b) => (b.getBoundingClientRect().width > a.getBoundingClientRect().width ? b : a),
    outermost[0] || root);
  return `${root.scrollWidth} px wide in ${width} px; widest element sticking out: ${describe(widest)}`;
}"""


def _page_names():
    return sorted(
        name
        for name in url_names()
        if name in RULES
        and not RULES[name].api
        and RULES[name].method == "get"
        and name not in DOWNLOADS
        and name not in ANONYMOUS_PAGES
    )


def _role_for(name):
    return next(role for role in ROLE_ORDER if role in RULES[name].roles)


def test_every_url_is_a_visited_page_or_excluded_with_a_reason():
    names = set(url_names())
    posts = {name for name in names if name in RULES and RULES[name].method == "post"}
    api = {name for name in names if name in RULES and RULES[name].api}
    undeclared = sorted(names - set(RULES) - PUBLIC)
    assert not undeclared, f"declare these in RULES of the permission matrix (this test visits its rows): {undeclared}"
    accounted = set(_page_names()) | set(DOWNLOADS) | ANONYMOUS_PAGES | set(NOT_PAGES) | posts | api
    assert not names - accounted, f"visit these pages or exclude them with a reason: {sorted(names - accounted)}"
    stale = (set(DOWNLOADS) | ANONYMOUS_PAGES | set(NOT_PAGES)) - names
    assert not stale, f"excluded but no longer in the URLconf: {sorted(stale)}"
    assert not set(NOT_PAGES) - PUBLIC, "only the public URLs are left out as not pages"
    assert {_role_for(name) for name in _page_names()} == set(ROLE_ORDER), "every role is used for some page"


def _check(page, errors, url, problems):
    from playwright.sync_api import Error

    try:
        response = page.goto(url)
    except Error as error:
        # A file download aborts the navigation; such a URL belongs in DOWNLOADS.
        problems.append(f"{url}: not a page ({error.message.splitlines()[0]}); a download goes in DOWNLOADS")
        return
    if page.evaluate(LOADS_MORE):
        page.wait_for_load_state("networkidle")
    if response.status != 200:
        problems.append(f"{url}: answered {response.status}")
    overflow = page.evaluate(OVERFLOW)
    if overflow:
        problems.append(f"{url}: scrolls sideways, {overflow}")
    problems.extend(errors)
    errors.clear()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_fits_a_phone_without_console_errors(chromium, live_server, area, make_user):
    from organisation.models import Team

    home_team = Team.objects.filter(municipality__code=HOME_MUNICIPALITY).order_by("key").first()
    users = {role: make_user(role=role, municipality_code=HOME_MUNICIPALITY, team=home_team) for role in ROLE_ORDER}
    # The matrix's meeting is held by the counsellor named so; being ours, it shows on our counsellor's week.
    users[Role.COUNSELLOR].username = "matriisi-ohjaaja"
    users[Role.COUNSELLOR].save()
    urls = {name: resolve_url(name, RULES[name]) for name in _page_names()}
    downloads = {name: resolve_url(name, RULES[name]) for name in DOWNLOADS}

    problems = []
    contexts = []
    try:
        anonymous = chromium.new_context(locale="fi-FI", viewport=PHONE_VIEWPORT)
        contexts.append(anonymous)
        page, errors = watched_page(anonymous)
        _check(page, errors, f"{live_server.url}{reverse('accounts:login')}", problems)

        for role in ROLE_ORDER:
            context = chromium.new_context(locale="fi-FI", viewport=PHONE_VIEWPORT)
            contexts.append(context)
            page, errors = watched_page(context)
            log_in(page, live_server, users[role].username, TEST_PASSWORD)
            _check(page, errors, f"{live_server.url}/", problems)
            for name, url in urls.items():
                if name != "www:home" and _role_for(name) == role:
                    _check(page, errors, f"{live_server.url}{url}", problems)
            for name, url in downloads.items():
                if _role_for(name) == role:
                    answer = context.request.get(f"{live_server.url}{url}")
                    kind = answer.headers.get("content-type", "")
                    if answer.status != 200 or kind.startswith("text/html"):
                        problems.append(f"{url} ({name}): listed as a download, answered {answer.status} {kind}")
    finally:
        for context in contexts:
            context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "phone-width.txt").write_text("\n".join(problems), encoding="utf-8")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_menu_folds_behind_a_button_on_a_phone(page, live_server, area, make_staff, settings):
    """The header's tools and the main menu fold behind one button on a phone, opened and closed by the keyboard;
    the pages a counsellor uses most fit the screen with real rows in them (screenshots in test-artifacts/)."""
    from datetime import date

    from tests.jobseekers.factories import make_jobseeker

    settings.SERVICE_MODEL_TODAY = date(2026, 3, 2)
    counsellor = make_staff(team="kajaani-aikuiset", username="ohjaaja", first_name="Olli", last_name="Ohjaaja")
    for started, last_name in ((date(2026, 1, 12), "Myöhänen-Pitkäsukunimi"), (date(2026, 2, 20), "Pian")):
        client = make_jobseeker(
            registered_by=counsellor, job_search_started_on=started, today=date(2026, 3, 2), last_name=last_name
        )
    page.set_viewport_size(PHONE_VIEWPORT)
    log_in(page, live_server, "ohjaaja", TEST_PASSWORD)
    page.goto(f"{live_server.url}/")
    button = page.get_by_role("button", name="Valikko")
    menu = page.get_by_role("navigation", name="Päävalikko")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible() and not page.get_by_role("button", name="Kirjaudu ulos").is_visible()
    assert_accessible(page, "phone-home-menu-closed")

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Oma viikko").is_visible()
    assert page.get_by_role("button", name="Kirjaudu ulos").is_visible()
    assert_accessible(page, "phone-home-menu-open")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

    button.click()
    menu.get_by_role("link", name="Oma viikko").click()
    assert page.locator("tbody tr[data-bucket]").count() == 2
    for name, url in (
        ("phone-my-week", "/palvelumalli/viikko/"),
        ("phone-arrangements", "/organisaatio/palvelujarjestelyt/"),
        ("phone-card", f"/asiakkaat/{client.pk}/"),
    ):
        page.goto(f"{live_server.url}{url}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"], url
        assert_accessible(page, name)

    page.set_viewport_size({"width": 1280, "height": 900})
    assert menu.is_visible() and not button.is_visible()
