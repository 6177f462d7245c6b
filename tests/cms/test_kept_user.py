"""The signed-in person is loaded from the database once and kept in the process
(cms.page_cache.kept_user) only while nothing of theirs changes: deactivating them, a new
password, or a change made in another process signs them out, or shows, on the very next
request."""

import pytest
from django.core.cache import cache

from cms.models import User
from cms.page_cache import person_key

pytestmark = pytest.mark.django_db


def _signed_in(client):
    return b"Sign out" in client.get("/learning/").content


def test_a_person_deactivated_is_signed_out_on_their_next_request(client, alice):
    client.force_login(alice)
    assert _signed_in(client)
    assert _signed_in(client)  # kept
    alice.is_active = False
    alice.save()
    response = client.get("/learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_new_password_signs_out_the_other_sessions(client, alice):
    client.force_login(alice)
    assert _signed_in(client)
    alice.set_password("a-brand-new-passphrase-2026")
    alice.save()
    assert client.get("/learning/").status_code == 302


def test_a_change_made_in_another_process_counts_once_the_generation_moves(client, alice):
    client.force_login(alice)
    assert _signed_in(client)
    User.objects.filter(pk=alice.pk).update(is_active=False)  # no signal: not seen here
    assert _signed_in(client)
    cache.incr(person_key(alice.pk))  # what saving them in another process does
    assert client.get("/learning/").status_code == 302


def test_a_kept_person_is_a_fresh_copy_on_every_request(client, alice, rf):
    """Nothing one request sets on the person reaches the next."""
    from django.contrib.sessions.backends.db import SessionStore

    from cms.page_cache import kept_user

    client.force_login(alice)
    request = rf.get("/")
    request.session = SessionStore(client.cookies["sessionid"].value)
    from django.contrib import auth

    first = kept_user(request, lambda: auth.get_user(request))
    first.scratch = "set by one request"
    second = kept_user(request, lambda: pytest.fail("loaded again"))
    assert second.pk == alice.pk and not hasattr(second, "scratch")
