"""``/forum/`` (under the language prefix): machina's URLs plus ours.

Ours come first: ``search/`` shadows machina's haystack search (which has no
Elasticsearch 8 backend) and sends the query to the project search.
"""

from django.urls import include, path
from machina import urls as machina_urls

from forum import views

urlpatterns = [
    path("search/", views.forum_search, name="forum_search_redirect"),
    path(
        "forum/<int:pk>/visibility/",
        views.forum_visibility,
        name="forum_visibility",
    ),
    path("", include(machina_urls)),
]
