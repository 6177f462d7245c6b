"""The session engines read a session with one plain SQL statement (cms.sessions): what
Django's ORM read gives, on SQLite and on PostgreSQL."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from cms.sessions.db import SessionStore

pytestmark = pytest.mark.django_db


def test_a_saved_session_loads_with_its_data_and_expiry():
    store = SessionStore()
    store["_auth_user_id"] = "42"
    store.set_expiry(3600)
    store.save()
    again = SessionStore(store.session_key)
    assert again["_auth_user_id"] == "42"
    row = again._get_session_from_db()
    saved = Session.objects.get(session_key=store.session_key)
    assert row.expire_date == saved.expire_date
    assert timezone.is_aware(row.expire_date)


def test_an_expired_session_is_refused_and_its_key_forgotten():
    store = SessionStore()
    store["_auth_user_id"] = "42"
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))
    again = SessionStore(store.session_key)
    assert again.get("_auth_user_id") is None
    assert again.session_key is None


def test_an_unknown_key_loads_nothing():
    store = SessionStore("x" * 32)
    assert dict(store.items()) == {}
    assert store.session_key is None
