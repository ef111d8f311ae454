"""The annual themes plugin's part of ``manage.py seed_demo`` (``kehilot_seed_demo``).

Two themes relative to today in the network's time zone: last year's (archived)
and this year's (active), a theme page for the active one in both languages,
local adaptations in three demo communities and theme links on demo news pages.
Idempotent: themes are keyed by year (a theme that exists is left as it is, active
or not), pages by theme below their parent, translations by translation key,
links by theme and page.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from wagtail.models import Page

from .models import LocalAdaptationPage, Theme, ThemeLink, ThemePage, ThemeResource

URL = "https://keshatot.example.org/themes"

# ``offset``: years from the current one. Links name (community slug or None for
# the network, news index slug, news page slug) in the core demo network.
THEMES = [
    {
        "offset": -1,
        "colour": "#6d4c9f",
        "he": {
            "title": "שורשים וכנפיים: מפגש בין דורות",
            "description": "שנה של מפגשים בין ותיקים לצעירים: סבים ונכדים, "
            "עולים ותיקים ומשפחות שרק הגיעו, מייסדי קהילות ומי שמצטרף אליהן.",
        },
        "en": {
            "title": "Roots and wings: bringing generations together",
            "description": "A year of meetings between old and young: grandparents "
            "and grandchildren, long-settled immigrants and newly arrived families, "
            "community founders and the people joining them.",
        },
        "resources": [
            ("ערכת מפגשים בין־דוריים · Intergenerational meeting kit", "meeting-kit"),
        ],
        "links": [("jerusalem", "news", "intergenerational-exhibition")],
    },
    {
        "offset": 0,
        "colour": "#c2410c",
        "he": {
            "title": "הפעלת נוער בשעת חירום",
            "description": "השנה הרשת מתמקדת בבני הנוער כשהשגרה נעצרת: מועדונים "
            "שעוברים למרחב המוגן או למסך, מתנדבים צעירים שמסייעים לוותיקים "
            'ולמשפחות שפונו מבתיהן, וקהילות בחו"ל שמחברות את בני הנוער שלהן '
            "לחבריהם בישראל.\nכל קהילה מוזמנת לספר מה עשתה ולהיעזר בערכות "
            "ובהכשרות של הרשת.",
        },
        "en": {
            "title": "Youth activation in emergencies",
            "description": "This year the network focuses on teenagers when routine "
            "stops: clubs that move into the shelter or onto a screen, young "
            "volunteers who help older neighbours and evacuated families, and "
            "communities abroad that connect their teenagers with friends in "
            "Israel.\nEvery community is invited to share what it did and to use "
            "the network's kits and training.",
        },
        "resources": [
            ("ערכת הפעלות למרחב המוגן · Activity kit for the shelter", "shelter-kit"),
            (
                "מדריך לרכזי נוער: שגרת חירום · Youth coordinators' guide to "
                "emergency routine",
                "coordinators-guide",
            ),
            ("הקלטת מפגש הפתיחה · Recording of the opening meeting", "opening"),
        ],
        "page": {
            "he": "נושא השנה: הפעלת נוער בשעת חירום",
            "en": "Theme of the year: youth activation in emergencies",
        },
        "adaptations": [
            {
                "community": "beer-sheva",
                "he": {
                    "title": "נוער גפנים בשעת חירום",
                    "intro": "בני הנוער של גפנים הפכו את המקלט הציבורי לחדר פעילות "
                    "לילדי השכונה.",
                    "body": "<p>כל ערב שני בני נוער מפעילים במקלט משחקים, סיפור "
                    "ויצירה לילדים בני 6–10, וקבוצה אחרת מתקשרת לוותיקי השכונה "
                    "לבדוק מה שלומם. רכז הנוער מלווה את המדריכים בשיחת סיכום "
                    "שבועית.</p>",
                },
                "en": {
                    "title": "Gefanim youth in emergencies",
                    "intro": "Gefanim's teenagers turned the public shelter into an "
                    "activity room for the neighbourhood's children.",
                    "body": "<p>Every evening two teenagers run games, a story and "
                    "crafts in the shelter for children aged 6-10, while another "
                    "group phones the neighbourhood's elderly residents to ask how "
                    "they are. The youth coordinator meets the young leaders every "
                    "week to talk it over.</p>",
                },
            },
            {
                "community": "kiryat-shmona",
                "he": {
                    "title": "מועדון שנשאר פתוח גם בימים קשים",
                    "intro": "כשהמועדון סגור, הוא עובר למסך ולשכונה.",
                    "body": "<p>בימים שבהם אי אפשר להתכנס, מועדון הנוער של שלהבת "
                    "נפגש בשיחת וידאו, ובני הנוער מחלקים בזוגות ארוחות חמות "
                    "למשפחות שנשארו בעיר. עם החזרה לשגרה הם תיעדו את מה שלמדו "
                    "בחוברת לקהילות אחרות.</p>",
                },
                "en": {
                    "title": "A club that stays open on hard days",
                    "intro": "When the club is closed, it moves onto the screen and "
                    "into the neighbourhood.",
                    "body": "<p>On days when gathering is impossible, Shalhevet's "
                    "youth club meets by video call and teenagers, in pairs, "
                    "deliver hot meals to families who stayed in town. Back in "
                    "routine, they wrote down what they learned in a booklet for "
                    "other communities.</p>",
                },
            },
            {
                "community": "berlin",
                "he": {
                    "title": "מברלין לצפון: נוער כותב לנוער",
                    "intro": "בני הנוער של הקהילה בברלין מתכתבים עם חבריהם בקריית "
                    "שמונה.",
                    "body": "<p>קבוצת העברית לנוער כותבת מכתבים, מקליטה שירים "
                    "ומתאמת מפגשי וידאו עם בני נוער מהצפון. בחופשת הקיץ הם "
                    "מתכננים להיפגש לראשונה פנים אל פנים.</p>",
                },
                "en": {
                    "title": "From Berlin to the north: teens writing to teens",
                    "intro": "The Berlin community's teenagers write to their peers "
                    "in Kiryat Shmona.",
                    "body": "<p>The teenagers' Hebrew group writes letters, records "
                    "songs and arranges video calls with teenagers from the north. "
                    "Next summer they plan to meet in person for the first "
                    "time.</p>",
                },
            },
        ],
        "links": [
            ("beer-sheva", "news", "youth-volunteering-week"),
            ("kiryat-shmona", "news", "youth-club-reopens"),
            (None, "news", "conference-registration-open"),
        ],
    },
]


def seed(home: Page, home_en: Page | None, communities: dict, users: Any) -> None:
    """Add whatever part of the demo themes is missing (in a savepoint, so a
    failure leaves the rest of the demo network intact)."""
    from .tasks import today_in_network

    year = today_in_network().year
    english = home_en.locale if home_en is not None else None
    with transaction.atomic():
        for spec in THEMES:
            theme = theme_for(year + spec["offset"], spec)
            if "page" in spec:
                theme_page(home, english, theme, spec["page"])
            for adaptation in spec.get("adaptations", ()):
                community = communities.get(adaptation["community"])
                if community is not None:
                    adaptation_page(community, english, theme, adaptation)
            for where in spec["links"]:
                tag_news(home, communities, theme, *where)


def theme_for(year: int, spec: dict[str, Any]) -> Theme:
    """The theme of ``year``; a new current one becomes the active theme."""
    theme = Theme.objects.filter(year=year).first()
    if theme is not None:
        return theme
    theme = Theme(
        year=year,
        title_he=spec["he"]["title"],
        title_en=spec["en"]["title"],
        description_he=spec["he"]["description"],
        description_en=spec["en"]["description"],
        colour=spec["colour"],
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
    )
    theme.resources = [
        ThemeResource(title=title, url=f"{URL}/{year}/{path}/", sort_order=order)
        for order, (title, path) in enumerate(spec["resources"])
    ]
    theme.save()
    if spec["offset"] == 0:
        theme.activate()
    return theme


def publish_with_translation(parent, page, english, fields: dict[str, Any]):
    """``page`` as it stands below ``parent`` (added and published if new), and its
    English translation with ``fields``, when the parent has one."""
    if page.pk is None:
        # A fresh parent: the caller's instance may hold a stale child count.
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        page.save_revision().publish()
    if english is None or page.get_translation_or_none(english) is not None:
        return page
    if parent.get_translation_or_none(english) is None:
        return page
    translation = page.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return page


def theme_page(home, english, theme: Theme, titles: dict[str, str]) -> ThemePage:
    page = ThemePage.objects.child_of(home).filter(theme=theme).first()
    if page is None:
        page = ThemePage(title=titles["he"], slug=f"theme-{theme.year}", theme=theme)
    return publish_with_translation(home, page, english, {"title": titles["en"]})


def adaptation_page(community, english, theme: Theme, spec: dict[str, Any]):
    page = LocalAdaptationPage.objects.child_of(community).filter(theme=theme).first()
    if page is None:
        page = LocalAdaptationPage(
            slug=f"theme-{theme.year}", theme=theme, **spec["he"]
        )
    return publish_with_translation(community, page, english, spec["en"])


def tag_news(home, communities: dict, theme: Theme, community, index, slug) -> None:
    """Link the (Hebrew) news page to ``theme``, as its editor would.

    Not its translation: the theme page lists linked pages of every language, so
    tagging both would show each story twice.
    """
    parent = communities.get(community) if community else home
    if parent is None:
        return
    index_page = Page.objects.child_of(parent).filter(slug=index).first()
    if index_page is None:
        return
    news = Page.objects.child_of(index_page).filter(slug=slug).first()
    if news is None:
        return
    ThemeLink.objects.get_or_create(theme=theme, page=news)
