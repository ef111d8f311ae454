"""Machina's "new topic" and "reply" views, with the posting rate limits.

Machina builds its URLs from ``get_class("forum_conversation.views", ...)``, which
only looks in the app installed under that label (machina's own): replacing the
whole ``forum_conversation`` app (models, migrations, template tags) for two
views would be far more invasive. So ``forum.site_urls`` routes the two paths of
machina's ``topic_create`` and ``post_create`` here, ahead of machina's URLs;
their names (``forum_conversation:topic_create`` ...) still reverse to the same
paths. The topic page is routed here too: machina shows a topic waiting for
approval (its subject) to any reader of the forum who has its URL; here only its
author and the forum's moderators see it. The approval of new accounts needs no
view: our permission handler's ``can_post_without_approval`` applies
``forum.abuse.needs_approval``.
"""

from django.http import Http404
from machina.core.loading import get_class

from forum.abuse import RateLimited, check_posting, client_ip

MachinaTopicCreateView = get_class("forum_conversation.views", "TopicCreateView")
MachinaPostCreateView = get_class("forum_conversation.views", "PostCreateView")
MachinaTopicView = get_class("forum_conversation.views", "TopicView")


class RateLimitedPostingMixin:
    """Counts each real submission (not a preview); too many: form error and 429."""

    posting_kind = "reply"

    def form_valid(self, post_form, attachment_formset, *args, **kwargs):
        if not self.preview:
            try:
                check_posting(
                    self.request.user, client_ip(self.request), self.posting_kind
                )
            except RateLimited as refused:
                post_form.add_error(None, refused.message)
                response = self.form_invalid(
                    post_form, attachment_formset, *args, **kwargs
                )
                response.status_code = 429
                response["Retry-After"] = str(refused.retry_after)
                return response
        return super().form_valid(post_form, attachment_formset, *args, **kwargs)


class TopicCreateView(RateLimitedPostingMixin, MachinaTopicCreateView):
    posting_kind = "topic"


class PostCreateView(RateLimitedPostingMixin, MachinaPostCreateView):
    posting_kind = "reply"


class TopicView(MachinaTopicView):
    """Machina's topic page; a topic waiting for approval is not found by others."""

    def get_topic(self):
        topic = super().get_topic()
        if not topic.approved:
            user = self.request.user
            if topic.poster_id is None or topic.poster_id != user.pk:
                handler = self.request.forum_permission_handler
                if not handler.can_approve_posts(topic.forum, user):
                    raise Http404
        return topic
