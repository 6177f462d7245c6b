"""The REST API (issue 16): the OpenAPI document is valid and every answer matches it; each
scope reads only what it may (anonymous, a practitioner's personal token, another
practitioner's, the organisation tokens of two councils, a revoked token); tokens are stored
hashed, logged and rate-limited; issuing an organisation token needs staff with MFA.

One world per module (tests/proof/conftest.py `module_world`), each test in its own
savepoint."""

import datetime
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from cms.api import services
from cms.api.registry import api_routes
from cms.models import ApiRequestLog, ApiToken, PublicationIndexPage, PublicationPage
from courses.models import Certificate, Enrolment
from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db

SCHEMA_URN = "urn:rpc-openapi"


@pytest.fixture(scope="module")
def document(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.fixture
def world(module_world):
    if not PublicationPage.objects.exists():
        index = PublicationIndexPage(title="Publications", slug="publications")
        module_world.home.add_child(instance=index)
        index.add_child(instance=PublicationPage(title="Restorative practice guide",
                                                 summary="How we work.", kind="guide",
                                                 published_on=datetime.date(2026, 1, 5)))
    return module_world


def api(token=None):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}") if token else Client()


def check_against_document(document, path, method, response):
    """Validate a response body against the schema the document gives for that path,
    method and status (the document's own $refs resolved)."""
    template = next((p for p in document["paths"]
                     if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", p), path)), None)
    assert template, f"{path} is not in the OpenAPI document"
    operation = document["paths"][template][method]
    assert str(response.status_code) in operation["responses"], (path, response.status_code)
    pointer = "/".join(["#/paths", template.replace("~", "~0").replace("/", "~1"), method,
                        "responses", str(response.status_code), "content",
                        "application~1json", "schema"])
    registry = Registry().with_resource(
        SCHEMA_URN, DRAFT202012.create_resource({**document, "$schema":
                                                 "https://json-schema.org/draft/2020-12/schema"}))
    validator = Draft202012Validator({"$ref": SCHEMA_URN + pointer}, registry=registry)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(response.json())]
    assert errors == [], (path, errors)


@pytest.fixture
def tokens(world):
    _, alice = services.issue_personal_token(world.alice, name="Alice's spreadsheet")
    _, bob = services.issue_personal_token(world.bob, name="Bob's app")
    _, host = services.issue_organisation_token(world.host, name="Host HR", by=world.staff)
    _, partner = services.issue_organisation_token(world.partner, name="Northfield HR",
                                                   by=world.staff)
    return {"alice": alice, "bob": bob, "host": host, "partner": partner}


def test_the_openapi_document_is_valid_and_lists_every_endpoint(document):
    validate_spec(document)
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    for route in api_routes():
        assert f"/api/v1/{route.prefix}/" in paths, route.prefix
    # Only our API: not Wagtail's own admin API.
    assert all(path.startswith("/api/v1/") for path in paths)
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_every_endpoint_answers_as_the_document_says(world, tokens, document):
    leader_completion(world)
    token_for = {"me": tokens["alice"], "organisation": tokens["host"]}
    for route in api_routes():
        path = f"/api/v1/{route.prefix}/"
        client = api(token_for.get(route.prefix.split("/")[0]))
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:300])
        check_against_document(document, path, "get", response)
        body = response.json()
        assert {"count", "next", "previous", "results"} <= set(body)
        assert body["results"], f"{path}: the world should give every list a record"
        lookup = route.viewset.lookup_field
        key = body["results"][0]["id" if lookup == "pk" or lookup == "public_id" else lookup]
        detail = client.get(f"{path}{key}/")
        assert detail.status_code == 200, (path, key)
        check_against_document(document, f"{path}{key}/", "get", detail)


