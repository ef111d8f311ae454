"""Demo forum content for ``seed_demo``: a few conversations per community and in
the network forums, in Hebrew and English. Idempotent: a forum that already has
topics is left alone."""

from machina.core.db.models import get_model

from cms.models import Membership
from forum import areas
from forum.models import CommunityForum, Kind, Scope

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

# (subject, opening post, replies), written for any community.
COMMUNITY_TOPICS = [
    (
        "מי מצטרף להתנדבות בחלוקת סלי חג?",
        "אנחנו אוספים מתנדבים ליום שישי בבוקר.\n\n"
        "- נקודת מפגש: **המרכז הקהילתי**\n- שעה: 9:00\n\n"
        "מי שמגיע עם רכב, נא לכתוב כאן.",
        ["אני באה עם שני הילדים 🙂", "יש לי רכב ומקום לארבעה ארגזים."],
    ),
    (
        "Hebrew reading circle for parents",
        "We are starting a *Hebrew reading circle* for parents who want to keep "
        "their Hebrew alive. Short stories, coffee, an hour every other Sunday.",
        ["Count me in! Is there a book list?", "נשמע נהדר, אפשר להביא גם את סבתא?"],
    ),
]
NETWORK_TOPICS = [
    (
        "רעיונות לשנה הבאה: מה עבד אצלכם?",
        "נשמח לשמוע מכל קהילה על פעילות אחת שהצליחה השנה ועל אחת שפחות.",
        ["אצלנו ערב שירה בציבור הביא מלא משפחות חדשות."],
    ),
]


def _topic(forum, poster, subject, text, replies, repliers):
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    Post.objects.create(topic=topic, poster=poster, subject=subject, content=text)
    for number, reply in enumerate(replies):
        Post.objects.create(
            topic=topic,
            poster=repliers[number % len(repliers)],
            subject=f"Re: {subject}",
            content=reply,
        )


def seed_forum_demo(communities, users) -> int:
    """``communities``: source-language pages; ``users``: username -> User."""
    areas.ensure_all()
    made = 0
    everyone = list(users.values())
    for community in communities:
        members = set(
            Membership.objects.current()
            .filter(community=community)
            .values_list("user_id", flat=True)
        )
        posters = [u for u in everyone if u.pk in members] or everyone
        row = CommunityForum.objects.filter(
            community=community, kind=Kind.GENERAL
        ).first()
        if row is None or row.forum.topics.exists():
            continue
        for index, (subject, text, replies) in enumerate(COMMUNITY_TOPICS):
            poster = posters[index % len(posters)]
            _topic(row.forum, poster, subject, text, replies, posters)
            made += 1
    network = CommunityForum.objects.filter(scope=Scope.NETWORK, kind=Kind.GENERAL)
    row = network.select_related("forum").first()
    if row is not None and not row.forum.topics.exists() and everyone:
        for subject, text, replies in NETWORK_TOPICS:
            _topic(row.forum, everyone[0], subject, text, replies, everyone)
            made += 1
    return made
