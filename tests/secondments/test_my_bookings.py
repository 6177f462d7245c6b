"""Mentoring sessions sit in the one My bookings with event places: named by the other
person, offering the calendar before and feedback after, never joining a finished call."""

import datetime

from freezegun import freeze_time

from secondments import services


def test_it_lists_a_session_by_the_other_persons_name(client, slot, leader, mentor):
    services.book_slot(slot, leader, "Plan my first 90 days")
    client.force_login(leader)
    html = client.get("/bookings/").content.decode()
    upcoming = html.split('id="upcoming"')[1].split('id="past"')[0]
    assert "Mentoring with Margaret Mentor" in upcoming
    assert "Add to calendar" in upcoming
    client.force_login(mentor)
    html = client.get("/bookings/").content.decode()
    assert f"Mentoring with {leader.full_name}" in html


def test_a_finished_session_offers_feedback_not_joining_or_a_calendar(client, slot, leader):
    booking = services.book_slot(slot, leader, "g")
    with freeze_time(slot.ends_at + datetime.timedelta(minutes=5)):
        client.force_login(leader)
        html = client.get("/bookings/").content.decode()
        past = html.split('id="past"')[1].split('id="cancelled"')[0]
        assert "Mentoring with Margaret Mentor" in past
        assert "Give feedback" in past
        assert "Add to calendar" not in past
        page = client.get(booking.get_absolute_url()).content.decode()
        assert "join the video call" not in page
        assert "Add to your calendar" not in page
        day = f"{slot.starts_at.astimezone():%-d %B %Y}"
        assert f"<h1>Mentoring with Margaret Mentor, {day}</h1>" in page


def test_a_cancelled_session_is_under_cancelled(client, slot, leader):
    booking = services.book_slot(slot, leader, "g")
    services.cancel_booking(booking, leader, "Clash")
    client.force_login(leader)
    html = client.get("/bookings/").content.decode()
    assert "Mentoring with Margaret Mentor" in html.split('id="cancelled"')[1]


def test_the_mentors_home_lists_notes_to_write(client, slot, leader, mentor):
    services.book_slot(slot, leader, "g")
    with freeze_time(slot.ends_at + datetime.timedelta(minutes=5)):
        client.force_login(mentor)
        html = client.get("/home/").content.decode()
    assert "Session notes to write" in html
    assert f"Mentoring with {leader.full_name}" in html


def test_a_leaders_home_shows_their_applications_and_the_way_to_a_mentor(
        client, application, leader):
    client.force_login(leader)
    html = client.get("/home/").content.decode()
    assert "Your leadership development" in html
    assert application.opportunity_title in html
    assert "Book a session with a mentor" in html
