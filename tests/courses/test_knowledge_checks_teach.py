"""Knowledge checks that teach: answers kept after a failed attempt, feedback beside every
option, errors at the question and in a summary, answers in a fresh order per attempt, and
an editor that refuses a question nobody could answer right."""

import re

import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.blocks import QuestionBlock
from tests.courses.conftest import WRONG, modules_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(alice, course):
    services.enrol(alice, course)
    return modules_of(course)[1]


def checked_ids(html):
    return set(re.findall(r'id="a-check-1-(q\d-\w)"[^>]*checked', html))


def test_it_keeps_the_answers_of_a_failed_attempt_and_explains_every_option(
        client, alice, second):
    client.force_login(alice)
    html = client.post(f"/learning/modules/{second.pk}/checks/check-1/",
                       {"q-q1": "b", "q-q2": "c"}, follow=True).content.decode()
    assert checked_ids(html) == {"q1-b", "q2-c"}
    assert "Your answer: not right." in html
    # An option the learner did not choose is explained too.
    assert "A conference is not a court." in html
    assert "Start with what happened." in html


def test_an_empty_answer_is_an_error_at_the_question_and_in_a_summary(client, alice, second):
    client.force_login(alice)
    response = client.post(f"/learning/modules/{second.pk}/checks/check-1/", {"q-q1": "a"})
    html = response.content.decode()
    assert response.status_code == 200
    summary = html.split('class="error-summary"')[1].split("</ul>")[0]
    assert 'href="#q-check-1-q2"' in summary
    assert "Answer question 2: choose at least one answer." in summary
    question = html.split('id="q-check-1-q2"')[1]
    assert 'class="field__error"' in question.split("</fieldset>")[0]
    assert checked_ids(html) == {"q1-a"}  # what was answered is kept


def test_answers_come_in_one_order_per_attempt():
    questions = [{"id": "q", "answers": [{"id": str(i)} for i in range(4)]}]

    def order(seed):
        return [a["id"] for a in services.shuffled_answers(questions, seed)[0]["answers"]]

    assert order("1:c:0") == order("1:c:0")
    firsts = {order(f"1:c:{attempt}")[0] for attempt in range(20)}
    assert len(firsts) > 1  # the right answer is not always first


def test_the_module_page_shows_the_same_order_until_the_next_attempt(client, alice, second):
    client.force_login(alice)

    def order():
        html = client.get(second.url).content.decode()
        return re.findall(r'id="a-check-1-(q\d-\w)"', html)

    first = order()
    assert order() == first
    orders = {tuple(first)}
    for _ in range(6):
        services.submit_knowledge_check(alice, second, "check-1", WRONG)
        orders.add(tuple(order()))
    assert len(orders) > 1


def _question(multiple, *correct):
    block = QuestionBlock()
    return block.to_python({"question": "Which?", "multiple": multiple, "explanation": "",
                            "answers": [{"text": t, "correct": c, "explanation": ""}
                                        for t, c in zip("abc"[:len(correct)], correct, strict=True)]})


@pytest.mark.parametrize("multiple,correct", [(False, (False, False)),
                                              (False, (True, True)),
                                              (True, (False, False, False))])
def test_the_editor_refuses_a_question_that_cannot_be_answered_right(multiple, correct):
    with pytest.raises(ValidationError):
        QuestionBlock().clean(_question(multiple, *correct))


def test_the_editor_accepts_well_formed_questions():
    QuestionBlock().clean(_question(False, True, False))
    QuestionBlock().clean(_question(True, True, True, False))
