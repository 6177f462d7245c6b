"""Browser tests: Playwright drives Debian's chromium (found on PATH, never downloaded)."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# for set-up are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _serve_one_request_at_a_time():
    """On SQLite the live server's threads share the test's one in-memory connection
    (pytest-django passes it to them), so two requests at once, such as the admin's
    background fetches beside a Publish, could begin a transaction inside the other's:
    "cannot start a transaction within a transaction". The server still accepts every
    connection the browser opens; it handles their requests one after another."""
    import threading

    from django.contrib.staticfiles import handlers

    if getattr(handlers.StaticFilesHandler, "serialised", False):
        return
    lock = threading.Lock()

    class OneAtATime(handlers.StaticFilesHandler):
        serialised = True

        def __call__(self, environ, start_response):
            with lock:
                return super().__call__(environ, start_response)

    handlers.StaticFilesHandler = OneAtATime


_serve_one_request_at_a_time()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None and os.environ.get("REQUIRE_BROWSER"):
                raise pytest.UsageError("REQUIRE_BROWSER is set but chromium is not on PATH")
            if CHROMIUM is None:
                item.add_marker(pytest.mark.skip(
                    reason="chromium is not installed (apt-get install chromium); "
                    "browser tests skipped"
                ))


@pytest.fixture
def demo_content(transactional_db, _database_copies, settings):
    """The whole demo site, in committed rows for the live server (a transactional test
    empties the database when it ends). On SQLite the process seeds it once and puts a copy
    in place before each test (`tests.snapshots`): milliseconds rather than the 40 s of CPU
    a seed takes. On PostgreSQL, whose copy needs the live server's connections closed, each
    test seeds."""
    from django.core.management import call_command
    from django.db import connection

    from tests import snapshots

    settings.DEBUG = True
    if connection.vendor == "sqlite":
        snapshots.put_demo_in_place()
    else:
        call_command("seed_demo", stdout=open(os.devnull, "w"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the current page and fail on any WCAG 2.2 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    axe = Axe()

    def check(page):
        # Let fades and slides finish first: a message caught mid-fade (Wagtail's admin
        # messages animate in) has a colour it never rests at, and axe would judge that.
        try:
            page.wait_for_function(
                "() => document.getAnimations().every(a => a.playState !== 'running')",
                timeout=5_000)
        except PlaywrightTimeoutError:
            pass  # an endless animation (a spinner): check the page as it is
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"{page.url}:\n" + results.generate_report()

    return check


@pytest.fixture
def sign_in():
    from tests.factories import PASSWORD

    def do(page, user, password=PASSWORD):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_load_state()

    return do


@pytest.fixture
def sign_in_with_code():
    """Sign in someone with an authenticator app: password, then the current code."""
    from tests.factories import PASSWORD, totp_code

    def do(page, user, password=PASSWORD, start="/accounts/login/"):
        page.goto(start)
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url("**/accounts/2fa/authenticate/**")
        page.get_by_label("Code").fill(totp_code(user))
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url(lambda url: "/accounts/2fa/authenticate/" not in url)

    return do
