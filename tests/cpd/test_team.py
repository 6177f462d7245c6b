"""A manager sees, per team member, whether this registration year's rule is met; never
what anyone wrote."""

import pytest
from freezegun import freeze_time

from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db


@freeze_time("2026-11-28")
def test_a_manager_sees_whether_each_member_meets_the_rule_but_no_private_text(
        client, alice, bob, manager, team):
    CPDEntry.objects.create(user=alice, title="Private title", date="2026-03-01",
                            what_learnt="My private learning")
    CPDEntry.objects.create(user=alice, title="Second", date="2026-04-01",
                            what_learnt="x", peer_name="Secret Peer", peer_role="SW",
                            peer_discussed_on="2026-04-02")
    client.force_login(manager)
    html = client.get(f"/learning/team/cpd/?team={team.pk}").content.decode()
    assert "Alice Adams" in html and "Bob Brown" in html
    assert html.count(">Met<") == 1 and ">Not met yet<" in html  # Alice met; Bob not
    for private in ("Private title", "My private learning", "Secret Peer"):
        assert private not in html
    assert "/learning/team/cpd/" in client.get("/learning/team/").content.decode()


def test_the_team_cpd_page_is_for_the_teams_managers_and_staff(client, alice, manager, staff,
                                                              team):
    from tests.factories import TeamFactory, team_manager

    client.force_login(alice)
    assert client.get("/learning/team/cpd/").status_code == 404
    other_manager = team_manager(TeamFactory(name="Inner East RES team"),
                                 email="other@example.org")
    client.force_login(other_manager)
    assert client.get(f"/learning/team/cpd/?team={team.pk}").status_code == 404
    assert client.get("/learning/team/cpd/?team=abc").status_code == 404
    client.force_login(staff)
    assert "Alice Adams" in client.get(f"/learning/team/cpd/?team={team.pk}").content.decode()


@freeze_time("2026-11-28")
def test_the_team_cpd_page_takes_the_same_queries_for_a_bigger_team(
        client, manager, team, django_assert_max_num_queries):
    from tests.factories import practitioner

    client.force_login(manager)
    client.get("/learning/team/cpd/")  # warm the session and caches
    practitioner(email="one@example.org", team=team)
    with django_assert_max_num_queries(12) as small:
        client.get("/learning/team/cpd/")
    for i in range(5):
        member = practitioner(email=f"m{i}@example.org", team=team)
        CPDEntry.objects.create(user=member, title="t", date="2026-03-01")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/learning/team/cpd/")


def test_staff_whose_session_skipped_mfa_are_asked_for_the_code(client, staff, team):
    client.force_login(staff, mfa=False)
    response = client.get(f"/learning/team/cpd/?team={team.pk}")
    assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]
