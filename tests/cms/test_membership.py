"""Finding 4 (and 13): privilege is granted, never taken. Joining the host authority needs a
confirmed address on its domains or staff approval; joining a team, its manager's or staff
approval; an unlisted organisation waits for staff; losing the Mentors role closes
mentoring."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def _names(user):
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_a_visiting_leader_cannot_make_themselves_a_host_practitioner_in_a_team(
        client, host, team, partner, manager):
    """The reproduction: Lara switched to Leeds and the 2gether team in her profile, booked a
    host-staff-only event and appeared in that manager's training matrix."""
    from events.models import Audience, EventPage
    from events.services import audience_allows

    lara = factories.visiting_leader(email="lara@northfield.example", organisation=partner)
    client.force_login(lara)
    response = client.post(reverse("profile"), {"full_name": "Lara Leader",
                                                "organisation": host.pk, "team": team.pk})
    assert response.status_code == 302
    lara = User.objects.get(pk=lara.pk)
    assert lara.organisation == partner and lara.team is None
    assert _names(lara) == {roles.VISITING_LEADERS}
    assert not audience_allows(EventPage(audience=Audience.HOST_STAFF), lara)
    # She is not in the manager's matrix; her request waits for staff.
    client.force_login(manager)
    assert "Lara" not in client.get(reverse("courses:team_matrix")).content.decode()
    from cms.models import OrganisationMembershipRequest

    assert OrganisationMembershipRequest.objects.get(user=lara).is_pending


def test_a_confirmed_address_on_the_hosts_domains_joins_at_once(client, host, partner):
    from allauth.account.models import EmailAddress

    person = factories.visiting_leader(email="moving@example.org", organisation=partner)
    EmailAddress.objects.update_or_create(user=person, email=person.email,
                                          defaults={"verified": True, "primary": True})
    client.force_login(person)
    client.post(reverse("profile"), {"full_name": "Moving Person", "organisation": host.pk})
    person = User.objects.get(pk=person.pk)
    assert person.organisation == host
    assert _names(person) == {roles.PRACTITIONERS}
    # A look-alike domain is not the host's.
    assert not host.owns_address("someone@example.org.evil.test")
    assert not host.owns_address("someone@notexample.org")


def test_staff_approve_a_host_member_without_a_host_address(client, host, staff, partner):
    from cms import services
    from cms.models import OrganisationMembershipRequest

    person = factories.visiting_leader(email="agency@gmail.example", organisation=partner)
    assert not services.join_organisation(person, host)
    pending = OrganisationMembershipRequest.objects.get(user=person)
    # A practitioner cannot decide; staff can, on the decision screen.
    alice = factories.practitioner(email="alice2@example.org")
    with pytest.raises(services.MembershipError):
        services.decide_membership_request(pending, alice, approve=True)
    client.force_login(staff)
    response = client.post(reverse("membership_requests"), {
        "kind": "organisation", "request": pending.pk, "decision": "approve"})
    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert person.organisation == host and _names(person) == {roles.PRACTITIONERS}


def test_joining_a_team_is_a_request_its_manager_decides(client, host, team, manager, bob):
    from cms.models import TeamMembershipRequest

    other_team = factories.TeamFactory(name="Inner East RES team", organisation=host)
    other_manager = factories.team_manager(other_team, email="om@example.org")
    client.force_login(bob)
    client.post(reverse("profile"), {"full_name": "Bob Brown", "organisation": host.pk,
                                     "team": other_team.pk})
    bob = User.objects.get(pk=bob.pk)
    assert bob.team == team  # still the old team until the new one's manager says yes
    request = TeamMembershipRequest.objects.get(user=bob, status="pending")
    # The manager of another team neither sees nor decides it.
    client.force_login(manager)
    assert "Bob" not in client.get(reverse("membership_requests")).content.decode()
    client.post(reverse("membership_requests"), {"kind": "team", "request": request.pk,
                                                 "decision": "approve"})
    assert User.objects.get(pk=bob.pk).team == team
    client.force_login(other_manager)
    page = client.get(reverse("membership_requests")).content.decode()
    assert "Bob" in page
    client.post(reverse("membership_requests"), {"kind": "team", "request": request.pk,
                                                 "decision": "approve"})
    assert User.objects.get(pk=bob.pk).team == other_team


def test_people_outside_a_team_or_staff_have_no_decision_screen(client, alice):
    client.force_login(alice)
    assert client.get(reverse("membership_requests")).status_code == 404


def test_an_unlisted_organisation_is_named_at_sign_up_and_waits_for_staff(client, host):
    from cms import services
    from cms.models import Organisation

    response = client.post(reverse("account_signup"), {
        "full_name": "Dee Visitor", "email": "dee@farshire.example", "job_title": "Head of service",
        "organisation_not_listed": "  Farshire   County Council ",
        "password1": "a-long-enough-password-42", "password2": "a-long-enough-password-42"})
    assert response.status_code == 302
    dee = User.objects.get(email="dee@farshire.example")
    assert dee.organisation.name == "Farshire County Council"
    assert not dee.organisation.is_confirmed and not dee.organisation.is_host_authority
    assert _names(dee) == {roles.VISITING_LEADERS}
    # Naming the host authority this way is choosing it (and its rule), not a new body.
    assert services.name_organisation("host city council") == host
    # Neither a choice nor a name is a form error.
    response = client.post(reverse("account_signup"), {"email": "x@example.org"})
    assert response.status_code == 200
    assert Organisation.objects.filter(name="Farshire County Council").count() == 1


def test_removing_the_mentor_role_closes_the_profile_and_withdraws_open_slots(
        client, django_capture_on_commit_callbacks):
    """Finding 13."""
    from django.contrib.auth.models import Group

    from secondments import services as mentoring
    from secondments.models import MentoringSlot, MentorProfile

    mentor = factories.mentor(email="mentor@example.org")
    leader = factories.visiting_leader(email="leader@example.org")
    profile = MentorProfile.objects.create(user=mentor, role="Director", biography="x")
    start = timezone.now() + datetime.timedelta(days=5)
    open_slot, booked_slot = (MentoringSlot.objects.create(
        mentor=profile, starts_at=start + datetime.timedelta(days=d),
        ends_at=start + datetime.timedelta(days=d, hours=1), video_link="https://v.example/1")
        for d in (0, 1))
    booking = mentoring.book_slot(booked_slot, leader, "Goals")
    with django_capture_on_commit_callbacks(execute=True):
        mentor.groups.remove(Group.objects.get(name=roles.MENTORS))
    profile.refresh_from_db()
    assert not profile.is_active
    assert not MentoringSlot.objects.filter(pk=open_slot.pk).exists()
    booking.refresh_from_db()
    assert booking.status == "booked"  # existing bookings stay
    client.force_login(mentor)
    for name in ("secondments:publish_slots", "secondments:mentor_profile_edit",
                 "secondments:mentor_dashboard"):
        assert client.get(reverse(name)).status_code == 404, name
