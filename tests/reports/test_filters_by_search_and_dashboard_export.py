"""Report filters find a team or organisation by typing its name (no 2,000-item dropdown,
no JavaScript needed), and the programme dashboard exports its figures and series."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from tests import factories
from tests.reports.helpers import screen_rows, url_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_a_report_finds_the_organisation_by_part_of_its_name(staff_client):
    factories.OrganisationFactory(name="Northfield Borough Council")
    factories.OrganisationFactory(name="Eastmoor Metropolitan Borough Council")
    rows = screen_rows(staff_client, "partner_engagement", organisation="northfield")
    assert [row[0] for row in rows] == ["Northfield Borough Council"]
    page = staff_client.get(url_of("partner_engagement", organisation="Borough"))
    assert page.status_code == 200
    assert "More than one organisation matches" in page.content.decode()
    page = staff_client.get(url_of("partner_engagement", organisation="Nowhere"))
    assert "No organisation has a name containing" in page.content.decode()
    # The filter is a text box, not a list of every organisation.
    form = staff_client.get(url_of("partner_engagement")).content.decode()
    assert 'name="organisation"' in form and "<option" not in form.split(
        'name="organisation"')[1].split("</div>")[0]


def test_a_team_is_found_by_name_and_an_id_from_a_link_still_works(staff_client, team):
    factories.TeamFactory(name="Inner East RES team", organisation=team.organisation)
    assert staff_client.get(url_of("training_matrix", team="2gether")).status_code == 200
    response = staff_client.get(url_of("training_matrix", team="2gether"))
    assert response.context["view"].filter_values["team"] == team
    response = staff_client.get(url_of("training_matrix", team=team.pk))
    assert response.context["view"].filter_values["team"] == team


def test_the_dashboard_exports_its_headline_figures_and_series(staff_client):
    url = reverse("programme_reports:dashboard")
    response = staff_client.get(url + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Measure", "Kind", "Period", "Count"]
    kinds = {row[1] for row in rows[1:]}
    assert kinds == {"This year", "Same dates last year", "Month"}
    assert sum(row[1] == "Month" for row in rows) % 12 == 0
    response = staff_client.get(url + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in next(sheet.iter_rows())] == ["Measure", "Kind", "Period", "Count"]


def test_the_name_boxes_suggest_names_as_staff_type(staff_client, client, alice):
    for name in ["Northfield Borough Council", "Eastmoor Borough Council",
                 "Borough of Westvale", *[f"Norton Parish {n}" for n in range(12)]]:
        factories.OrganisationFactory(name=name)
    url = reverse("programme_reports:names", args=["organisation"])
    assert staff_client.get(url, {"q": "borough"}).json()["names"] == [
        "Borough of Westvale", "Eastmoor Borough Council", "Northfield Borough Council"]
    assert len(staff_client.get(url, {"q": "nor"}).json()["names"]) == 10
    assert staff_client.get(url, {"q": "n"}).json()["names"] == []  # two characters at least
    assert staff_client.get(reverse("programme_reports:names", args=["user"]),
                            {"q": "al"}).json()["names"] == []  # names of nothing else
    # The box asks for them; the script is on the page; without it the box still searches.
    form = staff_client.get(url_of("partner_engagement")).content.decode()
    assert f'data-suggest-url="{url}"' in form and 'list="id_organisation-suggestions"' in form
    assert "js/name-suggest.js" in form
    # Nobody else learns the names of organisations and teams this way.
    client.force_login(alice)
    assert client.get(url, {"q": "borough"}).status_code in (302, 403)
