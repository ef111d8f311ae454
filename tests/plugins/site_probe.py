"""Boot the site with the plugins in $PLUGINS and report what a visitor gets.

Run as a subprocess by the tests (a fresh process per plugin set, as at start-up):
prints JSON with the plugin rows and the status codes of a few pages.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

call_command("migrate", verbosity=0)

from plugins.status import plugin_rows  # noqa: E402
from tests.sitebuilder import SiteBuilder  # noqa: E402

site = SiteBuilder.build()
community = site.community("קהילת בדיקה", english="Probe")
client = Client(HTTP_HOST="127.0.0.1")
pages = {
    "home": client.get("/"),
    "community": client.get(community.url),
    "healthz": client.get("/healthz"),
    "openapi": client.get("/api/v3/openapi.json"),
}
print(
    json.dumps(
        {
            "plugins": plugin_rows(),
            "status": {name: response.status_code for name, response in pages.items()},
            "community_html": pages["community"].content.decode(),
            "openapi_paths": sorted(pages["openapi"].json()["paths"])
            if pages["openapi"].status_code == 200
            else [],
        }
    )
)
