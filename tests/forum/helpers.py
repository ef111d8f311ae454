"""Topics and posts made the way machina's views make them."""

from machina.core.db.models import get_model

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


def make_topic(forum, poster, subject, content, replies: int = 0):
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    Post.objects.create(topic=topic, poster=poster, subject=subject, content=content)
    for number in range(replies):
        Post.objects.create(
            topic=topic, poster=poster, subject=f"Re: {subject}", content=f"{number}"
        )
    topic.refresh_from_db()
    return topic


def login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


# Machina's topic and post forms carry the attachment and poll formsets.
FORMSETS = {
    f"{prefix}-{field}": value
    for prefix in ("attachment", "poll")
    for field, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
}
