"""The one audit trail: what happened to a record, who did it, when, and why.

Every state change of an enrolment, an event booking, a secondment application or a
mentoring booking is one Wagtail `ModelLogEntry`, written through `wagtail.log_actions`
(STYLE.md 10), in Wagtail's shape: a dotted action (`events.booking.cancelled`), the acting
user, the object (content type and id), `data` and a timestamp. `data` always holds
`from_status`, `to_status` and `reason`, and `actor_label`: the actor's name as they acted,
or the name of an actor without an account (a sponsor answering by a signed link).

Why Wagtail's own model: each record's viewset shows its History view from it, beside the
record, and Reports > Site history lists them all, with nothing of ours to keep up.

What survives what (read from wagtail/models/audit_log.py):
- an entry points at its object by content type and id, not a foreign key: deleting the
  record (or its event page) leaves its history in place;
- it points at its user by id without a database constraint: a deleted account leaves the
  entry, which still names them (`actor_label`, written with it);
- an erased person (cms.privacy.erase_account) keeps their entries, whose user now reads
  "Erased user"; `forget_actor` blanks any name written into the entries' data.
The label (Wagtail's "title") is the record's `audit_title` when it has one, otherwise the
model's name and id, never `str()`: the trail must not copy a person's name it cannot erase.

Each app names its actions in its wagtail_hooks.py with `register_actions` from the
`register_log_actions` hook; Wagtail refuses to save an entry whose action is not registered.
"""

import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.views.generic import history
from wagtail.admin.views.generic.history import LogEntryUserColumn
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

SYSTEM = "System"


def title_of(instance):
    title = getattr(instance, "audit_title", None)
    return str(title) if title else f"{capfirst(instance._meta.verbose_name)} {instance.pk}"


def record(instance, action, *, actor=None, actor_label="", from_status="", to_status="",
           reason="", timestamp=None):
    """Write one entry of `instance`'s history. Call it inside the transaction that makes
    the change, so the change and its entry commit together or not at all. The actor's
    name goes with the entry (`actor_label`), so it still says who acted if their account
    is deleted; `actor_label` given names an actor without an account."""
    data = {"from_status": from_status or "", "to_status": to_status or "",
            "reason": reason or ""}
    label = actor_label or (_name(actor) if actor is not None else "")
    if label:
        data["actor_label"] = label
    extra = {"timestamp": timestamp} if timestamp is not None else {}
    # A fresh uuid per entry: Wagtail's History view keeps only the latest entry per
    # (uuid, action), and an admin request shares one uuid, so cancelling an event would
    # otherwise hide the cancellation from all its bookings' histories but one.
    return log(instance, action, user=actor, uuid=uuid.uuid4(), data=data,
               title=title_of(instance), **extra)


def _name(user):
    return (user.get_full_name() or "").strip() or user.get_username()


def history_of(instance):
    """The record's entries, oldest first."""
    return (ModelLogEntry.objects.for_instance(instance).select_related("user")
            .order_by("timestamp", "pk"))


