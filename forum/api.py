"""``/api/v3/forum/``: the forum for API clients, in the one OpenAPI document.

Every answer goes through machina: its permission handler (``forum.permissions``,
our rules), its forms and models for writing (counters, approval, the topic's
subject and first post), its ``topic_viewed`` signal for reading (view counter,
read tracking). Auth: a bearer token, or the session (writes need its CSRF
token), or anonymous (reads only).

Status codes: 404 for a forum, topic or post the caller may not read (its
existence is not revealed) and for a page past the last; 401 for an anonymous
write; 403 for a write the caller may not make where they may read; 400 for
invalid fields (``errors``: ``loc`` and ``msg`` per field); 409 for a reply to (or
an edit in) a locked topic; 429 when posting too fast (``Retry-After`` header).
A new topic or reply answers 201, or 202 when it waits for a moderator's
approval (``approved: false``; only its author and moderators see it).
Errors are ``application/problem+json`` like the rest of ``/api/v3/``, their
``detail`` in the caller's language (``Accept-Language``; Hebrew by default).
"""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from machina.apps.forum_conversation.signals import topic_viewed
from machina.core.loading import get_class
from ninja import Router, Status
from ninja.errors import HttpError
from wagtail.api.v3.errors import problem_response

from forum import api_data as data
from forum.api_data import Topic
from forum.api_schemas import (
    ForumTree,
    Message,
    PostOut,
    PostPatch,
    ReplyIn,
    ReportIn,
    ReportOut,
    Subscription,
    TopicDetail,
    TopicIn,
    TopicPage,
    WriteResult,
)
from forum.permissions import handler_for

router = Router()


def _callers_language(view_func):
    """Messages in the caller's language (language cookie, then Accept-Language):
    ``/api/`` has no language prefix, so LocaleMiddleware would always pick Hebrew."""

    @functools.wraps(view_func)
    def wrapper(request, *args, **kwargs):
        language = translation.get_language_from_request(request)
        with translation.override(language):
            return view_func(request, *args, **kwargs)

    return wrapper


router.add_decorator(_callers_language, mode="operation")

ERRORS = {code: Message for code in (400, 401, 403, 404)}
WRITE = {201: WriteResult, 202: WriteResult, **ERRORS, 409: Message, 429: Message}


def _forms():
    return (
        get_class("forum_conversation.forms", "TopicForm"),
        get_class("forum_conversation.forms", "PostForm"),
    )


def _signed_in(request: HttpRequest):
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in to do this."))
    return request.user


def _form_errors(form) -> list[dict]:
    names = {"topic_type": "type"}
    return [
        {"loc": ["body", names.get(field, field)], "msg": str(msg), "type": "invalid"}
        for field, messages in form.errors.items()
        for msg in messages
    ]


def _invalid(errors: list[dict]):
    return problem_response(
        status=400, detail=_("Some fields are not valid."), errors=errors
    )


def _check_posting(request, kind: str):
    """``None``, or the 429 answer when the caller posts too fast."""
    from forum import abuse

    try:
        abuse.check_posting(request.user, abuse.client_ip(request), kind)
    except abuse.RateLimited as error:
        response = problem_response(status=429, detail=str(error))
        response["Retry-After"] = str(error.retry_after)
        return response
    return None


def _written(request, post, topic):
    approved = post.approved
    message = (
        _("This message has been posted successfully.")
        if approved
        else _("This message will be validated before appearing on the forum.")
    )
    body = {
        "approved": approved,
        "detail": message,
        "topic": data.topic_summary(topic, topic.forum, unread=False),
        "post": data.post_out(request, post, position=None),
    }
    return Status(201 if approved else 202, body)


# --- reads -------------------------------------------------------------------------


@router.get(
    "/forums/",
    response=ForumTree,
    summary="Readable forums as a tree",
    description="Every forum the caller may read, nested under its parent, with "
    "machina's counters (sub-forums included) and the latest post.",
)
def forum_tree(request: HttpRequest):
    return data.forum_tree(request)


