"""The forum: django-machina wired into Kehilot.

Our ``forum`` app is machina's ``forum`` app (same label, machina's documented
override mechanism), so machina's ``get_class("forum.<module>", ...)`` looks here
first. Public surface for other apps (API, notifications, search, moderation):

- ``forum.markup.render_post(text) -> SafeString``: the only way to turn post text
  into HTML (markdown, then an nh3 allowlist).
- ``forum.permissions``: ``readable_forum_ids(user)``, ``forum_audience(forum)``,
  ``can_read/can_post/can_moderate`` and the grant rules.
- ``forum.areas``: one forum area per community and the network forums.
- ``forum.abuse`` (rate limits, approval of new accounts), ``forum.reports``
  (reports and moderators' actions, bans), ``forum.notifications`` (subscriptions,
  emails of new posts, signed unsubscribe links): see docs/forum.md.
"""
