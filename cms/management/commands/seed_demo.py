"""``manage.py seed_demo``: a bilingual demo network with its users and memberships.

Idempotent: pages are found by slug under their parent (translations by their
translation key), users by username, memberships by user, community and role. What
already exists is left exactly as it is, so a second run creates and changes nothing.
The content itself lives in ``cms.demo_content``.
"""

import datetime
import logging
import os
import zoneinfo
from collections import Counter
from contextlib import contextmanager
from typing import NamedTuple
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from cms import demo_content as demo
from cms.models import (
    CommunityIndexPage,
    CommunityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    Language,
    Membership,
    MembershipStatus,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

DEFAULT_PASSWORD = "kehilot-demo"
# Wagtail and django-tasks log every page save and task at INFO: hundreds of lines.
CHATTY_LOGGERS = ("wagtail", "django_tasks")
STAFF_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
STAFF_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def rich_text(html):
    return {"type": "rich_text", "value": html}


def quote(text, by):
    return {"type": "quote", "value": {"text": text, "attribution": by}}


def people(heading, persons, lang):
    rows = [
        {"name": p["name"][lang], "role": p["role"][lang], "email": p["email"]}
        for p in persons
    ]
    return {"type": "people", "value": {"heading": heading, "people": rows}}


def call_to_action(values, page):
    return {
        "type": "call_to_action",
        "value": {**values, "link_page": page.pk, "link_url": ""},
    }


def local_time(days_ahead, hour, zone_name):
    """``hour`` o'clock in ``zone_name``, ``days_ahead`` days from today there."""
    zone = zoneinfo.ZoneInfo(zone_name)
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days_ahead)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


class Pair(NamedTuple):
    """A Hebrew page, its English translation, and which of them this run made."""

    he: Page
    en: Page
    created: frozenset