def entries_for(queryset):
    """Every entry of every record in `queryset` (a queryset of one model)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    return (ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids)
            .select_related("user").order_by("timestamp", "pk"))


def histories(records):
    """{record pk: [entries oldest first]} for a list of records of one model, in one query
    (for lists and exports that show each record's history)."""
    records = list(records)
    found = {record.pk: [] for record in records}
    if not records:
        return found
    model = type(records[0])
    for entry in described(entries_for(model._default_manager.filter(pk__in=list(found)))):
        found[int(entry.object_id)].append(entry)
    return found


def attach(records):
    """Give each record its history as `.trail` (entries oldest first, described); returns
    the records as a list."""
    records = list(records)
    found = histories(records)
    for record in records:
        record.trail = found[record.pk]
    return records


def described(entries):
    """The entries as a list, each with `description`, `actor` and `reason` to show."""
    entries = list(entries)
    for entry in entries:
        entry.description = describe(entry)
        entry.actor = actor_of(entry)
        entry.reason = reason_of(entry)
    return entries


def first_time(model, actions, outer="pk"):
    """For reports: a subquery giving when the record (`OuterRef(outer)`, a `model`) first
    had one of `actions`, or NULL. The entry's object_id is text: the record's id is cast."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef, Subquery
    from django.db.models.functions import Cast

    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Subquery(
        ModelLogEntry.objects.filter(content_type=content_type, action__in=actions,
                                     object_id=Cast(OuterRef(outer), CharField()))
        .order_by("timestamp", "pk").values("timestamp")[:1])


def _user_of(entry):
    try:
        return entry.user
    except ObjectDoesNotExist:  # the account was deleted (no constraint keeps the row)
        return None


def actor_of(entry):
    """Who acted, in words: the account's name now (an erased person reads "Erased user"),
    else the name written with the entry, else the system."""
    user = _user_of(entry) if entry.user_id else None
    if user is not None:
        return _name(user)
    if entry.data.get("actor_label"):
        return entry.data["actor_label"]
    return entry.user_display_name if entry.user_id else SYSTEM


def reason_of(entry):
    return entry.data.get("reason", "")


def forget_actor(user):
    """Erasure: entries keep their user id (the row now reads "Erased user") but lose any
    name written into their data."""
    for entry in ModelLogEntry.objects.filter(user=user, data__has_key="actor_label"):
        entry.data.pop("actor_label", None)
        ModelLogEntry.objects.filter(pk=entry.pk).update(data=entry.data)


def relabel(entries, actor_label):
    """Replace the names written into some entries (a sponsor's, when the applicant who
    gave it is erased)."""
    for entry in entries.filter(data__has_key="actor_label"):
        entry.data["actor_label"] = actor_label
        ModelLogEntry.objects.filter(pk=entry.pk).update(data=entry.data)


class StatusChange(LogFormatter):
    """How an entry reads: a move between statuses by their labels ('Confirmed to
    Cancelled (left the waiting list)'), otherwise the action's label ('Sponsor endorsed')."""

    statuses = None  # a TextChoices class, for the statuses' labels

    def _label(self, value):
        if not value:
            return ""
        try:
            return str(self.statuses(value).label) if self.statuses else value
        except ValueError:
            return value

    def describe(self, entry):
        before = self._label(entry.data.get("from_status"))
        after = self._label(entry.data.get("to_status"))
        if before and after and before != after:
            return f"{before} to {after}"
        return str(self.label)

    def format_message(self, entry):
        reason = reason_of(entry)
        return f"{self.describe(entry)} ({reason})" if reason else self.describe(entry)

    def format_comment(self, entry):
        return reason_of(entry)


def register_actions(actions, labels, statuses=None):
    """From a `register_log_actions` hook: {action: label} for one kind of record."""
    for action, label in labels.items():
        formatter = type("StatusChange", (StatusChange,),
                         {"label": label, "statuses": statuses})
        actions.register_action(action)(formatter)


def describe(entry):
    """What happened, in words, without the reason (which pages show in its own column)."""
    formatter = entry.formatter
    if isinstance(formatter, StatusChange):
        return formatter.describe(entry)
    return entry.message


class ActorColumn(LogEntryUserColumn):
    """The History view's "User" column, naming an actor without an account (a sponsor)."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if _user_of(instance) is None:
            context["display_name"] = actor_of(instance)
        return context


class HistoryView(history.HistoryView):
    """Wagtail's History view of a record, naming sponsors and the system as the trail does.
    Each record's viewset sets `history_view_class` to it."""

    @cached_property
    def columns(self):
        return [ActorColumn("user", label="User", width="25%") if column.name == "user"
                else column for column in super().columns]


# --- for the migrations that moved the four history tables into the trail ------------------


def copy_into_trail(apps, old_model, record_field, title, convert, batch=2000):
    """Copy every row of a history table into ModelLogEntry. `convert(row)` returns the
    entry's action, user_id, timestamp and data; `title(record)` its label. Historical
    models (from `apps`) only: no registry, no formatter, no full_clean."""
    Old = apps.get_model(old_model)
    Record = Old._meta.get_field(record_field).related_model
    ContentType = apps.get_model("contenttypes", "ContentType")
    Entry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=Record._meta.app_label, model=Record._meta.model_name)
    entries = []
    for row in Old.objects.select_related(record_field).order_by("pk").iterator(chunk_size=batch):
        entries.append(Entry(content_type_id=content_type.pk,
                             object_id=str(getattr(row, f"{record_field}_id")),
                             label=title(getattr(row, record_field)), uuid=uuid.uuid4(),
                             **convert(row)))
        if len(entries) >= batch:
            Entry.objects.bulk_create(entries)
            entries = []
    Entry.objects.bulk_create(entries)


def copy_back_from_trail(apps, old_model, record_field, prefix, convert, batch=2000):
    """The reverse: entries whose action starts with `prefix` go back into the history
    table (`convert(entry)` gives the row's fields) and leave the trail."""
    Old = apps.get_model(old_model)
    Record = Old._meta.get_field(record_field).related_model
    ContentType = apps.get_model("contenttypes", "ContentType")
    Entry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type = ContentType.objects.filter(app_label=Record._meta.app_label,
                                              model=Record._meta.model_name).first()
    if content_type is None:
        return
    for field in Old._meta.concrete_fields:  # keep the entries' own times
        if getattr(field, "auto_now_add", False):
            field.auto_now_add = False
    entries = Entry.objects.filter(content_type_id=content_type.pk, action__startswith=prefix)
    existing = set(Record.objects.values_list("pk", flat=True))
    rows = [Old(**{f"{record_field}_id": int(entry.object_id)}, **convert(entry))
            for entry in entries.order_by("timestamp", "pk").iterator(chunk_size=batch)
            if int(entry.object_id) in existing]
    Old.objects.bulk_create(rows, batch_size=batch)
    entries.delete()
