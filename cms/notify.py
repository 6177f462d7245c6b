"""The one way to tell people: decided inside the transaction, rendered and sent after it.

A rule calls `notify(...)` where it decides that someone is told (a booking confirmed, a
place offered), usually while it holds row locks. `notify` only writes down who, which
template and which objects (by model and primary key), and queues that on commit: nothing
is rendered under the lock. The task (`cms.tasks.send_notification`) then loads the objects
afresh, renders the email from `templates/emails/<template>-subject.txt`, `-body.txt` and
(optionally) `-body.html`, renders any attachment, and sends. If the transaction rolls
back, nobody is told.

Attachments are named renderers that feature apps register through the Wagtail hook
`register_notification_attachments` (returning {name: function(**objects) -> bytes}), so the
kernel renders an event's .ics file without knowing what an event is:

    notify(booking.user, "events-confirmed", {"booking": booking},
           attachments=[Attachment("event.ics", "text/calendar", "event-ics",
                                   {"booking": booking, "method": "REQUEST"})])
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils.dateparse import parse_datetime

ATTACHMENTS_HOOK = "register_notification_attachments"


@dataclass
class Attachment:
    filename: str
    mimetype: str
    renderer: str  # a name registered through the ATTACHMENTS_HOOK hook
    context: dict = field(default_factory=dict)


def _pack(value):
    """A context value as JSON the queue can keep: model instances by reference."""
    if isinstance(value, models.Model):
        return {"__model__": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, datetime.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, dict):
        return {"__dict__": {key: _pack(item) for key, item in value.items()}}
    if isinstance(value, (list, tuple)):
        return [_pack(item) for item in value]
    return value


def _unpack(value):
    if isinstance(value, dict):
        if "__model__" in value:
            model = apps.get_model(value["__model__"])
            return model._default_manager.filter(pk=value["pk"]).first()
        if "__datetime__" in value:
            return parse_datetime(value["__datetime__"])
        if "__dict__" in value:
            return {key: _unpack(item) for key, item in value["__dict__"].items()}
    if isinstance(value, list):
        return [_unpack(item) for item in value]
    return value


def _address(recipient):
    return recipient if isinstance(recipient, str) else getattr(recipient, "email", "")


def notify(recipient, template, context_ids=None, attachments=()):
    """Tell `recipient` (a user or an email address) with the email `template` once the
    current transaction commits. `context_ids` names what the email talks about: model
    instances (sent by reference, loaded afresh by the task) or plain values."""
    to = [address for address in (
        _address(r) for r in (recipient if isinstance(recipient, (list, tuple)) else
                              [recipient])) if address]
    if not to:
        return
    from cms.emails import new_message_id

    payload = {
        "to": to,
        "message_id": new_message_id(),  # kept through every retry, as send_email does
        "template": template,
        "context": {key: _pack(value) for key, value in (context_ids or {}).items()},
        "attachments": [
            {"filename": a.filename, "mimetype": a.mimetype, "renderer": a.renderer,
             "context": {key: _pack(value) for key, value in a.context.items()}}
            for a in attachments
        ],
    }
    from cms.tasks import send_notification

    transaction.on_commit(lambda: send_notification.enqueue(payload))


def _renderers():
    from wagtail import hooks

    renderers = {}
    for register in hooks.get_hooks(ATTACHMENTS_HOOK):
        renderers.update(register())
    return renderers


def render(payload):
    """The email a queued notification stands for, as the payload `cms.emails.deliver`
    sends: rendered now, from the objects as they are now."""
    from cms.emails import encode_attachment
    from cms.emails import render as render_email

    context = {key: _unpack(value) for key, value in payload["context"].items()}
    subject, body, html = render_email(payload["template"], context)
    renderers = _renderers() if payload["attachments"] else {}
    attachments = []
    for attachment in payload["attachments"]:
        objects = {key: _unpack(value) for key, value in attachment["context"].items()}
        content = renderers[attachment["renderer"]](**objects)
        attachments.append(encode_attachment(attachment["filename"], content,
                                             attachment["mimetype"]))
    return {"subject": subject, "body": body, "html": html, "to": payload["to"],
            "attachments": attachments, "message_id": payload.get("message_id")}
