"""Celery tasks of the CMS domain (scheduled in ``CELERY_BEAT_SCHEDULE``)."""

from celery import shared_task


@shared_task(name="cms.tasks.end_expired_memberships")
def end_expired_memberships() -> int:
    """Hourly: end memberships whose term is over, removing their group rights."""
    from cms.membership import end_expired_memberships as run

    return run()
