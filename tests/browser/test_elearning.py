"""SCORM in the browser: a learner launches a SCORM 1.2 and a SCORM 2004 package in
chromium, each package's own script talks to the runtime (LMSInitialize/LMSSetValue/
LMSCommit/LMSFinish; Initialize/SetValue/Commit/Terminate), leaves and resumes from its
suspend data, then reports completion; the server records the completion once."""

import pytest

from courses import content, services
from courses.models import Certificate, ELearningAttempt, ModuleCompletion, ModulePage
from tests import factories
from tests import scorm_packages as pkg
from tests.courses.conftest import catalogue, make_course, programme  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _course(catalogue, package, title, complete_when="completed"):  # noqa: F811
    course = make_course(catalogue, title=title, modules=0)
    course.add_child(instance=ModulePage(title=f"{title}: e-learning", body=content.body(
        content.paragraph("<p>Take the e-learning below.</p>"),
        content.elearning("elearning-1", package, complete_when))))
    return course, course.get_modules().get()


def _take(page, module, version, axe_check=None):
    """Open the module, save part-way and leave, come back (resumed), then finish."""
    page.goto(module.url)
    frame = page.frame_locator("[data-elearning-frame]")
    out = frame.locator("#out")
    out.get_by_text("entry=ab-initio").wait_for()
    if axe_check is not None:
        axe_check(page)
    frame.get_by_role("button", name="Save and leave").click()
    frame.locator("#done").get_by_text("saved").wait_for()
    attempt = ELearningAttempt.objects.get(module=module)
    assert (attempt.suspend_data, attempt.exit) == ("answered=q1,q2", "suspend")
    assert not ModuleCompletion.objects.filter(module=module).exists()

    page.reload()
    out.get_by_text("entry=resume suspend=answered=q1,q2").wait_for()
    assert "status=incomplete" in out.inner_text()
    frame.get_by_role("button", name="Finish").click()
    frame.locator("#done").get_by_text("finished").wait_for()
    page.get_by_text("You have completed this module.").wait_for()
    return ELearningAttempt.objects.get(module=module)


def test_a_learner_takes_a_scorm_12_and_a_scorm_2004_package_and_each_completes_once(
        page, sign_in, catalogue, axe_check):  # noqa: F811
    learner = factories.practitioner(email="learner@example.org", full_name="Priya Shah")
    package_12 = pkg.make_package("1.2", title="Safeguarding essentials", mastery_score=80)
    package_2004 = pkg.make_package("2004-4th", title="Data protection", mastery_score=80)
    course_12, module_12 = _course(catalogue, package_12, "Safeguarding")
    course_2004, module_2004 = _course(catalogue, package_2004, "Data protection",
                                       complete_when="passed")
    services.enrol(learner, course_12)
    services.enrol(learner, course_2004)
    sign_in(page, learner)

    attempt = _take(page, module_12, "1.2", axe_check)
    # The runtime applied the mastery score (90 >= 80): SCORM 1.2 says "passed".
    assert (attempt.lesson_status, attempt.success_status) == ("passed", "passed")
    assert attempt.score_raw == 90
    assert attempt.total_seconds == 210  # 1:30 the first session, 2:00 the second
    assert "mastery=80" in page.frame_locator("[data-elearning-frame]").locator(
        "#out").inner_text()

    attempt = _take(page, module_2004, "2004")
    assert (attempt.completion_status, attempt.success_status) == ("completed", "passed")
    assert float(attempt.score_scaled) == 0.9

    for course, module in [(course_12, module_12), (course_2004, module_2004)]:
        assert ModuleCompletion.objects.filter(module=module).count() == 1
        assert Certificate.objects.filter(user=learner, course=course).count() == 1

    page.goto("/learning/")
    table = page.locator("table", has_text="Time spent")
    assert table.get_by_role("row", name="Safeguarding essentials").get_by_text("90%").count()
    assert table.get_by_text("3 min 30 s").count() == 2
