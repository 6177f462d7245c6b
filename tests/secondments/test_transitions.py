import functools

import pytest
from django.core import mail

from cms import audit
from cpd.models import CPDEntry
from secondments import services
from secondments.models import SecondmentApplication
from tests import factories
from tests.secondments.conftest import apply_for, make_opportunity

Status = SecondmentApplication.Status

# action -> (service, who acts, status it moves to)
ACTIONS = {
    "shortlist": (services.shortlist_application, "staff", Status.SHORTLISTED),
    "offer": (functools.partial(services.offer_place, confirmed=True), "staff", Status.OFFERED),
    "reject": (services.reject_application, "staff", Status.REJECTED),
    "complete": (services.complete_secondment, "staff", Status.COMPLETED),
    "accept": (services.accept_offer, "applicant", Status.ACCEPTED),
    "decline": (services.decline_offer, "applicant", Status.DECLINED),
    "withdraw": (services.withdraw_application, "applicant", Status.WITHDRAWN),
}
ALLOWED = {
    (Status.SUBMITTED, "shortlist"), (Status.SUBMITTED, "offer"), (Status.SUBMITTED, "reject"),
    (Status.SUBMITTED, "withdraw"),
    (Status.SHORTLISTED, "offer"), (Status.SHORTLISTED, "reject"),
    (Status.SHORTLISTED, "withdraw"),
    (Status.OFFERED, "accept"), (Status.OFFERED, "decline"), (Status.OFFERED, "withdraw"),
    (Status.ACCEPTED, "complete"), (Status.ACCEPTED, "withdraw"),
}
ALL = [(status, action) for status in Status for action in ACTIONS]


def _set_status(application, status):
    SecondmentApplication.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()


@pytest.mark.parametrize(("from_status", "action"), ALL)
def test_each_transition_is_allowed_only_from_the_right_states(
    from_status, action, application, leader, staff, django_capture_on_commit_callbacks
):
    _set_status(application, from_status)
    service, who, to_status = ACTIONS[action]
    actor = staff if who == "staff" else leader
    mail.outbox.clear()
    if (from_status, action) in ALLOWED:
        with django_capture_on_commit_callbacks(execute=True):
            service(application, actor, "Because the panel agreed.")
        application.refresh_from_db()
        assert application.status == to_status
        last = audit.history_of(application).last()
        assert (last.data["from_status"], last.data["to_status"]) == (from_status, to_status)
        assert last.action == f"secondments.application.{to_status}"
        assert last.user == actor
        assert last.data["reason"] == "Because the panel agreed."
        assert [m.to for m in mail.outbox] == [[leader.email]]
    else:
        before = audit.history_of(application).count()
        with pytest.raises(services.SecondmentError):
            service(application, actor, "Because the panel agreed.")
        application.refresh_from_db()
        assert application.status == from_status
        assert audit.history_of(application).count() == before


def test_the_table_matches_the_model(application):
    for from_status in Status:
        for action, (_service, _who, to_status) in ACTIONS.items():
            _set_status(application, from_status)
            assert application.can_move_to(to_status) == ((from_status, action) in ALLOWED)


@pytest.mark.parametrize("action", ["shortlist", "offer", "reject", "complete"])
def test_it_refuses_staff_actions_by_the_applicant(action, application, leader):
    service = ACTIONS[action][0]
    with pytest.raises(services.SecondmentError, match="Centre staff"):
        service(application, leader, "reason")


@pytest.mark.parametrize("action", ["accept", "decline", "withdraw"])
def test_it_refuses_applicant_actions_by_someone_else(action, application, staff, other_leader):
    _set_status(application, Status.OFFERED)
    for actor in (staff, other_leader):
        with pytest.raises(services.SecondmentError, match="applicant"):
            ACTIONS[action][0](application, actor, "")


def test_rejecting_needs_a_reason(application, staff):
    with pytest.raises(services.SecondmentError, match="reason"):
        services.reject_application(application, staff, "  ")


def test_completion_records_the_outcome_and_a_cpd_entry(application, leader, staff):
    _set_status(application, Status.ACCEPTED)
    services.complete_secondment(application, staff, "Led three restorative meetings.")
    application.refresh_from_db()
    assert application.outcome == "Led three restorative meetings."
    entry = CPDEntry.objects.get(user=leader, source_type="secondment_application")
    assert entry.kind == CPDEntry.Kind.SECONDMENT


