import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from cms.emails import deliver

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 8


class EmailNotSent(Exception):
    """An attempt failed; the next one is queued. Raised so that the queue records the
    attempt as FAILED, and monitoring can count failures."""


@task()
def send_email(payload, attempt=1):
    """Send one email. If the mail server fails, try again later with a growing delay
    (on a queue that can defer work); the booking that caused it is already saved. Each
    attempt that fails is recorded as failed; every attempt sends the same Message-ID."""
    try:
        deliver(payload)
    except Exception as error:
        if attempt >= MAX_EMAIL_ATTEMPTS or not default_task_backend.supports_defer:
            raise
        delay = timedelta(seconds=30 * 2 ** (attempt - 1))
        logger.warning("Email to %s failed; retrying in %s", payload["to"], delay)
        send_email.using(run_after=timezone.now() + delay).enqueue(payload, attempt + 1)
        raise EmailNotSent(f"attempt {attempt} failed ({error}); attempt {attempt + 1} "
                           f"queued for {delay} from now") from error
