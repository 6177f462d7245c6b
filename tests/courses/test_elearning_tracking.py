"""E-learning on the server: who may open a package's files (and with what policy), the
runtime's commits (validated, idempotent, size-limited, CSRF-checked), resuming, and the
module completing once, through the course's completion rule, when the package says so."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from courses import content, elearning_services, services
from courses.models import Certificate, ELearningAttempt, ModuleCompletion, ModulePage
from cpd.models import CPDEntry
from tests import scorm_packages as pkg
from tests.courses.conftest import make_course, simple_check

pytestmark = pytest.mark.django_db

BLOCK = "elearning-1"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def course_with_package(catalogue, package, complete_when="completed", check=False,
                        title="Safeguarding online"):
    """A course of one module whose body launches `package` (and perhaps a check)."""
    course = make_course(catalogue, title=title, modules=0)
    blocks = [content.paragraph("<p>Take the e-learning.</p>"),
              content.elearning(BLOCK, package, complete_when)]
    if check:
        blocks.append(simple_check("check-1"))
    course.add_child(instance=ModulePage(title="E-learning", body=content.body(*blocks)))
    return course, course.get_modules().get()


def commit(client, module, cmi, item="item-sco-1", session="session-one", seq=1,
           block=BLOCK):
    return client.post(f"/learning/modules/{module.pk}/elearning/{block}/commit/",
                       data=json.dumps({"item": item, "session": session, "seq": seq,
                                        "cmi": cmi}),
                       content_type="application/json")


COMPLETED_12 = {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "90",
                "cmi.core.session_time": "0000:02:00.00", "cmi.core.exit": "",
                "cmi.core.student_id": "ignored: the LMS owns it"}


@pytest.fixture
def package_12(db):
    return pkg.make_package("1.2")


@pytest.fixture
def enrolled(client, alice, catalogue, package_12):
    course, module = course_with_package(catalogue, package_12)
    services.enrol(alice, course)
    client.force_login(alice)
    return course, module


# --- serving the package ------------------------------------------------------------------

def test_an_enrolled_learner_gets_the_package_files_with_their_content_types(
        client, enrolled, package_12):
    for path, content_type in [("index.html", "text/html; charset=utf-8"),
                               ("shared/sco.js", "text/javascript; charset=utf-8"),
                               ("images/logo.svg", "image/svg+xml")]:
        response = client.get(f"/elearning/{package_12.key}/{path}")
        assert response.status_code == 200, path
        assert response["Content-Type"] == content_type
    body = b"".join(client.get(f"/elearning/{package_12.key}/shared/sco.js").streaming_content)
    assert body == b"window.packageScriptLoaded = true;\n"


def test_the_package_pages_may_run_their_scripts_inside_the_platform_only(
        client, enrolled, package_12):
    response = client.get(f"/elearning/{package_12.key}/index.html")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline' 'unsafe-eval'" in csp
    assert "frame-ancestors 'self'" in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_ordinary_pages_keep_the_strict_policy(client, enrolled):
    _, module = enrolled
    for url in [module.url, "/learning/"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert response["X-Frame-Options"] == "DENY", url


def test_people_not_enrolled_get_no_package_files(client, bob, enrolled, package_12):
    url = f"/elearning/{package_12.key}/index.html"
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(bob)
    assert client.get(url).status_code == 404


def test_staff_may_preview_a_package(client, staff, package_12):
    client.force_login(staff)
    assert client.get(f"/elearning/{package_12.key}/index.html").status_code == 200


@pytest.mark.parametrize("path", ["../../etc/passwd", "missing.html", "shared/",
                                  "%2e%2e/%2e%2e/settings.py"])
def test_it_serves_nothing_outside_the_package(client, enrolled, package_12, path):
    assert client.get(f"/elearning/{package_12.key}/{path}").status_code == 404


# --- the module page ------------------------------------------------------------------------

def test_the_module_page_launches_the_package_with_the_learners_stored_data(
        client, enrolled, package_12, alice):
    _, module = enrolled
    html = client.get(module.url).content.decode()
    assert "scorm12.min.js" in html and 'data-elearning-frame' in html
    assert "Finish the e-learning above to complete this module." in html
    runtime = _runtime(html)
    assert runtime["version"] == "1.2"
    assert runtime["launch_url"] == f"/elearning/{package_12.key}/index.html"
    assert runtime["cmi"]["cmi.core.entry"] == "ab-initio"
    assert runtime["cmi"]["cmi.core.student_name"] == "Adams, Alice"

    resume = {"cmi.core.lesson_status": "incomplete", "cmi.core.lesson_location": "page-2",
              "cmi.suspend_data": "answered=q1", "cmi.core.exit": "suspend",
              "cmi.core.session_time": "0000:01:30.00"}
    assert commit(client, module, resume).status_code == 200
    runtime = _runtime(client.get(module.url).content.decode())
    assert runtime["cmi"]["cmi.core.entry"] == "resume"
    assert runtime["cmi"]["cmi.suspend_data"] == "answered=q1"
    assert runtime["cmi"]["cmi.core.lesson_location"] == "page-2"
    assert runtime["cmi"]["cmi.core.total_time"] == "0000:01:30.00"
    assert "cmi.core.exit" not in runtime["cmi"]  # write-only: never given back


def _runtime(html):
    start = html.index('<script id="elearning-runtime" type="application/json">')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])


def test_the_manual_complete_button_is_refused_until_the_package_is_done(alice, enrolled):
    _, module = enrolled
    with pytest.raises(services.LearningError, match="Finish Safeguarding essentials"):
        services.complete_module(alice, module)


# --- commits ---------------------------------------------------------------------------------

def test_a_completed_package_completes_the_module_and_the_course_once(client, alice, enrolled):
    course, module = enrolled
    response = commit(client, module, COMPLETED_12)
    assert response.status_code == 200
    assert response.json()["result"] == "true"
    assert response.json()["module_complete"] is True
    assert response.json()["completed_now"] is True
    again = commit(client, module, COMPLETED_12, session="session-two", seq=1)
    assert again.json()["completed_now"] is False
    assert ModuleCompletion.objects.filter(module=module).count() == 1
    certificate = Certificate.objects.get(user=alice)
    assert certificate.course == course
    assert CPDEntry.objects.filter(user=alice, source_type="certificate").count() == 1
    attempt = ELearningAttempt.objects.get()
    assert (attempt.completion_status, attempt.score_raw) == ("completed", Decimal("90"))
    assert attempt.total_seconds == Decimal("240")  # two sessions of two minutes


def test_an_incomplete_package_leaves_the_module_open(client, alice, enrolled):
    _, module = enrolled
    commit(client, module, {"cmi.core.lesson_status": "incomplete"})
    assert not ModuleCompletion.objects.exists()


def test_a_commit_sent_twice_is_applied_once(client, alice, enrolled):
    _, module = enrolled
    commit(client, module, {"cmi.core.lesson_status": "incomplete",
                            "cmi.core.session_time": "0000:01:00.00"}, seq=1)
    commit(client, module, {"cmi.core.lesson_status": "incomplete",
                            "cmi.core.session_time": "0000:03:00.00"}, seq=2)
    # seq 1 again, late (a retry): changes nothing
    response = commit(client, module, {"cmi.core.lesson_status": "incomplete",
                                       "cmi.core.session_time": "0000:01:00.00",
                                       "cmi.suspend_data": "stale"}, seq=1)
    assert response.json()["result"] == "true"
    attempt = ELearningAttempt.objects.get()
    assert attempt.total_seconds == Decimal("180")  # the session's latest time, once
    assert attempt.suspend_data == ""


@pytest.mark.parametrize("cmi, reason", [
    ({"cmi.core.lesson_status": "finished"}, "must be one of"),
    ({"cmi.core.score.raw": "120"}, "not between"),
    ({"cmi.core.session_time": "two minutes"}, "time span"),
    ({"cmi.core.lesson_location": "x" * 256}, "longer than 255"),
    ({"cmi.suspend_data": "x" * 64001}, "longer than 64000"),
    ({"cmi.core.lesson_location": ["a"]}, "string or a number"),
    ({"cmi.not_an_element": "1"}, "not a SCORM 1.2 element"),
    ({"cmi.completion_status": "completed"}, "not a SCORM 1.2 element"),
    ("not an object", "element: value pairs"),
])
def test_it_refuses_invalid_runtime_data(client, enrolled, cmi, reason):
    _, module = enrolled
    response = commit(client, module, cmi)
    assert response.status_code == 400
    assert reason in response.json()["message"]
    assert not ELearningAttempt.objects.exists()


def test_it_refuses_a_commit_over_the_size_limit(client, enrolled):
    _, module = enrolled
    response = commit(client, module, {"cmi.comments": "x" * (300 * 1024)})
    assert response.status_code == 413


def test_the_commit_needs_the_csrf_token(alice, enrolled):
    _, module = enrolled
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = commit(client, module, COMPLETED_12)
    assert response.status_code == 403
    assert not ELearningAttempt.objects.exists()


def test_someone_not_enrolled_cannot_commit(client, bob, enrolled):
    _, module = enrolled
    client.force_login(bob)
    assert commit(client, module, COMPLETED_12).status_code == 400
    assert not ELearningAttempt.objects.exists()


def test_an_unknown_block_or_item_is_refused(client, enrolled):
    _, module = enrolled
    assert commit(client, module, COMPLETED_12, block="nope").status_code == 400
    assert commit(client, module, COMPLETED_12, item="nope").status_code == 400


# --- the module's setting, mastery and several SCOs -----------------------------------------

def test_a_module_that_asks_for_a_pass_is_not_completed_by_completion(alice, catalogue):
    package = pkg.make_package("2004-4th")
    course, module = course_with_package(catalogue, package, complete_when="passed")
    services.enrol(alice, course)
    args = (alice, module, BLOCK, "item-sco-1", "session-one")
    elearning_services.commit_runtime(*args, 1, {"cmi.completion_status": "completed",
                                                 "cmi.success_status": "failed"})
    assert not ModuleCompletion.objects.exists()
    elearning_services.commit_runtime(*args, 2, {"cmi.success_status": "passed",
                                                 "cmi.session_time": "PT5M"})
    assert ModuleCompletion.objects.filter(module=module).count() == 1
    assert ELearningAttempt.objects.get().total_seconds == Decimal("300")


def test_the_mastery_score_decides_a_scorm_12_pass(alice, catalogue):
    package = pkg.make_package("1.2", mastery_score=80)
    course, module = course_with_package(catalogue, package, complete_when="passed")
    services.enrol(alice, course)
    args = (alice, module, BLOCK, "item-sco-1", "session-one")
    attempt, _ = elearning_services.commit_runtime(
        *args, 1, {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "70"})
    assert attempt.success_status == "failed"  # 70 is below the mastery score of 80
    assert not ModuleCompletion.objects.exists()
    attempt, completed = elearning_services.commit_runtime(
        *args, 2, {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "85"})
    assert attempt.success_status == "passed" and completed


def test_the_mastery_score_decides_a_scorm_2004_pass(alice, catalogue):
    package = pkg.make_package("2004-3rd", mastery_score=80)
    course, module = course_with_package(catalogue, package, complete_when="passed")
    services.enrol(alice, course)
    attempt, completed = elearning_services.commit_runtime(
        alice, module, BLOCK, "item-sco-1", "s-session-1", 1,
        {"cmi.completion_status": "completed", "cmi.success_status": "passed",
         "cmi.score.scaled": "0.5"})
    assert attempt.success_status == "failed" and not completed


def test_every_sco_of_a_multi_sco_package_must_be_completed(client, alice, catalogue):
    package = pkg.make_package("2004-3rd", scos=pkg.MULTI_SCO)
    course, module = course_with_package(catalogue, package)
    services.enrol(alice, course)
    client.force_login(alice)
    done = {"cmi.completion_status": "completed"}
    for seq, item in enumerate(["item-intro", "item-practice"], start=1):
        commit(client, module, done, item=item, seq=seq)
    assert not ModuleCompletion.objects.exists()
    html = client.get(module.url + "?item=item-quiz").content.decode()
    assert _runtime(html)["launch_url"].endswith("/quiz/index.html")
    assert html.count("tag--green\">Complete") == 2
    response = commit(client, module, done, item="item-quiz", seq=3)
    assert response.json()["completed_now"] is True
    assert ModuleCompletion.objects.filter(module=module).count() == 1


def test_a_knowledge_check_still_applies_after_the_package(client, alice, catalogue,
                                                           package_12):
    from tests.courses.conftest import RIGHT

    course, module = course_with_package(catalogue, package_12, check=True)
    services.enrol(alice, course)
    client.force_login(alice)
    commit(client, module, COMPLETED_12)
    assert not ModuleCompletion.objects.exists()  # the check is not passed yet
    services.submit_knowledge_check(alice, module, "check-1", RIGHT)
    assert ModuleCompletion.objects.filter(module=module).count() == 1
    assert Certificate.objects.filter(user=alice).count() == 1


def test_passing_the_check_first_waits_for_the_package(client, alice, catalogue, package_12):
    from tests.courses.conftest import RIGHT

    course, module = course_with_package(catalogue, package_12, check=True)
    services.enrol(alice, course)
    client.force_login(alice)
    services.submit_knowledge_check(alice, module, "check-1", RIGHT)
    assert not ModuleCompletion.objects.exists()
    commit(client, module, COMPLETED_12)
    assert ModuleCompletion.objects.filter(module=module).count() == 1


def test_my_learning_shows_the_score_and_time(client, alice, enrolled):
    _, module = enrolled
    commit(client, module, COMPLETED_12)
    html = client.get("/learning/").content.decode()
    assert "Safeguarding essentials" in html
    assert "90%" in html and "2 min 0 s" in html


def test_staff_see_attempts_and_scores_in_the_admin(client, alice, staff, enrolled):
    _, module = enrolled
    commit(client, module, COMPLETED_12)
    client.force_login(staff)
    html = client.get("/admin/snippets/courses/elearningattempt/").content.decode()
    assert "Safeguarding essentials" in html and "Alice Adams" in html and "90" in html
    export = client.get("/admin/snippets/courses/elearningattempt/?export=csv")
    text = b"".join(export.streaming_content).decode() if export.streaming else \
        export.content.decode()
    assert "Score (%)" in text and "90" in text
    assert client.get("/admin/snippets/courses/elearningpackage/").status_code == 200
    assert client.get("/admin/snippets/courses/elearningpackage/add/").status_code == 200


def test_the_learners_runtime_data_is_in_their_data_export_and_erased_with_them(
        client, alice, enrolled):
    from courses import personal_data

    _, module = enrolled
    commit(client, module, {**COMPLETED_12, "cmi.comments": "My own notes",
                            "cmi.suspend_data": "answered=q1"})
    exported = personal_data.export_for(alice)["elearning_attempts"]
    assert exported[0]["runtime_data"]["cmi.comments"] == "My own notes"
    assert exported[0]["score"] == 90
    personal_data.erase_for(alice)
    attempt = ELearningAttempt.objects.get()
    assert attempt.cmi == {} and attempt.suspend_data == ""
    assert attempt.completion_status == "completed"  # the figures stay


def test_the_elearning_report_shows_each_learners_status_score_and_time(
        client, alice, partner, staff, enrolled):
    from tests.reports.helpers import export_rows, screen_rows

    _, module = enrolled
    commit(client, module, COMPLETED_12)
    client.force_login(staff)
    rows = screen_rows(client, "elearning")
    assert len(rows) == 1
    assert rows[0][:9] == ["Alice Adams", "alice@example.org", "Safeguarding online",
                           "E-learning", "Safeguarding essentials", "item-sco-1", "Completed",
                           90, 2.0]
    assert screen_rows(client, "elearning", organisation=partner.pk) == []
    assert len(screen_rows(client, "elearning", organisation=alice.organisation_id)) == 1
    exported = export_rows(client, "elearning", "csv")
    assert exported[0][:3] == ["Learner", "Email", "Course"]
    assert exported[1][7:9] == ["90", "2.0"]


def test_a_package_of_plain_pages_leaves_the_module_to_the_complete_button(
        client, alice, catalogue):
    from courses.forms import ELearningPackageForm

    files = {"imsmanifest.xml": pkg.manifest("1.2").replace(
        b'adlcp:scormtype="sco"', b'adlcp:scormtype="asset"'), "index.html": "<p>Read</p>",
        "shared/sco.js": ""}
    form = ELearningPackageForm(data={"title": "Reading"},
                                files={"package_file": pkg.uploaded(pkg.build_zip(files))})
    assert form.is_valid(), form.errors
    course, module = course_with_package(catalogue, form.save())
    services.enrol(alice, course)
    client.force_login(alice)
    html = client.get(module.url).content.decode()
    assert "Mark as complete" in html and "Finish the e-learning" not in html
    services.complete_module(alice, module)
    assert ModuleCompletion.objects.filter(module=module).count() == 1


def test_sessions_past_the_limit_are_folded_keeping_their_time(
        client, alice, enrolled, monkeypatch):
    monkeypatch.setattr(elearning_services, "MAX_SESSIONS", 3)
    _, module = enrolled
    for n in range(5):
        commit(client, module, {"cmi.core.session_time": "0000:01:00.00"},
               session=f"session-{n}")
    attempt = ELearningAttempt.objects.get()
    assert len(attempt.sessions) == 3
    assert attempt.total_seconds == Decimal("300")
    assert "session-0" not in attempt.sessions and "session-4" in attempt.sessions


def test_attempts_are_records_kept_out_of_the_reference_index():
    from wagtail.models import ReferenceIndex

    assert not ReferenceIndex.is_indexed(ELearningAttempt)
