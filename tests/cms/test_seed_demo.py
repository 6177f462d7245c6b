import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from cms.models import ContentPage, HomePage, Organisation, Team, User


def _counts():
    return (Page.objects.count(), User.objects.count(), Organisation.objects.count(),
            Team.objects.count())


@pytest.fixture(autouse=True)
def debug_on(settings):
    settings.DEBUG = True


def test_running_it_twice_changes_nothing_and_keeps_what_people_added(demo_content):
    # demo_content is the first run, on an empty database.
    first = _counts()
    home = HomePage.objects.get()
    added = ContentPage(title="Added by staff", slug="added-by-staff")
    home.add_child(instance=added)
    User.objects.filter(email="practitioner@example.org").update(job_title="Changed by her")

    call_command("seed_demo")
    assert _counts() == (first[0] + 1, *first[1:])
    assert ContentPage.objects.filter(slug="added-by-staff").exists()
    assert User.objects.get(email="practitioner@example.org").job_title == "Changed by her"


def test_it_prints_the_demo_logins_and_the_staff_authenticator_secret(demo_content, capsys,
                                                                     settings):
    call_command("seed_demo", password="another-password-1")
    out = capsys.readouterr().out
    for email in ["practitioner@example.org", "manager@example.org", "leader@example.org",
                  "mentor@example.org", "staff@example.org"]:
        assert email in out
    assert "another-password-1" in out
    assert User.objects.get(email="leader@example.org").check_password("another-password-1")
    from cms.demo import staff_totp_secret

    assert staff_totp_secret() in out
    assert f"{settings.SITE_URL}/accounts/login/" in out


def test_a_second_run_without_a_password_says_the_accounts_keep_theirs(demo_content, capsys):
    User.objects.filter(email="practitioner@example.org").update(password="")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Password for every demo account" not in out
    assert "keep the password an earlier run gave them" in out


@pytest.mark.django_db
def test_it_refuses_to_run_in_production_and_writes_nothing(settings):
    settings.DEBUG = False
    before = _counts()
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert _counts() == before
    assert not User.objects.filter(email="staff@example.org").exists()


def test_told_it_may_run_in_production_it_does(demo_content, settings):
    settings.DEBUG = False
    User.objects.filter(email="staff@example.org").delete()
    call_command("seed_demo", "--allow-production")
    assert User.objects.filter(email="staff@example.org").exists()


def test_each_demo_person_has_their_role(demo_content):
    expected = {
        "practitioner@example.org": {"Practitioners"},
        "manager@example.org": {"Practitioners", "Team managers"},
        "leader@example.org": {"Visiting leaders"},
        "mentor@example.org": {"Practitioners", "Mentors"},
        "staff@example.org": {"Practitioners", "Centre staff"},
    }
    for email, groups in expected.items():
        assert set(User.objects.get(email=email).groups.values_list("name", flat=True)) == groups
    manager = User.objects.get(email="manager@example.org")
    assert manager.managed_teams.get().name == "2gether RES team"
