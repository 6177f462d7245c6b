import pytest

from courses import services
from courses.models import KnowledgeCheckAttempt
from tests.courses.conftest import HALF, RIGHT, WRONG, modules_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(alice, course):
    services.enrol(alice, course)
    return modules_of(course)[1]


def test_scores_are_worked_out_on_the_server(alice, second):
    assert services.submit_knowledge_check(alice, second, "check-1", RIGHT).score == 100
    assert KnowledgeCheckAttempt.objects.count() == 1


def test_a_multiple_choice_question_needs_exactly_the_right_answers(alice, second):
    attempt = services.submit_knowledge_check(alice, second, "check-1", HALF)
    assert attempt.score == 50 and not attempt.passed
    too_many = {"q1": ["a"], "q2": ["a", "b", "c"]}
    assert services.submit_knowledge_check(alice, second, "check-1", too_many).score == 50


def test_the_pass_mark_decides(alice, catalogue):
    from tests.courses.conftest import make_course

    course = make_course(catalogue, modules=1, checks=(0,))
    module = modules_of(course)[0]
    # Lower the pass mark to 50% on the page itself.
    module.body[1].value["pass_mark"] = 50
    module.save_revision().publish()
    module.refresh_from_db()
    services.enrol(alice, course)
    attempt = services.submit_knowledge_check(alice, module, "check-0", HALF)
    assert attempt.pass_mark == 50 and attempt.passed


def test_every_attempt_is_kept_and_retakes_are_allowed(alice, second):
    services.submit_knowledge_check(alice, second, "check-1", WRONG)
    services.submit_knowledge_check(alice, second, "check-1", HALF)
    services.submit_knowledge_check(alice, second, "check-1", RIGHT)
    assert list(KnowledgeCheckAttempt.objects.order_by("pk").values_list("score", flat=True)) \
        == [0, 50, 100]


def test_every_question_must_be_answered(alice, second):
    with pytest.raises(services.LearningError, match="Answer question 2"):
        services.submit_knowledge_check(alice, second, "check-1", {"q1": ["a"]})
    with pytest.raises(services.LearningError, match="Choose one answer"):
        services.submit_knowledge_check(alice, second, "check-1", {"q1": ["a", "b"],
                                                                   "q2": ["a"]})
    assert not KnowledgeCheckAttempt.objects.exists()


def test_an_unknown_check_or_answer_id_is_refused(alice, second):
    with pytest.raises(services.LearningError):
        services.submit_knowledge_check(alice, second, "nope", RIGHT)
    with pytest.raises(services.LearningError):
        services.submit_knowledge_check(alice, second, "check-1", {"q1": ["zzz"], "q2": ["a"]})


def test_a_learner_not_enrolled_cannot_attempt(bob, course):
    with pytest.raises(services.LearningError, match="Enrol"):
        services.submit_knowledge_check(bob, modules_of(course)[1], "check-1", RIGHT)


def test_the_module_page_shows_the_score_and_the_explanation_of_each_wrong_answer(
        client, alice, second):
    client.force_login(alice)
    response = client.post(f"/learning/modules/{second.pk}/checks/check-1/",
                           {"q-q1": "b", "q-q2": "a"}, follow=True)
    html = response.content.decode()
    assert "You scored 0%" in html
    assert "Restorative questions look at harm, not blame." in html
    assert "Start with what happened." in html
    assert "Try again" in html
    response = client.post(f"/learning/modules/{second.pk}/checks/check-1/",
                           {"q-q1": "a", "q-q2": ["a", "b"]}, follow=True)
    assert response.status_code == 200
    assert KnowledgeCheckAttempt.objects.filter(passed=True).count() == 1


def test_bad_input_to_the_check_view_is_a_message_not_a_500(client, alice, second):
    client.force_login(alice)
    response = client.post(f"/learning/modules/{second.pk}/checks/check-1/",
                           {"q-q1": "x" * 500}, follow=True)
    assert response.status_code == 200
    assert "Answer question" in response.content.decode()
    assert client.post("/learning/modules/999999/checks/c/").status_code == 404
