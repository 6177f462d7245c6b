"""Issue 10, finding 9: a report filter with an impossible or malformed date is a form
error on the report screen (and its exports), never a server error."""

import pytest

from tests.reports.helpers import url_of

pytestmark = pytest.mark.django_db

REPORTS = ["course_completion", "training_matrix", "events", "secondments", "mentoring",
           "mentoring_organisations", "partner_engagement"]


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client


@pytest.mark.parametrize("params, field", [
    ({"date_to": "9999-12-31"}, "date_to"),
    ({"date_from": "0001-01-01"}, "date_from"),
    ({"date_from": "2026-13-45"}, "date_from"),
    ({"date_to": "31/12/99999"}, "date_to"),
])
def test_an_impossible_date_is_a_form_error(staff_client, params, field):
    for name in REPORTS:
        for export in ("", "csv", "xlsx"):
            query = {**params, **({"export": export} if export else {})}
            response = staff_client.get(url_of(name, **query))
            assert response.status_code == 200, (name, export, response.status_code)
        response = staff_client.get(url_of(name, **params))
        form = response.context["filters"].form
        if field in form.fields:  # the training matrix has no dates
            assert field in form.errors, (name, form.errors)


def test_the_error_says_which_dates_are_accepted(staff_client):
    response = staff_client.get(url_of("events", date_to="9999-12-31"))
    assert "Enter a date between 1 January 1990 and" in response.text
