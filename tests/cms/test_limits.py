"""Finding 10: limits that hold across workers and behind a proxy. allauth's rate limits and
its "this authenticator code was already used" marker live in the cache, keyed on the
client's address: production shares the cache between workers (the database without Redis),
and the address comes from the trusted proxy header."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory
from django.urls import reverse

from tests.cms.test_settings import PRODUCTION_ENV, _manage

pytestmark = pytest.mark.django_db


def test_production_without_redis_shares_one_cache_between_workers():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"


def test_migrate_makes_the_shared_cache_table_and_two_workers_see_one_count(settings):
    """Two cache objects stand for two gunicorn workers: what one counts, the other reads."""
    from django.core.cache.backends.db import DatabaseCache
    from django.db import connection

    assert settings.DATABASE_CACHE_TABLE in connection.introspection.table_names()
    first, second = (DatabaseCache(settings.DATABASE_CACHE_TABLE, {}) for _ in range(2))
    first.set("rl:login_failed:203.0.113.7", 9, 60)
    assert second.get("rl:login_failed:203.0.113.7") == 9


def _request(remote="10.0.0.2", **headers):
    return RequestFactory().get("/accounts/login/", REMOTE_ADDR=remote, **headers)


def test_without_a_proxy_setting_the_socket_address_is_the_client(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    request = _request(HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert get_adapter().get_client_ip(request) == "10.0.0.2"


def test_behind_a_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    adapter = get_adapter()
    # The client wrote the first entry itself; the load balancer appended the real one.
    request = _request(HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert adapter.get_client_ip(request) == "198.51.100.9"
    settings.TRUSTED_PROXY_COUNT = 2
    request = _request(HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9, 10.0.0.5")
    assert adapter.get_client_ip(request) == "198.51.100.9"
    # A request that did not pass the proxies (too few entries, junk) keys on its socket.
    for junk in ("", "198.51.100.9", "not-an-address, 10.0.0.5", "<script>, x"):
        assert adapter.get_client_ip(_request(HTTP_X_FORWARDED_FOR=junk)) == "10.0.0.2"
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    assert adapter.get_client_ip(_request(HTTP_X_REAL_IP="203.0.113.7")) == "203.0.113.7"


def test_one_persons_failed_sign_ins_behind_the_balancer_do_not_lock_out_everyone(
        client, settings, alice):
    """Every request arrives from the balancer's address; allauth's per-address limit on
    failed sign-ins must count each client, not the balancer."""
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("account_login")
    for n in range(12):
        client.post(url, {"login": f"nobody{n}@example.org", "password": "wrong"},
                    REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.66")
    attacker = client.post(url, {"login": "nobody@example.org", "password": "wrong"},
                           REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert b"Too many failed login attempts" in attacker.content
    from tests.factories import PASSWORD

    colleague = client.post(url, {"login": alice.email, "password": PASSWORD},
                            REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert colleague.status_code == 302


def test_guessing_the_password_on_the_erase_account_form_is_limited(client, alice):
    from cms.models import User

    client.force_login(alice)
    for _ in range(10):
        client.post(reverse("erase_my_account"), {"password": "guess", "confirm": "on"})
    from tests.factories import PASSWORD

    response = client.post(reverse("erase_my_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200
    assert b"Too many attempts" in response.content
    assert User.objects.get(pk=alice.pk).erased_at is None