@contextmanager
def quiet_loggers(enabled):
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Create the demo network: Hebrew pages with English translations, demo "
        "users and memberships. Idempotent. Demo users get the password in the "
        f"DEMO_PASSWORD environment variable (default '{DEFAULT_PASSWORD}'); "
        "refuses to run with DEBUG off unless --allow-production-demo is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production-demo",
            action="store_true",
            help="Run even though DEBUG is off (demo logins have a known password).",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set existing demo users' passwords to the demo password again.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production_demo"]:
            raise CommandError(
                "DEBUG is off: demo users with a known password must not reach a "
                "real site. Pass --allow-production-demo if you really mean it."
            )
        self.counts = Counter()
        self.password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        self.reset_passwords = options["reset_passwords"]
        self.now = timezone.now()
        with quiet_loggers(options["verbosity"] < 2), transaction.atomic():
            self.he = Locale.objects.get(language_code="he")
            self.en = Locale.objects.get(language_code="en")
            homes = self.build_network()
            communities = {
                spec["slug"]: self.build_community(spec) for spec in demo.COMMUNITIES
            }
            logins = self.build_users(homes, communities)
            self.forum_demo_content(communities)
            self.plugin_demo_content(homes, communities)
        self.report(logins, communities)

    def forum_demo_content(self, communities):
        """Forum areas for every community, and a few conversations in each."""
        from django.contrib.auth import get_user_model

        from forum.demo import seed_forum_demo

        usernames = [spec["username"] for spec in demo.USERS]
        users = {
            user.username: user
            for user in get_user_model().objects.filter(username__in=usernames)
        }
        pages = [pair.he for pair in communities.values()]
        self.counts["forum topics"] += seed_forum_demo(pages, users)

    def plugin_demo_content(self, homes, communities):
        """Each active plugin adds its own demo content (``kehilot_seed_demo``)."""
        from django.contrib.auth import get_user_model

        from plugins.events import emit

        usernames = [spec["username"] for spec in demo.USERS]
        users = {
            user.username: user
            for user in get_user_model().objects.filter(username__in=usernames)
        }
        emit(
            "seed_demo",
            home=homes[0],
            home_en=homes[1],
            communities={slug: pair.he for slug, pair in communities.items()},
            users=users,
        )

    # --- pages ------------------------------------------------------------------

    def page(self, parent, model, slug, fields, en_fields, prepare=None):
        """A published Hebrew page and its published English translation.

        ``prepare(page, lang)`` may set what plain attributes cannot (m2m, tags).
        Pages that exist already are returned untouched.
        """
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=self.he, **fields)
            if prepare:
                prepare(page, "he")
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.counts["pages created"] += 1
            created = {"he"}
        else:
            page = existing.specific
            created = set()
            if not isinstance(page, model):
                raise CommandError(
                    f"{page.url_path} is a {type(page).__name__}, expected "
                    f"{model.__name__}; move it away and run seed_demo again."
                )
            self.counts["pages existing"] += 1
        translation = page.get_translation_or_none(self.en)
        if translation is None:
            translation = self.translate(page, en_fields, prepare)
            created.add("en")
        else:
            translation = translation.specific
            self.counts["pages existing"] += 1
        return Pair(page, translation, frozenset(created))

    def translate(self, page, fields, prepare=None):
        """Wagtail's copy for translation, then the English text, published."""
        translation = page.copy_for_translation(self.en)
        for name, value in fields.items():
            setattr(translation, name, value)
        if prepare:
            prepare(translation, "en")
        translation.save_revision().publish()
        self.counts["pages created"] += 1
        return translation

    def build_network(self):
        root = Page.get_first_root_node()
        home = self.home_page(root)
        he_home = home.he
        self.point_default_site(he_home)
        self.delete_welcome_page()
        spec = demo.COMMUNITY_INDEX
        self.community_index = self.page(
            he_home, CommunityIndexPage, spec["slug"], spec["he"], spec["en"]
        )
        for lang in home.created:  # Only a home made by this run gets its button.
            self.add_call_to_action(
                getattr(home, lang), getattr(self.community_index, lang), lang
            )
        self.news_section(he_home, demo.NETWORK_NEWS_INDEX, demo.NETWORK_NEWS)
        self.event_section(he_home, demo.NETWORK_EVENT_INDEX, demo.NETWORK_EVENTS)
        spec = demo.NETWORK_ABOUT
        self.page(
            he_home,
            StandardPage,
            spec["slug"],
            {**self.standard_fields(spec["he"]), "show_in_menus": True},
            {**self.standard_fields(spec["en"]), "show_in_menus": True},
        )
        return home.he, home.en

    def home_page(self, root):
        spec = demo.HOME

        def fields(lang):
            text = spec[lang]
            return {
                "title": text["title"],
                "tagline": text["tagline"],
                "body": [rich_text(html) for html in text["body"]],
            }

        return self.page(root, HomePage, spec["slug"], fields("he"), fields("en"))

    def add_call_to_action(self, home, target, lang):
        """The home's button to the communities, added once the index exists."""
        # Publishing saves the tree columns too: reload them (numchild has grown).
        home.refresh_from_db()
        home.body = list(home.body.raw_data) + [
            call_to_action(demo.HOME[lang]["call_to_action"], target)
        ]
        home.save_revision().publish()

    def point_default_site(self, home):
        """The default site serves the demo home at WAGTAILADMIN_BASE_URL's host.

        ``make run`` serves http://127.0.0.1:8000, so links Wagtail builds (API
        ``html_url``, sitemap, feeds) point where the newcomer is browsing.
        """
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        wanted = {
            "hostname": base.hostname or "localhost",
            "port": base.port or (443 if base.scheme == "https" else 80),
            "root_page": home,
            "site_name": demo.SITE_NAME,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, **wanted)
            return
        if any(getattr(site, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()

    def delete_welcome_page(self):
        """Delete Wagtail's own "Welcome to your new Wagtail site!" page, only it."""
        welcome = Page.objects.filter(
            depth=2,
            slug="home",
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
        ).first()
        if welcome is not None and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
            self.counts["welcome page deleted"] += 1

    @staticmethod
    def standard_fields(text):
        return {
            "title": text["title"],
            "intro": text["intro"],
            "body": [rich_text(html) for html in text["body"]]
            + [quote(text["quote"], text["quote_by"])],
        }

    def news_section(self, parent, index_spec, items):
        index = self.page(
            parent,
            NewsIndexPage,
            index_spec["slug"],
            index_spec["he"],
            index_spec["en"],
        ).he
        for item in items:
            self.page(
                index,
                NewsPage,
                item["slug"],
                self.news_fields(item, "he"),
                self.news_fields(item, "en"),
            )

    @staticmethod
    def news_fields(item, lang):
        text = item[lang]
        return {
            "title": text["title"],
            "intro": text["intro"],
            "date": timezone.localdate() - datetime.timedelta(days=item["days_ago"]),
            "author": text.get("author") or demo.NETWORK_AUTHOR[lang],
            "body": [rich_text(text["body"])],
        }

    def event_section(self, parent, index_spec, events, community=None):
        """Events below ``parent``; ``community`` is a ``(spec, he, en)`` triple."""
        index = self.page(
            parent,
            EventIndexPage,
            index_spec["slug"],
            index_spec["he"],
            index_spec["en"],
        ).he
        for event in events:
            self.page(
                index,
                EventPage,
                event["slug"],
                self.event_fields(event, "he", community),
                self.event_fields(event, "en", community),
            )

    @staticmethod
    def event_fields(event, lang, community):
        spec, *organisers = community or ({}, None, None)
        zone = event.get("time_zone") or spec["time_zone"]
        start = local_time(event["days_ahead"], event["hour"], zone)
        text = event[lang]
        return {
            "title": text["title"],
            "intro": text["intro"],
            "start": start,
            "end": start + datetime.timedelta(minutes=event["minutes"]),
            "time_zone": zone,
            "is_online": bool(event.get("online_url")),
            "online_url": event.get("online_url", ""),
            "venue": text.get("venue", ""),
            "address": text.get("address", ""),
            "registration_url": event.get("registration_url")
            or f"{spec['website']}events/{event['slug']}/",
            "organiser": organisers[0 if lang == "he" else 1],
        }

    def build_community(self, spec):
        def fields(lang):
            text = spec[lang]
            return {
                "title": text["title"],
                "city": text["city"],
                "country": spec["country"],
                "latitude": spec["latitude"],
                "longitude": spec["longitude"],
                "network_member": spec["network_member"],
                "short_description": text["short_description"],
                "address": text["address"],
                "contact_email": spec["contact_email"],
                "contact_phone": spec["contact_phone"],
                "website": spec["website"],
                "body": [
                    rich_text(text["about"]),
                    people(text["people_heading"], spec["people"], lang),
                    quote(text["quote"], text["quote_by"]),
                ],
            }

        def prepare(page, lang):
            page.languages.set(Language.objects.filter(code__in=spec["languages"]))
            page.tags.set(spec[lang]["tags"])

        pair = self.page(
            self.community_index.he,
            CommunityPage,
            spec["slug"],
            fields("he"),
            fields("en"),
            prepare,
        )
        self.news_section(pair.he, demo.COMMUNITY_NEWS_INDEX, spec["news"])
        self.event_section(
            pair.he,
            demo.COMMUNITY_EVENT_INDEX,
            [spec["event"]],
            community=(spec, pair.he, pair.en),
        )
        return pair

    # --- users --------------------------------------------------------------------

    def build_users(self, homes, communities):
        """Create the demo logins; returns the rows of the table printed at the end."""
        staff_group = self.network_staff_group(homes)
        admin = None
        rows = []
        for spec in demo.USERS:
            user = self.user(spec)
            admin = admin or (user if user.is_superuser else None)
            if spec.get("network_staff"):
                user.groups.add(staff_group)
            community = communities.get(spec.get("community"))
            if community is not None:
                self.memberships(user, spec, community.he, decided_by=admin)
            rows.append(
                (
                    user.username,
                    user.email,
                    spec.get("label") or self.role_label(spec),
                    community.en.title if community else "—",
                )
            )
        return rows

    def user(self, spec):
        User = get_user_model()
        email = f"{spec['username']}@example.org"
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User(
                username=spec["username"],
                email=email,
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                is_staff=spec.get("superuser", False),
                is_superuser=spec.get("superuser", False),
            )
            user.set_password(self.password)
            user.save()
            self.counts["users created"] += 1
        else:
            self.counts["users existing"] += 1
            if self.reset_passwords:
                user.set_password(self.password)
                user.save(update_fields=["password"])
                self.counts["passwords reset"] += 1
        # allauth requires a verified address before it lets anyone sign in.
        if not EmailAddress.objects.filter(user=user).exists():
            EmailAddress.objects.create(
                user=user, email=user.email or email, verified=True, primary=True
            )
        return user

    def network_staff_group(self, homes):
        """Umbrella staff: admin, memberships, plugin switches, both language trees."""
        group, _ = Group.objects.get_or_create(name=demo.NETWORK_STAFF_GROUP)
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            ),
            *Permission.objects.filter(
                content_type__app_label="cms",
                codename__in=["change_membership", "view_membership"],
            ),
            Permission.objects.get(
                content_type__app_label="plugins", codename="manage_plugins"
            ),
        )
        for home in homes:
            for codename in STAFF_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=home,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        root_collection = Collection.get_first_root_node()
        for app_label, codename in STAFF_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
        return group

    def memberships(self, user, spec, community, decided_by):
        """Approved roles since half a year ago, or one pending join request.

        A row of any status for the same role counts as done, so a request a
        moderator has since approved or refused is not opened again.
        """
        if spec.get("pending"):
            wanted = [("member", MembershipStatus.PENDING)]
        else:
            wanted = [(role, MembershipStatus.APPROVED) for role in spec["roles"]]
        since = self.now - datetime.timedelta(days=180)
        for role, status in wanted:
            if Membership.objects.filter(
                user=user, community=community, role=role
            ).exists():
                self.counts["memberships existing"] += 1
                continue
            approved = status == MembershipStatus.APPROVED
            Membership.objects.create(
                user=user,
                community=community,
                role=role,
                status=status,
                term_start=since if approved else self.now,
                decided_at=since if approved else None,
                decided_by=decided_by if approved else None,
                message=spec.get("message", ""),
            )
            self.counts["memberships created"] += 1

    @staticmethod
    def role_label(spec):
        if spec.get("pending"):
            return "pending join request"
        roles = [role for role in spec["roles"] if role != "member"]
        return ", ".join(roles) or "member"

    # --- output -------------------------------------------------------------------

    def report(self, logins, communities):
        c = self.counts
        israel = sum(1 for pair in communities.values() if pair.he.country.code == "IL")
        self.stdout.write(
            f"Pages: {c['pages created']} created, {c['pages existing']} already "
            f"there (Hebrew and English). Communities: {len(communities)} per "
            f"language, {israel} in Israel, {len(communities) - israel} abroad."
        )
        self.stdout.write(
            f"Users: {c['users created']} created, {c['users existing']} already "
            f"there. Memberships: {c['memberships created']} created, "
            f"{c['memberships existing']} already there."
        )
        if c["welcome page deleted"]:
            self.stdout.write("Removed Wagtail's default welcome page.")
        source = "DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else "default"
        if c["users created"] or c["passwords reset"]:
            shown = "$DEMO_PASSWORD" if source == "DEMO_PASSWORD" else self.password
            self.stdout.write(f"Password of new demo users: {shown}")
        if c["users existing"] and not self.reset_passwords:
            self.stdout.write(
                "Existing users kept their passwords (--reset-passwords resets them)."
            )
        header = ("username", "email", "role", "community")
        widths = [
            max(len(row[i]) for row in [header, *logins]) for i in range(len(header))
        ]
        for row in [header, *logins]:
            cells = zip(row, widths, strict=True)
            line = "  ".join(value.ljust(width) for value, width in cells)
            self.stdout.write(line.rstrip())
        self.stdout.write(self.style.SUCCESS("Demo content ready: / and /en/."))
