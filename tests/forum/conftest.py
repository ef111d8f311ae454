"""A community with a public and a members-only forum, and one user per role."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission, User

from forum import areas
from forum.models import CommunityForum, Forum, Kind, Visibility
from tests.sitebuilder import role_holder

from .helpers import make_topic


@dataclass
class ForumWorld:
    site: object
    community: object
    other: object
    general: Forum  # public
    announcements: Forum
    private: Forum  # the other community's general forum... see below
    users: dict


def area_forum(community, kind) -> Forum:
    return CommunityForum.objects.get(community=community, kind=kind).forum


@pytest.fixture
def world(site) -> ForumWorld:
    community = site.community("קהילת ברלין", english="Berlin community")
    other = site.community("קהילת פריז", english="Paris community")
    general = area_forum(community, Kind.GENERAL)
    announcements = area_forum(community, Kind.ANNOUNCEMENTS)
    # The members-only forum under test: this community's announcements are kept
    # public; a second general-like forum is made members-only by its moderators.
    private = announcements
    areas.set_visibility(private, Visibility.MEMBERS)
    staff_group, _ = Group.objects.get_or_create(name="Network staff")
    staff_group.permissions.add(
        Permission.objects.get(
            content_type__app_label="cms", codename="change_membership"
        )
    )
    staff = User.objects.create_user("staffer", "staffer@example.org", "pw")
    staff.groups.add(staff_group)
    users = {
        "anonymous": None,
        "member": role_holder(community, "member"),
        "other_member": role_holder(other, "stranger"),
        "moderator": role_holder(community, "moderator", role="moderator"),
        "staff": staff,
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw"),
    }
    return ForumWorld(site, community, other, general, announcements, private, users)


@pytest.fixture
def topic(world):
    return make_topic(world.general, world.users["member"], "שלום לכולם", "גוף ההודעה")
