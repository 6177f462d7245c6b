"""A visiting leader keeps goals, a plan and reflections in one development record; their
mentor reads the plan, agrees it and comments on it; nobody else can."""

import pytest

from secondments import services
from secondments.models import DevelopmentGoal
from tests import factories


@pytest.fixture
def goal(client, leader):
    client.force_login(leader)
    response = client.post("/leadership/goals/add/", {
        "title": "Chair a multi-agency panel", "plan": "Shadow two panels first.",
        "reflection": "", "status": "working"})
    assert response.status_code == 302
    return DevelopmentGoal.objects.get(leader=leader)


def test_a_leader_sets_a_goal_and_reflects_on_it(client, leader, goal):
    response = client.post(f"/leadership/goals/{goal.pk}/edit/", {
        "title": goal.title, "plan": goal.plan, "reflection": "Chairing is listening.",
        "status": "working"})
    assert response.status_code == 302
    html = client.get("/leadership/").content.decode()
    assert "Chair a multi-agency panel" in html
    assert "Chairing is listening." in html
    assert "Not agreed yet" in html


def test_an_empty_goal_is_a_form_error(client, leader):
    client.force_login(leader)
    html = client.post("/leadership/goals/add/", {"title": "", "status": "working"}).content
    assert b"There is a problem" in html


def test_the_mentor_agrees_and_comments_and_the_leader_sees_both(
        client, leader, mentor, slot, goal):
    services.book_slot(slot, leader, "Plan my development")
    client.force_login(mentor)
    page = client.get(f"/leadership/mentees/{leader.pk}/plan/").content.decode()
    assert "Shadow two panels first." in page
    client.post(f"/leadership/goals/{goal.pk}/agree/")
    client.post(f"/leadership/goals/{goal.pk}/comment/", {"text": "Start with a small panel."})
    client.force_login(leader)
    html = client.get("/leadership/").content.decode()
    assert "Start with a small panel." in html
    assert "Agreed</strong> with Margaret Mentor" in html


def test_nobody_else_reaches_the_plan(client, leader, mentor, goal):
    stranger = factories.mentor(email="other.mentor@example.org")
    for user in (mentor, stranger):  # the mentor has no session with this leader yet
        client.force_login(user)
        assert client.get(f"/leadership/mentees/{leader.pk}/plan/").status_code == 404
        assert client.post(f"/leadership/goals/{goal.pk}/comment/",
                           {"text": "x"}).status_code == 404
        assert client.get(f"/leadership/goals/{goal.pk}/edit/").status_code == 404
    assert not goal.comments.exists()
