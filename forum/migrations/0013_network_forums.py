"""The network-wide forums: a category with general discussion and announcements.

Historical models know nothing of MPTT, so the three-node tree is written by hand
(a new tree after any existing one). Names are Hebrew, the site's default language;
staff may rename them in the admin. ``forum.areas.ensure_network_forums`` makes the
same forums on a database where this migration's rows were removed.
"""

from django.db import migrations
from django.utils.text import slugify

CATEGORY = ("כל הרשת", "שיחות לכל מי שבקהילות הרשת.")
CHILDREN = (("general", "שיחה כללית"), ("announcements", "הודעות"))


def create(apps, schema_editor):
    Forum = apps.get_model("forum", "Forum")
    CommunityForum = apps.get_model("forum", "CommunityForum")
    if CommunityForum.objects.filter(scope="network", kind="category").exists():
        return
    last = Forum.objects.order_by("-tree_id").values_list("tree_id", flat=True).first()
    tree_id = (last or 0) + 1

    def node(name, kind, forum_type, parent, lft, rght, level, description=None):
        forum = Forum.objects.create(
            name=name,
            slug=slugify(name, allow_unicode=True),
            description=description,
            _description_rendered=f"<p>{description}</p>" if description else None,
            type=forum_type,
            parent=parent,
            tree_id=tree_id,
            lft=lft,
            rght=rght,
            level=level,
        )
        CommunityForum.objects.create(forum=forum, scope="network", kind=kind)
        return forum

    category = node(CATEGORY[0], "category", 1, None, 1, 6, 0, CATEGORY[1])
    for index, (kind, name) in enumerate(CHILDREN):
        node(name, kind, 0, category, 2 + 2 * index, 3 + 2 * index, 1)


def remove(apps, schema_editor):
    CommunityForum = apps.get_model("forum", "CommunityForum")
    Forum = apps.get_model("forum", "Forum")
    ids = list(
        CommunityForum.objects.filter(scope="network").values_list(
            "forum_id", flat=True
        )
    )
    Forum.objects.filter(id__in=ids).delete()


class Migration(migrations.Migration):
    dependencies = [("forum", "0012_communityforum")]

    operations = [migrations.RunPython(create, remove)]