def test_it_completes_a_secondment_and_its_cpd_entry_together_or_not_at_all(
        application, leader, staff, monkeypatch, django_capture_on_commit_callbacks):
    """Fault injection: the CPD entry's write fails the way a database does. The
    completion is undone with it (one transaction), and nobody is told."""
    from django.db import DatabaseError, connection

    def database_error(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO proof_no_such_table (id) VALUES (1)")

    _set_status(application, Status.ACCEPTED)
    mail.outbox.clear()
    monkeypatch.setattr(CPDEntry, "save", database_error)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DatabaseError):
        services.complete_secondment(application, staff, "Led three restorative meetings.")
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.outcome == ""
    assert not audit.history_of(application).filter(data__to_status=Status.COMPLETED).exists()
    assert mail.outbox == []
    monkeypatch.undo()
    services.complete_secondment(application, staff, "Led three restorative meetings.")
    application.refresh_from_db()
    assert application.status == Status.COMPLETED
    assert CPDEntry.objects.filter(user=leader, source_type="secondment_application").count() == 1


def test_offers_never_exceed_places(opportunity, staff, leader, other_leader):
    opportunity.places = 1
    opportunity.save()
    first = apply_for(opportunity, leader)
    second = apply_for(opportunity, other_leader)
    services.offer_place(first, staff, confirmed=True)
    with pytest.raises(services.SecondmentError, match="places"):
        services.offer_place(second, staff, confirmed=True)
    # A declined offer frees the place again.
    services.decline_offer(first, leader)
    services.offer_place(second, staff, confirmed=True)
    assert opportunity.places_taken() == 1


def test_one_active_application_per_person_per_opportunity(opportunity, leader):
    first = apply_for(opportunity, leader)
    with pytest.raises(services.SecondmentError, match="already applied"):
        apply_for(opportunity, leader)
    services.withdraw_application(first, leader)
    again = apply_for(opportunity, leader)
    assert again.pk != first.pk


def test_the_database_holds_one_active_application_even_past_the_service(opportunity, leader):
    from django.db import IntegrityError, transaction

    apply_for(opportunity, leader)
    with pytest.raises(IntegrityError), transaction.atomic():
        SecondmentApplication.objects.create(
            opportunity=opportunity, opportunity_title="x", applicant=leader,
            current_role="r", experience="e", learning_goals="g", sponsor_name="s",
            sponsor_email="s@example.org",
        )


def test_applications_close_after_the_deadline(index_page, leader):
    import datetime

    from django.utils import timezone

    closed = make_opportunity(
        index_page, application_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(services.SecondmentError, match="closing date"):
        apply_for(closed, leader)


def test_submitting_emails_the_applicant_and_the_sponsor(
    opportunity, leader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = apply_for(opportunity, leader)
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([leader.email, "sponsor@northfield.example.org"])
    sponsor_mail = next(m for m in mail.outbox if m.to == ["sponsor@northfield.example.org"])
    assert "/leadership/sponsor/" in sponsor_mail.body
    assert audit.history_of(application).get().data["to_status"] == "submitted"


def test_an_applicant_cannot_name_themself_as_sponsor(opportunity, leader):
    with pytest.raises(services.SecondmentError, match="someone other"):
        apply_for(opportunity, leader, sponsor_email=leader.email.upper())


def test_offer_letter_is_a_pdf(application, staff):
    services.offer_place(application, staff, confirmed=True)
    application.refresh_from_db()
    pdf = services.offer_letter_pdf(application)
    assert pdf.startswith(b"%PDF")


def test_there_is_no_offer_letter_before_an_offer(application):
    with pytest.raises(services.SecondmentError):
        services.offer_letter_pdf(application)


def test_history_keeps_the_actor_name_if_the_account_goes(application, db):
    staff2 = factories.centre_staff(with_totp=False, full_name="Temp Staff")
    services.shortlist_application(application, staff2, "Strong")
    staff2.delete()
    row = audit.history_of(application).last()
    assert row.user_id is not None and audit.actor_of(row) == "Temp Staff"


def test_the_history_says_what_happened_in_words(application, staff):
    services.record_sponsor_decision(application, endorsed=False, comment="Not this year")
    services.shortlist_application(application, staff)
    rows = [audit.describe(row) for row in audit.history_of(application)]
    assert rows[0] == "Submitted"
    assert "Submitted to Shortlisted" in rows
    assert "Sponsor did not endorse" in rows
