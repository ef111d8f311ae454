"""Records the domain events it receives (tests read ``received``)."""

from plugins.api import hookimpl

received: list[tuple] = []


@hookimpl
def kehilot_member_joined(membership, community):
    received.append(("member_joined", membership.pk, community.pk))


@hookimpl
def kehilot_member_role_changed(old_role, new_role):  # a subset of the arguments
    received.append(("member_role_changed", old_role, new_role))


@hookimpl
def kehilot_community_published(community):
    received.append(("community_published", community.pk))


@hookimpl
def kehilot_topic_created(topic, community):
    received.append(("topic_created", topic.pk, getattr(community, "pk", None)))


@hookimpl
def kehilot_post_created(post, topic):
    received.append(("post_created", post.pk, topic.pk))
