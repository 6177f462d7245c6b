import datetime

import pytest
from django.utils import timezone

from tests.reports.helpers import by_first, screen_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


# Events: title, date, capacity, confirmed, waitlisted, attended, no-shows, rate, rating,
# feedback given, comments.

def test_event_figures_match_the_hand_count(staff_client, events):
    rows = by_first(screen_rows(staff_client, "events"))
    meeting = rows["Network meeting"]
    assert meeting[2:10] == [10, 4, 1, 2, 1, 66.7, 4.5, 2]
    assert "Circles (Alice Adams)" in meeting[10] and "Circles (Bob Brown)" in meeting[10]
    assert rows["Future forum"][2:10] == [10, 0, 0, 0, 0, "", "", 0]


def test_events_filter_by_organisation_and_date(staff_client, events, leader):
    rows = by_first(screen_rows(staff_client, "events", organisation=leader.organisation_id))
    assert rows["Network meeting"][2:10] == [10, 0, 1, 0, 0, "", "", 0]
    today = timezone.localdate()
    rows = by_first(screen_rows(staff_client, "events", date_from=today.isoformat()))
    assert list(rows) == ["Future forum"]


# Secondments: opportunity, organisation, applications, then one column per status
# (submitted, shortlisted, offered, accepted, declined, completed, rejected, withdrawn),
# decided, average days to decision.

def test_secondment_figures_per_opportunity_and_organisation(staff_client, secondments):
    rows = screen_rows(staff_client, "secondments")
    by_org = {row[1]: row for row in rows}
    assert by_org["Northfield Borough Council"][2:] == [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 3.0]
    assert by_org["Southdale Council"][2:] == [2, 1, 0, 0, 0, 0, 0, 1, 0, 1, 5.0]


def test_secondments_filtered_to_an_organisation_count_only_its_applicants(
        staff_client, secondments, second_partner):
    rows = screen_rows(staff_client, "secondments", organisation=second_partner.pk)
    assert [row[1] for row in rows] == ["Southdale Council"]
    assert rows[0][2:] == [2, 1, 0, 0, 0, 0, 0, 1, 0, 1, 5.0]


def test_secondments_with_no_applications_in_the_dates_show_nothing(staff_client,
                                                                     secondments):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert screen_rows(staff_client, "secondments", date_from=tomorrow.isoformat()) == []


# Mentoring by mentor: name, role, offered, booked, held, not held, cancelled, feedback
# count, feedback.

def test_mentoring_figures_per_mentor(staff_client, mentoring):
    rows = by_first(screen_rows(staff_client, "mentoring"))
    assert rows["Margaret Mentor"][2:8] == [3, 1, 1, 0, 1, 1]
    assert rows["Margaret Mentor"][8] == "Lara Leader: Really helpful"


def test_mentoring_figures_per_mentee_organisation(staff_client, mentoring, leader, host):
    rows = by_first(screen_rows(staff_client, "mentoring_organisations"))
    assert rows["Northfield Borough Council"][1:6] == [1, 1, 0, 0, 1]
    assert rows[host.name][1:6] == [0, 0, 0, 1, 0]


def test_mentoring_per_organisation_filtered_to_one_counts_only_its_people(
        staff_client, mentoring, leader, host):
    rows = by_first(screen_rows(staff_client, "mentoring_organisations",
                                organisation=leader.organisation_id))
    assert list(rows) == ["Northfield Borough Council"]
    assert rows["Northfield Borough Council"][1:6] == [1, 1, 0, 0, 1]


def test_mentoring_filtered_to_a_team_counts_only_its_people(staff_client, mentoring, team):
    rows = by_first(screen_rows(staff_client, "mentoring", team=team.pk))
    assert rows["Margaret Mentor"][2:8] == [3, 0, 0, 0, 1, 0]


# Engagement: name, Ofsted, judged on, leaders, secondments completed, mentoring held,
# event attendances, courses completed, last activity.

def test_engagement_puts_inadequate_authorities_first_with_their_figures(
        staff_client, learning, events, mentoring, secondments, second_partner, leader):
    rows = screen_rows(staff_client, "partner_engagement")
    assert rows[0][0] == "Southdale Council"
    assert rows[0][1] == "Inadequate"
    by_name = by_first(rows)
    northfield = by_name["Northfield Borough Council"]
    # Lara: a visiting leader, no completed secondment, 1 session held, 0 attendances
    # (waitlisted), 1 course completed; last activity the held session 5 days ago.
    assert northfield[3:8] == [1, 0, 1, 0, 1]
    assert northfield[8] == timezone.localtime(
        leader.mentoring_bookings.get(status="held").slot.starts_at).date()
    assert by_name["Southdale Council"][3:8] == [2, 0, 0, 0, 0]


def test_engagement_of_an_authority_with_no_activity(staff_client, partner):
    rows = by_first(screen_rows(staff_client, "partner_engagement"))
    assert rows["Northfield Borough Council"][1:] == ["Not inspected", "", 0, 0, 0, 0, 0, ""]
