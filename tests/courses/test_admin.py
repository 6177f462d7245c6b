import json

import pytest

from courses import services
from courses.models import Certificate, ModulePage
from tests.courses.conftest import make_course

pytestmark = pytest.mark.django_db


def test_staff_get_the_admin_forms_for_courses_and_modules(client, staff, catalogue, course):
    client.force_login(staff)
    assert client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/courses/modulepage/{course.pk}/").status_code == 200
    module = course.get_modules().first()
    assert client.get(f"/admin/pages/{module.pk}/edit/").status_code == 200
    for url in ["/admin/snippets/courses/certificate/", "/admin/snippets/courses/enrolment/",
                "/admin/snippets/courses/programme/",
                "/admin/snippets/courses/competencyframework/"]:
        assert client.get(url).status_code == 200, url


def test_a_check_authored_without_ids_gets_stable_ids_and_can_be_passed(alice, catalogue):
    """The admin editor writes ids for every block and list item; a body saved without
    them (an import, an old revision) gets them on save, and they stay put."""
    course = make_course(catalogue, title="Authored by staff", modules=0)
    raw = [{"type": "knowledge_check", "value": {
        "title": "Quick check", "pass_mark": 100, "questions": [{
            "question": "Who makes the plan in an FGC?", "multiple": False, "explanation": "",
            "answers": [
                {"text": "The family", "correct": True, "explanation": ""},
                {"text": "The social worker", "correct": False, "explanation": "Not so."},
            ]}]}}]
    module = ModulePage(title="Staff module", body=json.dumps(raw))
    course.add_child(instance=module)
    module.save_revision().publish()
    module = ModulePage.objects.get(pk=module.pk)
    (check_id, value), = module.knowledge_checks()
    questions = services._questions(value)
    again = services._questions(ModulePage.objects.get(pk=module.pk).knowledge_checks()[0][1])
    assert [q["id"] for q in questions] == [q["id"] for q in again]
    right = {questions[0]["id"]: [questions[0]["answers"][0]["id"]]}
    services.enrol(alice, course)
    services.submit_knowledge_check(alice, module, check_id, right)
    assert Certificate.objects.filter(user=alice, course=course).exists()
