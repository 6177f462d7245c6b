"""Centre staff manage people in Wagtail's user screens, with our user's own fields."""

import pytest
from django.urls import reverse

from cms.models import User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_the_add_user_form_asks_for_full_name_job_title_organisation_and_team(staff_client):
    html = staff_client.get(reverse("wagtailusers_users:add")).content.decode()
    for field in ("full_name", "job_title", "organisation", "team", "groups"):
        assert f'name="{field}"' in html, field
    assert 'name="first_name"' not in html


# --- finding 3: privilege is granted by a superuser, never taken -------------------------

def _edit_data(person, **changes):
    data = {"email": person.email, "full_name": person.full_name, "job_title": "",
            "organisation": person.organisation_id or "", "team": person.team_id or "",
            "is_active": "on", "groups": [g.pk for g in person.groups.all()]}
    data.update(changes)
    return data


def test_staff_cannot_make_anyone_a_superuser_or_set_their_password(staff_client, alice):
    from django.contrib.auth.models import Group

    from cms import roles

    url = reverse("wagtailusers_users:edit", args=[alice.pk])
    html = staff_client.get(url).content.decode()
    for field in ("is_superuser", "password1", "password2"):
        assert f'name="{field}"' not in html, field
    staff_group = Group.objects.get(name=roles.CENTRE_STAFF)
    assert f'value="{staff_group.pk}"' not in html  # a role that opens the admin
    old_password = User.objects.get(pk=alice.pk).password
    response = staff_client.post(url, _edit_data(
        alice, is_superuser="on", password1="Taken-over-2026!", password2="Taken-over-2026!",
        groups=[*[g.pk for g in alice.groups.all()], staff_group.pk]))
    assert response.status_code in (200, 302)
    alice = User.objects.get(pk=alice.pk)
    assert not alice.is_superuser and not alice.is_staff
    assert alice.password == old_password
    assert not alice.groups.filter(name=roles.CENTRE_STAFF).exists()
    # Nor on the add form: the fields are ignored, and a role that opens the admin refused.
    add = reverse("wagtailusers_users:add")
    response = staff_client.post(add, {
        "email": "new@example.org", "full_name": "New Person", "groups": [staff_group.pk]})
    assert response.status_code == 200 and not User.objects.filter(email="new@example.org")
    response = staff_client.post(add, {
        "email": "new@example.org", "full_name": "New Person", "is_superuser": "on",
        "password1": "Chosen-by-staff-2026!", "password2": "Chosen-by-staff-2026!"})
    assert response.status_code == 302, response.content.decode()[:3000]
    new = User.objects.get(email="new@example.org")
    assert not new.is_superuser and not new.has_usable_password()
    assert not new.groups.filter(pk=staff_group.pk).exists()


def test_staff_editing_a_colleague_keep_the_colleagues_admin_role(staff_client, host):
    from cms import roles

    colleague = factories.centre_staff(email="colleague@example.org", organisation=host)
    url = reverse("wagtailusers_users:edit", args=[colleague.pk])
    response = staff_client.post(url, _edit_data(colleague, full_name="Colleague Renamed",
                                                 groups=[]))
    assert response.status_code == 302
    colleague = User.objects.get(pk=colleague.pk)
    assert colleague.full_name == "Colleague Renamed"
    assert colleague.groups.filter(name=roles.CENTRE_STAFF).exists()


def test_staff_cannot_edit_a_superuser(staff_client):
    root = factories.UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    url = reverse("wagtailusers_users:edit", args=[root.pk])
    response = staff_client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no"
    staff_client.post(url, _edit_data(root, email="staff-controlled@example.org"))
    assert User.objects.get(pk=root.pk).email == "root@example.org"


def test_superusers_grant_privilege_and_set_passwords(client, alice):
    from django.contrib.auth.models import Group

    from cms import roles

    root = factories.centre_staff(email="root@example.org")
    root.is_superuser = True
    root.save(update_fields=["is_superuser"])
    client.force_login(root)
    staff_group = Group.objects.get(name=roles.CENTRE_STAFF)
    response = client.post(reverse("wagtailusers_users:edit", args=[alice.pk]), _edit_data(
        alice, password1="Granted-by-root-2026!", password2="Granted-by-root-2026!",
        groups=[*[g.pk for g in alice.groups.all()], staff_group.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    alice = User.objects.get(pk=alice.pk)
    assert alice.check_password("Granted-by-root-2026!")
    assert alice.groups.filter(pk=staff_group.pk).exists()


def test_staff_send_a_reset_link_instead(staff_client, alice, mailoutbox,
                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("wagtailusers_users:send_reset_link",
                                             args=[alice.pk]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[alice.email]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_staff_edit_a_person_and_the_change_is_saved(staff_client, alice):
    url = reverse("wagtailusers_users:edit", args=[alice.pk])
    html = staff_client.get(url).content.decode()
    for field in ("full_name", "job_title", "organisation", "team", "is_active"):
        assert f'name="{field}"' in html, field
    team = factories.TeamFactory()
    response = staff_client.post(url, {
        "email": alice.email, "full_name": "Alice Renamed", "job_title": "Senior social worker",
        "organisation": team.organisation.pk, "team": team.pk, "is_active": "on",
        "groups": [g.pk for g in alice.groups.all()],
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    alice = User.objects.get(pk=alice.pk)
    assert (alice.full_name, alice.job_title, alice.team) == (
        "Alice Renamed", "Senior social worker", team)


def test_staff_cannot_edit_groups_or_what_they_grant(staff_client):
    from django.contrib.auth.models import Group

    from cms import roles

    staff_group = Group.objects.get(name=roles.CENTRE_STAFF)
    for url in (reverse("wagtailusers_groups:index"),
                reverse("wagtailusers_groups:edit", args=[staff_group.pk])):
        response = staff_client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
