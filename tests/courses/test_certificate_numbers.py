"""Certificate numbers people can read out, and the public page where an employer types one."""

from pathlib import Path

import pytest
from django.core.cache import cache
from freezegun import freeze_time

from courses import services
from courses.models import Certificate
from courses.models.learning import (
    NUMBER_ALPHABET,
    new_certificate_number,
    normalise_certificate_number,
)
from tests.courses.test_access import complete
from tests.courses.test_completion import finish

pytestmark = pytest.mark.django_db

CHECK = "/certificates/check/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_it_gives_each_certificate_a_short_number_without_ambiguous_characters(alice, course):
    certificate = complete(alice, course)
    prefix, first, second = certificate.number.split("-")
    assert prefix == "RPC" and len(first) == len(second) == 4
    assert not set("0O1ILU") & set(NUMBER_ALPHABET)
    assert set(first + second) <= set(NUMBER_ALPHABET)
    assert len(certificate.public_id) >= 20  # the unguessable link stays


def test_it_tolerates_spaces_lower_case_and_missing_dashes():
    assert normalise_certificate_number(" rpc 7k4m 9qxd ") == "RPC-7K4M-9QXD"
    assert normalise_certificate_number("7K4M9QXD") == "RPC-7K4M-9QXD"
    assert normalise_certificate_number("RPC–7K4M–9QXD") == "RPC-7K4M-9QXD"  # en dashes
    assert normalise_certificate_number("RPC-7K4M-9QX") is None
    assert normalise_certificate_number("RPC-7K4M-9QX0") is None  # 0 is never used


def test_it_draws_another_number_when_one_is_taken(alice, bob, course, monkeypatch):
    taken = complete(alice, course)
    numbers = iter([taken.number, "RPC-2222-3333"])
    monkeypatch.setattr("courses.models.learning.new_certificate_number", lambda: next(numbers))
    assert complete(bob, course).number == "RPC-2222-3333"


def test_numbers_are_drawn_at_random():
    assert len({new_certificate_number() for _ in range(200)}) == 200


def test_the_migration_numbers_existing_certificates_and_links_renewals(alice, course):
    import importlib

    from django.apps import apps

    # Found by name, whatever number it is given when branches are merged.
    migrations = Path(importlib.import_module("courses.migrations").__file__).parent
    (path,) = migrations.glob("*_number_existing_certificates.py")
    migration = importlib.import_module(f"courses.migrations.{path.stem}")
    with freeze_time("2025-01-10"):
        old = finish(alice, course)
    with freeze_time("2026-02-01"):
        new = finish(alice, course)
    Certificate.objects.update(superseded_by=None)
    # As the rows were before it: without a number (blank; NULL then) or a renewal link.
    Certificate.objects.filter(pk=old.pk).update(number="")
    migration.number_and_link_certificates(apps, None)
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.number and new.number and old.number != new.number
    assert old.superseded_by == new and new.superseded_by is None


def test_a_renewal_supersedes_the_earlier_certificate(alice, course):
    with freeze_time("2025-01-10"):
        old = finish(alice, course)
    with freeze_time("2025-12-20"):  # within the expiry notice of the old one
        new = finish(alice, course)
        old.refresh_from_db()
        assert old.superseded_by == new
        assert old.status() == Certificate.Status.SUPERSEDED
        assert new.status() == Certificate.Status.VALID
        assert set(Certificate.objects.with_status("superseded")) == {old}
        assert set(Certificate.objects.with_status("valid")) == {new}


def test_my_learning_shows_the_predecessor_as_superseded_not_expiring(client, alice, course):
    with freeze_time("2025-01-10"):
        finish(alice, course)
    with freeze_time("2025-12-20"):
        renewal = finish(alice, course)
        client.force_login(alice)
        html = client.get("/learning/").content.decode()
    assert "Superseded" in html
    assert "Expiring soon" not in html and "expires on" not in html
    assert renewal.number in html


def test_revoking_a_renewal_restores_the_certificate_it_replaced(alice, staff, course):
    with freeze_time("2025-01-10"):
        old = finish(alice, course)
    with freeze_time("2025-06-01"):
        new = finish(alice, course)
        services.revoke_certificate(new, staff, "Issued in error")
        old.refresh_from_db()
        assert old.status() == Certificate.Status.VALID


def test_the_check_page_is_a_question_linked_from_the_footer(client):
    home = client.get("/accounts/login/").content.decode()
    assert f'href="{CHECK}"' in home
    html = client.get(CHECK).content.decode()
    assert "What is the certificate number?" in html
    assert "<h1" in html and 'for="id_number"' in html


def test_an_employer_checks_a_valid_certificate_by_number(client, alice, course):
    certificate = complete(alice, course)
    typed = certificate.number.lower().replace("-", " ")
    response = client.post(CHECK, {"number": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in html
    assert "Alice Adams" in html and course.title in html
    assert certificate.issued_on.strftime("%-d %B %Y") in html
    assert certificate.expires_on.strftime("%-d %B %Y") in html
    assert "alice@example.org" not in html
    assert f"/certificates/{certificate.public_id}/credential.jwt" in html


def test_the_check_page_says_expired_revoked_and_superseded(client, alice, staff, course):
    with freeze_time("2024-01-01"):
        old = finish(alice, course)
    html = client.post(CHECK, {"number": old.number}).content.decode()
    assert "This certificate has expired" in html
    with freeze_time("2025-03-01"):
        new = finish(alice, course)
    html = client.post(CHECK, {"number": old.number}).content.decode()
    assert "This certificate has been replaced by a renewal" in html
    assert "1 March 2025" in html
    assert new.number not in html  # one number tells of no other certificate
    services.revoke_certificate(new, staff, "Issued in error")
    new.refresh_from_db()
    html = client.post(CHECK, {"number": new.number}).content.decode()
    assert "This certificate has been revoked" in html
    assert new.revoked_at.strftime("%-d %B %Y") in html


def test_a_wrong_or_unknown_number_is_an_error_at_the_field(client):
    html = client.post(CHECK, {"number": "not a number"}).content.decode()
    assert "There is a problem" in html and "like RPC-7K4M-9QXD" in html
    html = client.post(CHECK, {"number": "RPC-2222-2222"}).content.decode()
    assert "No certificate has this number" in html
    html = client.post(CHECK, {"number": ""}).content.decode()
    assert "Enter the certificate number" in html


def test_look_ups_are_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"check_certificate": "3/m/ip"}
    for _ in range(3):
        assert client.post(CHECK, {"number": "RPC-2222-2222"}).status_code == 200
    response = client.post(CHECK, {"number": "RPC-2222-2222"})
    assert response.status_code == 429
    assert "You have checked a lot of certificates" in response.content.decode()
    other = client.post(CHECK, {"number": "RPC-2222-2222"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_the_certificate_page_shows_the_number_and_links_to_the_check(client, alice, course):
    certificate = complete(alice, course)
    html = client.get(f"/certificates/{certificate.public_id}/").content.decode()
    assert certificate.number in html
    assert f'href="{CHECK}"' in html
