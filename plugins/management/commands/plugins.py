"""``python manage.py plugins``: every discovered plugin, its status and why."""

import json

from django.core.management.base import BaseCommand

from plugins.status import plugin_rows


class Command(BaseCommand):
    help = "List discovered plugins with label, version, status and reason."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="machine-readable")

    def handle(self, *args, **options):
        rows = plugin_rows()
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("No plugins discovered (PLUGINS, entry points).")
            return
        columns = ("label", "version", "status", "network", "source", "reason")
        widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
        self.stdout.write("  ".join(c.upper().ljust(widths[c]) for c in columns))
        for row in rows:
            line = "  ".join(str(row[c]).ljust(widths[c]) for c in columns)
            style = (
                self.style.SUCCESS if row["status"] == "active" else self.style.WARNING
            )
            self.stdout.write(style(line.rstrip()))
