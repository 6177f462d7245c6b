"""Certificates in the admin: a read-only record staff search and filter, and the one
place a certificate is revoked, always with a reason, by Centre staff only."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from cms import roles
from courses import services
from courses.models import Certificate
from tests import factories
from tests.courses.conftest import make_course
from tests.courses.test_access import complete

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/courses/certificate/"


def url(name, certificate=None):
    return reverse(f"wagtailsnippets_courses_certificate:{name}",
                   args=[certificate.pk] if certificate else None)


@pytest.fixture
def certificate(alice, course):
    return complete(alice, course)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_centre_staff_hold_the_revoke_permission_through_their_role(staff, alice):
    group = Group.objects.get(name=roles.CENTRE_STAFF)
    assert group.permissions.filter(codename="revoke_certificate").exists()
    assert staff.has_perm("courses.revoke_certificate")
    assert not alice.has_perm("courses.revoke_certificate")


def test_staff_revoke_with_a_reason_and_the_public_page_then_says_revoked(
    staff_client, client, staff, certificate
):
    form = staff_client.get(url("revoke", certificate))
    assert form.status_code == 200
    assert "Reason for revoking" in form.text and certificate.learner_name in form.text

    response = staff_client.post(url("revoke", certificate), {"reason": "  "})
    assert response.status_code == 200
    assert "Give a reason for revoking the certificate." in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    response = staff_client.post(url("revoke", certificate), {"reason": "Issued in error"})
    assert response.status_code == 302
    assert response["Location"] == url("inspect", certificate)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_reason == "Issued in error"
    assert certificate.revoked_by == staff
    inspect = staff_client.get(url("inspect", certificate)).text
    assert "Issued in error" in inspect and "Revoked" in inspect

    staff_client.logout()
    public = client.get(certificate.get_absolute_url()).text
    assert "This certificate has been revoked" in public
    assert "Issued in error" not in public


def test_revoking_again_is_refused_with_a_message(staff_client, staff, certificate):
    services.revoke_certificate(certificate, staff, "First time")
    page = staff_client.get(url("revoke", certificate)).text
    assert "This certificate was revoked on" in page and 'name="reason"' not in page
    response = staff_client.post(url("revoke", certificate), {"reason": "Again"})
    assert response.status_code == 200
    assert "This certificate is already revoked." in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "First time"


@pytest.mark.parametrize("persona", ["alice", "bob", "manager", "leader", "mentor"])
def test_nobody_but_staff_can_revoke(client, certificate, persona, request):
    client.force_login(request.getfixturevalue(persona))
    for response in (client.get(url("revoke", certificate)),
                     client.post(url("revoke", certificate), {"reason": "x"}),
                     client.get(LISTING)):
        # Signed in without admin rights: a plain 403 page (once a redirect loop).
        assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_an_admin_user_without_the_revoke_permission_cannot_revoke(client, certificate):
    reader = factories.centre_staff(email="reader@example.org")
    reader.groups.clear()
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"),
                                Permission.objects.get(codename="view_certificate"))
    client.force_login(reader)
    listing = client.get(LISTING)
    assert listing.status_code == 200 and certificate.learner_name in listing.text
    assert url("revoke", certificate) not in listing.text
    response = client.post(url("revoke", certificate), {"reason": "x"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_the_service_refuses_anyone_but_staff(alice, certificate):
    with pytest.raises(services.LearningError):
        services.revoke_certificate(certificate, alice, "Mine to revoke?")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_certificates_are_read_only_in_the_admin(staff_client, certificate):
    listing = staff_client.get(LISTING).text
    assert url("revoke", certificate) in listing
    assert url("inspect", certificate) in listing
    assert url("edit", certificate) not in listing
    assert url("delete", certificate) not in listing
    assert staff_client.get(url("add")).status_code == 302
    for name in ("edit", "delete"):
        assert staff_client.get(url(name, certificate)).status_code == 302, name
        staff_client.post(url(name, certificate), {"learner_name": "Someone Else"})
    certificate.refresh_from_db()
    assert certificate.learner_name == "Alice Adams"
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_the_listing_searches_by_learner_and_course_and_filters_by_status(
    staff_client, staff, alice, bob, charlie, catalogue, course
):
    other_course = make_course(catalogue, title="Family Group Conferences in practice",
                               checks=(1,))
    valid = complete(alice, course)
    expired = complete(bob, other_course)
    revoked = complete(charlie, course)
    Certificate.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1))
    services.revoke_certificate(revoked, staff, "Issued in error")

    def names(query):
        html = staff_client.get(LISTING + query).text
        return {c.learner_name for c in (valid, expired, revoked) if c.learner_name in html}

    assert names("?q=Alice") == {valid.learner_name}
    assert names("?q=Family+Group") == {expired.learner_name}
    assert names("?status=valid") == {valid.learner_name}
    assert names("?status=expired") == {expired.learner_name}
    assert names("?status=revoked") == {revoked.learner_name}
    assert names("?status=nonsense").issubset({valid.learner_name, expired.learner_name,
                                               revoked.learner_name})
    assert staff_client.get(LISTING + "?status=nonsense").status_code == 200


def test_the_status_filter_keeps_the_same_rule_as_the_certificate(alice, bob, course,
                                                                  catalogue, staff):
    certificates = [complete(alice, course), complete(bob, make_course(
        catalogue, title="Second", checks=(1,)))]
    Certificate.objects.filter(pk=certificates[1].pk).update(
        expires_on=timezone.localdate())  # expires today: still valid today
    for certificate in Certificate.objects.all():
        assert Certificate.objects.with_status(certificate.status()).filter(
            pk=certificate.pk).exists()


def test_the_public_page_has_no_revoke_form_even_for_staff(staff_client, certificate):
    html = staff_client.get(certificate.get_absolute_url()).text
    assert "This certificate is valid" in html
    assert "Revoke" not in html and "<textarea" not in html
