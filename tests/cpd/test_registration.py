"""Social Work England's rule for each registration year (1 December to 30 November): at
least two pieces of CPD, at least one a peer reflection, recorded before renewal (the window
runs 1 September to 30 November). Today in these tests is 28 November 2026, two days before
the deadline."""

import datetime

import pytest
from freezegun import freeze_time

from cpd import services
from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db

DEADLINE_WEEK = "2026-11-28 10:00"


def written(user, title="Reading", date="2026-03-01", **fields):
    return CPDEntry.objects.create(user=user, title=title, date=date,
                                   what_learnt="Something", **fields)


def peer(user, title="Case discussion", date="2026-04-01"):
    return written(user, title=title, date=date, peer_name="Sam Patel",
                   peer_role="Senior social worker",
                   peer_discussed_on=datetime.date(2026, 4, 2))


@freeze_time(DEADLINE_WEEK)
def test_it_words_the_progress_two_days_before_the_deadline(alice):
    written(alice)
    progress = services.renewal_progress(alice)
    assert progress.summary == "1 of 2 pieces; no peer reflection yet; 2 days left to renew"
    assert (progress.pieces, progress.peer_reflections, progress.met,
            progress.days_left_to_renew) == (1, 0, False, 2)


@freeze_time(DEADLINE_WEEK)
def test_it_is_met_by_two_written_pieces_one_a_peer_reflection(alice):
    written(alice)
    CPDEntry.objects.create(user=alice, title="Course", date="2026-05-01", to_write=True,
                            peer_name="Sam")  # still to write: not yet recorded
    assert not services.renewal_progress(alice).met
    peer(alice)
    progress = services.renewal_progress(alice)
    assert progress.met and progress.peer_reflections == 1
    assert progress.summary == ("Rule met: 2 of 2 pieces; 1 peer reflection; 1 entry still "
                                "to write; 2 days left to renew")
    # Entries of the previous registration year do not count towards this one.
    assert not services.renewal_progress(alice, 2027).met


@freeze_time("2026-06-01")
def test_it_has_no_days_left_outside_the_renewal_window(alice):
    progress = services.renewal_progress(alice)
    assert progress.days_left_to_renew is None
    assert progress.summary.endswith("renewal opens on 1 September 2026")
    assert services.renewal_progress(alice, 2025).summary.endswith(
        "the year ended on 30 November 2025")
    with freeze_time("2026-11-30"):
        assert services.renewal_progress(alice).days_left_to_renew == 0


@freeze_time(DEADLINE_WEEK)
def test_progress_for_a_team_takes_one_query_however_many_people(
        alice, bob, charlie, django_assert_num_queries):
    peer(alice)
    written(alice, title="Second")
    written(bob)
    with django_assert_num_queries(1):
        progress = services.renewal_progress_for([alice, bob, charlie])
    assert progress[alice.pk].met and not progress[bob.pk].met
    assert progress[charlie.pk].pieces == 0


def test_hours_have_the_right_plural():
    assert services.format_hours(1) == "1 hour"
    assert services.format_hours(2.5) == "2.5 hours"
    assert services.format_hours(0) == "0 hours"
    assert services.format_hours(services.Decimal("6.0")) == "6 hours"


@freeze_time(DEADLINE_WEEK)
def test_the_page_shows_progress_and_hours_in_words(client, alice):
    written(alice, hours=1)
    client.force_login(alice)
    html = client.get("/learning/cpd/").content.decode()
    assert "1 of 2 pieces; no peer reflection yet; 2 days left to renew" in html
    assert "1 hour" in html and "1 hours" not in html
    assert "Discuss one piece with a peer" in html


@freeze_time(DEADLINE_WEEK)
def test_the_year_selector_offers_years_with_entries_and_agrees_with_the_heading(client,
                                                                                  alice):
    written(alice, date="2023-05-01")
    client.force_login(alice)
    html = client.get("/learning/cpd/").content.decode()
    assert '<option value="2023">' in html and '<option value="2026" selected>' in html
    assert '<option value="2025">' not in html  # no entries that year
    html = client.get("/learning/cpd/?year=2024").content.decode()
    assert "Registration year 1 December 2023 to 30 November 2024" in html
    assert '<option value="2024" selected>' in html


@freeze_time(DEADLINE_WEEK)
def test_the_personal_home_shows_the_same_summary_and_what_is_to_write(client, alice):
    written(alice)
    to_write = CPDEntry.objects.create(user=alice, title="Family Group Conferences",
                                       date="2026-10-01", to_write=True)
    client.force_login(alice)
    html = client.get("/home/").content.decode()
    assert "1 of 2 pieces; no peer reflection yet; 1 entry still to write; 2 days left" in html
    assert f"/learning/cpd/{to_write.pk}/edit/" in html and "Still to write" in html


@freeze_time(DEADLINE_WEEK)
def test_entries_still_to_write_are_listed_with_a_link_and_count_once_written(client, alice):
    entry = CPDEntry.objects.create(user=alice, title="Family Group Conferences",
                                    date="2026-10-01", hours=6, to_write=True)
    client.force_login(alice)
    html = client.get("/learning/cpd/").content.decode()
    assert "Still to write" in html and f"/learning/cpd/{entry.pk}/edit/" in html
    assert "Write this entry" in html
    assert "Write your CPD entry" in client.get(f"/learning/cpd/{entry.pk}/edit/").content.decode()
    response = client.post(f"/learning/cpd/{entry.pk}/edit/", {
        "kind": "course", "title": entry.title, "date": "2026-10-01", "hours": "6",
        "what_learnt": "Family time", "impact_on_practice": "I ask who else is in the network",
        "peer_name": "Sam Patel", "peer_role": "Team manager",
        "peer_discussed_on": "2026-10-05"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.to_write and entry.is_peer_reflection
    assert services.renewal_progress(alice).peer_reflections == 1


def test_a_peer_reflection_needs_who_their_role_and_the_date(client, alice):
    client.force_login(alice)
    response = client.post("/learning/cpd/add/", {
        "kind": "supervision", "title": "Talked it through", "date": "2026-05-01",
        "hours": "1", "peer_reflection": "We talked"})
    html = response.content.decode()
    assert response.status_code == 200
    for message in ("Enter who the discussion was with", "Enter their role",
                    "Enter the date of the discussion"):
        assert message in html
    assert not CPDEntry.objects.exists()


@freeze_time(DEADLINE_WEEK)
def test_an_entry_saved_without_the_regulators_two_answers_is_still_to_write(client, alice):
    client.force_login(alice)
    client.post("/learning/cpd/add/", {"kind": "reading", "title": "Half done",
                                       "date": "2026-05-01", "hours": "1",
                                       "what_learnt": "Something"})
    entry = CPDEntry.objects.get(user=alice)
    assert entry.to_write and services.renewal_progress(alice).pieces == 0
    client.post(f"/learning/cpd/{entry.pk}/edit/", {
        "kind": "reading", "title": "Half done", "date": "2026-05-01", "hours": "1",
        "what_learnt": "Something", "impact_on_practice": "I plan differently"})
    entry.refresh_from_db()
    assert not entry.to_write and services.renewal_progress(alice).pieces == 1
