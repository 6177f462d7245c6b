"""cms.reports.base.People: the one filter every report uses to count only the records of
the organisation and team chosen, whatever the path from its records to their person."""

import pytest

from cms.models import User
from cms.reports.base import EVERYONE, People
from events.models import EventBooking

pytestmark = pytest.mark.django_db


def test_everyone_narrows_nothing():
    assert not EVERYONE.at("user__")


def test_it_keeps_the_people_of_the_team_and_the_organisation_chosen(alice, bob, charlie,
                                                                      leader, team, host):
    in_team = User.objects.filter(People(team=team).at(""))
    assert set(in_team) == {alice, bob}
    in_host = User.objects.filter(People(organisation=host).at(""))
    assert leader not in in_host and {alice, bob, charlie} <= set(in_host)
    assert not User.objects.filter(People(organisation=leader.organisation, team=team).at(""))


def test_it_follows_the_path_from_a_record_to_its_person(events, leader):
    bookings = EventBooking.objects.filter(People(organisation=leader.organisation)
                                           .at("user__"))
    assert [b.user for b in bookings] == [leader]
