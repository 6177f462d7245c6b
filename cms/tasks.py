import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from cms.emails import deliver
from cms.notify import render as render_notification

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 8


@task()
def send_email(payload, attempt=1):
    """Send one email. If the mail server fails, try again later with a growing delay
    (on a queue that can defer work); the booking that caused it is already saved."""
    try:
        deliver(payload)
    except Exception:
        if attempt >= MAX_EMAIL_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        delay = timedelta(seconds=30 * 2 ** (attempt - 1))
        logger.warning("Email to %s failed; retrying in %s", payload["to"], delay)
        send_email.using(run_after=timezone.now() + delay).enqueue(payload, attempt + 1)


@task()
def send_notification(payload, attempt=1):
    """Render a notification decided in a committed transaction (cms.notify) from the
    objects as they are now, and send it. If the mail server fails, try again later with a
    growing delay, as send_email does."""
    rendered = render_notification(payload)
    try:
        deliver(rendered)
    except Exception:
        if attempt >= MAX_EMAIL_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        delay = timedelta(seconds=30 * 2 ** (attempt - 1))
        logger.warning("Email to %s failed; retrying in %s", rendered["to"], delay)
        send_notification.using(run_after=timezone.now() + delay).enqueue(payload, attempt + 1)
