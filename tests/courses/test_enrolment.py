import pytest

from courses import services
from courses.models import Enrolment
from tests.courses.conftest import make_course, modules_of

pytestmark = pytest.mark.django_db


def test_it_enrols_once(alice, course):
    first = services.enrol(alice, course)
    assert services.enrol(alice, course) == first
    assert Enrolment.objects.count() == 1


def test_enrolment_is_refused_while_a_prerequisite_is_incomplete(alice, catalogue, course):
    advanced = make_course(catalogue, title="Leading restorative circles")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    with pytest.raises(services.LearningError, match="Complete Restorative practice essentials"):
        services.enrol(alice, advanced)
    first, second = modules_of(course)
    services.enrol(alice, course)
    services.complete_module(alice, first)
    from tests.courses.conftest import RIGHT
    services.submit_knowledge_check(alice, second, "check-1", RIGHT)
    assert services.enrol(alice, advanced).status == Enrolment.Status.ACTIVE


def test_enrolment_is_refused_when_closed(alice, catalogue):
    course = make_course(catalogue, enrolment_open=False)
    with pytest.raises(services.LearningError, match="closed"):
        services.enrol(alice, course)


def test_unenrol_keeps_the_record_and_allows_a_fresh_start(alice, course):
    services.enrol(alice, course)
    services.unenrol(alice, course)
    assert Enrolment.objects.get().status == Enrolment.Status.WITHDRAWN
    again = services.enrol(alice, course)
    assert again.status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.count() == 2


def test_the_enrol_view_explains_a_refusal(client, alice, catalogue, course):
    advanced = make_course(catalogue, title="Leading restorative circles")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    client.force_login(alice)
    response = client.post(f"/learning/courses/{advanced.pk}/enrol/", follow=True)
    assert "before you enrol" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_the_enrol_view_enrols_and_opens_the_first_module(client, alice, course):
    client.force_login(alice)
    response = client.post(f"/learning/courses/{course.pk}/enrol/")
    assert response.status_code == 302
    assert response["Location"] == modules_of(course)[0].url
    assert Enrolment.objects.filter(user=alice).exists()


def test_enrol_needs_sign_in_and_post(client, course):
    assert client.post(f"/learning/courses/{course.pk}/enrol/").status_code == 302
    assert not Enrolment.objects.exists()


def test_a_wrong_course_id_is_a_404(client, alice):
    client.force_login(alice)
    assert client.post("/learning/courses/999999/enrol/").status_code == 404
