"""A real browser (Debian's Chromium, driven by Playwright) walks the demo site.

Chromium comes from ``CHROMIUM_PATH`` (default ``/usr/bin/chromium``); Playwright
never downloads a browser. Without the binary the test is skipped with a reason,
unless ``KEHILOT_REQUIRE_SERVICES=1`` (CI), where it fails.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.services import require_service

pytestmark = pytest.mark.e2e

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    require_service(
        "Chromium", Path(path).is_file(), f"no Chromium at {path} (set CHROMIUM_PATH)"
    )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require_service("Playwright", False, "the playwright package is not installed")
    return path


@pytest.fixture
def demo_site():
    """The demo network, on the database the live server thread shares."""
    call_command(
        "seed_demo", "--allow-production-demo", verbosity=0, stdout=io.StringIO()
    )


def html_lang_dir(page) -> tuple[str, str]:
    return (
        page.get_attribute("html", "lang"),
        page.get_attribute("html", "dir"),
    )


# serialized_rollback: an earlier transactional test's flush removed the rows the
# migrations create (locales, the root page); restore them before seeding.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_languages_directions_and_a_community_page(
    chromium_path, demo_site, live_server, monkeypatch
):
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server
    # thread does the database work, this thread only drives the browser.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    policy_errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "console",
                lambda message: (
                    policy_errors.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )

            page.goto(live_server.url + "/")
            assert html_lang_dir(page) == ("he", "rtl")
            expect(page.locator("h1")).to_be_visible()
            assert (
                page.evaluate(
                    "getComputedStyle(document.querySelector('main h1')).direction"
                )
                == "rtl"
            )

            page.goto(live_server.url + "/en/")
            assert html_lang_dir(page) == ("en", "ltr")

            link = page.locator(".community-card .card__title a").first
            title = link.inner_text().strip()
            link.click()
            page.wait_for_load_state()
            assert re.search(r"/en/communities/[^/]+/$", page.url), page.url
            expect(page.locator("main h1")).to_have_text(title)
            assert html_lang_dir(page) == ("en", "ltr")

            # The language switch leads to the same community in Hebrew.
            page.locator(".language-switch a[lang=he]").click()
            page.wait_for_load_state()
            assert html_lang_dir(page) == ("he", "rtl")
            assert re.search(r"^[^?#]*/communities/[^/]+/$", page.url), page.url
            assert "/en/" not in page.url
        finally:
            browser.close()
    assert policy_errors == []


def result_total(page) -> int:
    """The number in "15 תוצאות" / "15 results"."""
    text = page.locator(".search-summary p").first.inner_text()
    return int(re.search(r"\d+", text)[0])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_from_the_header_and_narrow_with_a_facet(
    chromium_path, demo_site, live_server, monkeypatch
):
    from playwright.sync_api import expect, sync_playwright

    from search.tasks import drain

    drain()  # whatever the seeding left in the outbox (normally nothing)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(live_server.url + "/")
            box = page.locator("form.site-search input")
            box.fill("קהילה")
            box.press("Enter")
            page.wait_for_url(re.compile(r"/search/\?q="))
            assert html_lang_dir(page) == ("he", "rtl")
            hits = page.locator(".search-hit")
            expect(hits.first).to_be_visible()
            expect(page.locator(".search-hit mark").first).to_be_visible()
            total = result_total(page)
            assert total >= 2

            # A facet value that covers only some of the results narrows them.
            facet = None
            for link in page.locator(".search-facet a").all():
                count = int(link.locator(".search-facet__count").inner_text())
                if count < total:
                    facet = (link, count)
                    break
            assert facet is not None, "no facet value narrows the results"
            link, count = facet
            link.click()
            page.wait_for_load_state()
            assert result_total(page) == count < total
            expect(page.locator(".search-facet a.is-selected")).to_have_count(1)
            assert hits.count() == min(count, 20)
        finally:
            browser.close()
