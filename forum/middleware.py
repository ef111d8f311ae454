"""machina's permission middleware, without a session for every anonymous visitor.

machina stores a random "anonymous forum key" in the session of each anonymous
request, wherever it goes: every anonymous page view (home, search, the API)
would write a session row and set a cookie, which costs a query and makes public
pages uncacheable. The key only matters inside the forum (machina tracks polls
and read state per anonymous visitor there), so outside ``/forum/`` anonymous
users get a key that is not stored.
"""

from __future__ import annotations

import re

from machina.apps.forum_permission.middleware import (
    ForumPermissionMiddleware as MachinaForumPermissionMiddleware,
)
from machina.apps.forum_permission.middleware import PermissionHandler

#: ``/forum/...`` in any language (``/en/forum/...``).
FORUM_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?forum/")


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    def process_request(self, request):
        if request.user.is_authenticated or FORUM_PATH.match(request.path_info):
            return super().process_request(request)
        request.user.forum_key = self.get_anonymous_forum_key()
        request.forum_permission_handler = PermissionHandler()
        return None
