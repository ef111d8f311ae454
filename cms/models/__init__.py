"""Page types and the community membership model.

Each module holds one concern; import models from here (``from cms.models import
CommunityPage``) so app-label paths stay stable when modules move.
"""

from cms.models.base import KehilotPage, Language
from cms.models.community import CommunityIndexPage, CommunityPage, CommunityPageTag
from cms.models.events import EventIndexPage, EventPage
from cms.models.home import HomePage
from cms.models.membership import Membership, MembershipRole, MembershipStatus
from cms.models.news import NewsIndexPage, NewsPage
from cms.models.standard import StandardPage

__all__ = [
    "CommunityIndexPage",
    "CommunityPage",
    "CommunityPageTag",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "KehilotPage",
    "Language",
    "Membership",
    "MembershipRole",
    "MembershipStatus",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]