def leader_completion(world):
    """Lara (Northfield) has completed a course too, with a certificate."""
    enrolment = Enrolment.objects.create(
        user=world.leader, course=world.open_course, course_title=world.open_course.title,
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
    return Certificate.objects.create(
        enrolment=enrolment, user=world.leader, course=world.open_course,
        learner_name=world.leader.full_name, course_title=world.open_course.title,
        issued_on=timezone.localdate())


def _people(response):
    return {row["person"]["email"] for row in response.json()["results"]}


def test_each_scope_reads_only_what_it_may(world, tokens):
    leader_completion(world)
    anonymous = api()
    for path in ("/api/v1/courses/", "/api/v1/events/", "/api/v1/secondments/",
                 "/api/v1/publications/"):
        assert anonymous.get(path).status_code == 200, path
    for path in ("/api/v1/me/enrolments/", "/api/v1/me/certificates/",
                 "/api/v1/me/cpd-entries/", "/api/v1/me/bookings/",
                 "/api/v1/organisation/completions/", "/api/v1/organisation/certificates/"):
        response = anonymous.get(path)
        assert response.status_code == 401, path
        assert response["WWW-Authenticate"].startswith("Bearer")

    # A personal token: its owner's records only.
    alice = api(tokens["alice"])
    cpd = alice.get("/api/v1/me/cpd-entries/").json()["results"]
    assert {entry["id"] for entry in cpd} == set(
        CPDEntry.objects.filter(user=world.alice).values_list("pk", flat=True))
    assert world.cpd_entry.pk in {entry["id"] for entry in cpd}
    assert alice.get(f"/api/v1/me/cpd-entries/{world.bob_cpd_entry.pk}/").status_code == 404
    certificates = alice.get("/api/v1/me/certificates/").json()["results"]
    assert [c["id"] for c in certificates] == [world.certificate.public_id]
    bookings = alice.get("/api/v1/me/bookings/").json()["results"]
    assert {b["reference"] for b in bookings} == {world.booking.reference,
                                                  world.attended.reference}
    assert alice.get(f"/api/v1/me/bookings/{world.bob_offer.reference}/").status_code == 404
    enrolments = alice.get("/api/v1/me/enrolments/").json()["results"]
    done = next(e for e in enrolments if e["course_id"] == world.course.pk)
    assert done["status"] == "completed" and done["progress"]["percent"] == 100
    assert done["certificate_id"] == world.certificate.public_id
    # A personal token is not an organisation's.
    assert alice.get("/api/v1/organisation/completions/").status_code == 403

    # Another practitioner's token: theirs, never Alice's.
    bob = api(tokens["bob"])
    assert {e["id"] for e in bob.get("/api/v1/me/cpd-entries/").json()["results"]} == set(
        CPDEntry.objects.filter(user=world.bob).values_list("pk", flat=True))
    assert bob.get("/api/v1/me/certificates/").json()["results"] == []
    bob_enrolment = bob.get("/api/v1/me/enrolments/").json()["results"][0]
    assert bob_enrolment["status"] == "active" and bob_enrolment["progress"]["percent"] == 0

    # Organisation tokens: the host council sees Alice, Northfield sees Lara; never the other.
    host = api(tokens["host"])
    assert _people(host.get("/api/v1/organisation/completions/")) == {world.alice.email}
    assert _people(host.get("/api/v1/organisation/certificates/")) == {world.alice.email}
    partner = api(tokens["partner"])
    assert _people(partner.get("/api/v1/organisation/completions/")) == {world.leader.email}
    assert _people(partner.get("/api/v1/organisation/certificates/")) == {world.leader.email}
    path = f"/api/v1/organisation/certificates/{world.certificate.public_id}/"
    assert partner.get(path).status_code == 404
    assert host.get(path).status_code == 200
    # An organisation token reads nobody's personal records.
    assert partner.get("/api/v1/me/cpd-entries/").status_code == 403


def test_a_revoked_or_unknown_token_is_refused(world, tokens):
    token = ApiToken.objects.get(user=world.alice)
    assert api(tokens["alice"]).get("/api/v1/me/cpd-entries/").status_code == 200
    services.revoke_token(token, by=world.alice)
    response = api(tokens["alice"]).get("/api/v1/me/cpd-entries/")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]
    # Even on public endpoints: a revoked token is a mistake to report, not to ignore.
    assert api(tokens["alice"]).get("/api/v1/courses/").status_code == 401
    assert api("rpc_00000000_made-up").get("/api/v1/courses/").status_code == 401
    assert ApiRequestLog.objects.filter(token=token, status_code=401).count() == 2


