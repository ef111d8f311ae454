"""Anti-abuse rules for posting: rate limits and the approval of new accounts.

One service for every way of posting: machina's HTML views (``forum.
conversation_views``) and the forum API call the same functions.

Rate limits
    ``check_posting(user, ip, kind)`` **checks and counts** in one call: call it
    once per real submission (not for a preview), just before saving. It raises
    ``RateLimited`` when the user's or the IP's budget for ``kind`` is spent in the
    current window; nothing needs to be recorded afterwards. A refused attempt
    still counts (it changes nothing: the window is already full), so a script
    hammering the form gains nothing. Counters live in the default Django cache
    (Redis in production, shared by every web worker; locmem in tests) in fixed
    windows: ``FORUM_RATE_LIMITS[kind][scope] = (count, seconds)``.

Approval
    ``needs_approval(user, forum)``: a new account's first
    ``FORUM_APPROVAL_FIRST_POSTS`` approved posts go to machina's approval queue,
    unless the user moderates that forum or is network staff. Our permission
    handler applies it to machina's ``can_post_without_approval``, so machina's
    forms save such posts with ``approved=False`` and its moderation queue lists
    them.
"""

from __future__ import annotations

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

KINDS = ("topic", "reply")

#: (count, seconds) per kind and scope; ``settings.FORUM_RATE_LIMITS`` overrides
#: any of them (a partial dict is merged into these).
DEFAULT_RATE_LIMITS: dict[str, dict[str, tuple[int, int]]] = {
    "topic": {"user": (3, 600), "ip": (10, 600)},
    "reply": {"user": (10, 60), "ip": (30, 60)},
}
DEFAULT_APPROVAL_FIRST_POSTS = 2
CACHE_PREFIX = "forum:ratelimit"


def clock() -> float:
    """Seconds since the epoch; tests replace it to move between windows."""
    return time.time()


class RateLimited(Exception):
    """Too many posts in the current window; ``retry_after`` seconds until the next.

    ``str(exc)`` (and ``exc.message``) is a translated sentence for the poster,
    in the active language when it is read.
    """

    def __init__(self, kind: str, scope: str, retry_after: int):
        self.kind = kind
        self.scope = scope
        self.retry_after = max(1, int(retry_after))
        super().__init__(self.message)

    @property
    def message(self) -> str:
        minutes, seconds = divmod(self.retry_after, 60)
        if minutes:
            wait = ngettext("%(n)d minute", "%(n)d minutes", minutes + bool(seconds))
            wait = wait % {"n": minutes + bool(seconds)}
        else:
            wait = ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
        what = TOPIC_TEXT if self.kind == "topic" else REPLY_TEXT
        return str(what) % {"wait": wait}

    def __str__(self) -> str:
        return self.message


TOPIC_TEXT = _("You have started too many topics. Try again in %(wait)s.")
REPLY_TEXT = _("You have posted too many replies. Try again in %(wait)s.")


def rate_limits() -> dict[str, dict[str, tuple[int, int]]]:
    """The limits in force: the defaults updated with ``FORUM_RATE_LIMITS``."""
    configured = getattr(settings, "FORUM_RATE_LIMITS", {}) or {}
    return {
        kind: {**DEFAULT_RATE_LIMITS[kind], **configured.get(kind, {})}
        for kind in KINDS
    }


def check_posting(user, ip: str, kind: str) -> None:
    """Count one submission of ``kind`` ("topic" or "reply") by ``user`` from ``ip``.

    Raises ``RateLimited`` (with the longest wait of the scopes over their limit)
    when this submission is one too many. Checks and counts at once: call it once
    per submission, right before saving; there is no separate "record" step.
    Network staff are not limited (they clean up after spammers in bulk).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown posting kind {kind!r}")
    from forum.permissions import is_network_staff

    if is_network_staff(user):
        return
    idents = {"ip": ip or "unknown"}
    if getattr(user, "is_authenticated", False):
        idents["user"] = str(user.pk)
    now = clock()
    refused: list[RateLimited] = []
    for scope, (limit, seconds) in rate_limits()[kind].items():
        if scope not in idents or limit <= 0:
            continue
        window = int(now // seconds)
        key = f"{CACHE_PREFIX}:{kind}:{scope}:{idents[scope]}:{window}"
        # add() then incr(): atomic on Redis, so concurrent posts cannot both slip
        # under the limit.
        cache.add(key, 0, timeout=seconds + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=seconds + 5)
            count = 1
        if count > limit:
            refused.append(RateLimited(kind, scope, (window + 1) * seconds - now))
    if refused:
        raise max(refused, key=lambda exc: exc.retry_after)


def approval_first_posts() -> int:
    return getattr(settings, "FORUM_APPROVAL_FIRST_POSTS", DEFAULT_APPROVAL_FIRST_POSTS)


def needs_approval(user, forum, request=None, handler=None) -> bool:
    """Whether a post by ``user`` in ``forum`` must wait in the approval queue.

    True while the account has fewer than ``FORUM_APPROVAL_FIRST_POSTS`` approved
    posts (anywhere), unless the user moderates ``forum`` or is network staff.
    Anonymous users always need approval (if a forum lets them post at all).
    ``request`` (or machina's ``handler``) reuses the request's permission handler.
    """
    from forum.permissions import handler_for, is_network_staff

    if not getattr(user, "is_authenticated", False):
        return True
    first = approval_first_posts()
    if first <= 0 or is_network_staff(user):
        return False
    if (handler or handler_for(request)).can_approve_posts(forum, user):
        return False  # the forum's moderators
    from machina.core.db.models import get_model

    Post = get_model("forum_conversation", "Post")
    approved = Post.objects.filter(poster=user, approved=True)[:first].count()
    return approved < first


def client_ip(request) -> str:
    """The client's IP address.

    ``REMOTE_ADDR``, unless it is one of ``FORUM_TRUSTED_PROXIES`` (addresses or
    networks, e.g. ``["127.0.0.1", "10.0.0.0/8"]``): then the right-most address
    of ``X-Forwarded-For`` that is not itself a trusted proxy. Without trusted
    proxies the header is ignored (any client can write it).
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = _trusted_proxies()
    if not proxies or not _is_trusted(remote, proxies):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for candidate in reversed([part.strip() for part in forwarded.split(",")]):
        if not candidate:
            continue
        if not _is_trusted(candidate, proxies):
            return candidate if _valid_ip(candidate) else remote
    return remote


def _trusted_proxies() -> list:
    networks = []
    for entry in getattr(settings, "FORUM_TRUSTED_PROXIES", []) or []:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return networks


def _is_trusted(address: str, networks: list) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _valid_ip(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True