@router.get(
    "/forums/{forum_id}/topics/",
    response={200: TopicPage, 400: Message, 404: Message},
    summary="Topics of a forum",
    description="Announcements, then stickies, then the others; each group by "
    "latest post, newest first. `per_page` 1-100 (default 20).",
)
def forum_topics(
    request: HttpRequest, forum_id: int, page: int = 1, per_page: int = 20
):
    forum = data.forum_or_404(request, forum_id)
    return data.topic_page(request, forum, page, per_page)


@router.get(
    "/topics/{topic_id}/",
    response={200: TopicDetail, 400: Message, 404: Message},
    summary="A topic and a page of its posts",
    description="Posts oldest first, `per_page` 1-100 (default 15). Reading marks "
    "the topic read for a signed-in caller and counts a view, as the site does.",
)
def topic_detail(
    request: HttpRequest, topic_id: int, page: int = 1, per_page: int = 15
):
    topic = data.topic_or_404(request, topic_id)
    body = data.topic_detail(request, topic, page, per_page)
    topic_viewed.send(
        sender=None, topic=topic, user=request.user, request=request, response=None
    )
    return body


# --- writes ------------------------------------------------------------------------


@router.post(
    "/forums/{forum_id}/topics/",
    response=WRITE,
    summary="Start a topic",
    description="201 when published; 202 when it waits for a moderator.",
)
def create_topic(request: HttpRequest, forum_id: int, payload: TopicIn):
    user = _signed_in(request)
    forum = data.forum_or_404(request, forum_id)
    handler = handler_for(request)
    if not handler.can_add_topic(forum, user):
        raise HttpError(403, _("You may not start topics in this forum."))
    if not forum.is_forum:
        raise HttpError(400, _("Topics can be started in forums only."))
    type_code = data.TOPIC_TYPE_CODES[payload.type]
    if (
        type_code == Topic.TOPIC_STICKY and not handler.can_add_stickies(forum, user)
    ) or (
        type_code == Topic.TOPIC_ANNOUNCE
        and not handler.can_add_announcements(forum, user)
    ):
        raise HttpError(403, _("Only moderators may post stickies and announcements."))
    topic_form, _post_form = _forms()
    form = topic_form(
        user=user,
        forum=forum,
        data={
            "subject": payload.subject,
            "content": payload.content,
            "topic_type": str(type_code),
            "enable_signature": True,
        },
    )
    if not form.is_valid():
        return _invalid(_form_errors(form))
    limited = _check_posting(request, "topic")
    if limited:
        return limited
    with transaction.atomic():
        # Machina's TopicForm: the topic, then its first post; ``approved`` from the
        # permission handler (which applies forum.abuse.needs_approval).
        post = form.save()
    topic = Topic.objects.select_related("forum", "poster", "last_post__poster").get(
        pk=post.topic_id
    )
    return _written(request, post, topic)


@router.post(
    "/topics/{topic_id}/posts/",
    response=WRITE,
    summary="Reply to a topic",
    description="201 when published; 202 when it waits for a moderator; 409 while "
    "the topic is locked.",
)
def reply(request: HttpRequest, topic_id: int, payload: ReplyIn):
    user = _signed_in(request)
    topic = data.topic_or_404(request, topic_id)
    forum = topic.forum
    handler = handler_for(request)
    if not handler.can_add_post(topic, user):
        # Machina's own check, minus the lock: would they be allowed if unlocked?
        if topic.is_locked and handler._perform_basic_permission_check(
            forum, user, "can_reply_to_topics"
        ):
            raise HttpError(409, _("This topic is locked: it takes no new replies."))
        raise HttpError(403, _("You may not reply in this topic."))
    _topic_form, post_form = _forms()
    subject = payload.subject
    if subject is None:
        subject = data.reply_subject(topic)
    form = post_form(
        user=user,
        forum=forum,
        topic=topic,
        data={"subject": subject, "content": payload.content, "enable_signature": True},
    )
    if not form.is_valid():
        return _invalid(_form_errors(form))
    limited = _check_posting(request, "reply")
    if limited:
        return limited
    with transaction.atomic():
        post = form.save()  # machina's PostForm: approval, counters, trackers
    topic.refresh_from_db()
    return _written(request, post, topic)


