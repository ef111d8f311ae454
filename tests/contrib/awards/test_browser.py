"""A real browser (Debian's Chromium via Playwright) reads a results page in Hebrew.

Skipped with a reason without Chromium or Playwright (see tests/e2e). Set
``AWARDS_SCREENSHOT=/path.png`` to keep a screenshot of the page.
"""

import os
from pathlib import Path

import pytest

from plugins.contrib.awards.pages import AwardProgramPage
from plugins.testing import build_site, publish_page, translate_page
from tests.services import require_service

from .conftest import announced, make_cycle, nomination

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_results_page_reads_right_to_left(live_server, monkeypatch):
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    require_service("Chromium", Path(path).is_file(), f"no Chromium at {path}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_service("Playwright", False, "the playwright package is not installed")
    from plugins.contrib.awards.models import AwardProgram

    site = build_site()
    haifa = site.community("המרכז הקהילתי חיפה", english="Haifa community center")
    program = AwardProgram.objects.create(
        slug="center",
        title_he="המרכז הקהילתי המצטיין",
        title_en="Outstanding community center",
    )
    page = publish_page(
        site.home, AwardProgramPage(title="הפרס", slug="award", program=program)
    )
    translate_page(page, "The award")
    cycle = make_cycle(program, 2026)
    announced(
        cycle,
        winners=[nomination(cycle, haifa)],
        mentions=[
            nomination(
                cycle, name="קהילת ברלין", nominee_description="קהילה ישראלית בברלין"
            )
        ],
    )
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--no-sandbox"]
        )
        try:
            tab = browser.new_page(viewport={"width": 1100, "height": 800})
            tab.goto(f"{live_server.url}{page.url}2026/")
            assert tab.get_attribute("html", "dir") == "rtl"
            card = tab.locator(".awards-winner").first
            assert "זוכה" in card.inner_text()
            direction = tab.evaluate(
                "getComputedStyle(document.querySelector('.awards-winner')).direction"
            )
            assert direction == "rtl"
            # The accent border is on the start side: the right, in Hebrew.
            widths = tab.evaluate(
                "(() => { const s = getComputedStyle("
                "document.querySelector('.awards-winner'));"
                " return [s.borderRightWidth, s.borderLeftWidth]; })()"
            )
            assert widths == ["6px", "1px"]
            if os.environ.get("AWARDS_SCREENSHOT"):
                tab.screenshot(path=os.environ["AWARDS_SCREENSHOT"], full_page=True)
        finally:
            browser.close()
