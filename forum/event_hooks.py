"""Domain events the forum answers (registered as core hooks in ``forum.apps``)."""

from __future__ import annotations

from plugins.hookspecs import hookimpl

#: Posts the forum writes itself are signed with this name when nobody is given.
SYSTEM_NAME = "Kehilot"


def announcement_text(program_name, year, winners, honourable_mentions, url) -> str:
    """The announcement post, in markdown (rendered and sanitised like any post)."""
    lines = [f"**{program_name} {year}**", "", "הזוכים / Winners:"]
    lines += [f"- {n.nominee_name}" for n in winners]
    if honourable_mentions:
        lines += ["", "ציון לשבח / Honourable mentions:"]
        lines += [f"- {n.nominee_name}" for n in honourable_mentions]
    if url:
        lines += ["", f"[לכל התוצאות / All results]({url})"]
    return "\n".join(lines)


@hookimpl
def kehilot_award_announced(
    cycle, program, winners, honourable_mentions, results_url, user
):
    """An announcement topic in the network's announcements forum (once per cycle)."""
    from machina.apps.forum_conversation.models import Post, Topic

    from forum.areas import ensure_network_forums
    from forum.models import CommunityForum, Kind, Scope

    ensure_network_forums()
    forum = (
        CommunityForum.objects.select_related("forum")
        .get(scope=Scope.NETWORK, kind=Kind.ANNOUNCEMENTS)
        .forum
    )
    name = program.name_for("he") if hasattr(program, "name_for") else str(program)
    subject = f"{name}: הוכרזו הזוכים לשנת {cycle.year}"[:255]
    if Topic.objects.filter(forum=forum, subject=subject).exists():
        return None
    poster = user if getattr(user, "is_authenticated", False) else None
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_ANNOUNCE,
        status=Topic.TOPIC_UNLOCKED,
    )
    Post.objects.create(
        topic=topic,
        poster=poster,
        username=None if poster else SYSTEM_NAME,
        subject=subject,
        content=announcement_text(
            name, cycle.year, winners, honourable_mentions, results_url
        ),
    )
    return topic.pk
