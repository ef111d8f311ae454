"""Machina's permission checker, with Kehilot's rules for the forums we manage.

Machina asks ``get_perms_for_forumlist`` for every permission question (through
``PermissionHandler``, one per request). Forums with a ``CommunityForum`` row get
their permissions from ``forum.permissions.policy_for`` (memberships, visibility,
hidden areas, network staff); any other forum (made by hand in the admin) keeps
machina's permission rows.
"""

from machina.apps.forum_permission.checker import (
    ForumPermissionChecker as MachinaChecker,
)


class ForumPermissionChecker(MachinaChecker):
    def __init__(self, user):
        super().__init__(user)
        self._policy = None

    @property
    def policy(self):
        if self._policy is None:
            from forum.permissions import policy_for

            self._policy = policy_for(self.user)
        return self._policy

    def has_perm(self, perm, forum):
        if self.user.is_authenticated and not self.user.is_active:
            return False
        if self.policy.is_staff:
            return True
        return super().has_perm(perm, forum)

    def get_perms(self, forum):
        if forum is not None and self.policy.manages(forum.id):
            if forum.id not in self._forum_perms_cache:
                self._forum_perms_cache[forum.id] = self.policy.perms(forum.id)
            return self._forum_perms_cache[forum.id]
        return super().get_perms(forum)

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        policy = self.policy
        managed = [f for f in forums if f is not None and policy.manages(f.id)]
        others = [f for f in forums if f is None or not policy.manages(f.id)]
        result = (
            super().get_perms_for_forumlist(others, perm_codenames) if others else {}
        )
        wanted = set(perm_codenames) if perm_codenames else None
        for forum in managed:
            perms = policy.perms(forum.id)
            result[forum] = perms & wanted if wanted is not None else perms
        # Keep the caller's order (machina iterates the result in forum order).
        return {forum: result[forum] for forum in forums}