@router.patch(
    "/posts/{post_id}/",
    response={200: PostOut, **ERRORS, 409: Message},
    summary="Edit a post",
    description="Authors edit their own posts (machina's `can_edit_own_posts`, not "
    "in a locked topic); the forum's moderators and network staff edit any.",
)
def edit_post(request: HttpRequest, post_id: int, payload: PostPatch):
    user = _signed_in(request)
    post = data.post_or_404(request, post_id)
    topic = post.topic
    handler = handler_for(request)
    if not handler.can_edit_post(post, user):
        if topic.is_locked and post.poster_id == user.pk:
            raise HttpError(409, _("This topic is locked: its posts can't be edited."))
        raise HttpError(403, _("You may not edit this post."))
    _topic_form, post_form = _forms()
    form = post_form(
        user=user,
        forum=topic.forum,
        topic=topic,
        instance=post,
        data={
            "subject": post.subject if payload.subject is None else payload.subject,
            "content": post.content.raw if payload.content is None else payload.content,
            "update_reason": payload.update_reason,
            "enable_signature": post.enable_signature,
        },
    )
    if not form.is_valid():
        return _invalid(_form_errors(form))
    with transaction.atomic():
        form.save()
    post = data.post_or_404(request, post_id)
    return data.post_out(request, post, position=None)


def _subscription(request, target, subscribe: bool, kind: str):
    from forum import notifications

    user = _signed_in(request)
    name = f"{'subscribe' if subscribe else 'unsubscribe'}_{kind}"
    try:
        getattr(notifications, name)(user, target)
    except PermissionDenied as error:
        raise HttpError(403, str(error) or _("You may not subscribe here.")) from error
    return {"subscribed": subscribe}


SUBSCRIBE = {200: Subscription, **ERRORS}


@router.post(
    "/topics/{topic_id}/subscription/", response=SUBSCRIBE, summary="Follow a topic"
)
def subscribe_topic(request: HttpRequest, topic_id: int):
    _signed_in(request)
    return _subscription(request, data.topic_or_404(request, topic_id), True, "topic")


@router.delete(
    "/topics/{topic_id}/subscription/",
    response=SUBSCRIBE,
    summary="Stop following a topic",
)
def unsubscribe_topic(request: HttpRequest, topic_id: int):
    _signed_in(request)
    return _subscription(request, data.topic_or_404(request, topic_id), False, "topic")


@router.post(
    "/forums/{forum_id}/subscription/", response=SUBSCRIBE, summary="Follow a forum"
)
def subscribe_forum(request: HttpRequest, forum_id: int):
    _signed_in(request)
    return _subscription(request, data.forum_or_404(request, forum_id), True, "forum")


@router.delete(
    "/forums/{forum_id}/subscription/",
    response=SUBSCRIBE,
    summary="Stop following a forum",
)
def unsubscribe_forum(request: HttpRequest, forum_id: int):
    _signed_in(request)
    return _subscription(request, data.forum_or_404(request, forum_id), False, "forum")


@router.post(
    "/posts/{post_id}/report/",
    response={200: ReportOut, 201: ReportOut, **ERRORS},
    summary="Report a post to the moderators",
    description="201 for a new report; 200 when the caller's earlier report of "
    "this post is still open (it is returned unchanged). `reason`: spam, abuse, "
    "off_topic or other.",
)
def report(request: HttpRequest, post_id: int, payload: ReportIn):
    from forum import reports
    from forum.models import PostReport, ReportStatus

    user = _signed_in(request)
    post = data.post_or_404(request, post_id)
    again = PostReport.objects.filter(
        post=post, reporter=user, status=ReportStatus.OPEN
    ).exists()
    try:
        row = reports.report_post(user, post, payload.reason, payload.text, request)
    except PermissionDenied as error:
        raise HttpError(
            403, str(error) or _("You may not report this post.")
        ) from error
    except DjangoValidationError as error:
        errors = [
            {"loc": ["body", field], "msg": str(msg), "type": "invalid"}
            for field, messages in _error_dict(error).items()
            for msg in messages
        ]
        return _invalid(errors)
    detail = _("Thank you: the moderators will look at it.")
    return Status(200 if again else 201, {"id": row.pk, "detail": detail})


def _error_dict(error: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"reason": error.messages}
