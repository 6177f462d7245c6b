"""Hostile query strings (hypothesis): every page that reads its query string (search,
listings and their filters, the CPD years, the team matrix, the reports and the admin
listings) answers below 500 whatever is sent, once, twice or not at all."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.proof.test_bad_input import SETTINGS, hostile_text

pytestmark = pytest.mark.django_db

# (persona, url, the parameters it reads)
PAGES = [
    (None, "/search/", ["q", "page"]),
    ("alice", "catalogue", ["q", "programme", "level", "mode", "page"]),
    ("alice", "events", ["month", "audience", "mode", "archive", "page"]),
    ("alice", "/learning/cpd/", ["year"]),
    ("alice", "/learning/cpd/export.csv", ["year"]),
    ("manager", "/learning/team/", ["team", "page"]),
    ("leader", "/leadership/mentors/", ["expertise", "offers", "page"]),
    ("staff", "/admin/reports/events/", ["date_from", "date_to", "organisation", "team"]),
    ("staff", "/admin/reports/training-matrix/", ["organisation", "team", "programme"]),
    ("staff", "/admin/reports/course-completion/", ["date_from", "date_to", "programme"]),
    ("staff", "/admin/eventbooking/", ["status", "event", "q", "p", "ordering"]),
    ("staff", "/admin/snippets/secondments/secondmentapplication/",
     ["opportunity", "status", "sponsor_decision", "q", "p", "ordering"]),
    ("staff", "/admin/snippets/courses/certificate/", ["issued_on", "expires_on", "status"]),
]

SETTINGS_MORE = settings(SETTINGS, max_examples=40)

query = st.dictionaries(st.sampled_from(["q", "page", "programme", "level", "mode", "month",
                                         "audience", "archive", "year", "team", "expertise",
                                         "offers", "date_from", "date_to", "organisation",
                                         "status", "event", "p", "ordering", "opportunity",
                                         "issued_on", "expires_on", "sponsor_decision"]),
                        st.one_of(hostile_text, st.lists(hostile_text, min_size=2,
                                                         max_size=2)), max_size=4)


def _client(world, persona):
    client = Client()
    if persona:
        client.force_login(getattr(world, persona))
        session = client.session
        session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
        session.save()
    return client


@SETTINGS_MORE
@given(params=query, page=st.sampled_from(PAGES))
def test_no_query_string_is_a_server_error(module_world, params, page):
    persona, url, _reads = page
    if url == "catalogue":
        url = module_world.catalogue.url
    elif url == "events":
        url = module_world.event_index.url
    response = _client(module_world, persona).get(url, params)
    assert response.status_code < 500, (url, params, response.status_code)
