"""machina's unread-forum computation without a query per unread forum.

``ForumReadTrackManager.get_unread_forums_from_list`` (machina 1.3) marks every
unread forum's ancestors unread with ``forum.get_ancestors()``: one query per
unread forum, so a member's forum index grew by a query per community area. The
forums are already loaded as a tree (MPTT ``tree_id``/``lft``/``rght``), so the
ancestors are found in memory. Same result for the forums of the list; ancestors
outside the list (forums the reader cannot see) are not returned, and nothing
shows them. Installed from ``forum.apps`` (machina is dormant upstream: this is
the smallest patch that fixes it, and tests/forum/test_query_counts.py holds it).
"""

from __future__ import annotations

from collections import defaultdict


def get_unread_forums_from_list(self, forums, user):
    from machina.apps.forum_tracking.managers import ForumVisibilityContentTree

    nodes = ForumVisibilityContentTree.from_forums(forums).as_dict
    loaded = {pk: node.obj for pk, node in nodes.items()}
    by_tree = defaultdict(list)
    for forum in loaded.values():
        by_tree[forum.tree_id].append(forum)

    def with_ancestors(forum):
        return [
            f
            for f in by_tree[forum.tree_id]
            if f.lft <= forum.lft and f.rght >= forum.rght
        ]

    unread: dict[int, object] = {}
    tracked: set[int] = set()
    for forum_id, mark_time in (
        self.get_queryset()
        .filter(user=user, forum_id__in=list(loaded))
        .values_list("forum_id", "mark_time")
    ):
        tracked.add(forum_id)
        last_post_on = nodes[forum_id].last_post_on
        if last_post_on and mark_time < last_post_on:
            unread.update((f.pk, f) for f in with_ancestors(loaded[forum_id]))
    for forum in loaded.values():
        if forum.pk not in tracked and forum.direct_topics_count > 0:
            unread.update((f.pk, f) for f in with_ancestors(forum))
    return list(unread.values())


def install() -> None:
    from machina.apps.forum_tracking.managers import ForumReadTrackManager

    ForumReadTrackManager.get_unread_forums_from_list = get_unread_forums_from_list
