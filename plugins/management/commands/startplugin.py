"""``python manage.py startplugin NAME [--dir PATH]``: a pip-installable plugin.

Writes ``<dir>/kehilot-<name>/`` from ``plugins/plugin_template/``: every file
ending in ``-tpl`` is rendered with ``string.Template`` (``${label}``...) and loses
the suffix; a path part ``package_name`` becomes the Python package name. The
migration is written from the template too, for the current core's last ``cms``
migration; the generated tests check it against the model.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from string import Template

import django
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import cms
from plugins.loading import ENTRY_POINT_GROUP

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "plugin_template"
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
MAX_NAME_LENGTH = 40


def plugin_names(name: str) -> dict[str, str]:
    """Every spelling of ``name`` the template uses."""
    label = name.replace("-", "_")
    camel = "".join(part.capitalize() for part in label.split("_"))
    return {
        "name": name,
        "label": label,
        "api_slug": label.replace("_", "-"),
        "package": f"kehilot_{label}",
        "dist": f"kehilot-{name}",
        "camel": camel,
        "model": f"{camel}Item",
        "model_lower": f"{camel}Item".lower(),
        "title": label.replace("_", " ").capitalize(),
    }


def requires_core(version: str = cms.__version__) -> str:
    """``>=major.minor,<next major`` (``>=0.1,<1.0`` for 0.1.x)."""
    major, minor = (int(part) for part in version.split(".")[:2])
    return f">={major}.{minor},<{major + 1}.0"


def last_cms_migration() -> str:
    from django.db.migrations.loader import MigrationLoader

    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("cms")
    return max(name for _app, name in leaves)


class Command(BaseCommand):
    help = (
        "Create kehilot-NAME/, a pip-installable Kehilot plugin package with a "
        "model, migration, API router, template slot, search document, admin, "
        "domain-event hook and tests."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "name", help="lowercase letters, digits, '_' or '-' (e.g. book-club)"
        )
        parser.add_argument(
            "--dir",
            default=".",
            help="where to create kehilot-NAME/ (default: the current directory)",
        )

    def handle(self, *args, **options):
        name = options["name"]
        self.validate_name(name)
        context = {
            **plugin_names(name),
            "requires_core": requires_core(),
            "core_version": cms.__version__,
            "django_version": django.get_version(),
            "cms_migration": last_cms_migration(),
        }
        self.check_clashes(context)
        if not TEMPLATE_DIR.is_dir():
            raise CommandError(f"The plugin template is missing: {TEMPLATE_DIR}")
        parent = Path(options["dir"]).expanduser()
        if not parent.is_dir():
            raise CommandError(f"--dir {parent} is not a directory.")
        target = parent / context["dist"]
        if target.exists():
            raise CommandError(
                f"{target} already exists; choose another name or --dir "
                "(startplugin never overwrites)."
            )
        written = self.render_tree(target, context)
        self.stdout.write(
            self.style.SUCCESS(f"Created {target} ({len(written)} files).")
        )
        self.stdout.write(
            f"Next:\n  pip install -e {target}\n  python manage.py plugins\n"
            f"  python manage.py migrate\n"
            f"  python -m pytest --pyargs {context['package']}"
        )

    def validate_name(self, name: str) -> None:
        if len(name) > MAX_NAME_LENGTH or not NAME_PATTERN.match(name):
            raise CommandError(
                f"{name!r} is not a valid plugin name: use lowercase letters, digits "
                f"and single '_' or '-' between them, starting with a letter, at "
                f"most {MAX_NAME_LENGTH} characters (e.g. book-club)."
            )
        if keyword.iskeyword(name.replace("-", "_")):
            raise CommandError(f"{name!r} is a Python keyword; choose another name.")

    def check_clashes(self, context: dict[str, str]) -> None:
        """The label must be free: no installed app, no discovered plugin."""
        label = context["label"]
        taken = {config.label for config in apps.get_app_configs()}
        discovery = getattr(settings, "PLUGIN_DISCOVERY", None)
        taken |= {report.label for report in discovery.reports} if discovery else set()
        if label in taken:
            raise CommandError(
                f"The label {label!r} is already used by an installed app or a "
                f"discovered plugin ({ENTRY_POINT_GROUP} entry points, PLUGINS); "
                "choose another name."
            )
        from importlib.util import find_spec

        if find_spec(context["package"]) is not None:
            raise CommandError(
                f"A module named {context['package']!r} is already importable; "
                "choose another name."
            )

    def render_tree(self, target: Path, context: dict[str, str]) -> list[Path]:
        written = []
        for source in sorted(TEMPLATE_DIR.rglob("*-tpl")):
            relative = source.relative_to(TEMPLATE_DIR).with_name(
                source.name.removesuffix("-tpl")
            )
            parts = [
                context["package"] if part == "package_name" else part
                for part in relative.parts
            ]
            destination = target.joinpath(*parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            text = Template(source.read_text(encoding="utf-8")).substitute(context)
            destination.write_text(text, encoding="utf-8")
            written.append(destination)
        return written
