"""The one way to take row locks (as pretix keeps `lock_objects`).

Every rule that counts something and then writes (places at an event, offers on a
secondment, the one booking of a mentoring slot, completing an enrolment once) calls
`lock(...)` inside its `transaction.atomic()` block, then counts again with what `lock`
returned: the rows as they are now that no one else can change them.

Rows are locked in one stable order whatever order the caller names them in: a row before
the rows that point to it (an event before its bookings, an opportunity before its
applications), then by model and primary key; rules that lock many rows with `lock_all`
do so after `lock`. So two rules that lock the same rows never deadlock each other.

`ENABLED` is the one switch the concurrency tests (tests/*/test_concurrency.py) turn off to
show that each rule breaks without its lock. Nothing else may change it.
"""

ENABLED = True


def _points_to(model, other):
    """Whether `model` has a foreign key (or one-to-one) to `other` or one of its parents."""
    return any(
        field.is_relation and (field.many_to_one or field.one_to_one)
        and field.related_model is not None and issubclass(other, field.related_model)
        for field in model._meta.concrete_fields
    )


def _model(instance):
    return instance._meta.model  # not type(): request.user is a lazy wrapper


def _depth(instance, objects, seen=()):
    """How many of the other objects this one's row points to, in a chain."""
    model = _model(instance)
    return max([1 + _depth(other, objects, (*seen, model)) for other in objects
                if _model(other) is not model and _model(other) not in seen
                and _points_to(model, _model(other))], default=0)


def _order(instance, objects):
    return (_depth(instance, objects), instance._meta.concrete_model._meta.label_lower,
            instance.pk)


def _reread(instance):
    queryset = _model(instance)._default_manager.all()
    if ENABLED:
        # of=("self",): lock this model's own row only. For a page that is the specific
        # page's table (events_eventpage, say), which is all any rule here counts from.
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get(pk=instance.pk)


def lock(*objects):
    """Lock the rows of the given model instances until the current transaction ends and
    return them re-read after locking, in the order given (one object: that object).

    Call it inside `transaction.atomic()`; outside one the lock would end at once."""
    if not objects:
        raise TypeError("lock() needs at least one object")
    fresh = {}
    for index in sorted(range(len(objects)), key=lambda i: _order(objects[i], objects)):
        fresh[index] = _reread(objects[index])
    rows = tuple(fresh[i] for i in range(len(objects)))
    return rows[0] if len(rows) == 1 else rows


def lock_all(queryset, limit=None):
    """Lock every row the queryset selects (the first `limit` of them), in primary key
    order, and return them as a list: for rules that change many rows of one kind, such as
    every booking of an event, after locking the event itself with `lock`."""
    queryset = queryset.order_by("pk")
    if ENABLED:
        queryset = queryset.select_for_update(of=("self",))
    if limit is not None:
        queryset = queryset[:limit]
    return list(queryset)
