import pytest

from cms import registry
from tests import factories
from tests.reports.helpers import as_text, export_rows, screen_rows, url_of

pytestmark = pytest.mark.django_db

REPORTS = [(r.view, r.segment, r.icon) for r in registry.reports()]
NAMES = [view.name for view, _segment, _icon in REPORTS]


@pytest.fixture
def everything(learning, events, secondments, mentoring, team):
    return {"training_matrix": {"team": team.pk}}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_export_opens_with_the_numbers_on_the_screen(client, staff, everything, name,
                                                          fmt):
    client.force_login(staff)
    params = everything.get(name, {})
    screen = screen_rows(client, name, **params)
    exported = export_rows(client, name, fmt, **params)
    assert len(screen) >= 1
    assert as_text(exported[1:]) == as_text(screen)
    assert exported[0][0]  # a heading row


@pytest.mark.parametrize("name", NAMES)
def test_filtered_exports_keep_the_filters(client, staff, everything, name, team):
    client.force_login(staff)
    screen = screen_rows(client, name, team=team.pk)
    assert as_text(export_rows(client, name, "csv", team=team.pk)[1:]) == as_text(screen)


PERSONAS = {
    "practitioner": lambda team: factories.practitioner(team=team),
    "manager": lambda team: factories.team_manager(team),
    "leader": lambda team: factories.visiting_leader(),
    "mentor": lambda team: factories.mentor(),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_without_the_permission_reaches_a_report_or_export(client, team, persona):
    client.force_login(PERSONAS[persona](team))
    for name in NAMES:
        for suffix in ("", "?export=csv", "?export=xlsx"):
            response = client.get(url_of(name) + suffix)
            assert response.status_code in (302, 403), (name, suffix)
            assert b"," not in (response.content or b"")[:0]
    assert client.get(url_of("dashboard")).status_code in (302, 403)


def test_staff_without_the_reports_permission_get_403(client, team):
    from django.contrib.auth.models import Permission

    staff = factories.centre_staff()
    group = staff.groups.get(name="Centre staff")
    group.permissions.remove(Permission.objects.get(codename="view_reports"))
    client.force_login(staff)
    for name in NAMES + ["dashboard"]:
        for suffix in ("", "?export=csv"):
            response = client.get(url_of(name) + suffix)
            # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard.
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert response.url == "/admin/"


def test_signed_out_people_are_sent_to_sign_in(client, db):
    for name in NAMES + ["dashboard"]:
        response = client.get(url_of(name))
        assert response.status_code == 302


def test_each_app_registers_its_reports_with_the_kernel():
    assert NAMES == ["course_completion", "training_matrix", "elearning", "events", "secondments",
                     "mentoring", "mentoring_organisations", "partner_engagement",
                     "improvement_partnerships"]


def test_staff_see_the_reports_in_the_reports_menu(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    for view, _segment, _icon in REPORTS:
        assert url_of(view.name).encode() in response.content
    assert url_of("dashboard").encode() in response.content


def test_each_report_page_has_its_filters_and_download_buttons(client, staff, everything):
    client.force_login(staff)
    for name in NAMES:
        response = client.get(url_of(name))
        assert response.status_code == 200
        assert b"export=csv" in response.content and b"export=xlsx" in response.content
        # The matrix and the partnerships are as they stand today: no dates to choose.
        assert b'name="date_from"' in response.content or name in (
            "training_matrix", "improvement_partnerships")
