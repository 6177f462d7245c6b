"""Session engines: Django's database engines (SESSION_ENGINE = "cms.sessions.db", or
"cms.sessions.cached_db" with Redis), with a signed-in request's one session read made as a
plain SQL statement. Through the ORM, building and compiling that query cost more CPU than
everything else in loading a session (0.6 ms against 0.05 ms on SQLite). Everything else,
writes included, is Django's own."""

import datetime
from typing import NamedTuple

from django.db import connections, router
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class _Row(NamedTuple):
    session_data: str
    expire_date: datetime.datetime


class FastLoadMixin:
    def _get_session_from_db(self):
        """What Django's `model.objects.get(session_key=..., expire_date__gt=now)` reads,
        or None (forgetting the key) when there is no such unexpired session."""
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        sql = (f"SELECT {quote('session_data')}, {quote('expire_date')} "
               f"FROM {quote(model._meta.db_table)} "
               f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s")
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        expires = row[1]
        if isinstance(expires, str):  # SQLite keeps datetimes as text, in UTC
            expires = parse_datetime(expires)
        if timezone.is_naive(expires):
            expires = timezone.make_aware(expires, datetime.UTC)
        return _Row(row[0], expires)
