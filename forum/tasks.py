"""Celery tasks of the forum: notification emails (``forum.notifications``).

Tasks take ids, never instances. ``queue_post_notifications`` sends what is due
itself (one SMTP connection for the lot) and schedules the rest with a countdown;
``send_due_notifications`` (every minute, ``CELERY_BEAT_SCHEDULE``) sends anything
a lost task or an outage left behind.
"""

import logging

from celery import shared_task
from django.core.mail import get_connection

logger = logging.getLogger(__name__)


@shared_task(name="forum.tasks.queue_post_notifications")
def queue_post_notifications(post_id: int) -> int:
    """Record who hears of a new post; send the due emails. Returns how many."""
    from forum.notifications import queue_post

    sent = 0
    with get_connection() as connection:
        for user_id, topic_id, wait in queue_post(post_id):
            if wait > 0:
                send_topic_notification.apply_async((user_id, topic_id), countdown=wait)
                continue
            sent += _send(user_id, topic_id, connection)
    return sent


@shared_task(bind=True, name="forum.tasks.send_topic_notification")
def send_topic_notification(self, user_id: int, topic_id: int) -> int:
    """Email one recipient the pending posts of one topic once its window is over."""
    from forum.notifications import send_pending

    wait = send_pending(user_id, topic_id)
    if wait > 0 and not self.request.is_eager:
        # Early (clock skew, or a second email got in first): try again then.
        self.apply_async((user_id, topic_id), countdown=wait)
    return int(wait == 0)


@shared_task(name="forum.tasks.send_due_notifications")
def send_due_notifications() -> int:
    """Every minute: send every pending email whose window is over."""
    from forum.notifications import due_pairs

    sent = 0
    with get_connection() as connection:
        for user_id, topic_id in due_pairs():
            sent += _send(user_id, topic_id, connection)
    return sent


def _send(user_id: int, topic_id: int, connection) -> int:
    from forum.notifications import send_pending

    try:
        return int(send_pending(user_id, topic_id, connection) == 0)
    except Exception:  # one bad address must not stop the others; rows stay
        logger.exception("forum notification to user %s failed", user_id)
        return 0
