"""Every email leaves through the task queue, after the transaction that caused it commits.

Templates live at `templates/emails/<name>-subject.txt`, `-body.txt` and (optionally)
`-body.html`. Rendering happens at once (so a template error shows where it was caused);
sending happens in a task, so a failing mail server never undoes a booking.

Delivery is at least once (a worker killed after the mail server took a message sends it
again when its task is recovered), so every message gets its Message-ID when it is queued
and keeps it through every retry: a repeat is recognisable, and mail clients show one.
"""

import base64
import re
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string


def render(name, context):
    context = {"site_url": settings.SITE_URL, "centre_name": settings.CENTRE_NAME, **context}
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    body = render_to_string(f"emails/{name}-body.txt", context)
    try:
        html = render_to_string(f"emails/{name}-body.html", context)
    except TemplateDoesNotExist:
        html = None
    return subject, body, html


def send(name, to, context, attachments=()):
    """Render the email `name` for the address(es) `to` and queue it once the current
    transaction commits. `attachments` are (filename, bytes or str, mimetype)."""
    if isinstance(to, str):
        to = [to]
    to = [address for address in to if address]
    if not to:
        return
    subject, body, html = render(name, context)
    payload = {
        "subject": subject,
        "body": body,
        "html": html,
        "to": to,
        "attachments": [_encode_attachment(*a) for a in attachments],
        "message_id": new_message_id(),
    }
    _enqueue_on_commit(payload)


def enqueue_message(message):
    """Queue an already built EmailMessage (allauth builds its own)."""
    html = None
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = content
    payload = {
        "subject": message.subject,
        "body": message.body,
        "html": html,
        "to": list(message.to),
        "attachments": [],
        "message_id": new_message_id(),
    }
    _enqueue_on_commit(payload)


def new_message_id():
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost")


def _encode_attachment(filename, content, mimetype):
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def _enqueue_on_commit(payload):
    from cms.tasks import send_email

    transaction.on_commit(lambda: send_email.enqueue(payload))


class _Message(EmailMultiAlternatives):
    def _create_mime_attachment(self, content, mimetype):
        """An invitation's MIME part carries the calendar's METHOD as a parameter
        (`text/calendar; method=REQUEST`), which is what Outlook and Gmail look for before
        they add, update or cancel the event (RFC 6047)."""
        part = super()._create_mime_attachment(content, mimetype)
        if mimetype == "text/calendar":
            text = content.decode("utf-8") if isinstance(content, bytes) else content
            method = re.search(r"^METHOD:(\w+)\r?$", text, re.MULTILINE)
            if method:
                part.set_param("method", method.group(1).upper(), requote=False)
        return part


def deliver(payload):
    """Actually send one queued email (called by the task)."""
    message = _Message(
        subject=payload["subject"],
        body=payload["body"],
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=payload["to"],
        headers={"Message-ID": payload["message_id"]} if payload.get("message_id") else None,
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    for filename, content, mimetype in payload.get("attachments", []):
        message.attach(filename, base64.b64decode(content), mimetype)
    message.send()
