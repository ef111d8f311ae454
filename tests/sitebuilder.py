"""Builds small page trees for tests, the way an editor would (publish, translate)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from cms.models import (
    CommunityIndexPage,
    CommunityPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
)
from plugins.testing import build_site, publish_page, translate_page

# Shared with plugin authors' tests (plugins.testing).
publish = publish_page
translate = translate_page


@dataclass
class SiteBuilder:
    home: HomePage
    home_en: HomePage
    communities: CommunityIndexPage
    communities_en: CommunityIndexPage
    news: NewsIndexPage
    created: list = field(default_factory=list)

    @classmethod
    def build(cls) -> "SiteBuilder":
        """The plugin authors' test site (``plugins.testing``) plus network news."""
        base = build_site()
        news = publish(base.home, NewsIndexPage(title="חדשות", slug="news"))
        return cls(base.home, base.home_en, base.communities, base.communities_en, news)

    def community(
        self,
        title: str,
        *,
        city="חיפה",
        country="IL",
        member=True,
        live=True,
        english: str | None = None,
    ) -> CommunityPage:
        page = CommunityPage(
            title=title,
            slug=f"c-{len(self.created)}-{abs(hash(title)) % 10**6}",
            city=city,
            country=country,
            network_member=member,
            short_description=f"{title}: קהילה פעילה",
        )
        if live:
            page = publish(self.communities, page)
        else:
            page.live = False
            self.communities.add_child(instance=page)
            page.save_revision()
        self.created.append(page)
        if english and live:
            translate(
                page, english, short_description=f"{english}: an active community"
            )
        return page

    def news_item(self, parent: Page, title: str, days_ago: int = 0) -> NewsPage:
        return publish(
            parent,
            NewsPage(
                title=title,
                slug=f"n-{NewsPage.objects.count()}",
                date=datetime.date.today() - datetime.timedelta(days=days_ago),
                intro=f"{title} — תקציר",
            ),
        )

    def event(self, community: CommunityPage, title: str) -> EventPage:
        index = EventIndexPage.objects.child_of(community).first()
        if index is None:
            index = publish(community, EventIndexPage(title="אירועים", slug="events"))
        start = timezone.now() + datetime.timedelta(days=7)
        return publish(
            index,
            EventPage(
                title=title,
                slug=f"e-{EventPage.objects.count()}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                time_zone="Europe/Berlin",
                venue="המרכז הקהילתי",
                organiser=community,
            ),
        )


def role_holder(community, username: str, role: str = "member", **fields):
    """A new user with an approved ``role`` membership in ``community``."""
    from django.contrib.auth.models import User

    from cms.models import Membership, MembershipStatus

    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    Membership.objects.create(
        user=user,
        community=community,
        role=role,
        status=MembershipStatus.APPROVED,
        **fields,
    )
    return user
