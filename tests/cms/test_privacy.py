import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_person_downloads_everything_held_about_them(client, alice):
    client.force_login(alice)
    response = client.get(reverse("download_my_data"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["full_name"] == "Alice Adams"
    assert data["account"]["roles"] == ["Practitioners"]


def test_deleting_an_account_needs_the_password_and_confirmation(client, alice):
    client.force_login(alice)
    response = client.post(reverse("erase_my_account"), {"password": "wrong"})
    assert response.status_code == 200
    assert b"That is not your password." in response.content
    alice.refresh_from_db()
    assert alice.is_active


def test_deleting_an_account_erases_personal_details_and_signs_out(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("erase_my_account"), {"password": factories.PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.full_name == "Erased user"
    assert "alice" not in alice.email
    assert not alice.is_active and not alice.has_usable_password()
    assert not EmailAddress.objects.filter(user=alice).exists()
    assert client.get(reverse("profile")).status_code == 302  # signed out


def test_purge_deletes_accounts_never_verified_and_anonymises_long_inactive_ones(host):
    old = timezone.now() - datetime.timedelta(days=40)
    never_verified = factories.UserFactory(email="ghost@example.org", organisation=host)
    EmailAddress.objects.filter(user=never_verified).update(verified=False)
    User.objects.filter(pk=never_verified.pk).update(date_joined=old)
    recent = factories.UserFactory(email="new@example.org", organisation=host)
    EmailAddress.objects.filter(user=recent).update(verified=False)
    sleeper = factories.UserFactory(email="sleeper@example.org", organisation=host)
    User.objects.filter(pk=sleeper.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=365 * 7)
    )
    active = factories.UserFactory(email="active@example.org", organisation=host)
    User.objects.filter(pk=active.pk).update(last_login=timezone.now())

    call_command("purge_expired", stdout=open("/dev/null", "w"))

    assert not User.objects.filter(email="ghost@example.org").exists()
    assert User.objects.filter(email="new@example.org").exists()
    sleeper.refresh_from_db()
    assert sleeper.erased_at is not None and sleeper.full_name == "Erased user"
    assert User.objects.get(pk=active.pk).erased_at is None


def test_the_download_holds_every_app_s_records(client, demo_content):
    priya = User.objects.get(email="practitioner@example.org")
    client.force_login(priya)
    data = json.loads(client.get(reverse("download_my_data")).content)
    assert data["courses"]["certificates"], "her completed course's certificate"
    assert data["cpd"]["cpd_entries"]
    assert data["events"]["event_bookings"]
    leader = User.objects.get(email="leader@example.org")
    client.force_login(leader)
    data = json.loads(client.get(reverse("download_my_data")).content)
    assert data["secondments"]["secondment_applications"][0]["sponsor_email"]


def test_erasure_keeps_the_figures_and_the_certificate_but_not_the_person(client, demo_content):
    from courses.models import Certificate, Enrolment
    from cpd.models import CPDEntry
    from events.models import EventBooking

    priya = User.objects.get(email="practitioner@example.org")
    completed = Enrolment.objects.filter(status=Enrolment.Status.COMPLETED).count()
    certificate = Certificate.objects.filter(user=priya).first()
    upcoming = EventBooking.objects.filter(
        user=priya, event_start__gt=timezone.now(),
        status=EventBooking.Status.CONFIRMED).count()
    assert upcoming and certificate

    from cms.privacy import erase_account

    erase_account(priya)

    assert Enrolment.objects.filter(status=Enrolment.Status.COMPLETED).count() == completed
    assert not CPDEntry.objects.filter(user=priya).exists()
    assert not EventBooking.objects.filter(
        user=priya, event_start__gt=timezone.now(),
        status=EventBooking.Status.CONFIRMED).exists()
    page = client.get(f"/certificates/{certificate.public_id}/").content.decode()
    assert "This certificate is valid" in page and "Priya Shah" in page
    assert "practitioner@example.org" not in page
