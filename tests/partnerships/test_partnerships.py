"""Improvement partnerships: partner local authorities only, the support given found from
the platform's own records, the record screen and its one-page PDF, the report and its
early warnings."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cms.models import Organisation
from events.models import EventBooking, EventIndexPage, Venue
from partnerships import services
from partnerships.models import ImprovementPartnership, PlanAction, Priority, SupportRecord
from tests import factories
from tests.proof.conftest import make_event, make_home

pytestmark = pytest.mark.django_db

RECORD = "wagtailsnippets_partnerships_improvementpartnership:inspect"
PDF = "wagtailsnippets_partnerships_improvementpartnership:pdf"


@pytest.fixture
def northfield(db):
    return factories.OrganisationFactory(
        name="Northfield Borough Council", kind=Organisation.Kind.LOCAL_AUTHORITY,
        ofsted_judgement=Organisation.Ofsted.INADEQUATE,
        ofsted_judgement_date=datetime.date(2026, 3, 12))


@pytest.fixture
def partnership(northfield, staff):
    today = timezone.localdate()
    partnership = ImprovementPartnership.objects.create(
        organisation=northfield, status=ImprovementPartnership.Status.ACTIVE,
        centre_lead=staff, started_on=today - datetime.timedelta(days=100),
        next_review_on=today - datetime.timedelta(days=2))
    Priority.objects.create(partnership=partnership, title="Stabilise the front door")
    PlanAction.objects.create(partnership=partnership, action="Practice week",
                              owner="Head of the front door", status=PlanAction.Status.DONE)
    SupportRecord.objects.create(partnership=partnership, kind=SupportRecord.Kind.PUBLICATION,
                                 date=today - datetime.timedelta(days=5),
                                 description="One minute guide: RES teams")
    return partnership


def test_only_a_partner_local_authority_can_have_a_partnership(staff, host):
    for organisation in (
            factories.OrganisationFactory(name="Community Health NHS Trust",
                                          kind=Organisation.Kind.NHS),
            factories.OrganisationFactory(name="City Schools Partnership",
                                          kind=Organisation.Kind.SCHOOL),
            host):
        with pytest.raises(ValidationError, match="partner local authority"):
            ImprovementPartnership(organisation=organisation).full_clean()
    assert list(Organisation.objects.partner_authorities()) == []


def test_the_support_given_comes_from_the_platforms_own_records(partnership, northfield):
    home = make_home()
    events = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    venue = Venue.objects.create(name="Civic Hall", address="Leeds")
    event = make_event(events, venue, title="Restorative leadership day",
                       start=timezone.now() - datetime.timedelta(days=10))
    person = factories.visiting_leader(email="nina@northfield.example.org",
                                       full_name="Nina North", organisation=northfield)
    EventBooking.objects.create(event=event, user=person, status=EventBooking.Status.ATTENDED,
                                event_title=event.title, event_start=event.start,
                                event_end=event.end)
    support = services.support_given(partnership)
    kinds = {(item.kind, item.title, item.person) for item in support}
    assert ("Event", "Restorative leadership day", "Nina North") in kinds
    assert ("Publication shared", "One minute guide: RES teams", "") in kinds


def test_the_record_and_its_one_page_pdf(client, staff, partnership, monkeypatch):
    client.force_login(staff)
    page = client.get(reverse(RECORD, args=[partnership.pk])).content.decode()
    assert "Stabilise the front door" in page and "Practice week" in page
    assert "Review overdue since" in page and "Ofsted: Inadequate" in page
    response = client.get(reverse(PDF, args=[partnership.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_early_warnings_flag_judgements_and_overdue_reviews(partnership, northfield):
    quiet = factories.OrganisationFactory(name="Westdale County Council",
                                          ofsted_judgement=Organisation.Ofsted.GOOD)
    riverside = factories.OrganisationFactory(
        name="Riverside City Council", ofsted_judgement=Organisation.Ofsted.REQUIRES_IMPROVEMENT)
    factories.OrganisationFactory(name="Community Health NHS Trust", kind=Organisation.Kind.NHS,
                                  ofsted_judgement=Organisation.Ofsted.INADEQUATE)
    warnings = {organisation.name: reasons
                for organisation, _, reasons in services.early_warnings()}
    assert set(warnings) == {northfield.name, riverside.name}
    assert any(r.startswith("Review overdue") for r in warnings[northfield.name])
    assert "No improvement partnership yet" in warnings[riverside.name]
    assert quiet.name not in warnings


def test_the_report_lists_authorities_not_other_partners(client, staff, partnership):
    factories.OrganisationFactory(name="Community Health NHS Trust", kind=Organisation.Kind.NHS)
    client.force_login(staff)
    response = client.get(reverse("programme_reports:improvement_partnerships") + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Northfield Borough Council" in text and "Review overdue" in text
    assert "NHS Trust" not in text


def test_partnerships_are_for_centre_staff_only(client, partnership, alice):
    client.force_login(alice)
    assert client.get(reverse(PDF, args=[partnership.pk])).status_code in (302, 403)


def test_the_demo_seeds_partnerships_once(northfield, staff):
    import io as _io

    from partnerships import demo

    factories.OrganisationFactory(name="Eastmoor Metropolitan Borough Council")
    demo.seed(_io.StringIO(), {"people": {"staff@example.org": staff}})
    demo.seed(_io.StringIO(), {"people": {"staff@example.org": staff}})
    assert ImprovementPartnership.objects.count() == 2
    partnership = ImprovementPartnership.objects.get(organisation=northfield)
    assert partnership.priorities.count() == 3 and partnership.centre_lead == staff
    assert any(flag.startswith("Review overdue") for flag in partnership.flags())
