"""Shapes of ``/api/v3/forum/`` (``forum.api``): what goes in and what comes out.

Request bodies declare their text fields with defaults on purpose: a missing or
empty ``subject``/``content`` is checked by machina's own forms and answered 400
with field messages (``errors[].loc``), like every other form error, rather than
by the schema layer (Wagtail's handler would answer 422 for those).
"""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

TopicType = Literal["topic", "sticky", "announce"]


class Message(Schema):
    """An error (``application/problem+json``, RFC 7807) as Wagtail's API sends it."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[dict] | None = Field(
        None, description="400 only: `{loc: ['body', field], msg, type}` per error."
    )


class UserRef(Schema):
    id: int
    username: str


class LastPost(Schema):
    id: int
    topic_id: int
    subject: str
    poster: UserRef | None
    created: datetime.datetime


class ForumNode(Schema):
    id: int
    name: str
    slug: str
    type: Literal["forum", "category", "link"]
    description_html: str = Field(description="Sanitised HTML (forum.markup).")
    link: str | None = Field(None, description="Target of a link forum.")
    html_url: str = Field(description="The forum's page on the site.")
    topics_count: int = Field(description="Approved topics, sub-forums included.")
    posts_count: int = Field(description="Approved posts, sub-forums included.")
    last_post: LastPost | None = Field(
        description="Latest approved post here or in a sub-forum."
    )
    can_start_topic: bool = Field(description="The caller may start topics here.")
    children: list[ForumNode] = Field(description="Readable sub-forums.")


ForumNode.model_rebuild()


class ForumTree(Schema):
    forums: list[ForumNode] = Field(description="Top-level readable forums.")
    topics_count: int
    posts_count: int


class ForumRef(Schema):
    id: int
    name: str
    slug: str


class TopicSummary(Schema):
    id: int
    forum_id: int
    subject: str
    slug: str
    type: TopicType = Field(description="Announcements first, then stickies.")
    locked: bool
    approved: bool = Field(description="False: waiting for a moderator.")
    poster: UserRef | None
    posts_count: int = Field(description="Approved posts.")
    views_count: int
    created: datetime.datetime
    last_post_on: datetime.datetime | None
    last_post: LastPost | None
    unread: bool = Field(
        description="Signed-in callers: new posts since they last read it "
        "(machina's read tracking). Always false for anonymous callers."
    )
    html_url: str


class Page(Schema):
    page: int
    pages: int
    per_page: int
    count: int


class TopicPage(Page):
    forum: ForumRef
    can_start_topic: bool
    topics: list[TopicSummary]


class PostOut(Schema):
    id: int
    topic_id: int
    position: int = Field(description="1-based place in the topic as listed.")
    subject: str
    poster: UserRef | None
    username: str | None = Field(description="Name of an anonymous poster.")
    created: datetime.datetime
    updated: datetime.datetime
    updates_count: int
    updated_by: UserRef | None
    approved: bool
    content_html: str = Field(
        description="The post rendered by forum.markup.render_post: markdown with "
        "raw HTML off, then an allowlist sanitiser. Safe to insert."
    )
    content: str | None = Field(
        description="The markdown source; only for callers who may edit the post."
    )
    can_edit: bool


class TopicDetail(Page):
    topic: TopicSummary
    forum: ForumRef
    can_reply: bool = Field(description="False also while the topic is locked.")
    subscribed: bool
    posts: list[PostOut]


class WriteResult(Schema):
    """201: published. 202: saved, but hidden until a moderator approves it."""

    approved: bool
    detail: str = Field(description="A message for the writer, in their language.")
    topic: TopicSummary
    post: PostOut


class TopicIn(Schema):
    subject: str = Field("", description="Required, at most 255 characters.")
    content: str = Field("", description="Markdown (raw HTML is shown as text).")
    type: TopicType = Field(
        "topic", description="sticky/announce need the forum's moderation rights."
    )


class ReplyIn(Schema):
    content: str = Field("", description="Markdown. Required.")
    subject: str | None = Field(
        None, description="Defaults to “Re: <topic subject>”. At most 255 characters."
    )


class PostPatch(Schema):
    content: str | None = Field(None, description="New markdown; omitted: unchanged.")
    subject: str | None = Field(None, description="Omitted: unchanged.")
    update_reason: str = Field("", description="Optional, at most 255 characters.")


class Subscription(Schema):
    subscribed: bool


class ReportIn(Schema):
    reason: str = Field(description="One of forum.reports' reasons.")
    text: str = Field("", description="Optional details for the moderators.")


class ReportOut(Schema):
    id: int
    detail: str