def test_tokens_are_stored_hashed_and_every_request_is_logged(world, tokens):
    raw = tokens["host"]
    token = ApiToken.objects.get(organisation=world.host)
    assert raw.startswith(f"rpc_{token.prefix}_")
    stored = [str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert raw not in stored and raw.split("_", 2)[2] not in "".join(stored)
    assert token.last_used_at is None
    api(raw).get("/api/v1/organisation/completions/", {"updated_since": "2020-01-01T00:00:00Z"})
    api(raw).get("/api/v1/organisation/certificates/")
    log = list(ApiRequestLog.objects.filter(token=token).order_by("pk"))
    assert [(entry.path, entry.status_code) for entry in log] == [
        ("/api/v1/organisation/completions/", 200), ("/api/v1/organisation/certificates/", 200)]
    assert log[0].query == "updated_since=2020-01-01T00%3A00%3A00Z"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_updated_since_gives_what_changed_since_the_last_pull(world, tokens):
    host = api(tokens["host"])
    path = "/api/v1/organisation/completions/"
    completed_at = Enrolment.objects.get(user=world.alice, course=world.course).completed_at
    before = (completed_at - datetime.timedelta(seconds=1)).isoformat()
    after = (completed_at + datetime.timedelta(seconds=1)).isoformat()
    assert _people(host.get(path, {"updated_since": before})) == {world.alice.email}
    assert _people(host.get(path, {"updated_since": after})) == set()
    # A revocation is a change: it comes again, with its new status.
    certificates = "/api/v1/organisation/certificates/"
    assert _people(host.get(certificates, {"updated_since": after})) == set()
    Certificate.objects.filter(pk=world.certificate.pk).update(
        revoked_at=completed_at + datetime.timedelta(hours=1), revoked_reason="Issued in error")
    rows = host.get(certificates, {"updated_since": after}).json()["results"]
    assert [(row["id"], row["status"]) for row in rows] == [(world.certificate.public_id,
                                                             "revoked")]
    response = host.get(path, {"updated_since": "last tuesday"})
    assert response.status_code == 400
    assert "ISO 8601" in response.json()["updated_since"][0]


def test_rate_limits_count_per_token(world, tokens, settings):
    settings.API_TOKEN_RATE = "3/minute"
    alice, bob = api(tokens["alice"]), api(tokens["bob"])
    statuses = [alice.get("/api/v1/me/cpd-entries/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert bob.get("/api/v1/me/cpd-entries/").status_code == 200
    settings.API_ANONYMOUS_RATE = "2/minute"
    anonymous = [api().get("/api/v1/courses/").status_code for _ in range(3)]
    assert anonymous == [200, 200, 429]


def test_a_person_makes_sees_once_and_revokes_their_own_token(world):
    alice = Client()
    alice.force_login(world.alice)
    response = alice.post(reverse("api_tokens"), {"name": "My spreadsheet"})
    assert response.status_code == 200
    raw = re.search(r'value="(rpc_[^"]+)"', response.content.decode()).group(1)
    assert api(raw).get("/api/v1/me/cpd-entries/").status_code == 200
    page = alice.get(reverse("api_tokens")).content.decode()
    assert raw not in page and "My spreadsheet" in page
    token = ApiToken.objects.get(user=world.alice)
    assert alice.post(reverse("api_tokens"), {"name": ""}).status_code == 200  # a form error
    # Bob cannot revoke Alice's token; Alice can.
    bob = Client()
    bob.force_login(world.bob)
    assert bob.post(reverse("revoke_api_token", args=[token.pk])).status_code == 404
    assert api(raw).get("/api/v1/me/cpd-entries/").status_code == 200
    assert alice.post(reverse("revoke_api_token", args=[token.pk])).status_code == 302
    assert api(raw).get("/api/v1/me/cpd-entries/").status_code == 401


def test_only_staff_with_mfa_in_this_session_issue_organisation_tokens(world):
    from tests import factories

    url = reverse("cms_organisation_tokens")
    data = {"organisation": world.partner.pk, "name": "Northfield HR"}
    practitioner = Client()
    practitioner.force_login(world.alice)
    assert practitioner.post(url, data).status_code == 403
    password_only = Client()
    password_only.force_login(factories.centre_staff(email="paul@example.org"), mfa=False)
    response = password_only.post(url, data)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("mfa_reauthenticate"))
    assert not ApiToken.objects.filter(organisation=world.partner).exists()

    staff = Client()
    staff.force_login(world.staff)
    response = staff.post(url, data)
    assert response.status_code == 200
    raw = re.search(r'value="(rpc_[^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get(organisation=world.partner)
    assert token.created_by == world.staff and token.scope == "organisation"
    assert api(raw).get("/api/v1/organisation/completions/").status_code == 200
    assert raw not in staff.get(url).content.decode()
    assert staff.post(reverse("cms_revoke_organisation_token", args=[token.pk])).status_code == 302
    assert api(raw).get("/api/v1/organisation/completions/").status_code == 401


# Queries per list, whatever the number of rows. With a token, its lookup, its last-used
# time and the log line are 3 of them; the rest are the count, the records and what each
# list prefetches.
LIST_QUERIES = {
    "/api/v1/courses/": (None, 6),
    "/api/v1/events/": (None, 4),
    "/api/v1/secondments/": (None, 4),
    "/api/v1/publications/": (None, 4),
    "/api/v1/me/enrolments/": ("alice", 8),
    "/api/v1/me/certificates/": ("alice", 5),
    "/api/v1/me/cpd-entries/": ("alice", 5),
    "/api/v1/me/bookings/": ("alice", 5),
    "/api/v1/organisation/completions/": ("host", 5),
    "/api/v1/organisation/certificates/": ("host", 5),
}


def test_list_endpoints_take_a_fixed_number_of_queries(world, tokens,
                                                       django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.courses.conftest import make_course

    counted = {}
    for path, (who, _) in LIST_QUERIES.items():
        client = api(tokens[who] if who else None)
        client.get(path)  # warm Wagtail's site-root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counted[path] = len(queries)
    assert counted == {path: queries for path, (_, queries) in LIST_QUERIES.items()}
    # More rows, same queries.
    make_course(world.catalogue, title="Another course", modules=3)
    leader_completion(world)
    client = api()
    with django_assert_num_queries(LIST_QUERIES["/api/v1/courses/"][1]):
        assert len(client.get("/api/v1/courses/").json()["results"]) == 4


def test_the_docs_page_is_served_from_our_own_files_under_the_csp():
    response = Client().get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "<style>" not in html
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert sources and all(src.startswith("/") for src in sources), sources
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    script = Client().get(sources[-1])
    assert script.status_code == 200 and b"SwaggerUIBundle" in script.content
