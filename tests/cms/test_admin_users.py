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
    for field in ("full_name", "job_title", "organisation", "team", "password1", "groups"):
        assert f'name="{field}"' in html, field
    assert 'name="first_name"' not in html


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
