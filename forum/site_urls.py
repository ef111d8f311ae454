"""``/forum/`` (under the language prefix): machina's URLs plus ours.

Ours come first: ``search/`` shadows machina's haystack search (which has no
Elasticsearch 8 backend) and sends the query to the project search; the paths of
machina's ``topic``, ``topic_create`` and ``post_create`` go to our views
(``forum.conversation_views``: rate limits, queued topics kept from others;
machina's URL names still reverse to them).
"""

from django.urls import include, path
from machina import urls as machina_urls

from forum import conversation_views, moderation_views, notification_views, views

CONVERSATION = "forum/<str:forum_slug>-<int:forum_pk>/topic/"

urlpatterns = [
    # machina's get_class cannot find views in a top-level ``forum`` package (it
    # imports ``forum``, not ``forum.views``): replaced views are routed here.
    path("", views.IndexView.as_view(), name="forum_index_prefetched"),
    path("search/", views.forum_search, name="forum_search_redirect"),
    path(
        "forum/<int:pk>/visibility/",
        views.forum_visibility,
        name="forum_visibility",
    ),
    path(
        f"{CONVERSATION}<str:slug>-<int:pk>/",
        conversation_views.TopicView.as_view(),
        name="forum_topic_approved_only",
    ),
    path(
        f"{CONVERSATION}create/",
        conversation_views.TopicCreateView.as_view(),
        name="forum_topic_create_limited",
    ),
    path(
        f"{CONVERSATION}<str:topic_slug>-<int:topic_pk>/post/create/",
        conversation_views.PostCreateView.as_view(),
        name="forum_post_create_limited",
    ),
    path(
        "forum/<int:pk>/subscription/",
        notification_views.forum_subscription,
        name="forum_subscription",
    ),
    path(
        "unsubscribe/<str:token>/",
        notification_views.unsubscribe,
        name="forum_unsubscribe",
    ),
    path("post/<int:pk>/report/", moderation_views.report_post, name="forum_report"),
    path(
        "moderation/reports/", moderation_views.report_queue, name="forum_report_queue"
    ),
    path(
        "moderation/reports/<int:pk>/",
        moderation_views.resolve_report,
        name="forum_resolve_report",
    ),
    path("", include(machina_urls)),
]
