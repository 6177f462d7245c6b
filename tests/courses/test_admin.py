import json

import pytest
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

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


def _preview(client, url, data):
    """Send the editor's form to Wagtail's preview and return what the preview panel shows."""
    response = client.post(url, data)
    assert response.json()["is_valid"], response.content
    return client.get(url, {"in_preview_panel": "true"})


def test_staff_preview_a_new_module_with_a_reflection_and_a_check(client, staff, course):
    """Before its first save a module has no id: previewing it must not look up records
    against it, nor build form addresses from it, even for staff enrolled on the course."""
    services.enrol(staff, course)
    client.force_login(staff)
    url = f"/admin/pages/add/courses/modulepage/{course.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({
        "title": "Talking with families", "slug": "talking-with-families",
        "body": streamfield([
            ("paragraph", rich_text("<p>Work with the family.</p>")),
            ("reflection", {"prompt": "When did you last work WITH a family?", "hint": ""}),
        ]),
    }))
    response = _preview(client, url + "preview/", data)
    assert response.status_code == 200
    assert "Talking with families" in response.content.decode()
    assert "When did you last work WITH a family?" in response.content.decode()


def test_staff_preview_a_course_with_prerequisites_chosen_in_the_form(
        client, staff, catalogue, course):
    """In a preview the prerequisites are the form's unsaved choices (a FakeQuerySet):
    the preview shows them, though the live page's facts are cached, and the live page
    goes on without them (the preview neither reads nor fills the shared cache)."""
    basics = make_course(catalogue, title="Restorative basics", modules=0)
    client.force_login(staff)
    assert "Restorative basics" not in client.get(course.url).content.decode()  # cached now
    url = f"/admin/pages/{course.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.setlist("prerequisites", [str(basics.pk)])
    response = _preview(client, url + "preview/", data)
    assert response.status_code == 200
    assert "Restorative basics" in response.content.decode()
    assert "Restorative basics" not in client.get(course.url).content.decode()


def test_staff_preview_a_new_course_before_anyone_can_enrol(client, staff, catalogue):
    client.force_login(staff)
    url = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"title": "Circles in schools", "slug": "circles-in-schools",
                 "summary": "Running a restorative circle in a classroom.", "cpd_hours": "2"})
    response = _preview(client, url + "preview/", data)
    assert response.status_code == 200
    assert "Learners can enrol once this course is published." in response.content.decode()


def test_the_admin_preview_panel_may_frame_a_preview_but_no_one_may_frame_the_site(
        client, staff, course):
    """Wagtail sends a preview through the whole middleware stack as a request for the
    page's own URL; the admin shows it in a same-origin iframe."""
    client.force_login(staff)
    url = f"/admin/pages/{course.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    preview = _preview(client, url + "preview/", data)
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    live = client.get(course.url)
    assert "frame-ancestors 'none'" in live["Content-Security-Policy"]
    assert live["X-Frame-Options"] == "DENY"


def test_a_new_knowledge_check_in_the_editor_starts_with_two_answers_to_fill_in():
    """ListBlock's own default is one item, so a new question opened with the error "The
    minimum number of items is 2" before the author had typed anything."""
    from courses.blocks import KnowledgeCheckBlock, QuestionBlock

    check = KnowledgeCheckBlock().get_default()
    answers = check["questions"][0]["answers"]
    assert len(answers) == 2
    assert len(QuestionBlock().get_default()["answers"]) == 2
    answers[0]["text"] = "What happened?"
    assert answers[1]["text"] == ""  # two answers, not one shared twice
