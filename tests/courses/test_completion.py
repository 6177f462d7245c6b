import datetime

import pytest
from django.core import mail
from freezegun import freeze_time

from cms import audit
from courses import services
from courses.models import Certificate, Enrolment, ModulePage
from cpd.models import CPDEntry
from tests.courses.conftest import RIGHT, make_course, modules_of

pytestmark = pytest.mark.django_db


def finish(user, course, capture=None):
    services.enrol(user, course)
    certificate = None
    for module in modules_of(course):
        for check_id, _ in module.knowledge_checks():
            services.submit_knowledge_check(user, module, check_id, RIGHT)
        enrolment = services.active_enrolment(user, course)
        if enrolment is not None:
            certificate = services.complete_module(user, module) or certificate
    return certificate or Certificate.objects.filter(user=user, course=course).first()


def test_it_completes_when_every_required_module_is_done_and_checks_passed(alice, course):
    first, second = modules_of(course)
    services.enrol(alice, course)
    assert services.complete_module(alice, first) is None
    with pytest.raises(services.LearningError, match="Pass the knowledge check"):
        services.complete_module(alice, second)
    services.submit_knowledge_check(alice, second, "check-1", RIGHT)
    enrolment = Enrolment.objects.get(user=alice, course=course)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.certificate.course_title == course.title
    assert audit.history_of(enrolment).filter(action="courses.enrolment.completed").count() == 1


def test_optional_modules_are_not_needed(alice, catalogue):
    course = make_course(catalogue, modules=3, optional=(2,))
    first, second, _optional = modules_of(course)
    services.enrol(alice, course)
    services.complete_module(alice, first)
    certificate = services.complete_module(alice, second)
    assert certificate is not None


def test_a_failed_check_does_not_complete_the_course(alice, course):
    first, second = modules_of(course)
    services.enrol(alice, course)
    services.complete_module(alice, first)
    attempt = services.submit_knowledge_check(alice, second, "check-1", {"q1": ["a"],
                                                                         "q2": ["a"]})
    assert not attempt.passed
    assert not Certificate.objects.exists()
    assert Enrolment.objects.get().status == Enrolment.Status.ACTIVE


def test_completing_twice_issues_one_certificate_and_one_cpd_entry(alice, course):
    certificate = finish(alice, course)
    first = modules_of(course)[0]
    # A double submit after completion changes nothing.
    assert services.complete_module_for_attendance(alice, first) is None
    assert Certificate.objects.count() == 1
    assert CPDEntry.objects.filter(user=alice, source_type="certificate").count() == 1
    assert certificate.cpd_hours == course.cpd_hours


@freeze_time("2026-03-15 10:00")
def test_the_certificate_snapshots_the_learner_course_and_expiry(alice, course):
    certificate = finish(alice, course)
    assert certificate.learner_name == "Alice Adams"
    assert certificate.course_title == course.title
    assert certificate.issued_on == datetime.date(2026, 3, 15)
    assert certificate.expires_on == datetime.date(2027, 3, 15)
    assert len(certificate.public_id) >= 20
    entry = CPDEntry.objects.get(user=alice, source_type="certificate")
    assert entry.kind == CPDEntry.Kind.COURSE and entry.hours == course.cpd_hours


def test_the_certificate_is_emailed_with_its_pdf(alice, course,
                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = finish(alice, course)
    message = [m for m in mail.outbox if "certificate" in m.subject.lower()][-1]
    assert message.to == ["alice@example.org"]
    assert certificate.public_id in message.body
    filename, data, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and data.startswith(b"%PDF")


def test_a_module_added_after_completion_leaves_the_certificate_alone(alice, course):
    certificate = finish(alice, course)
    course.add_child(instance=ModulePage(title="New module", body="[]"))
    certificate.refresh_from_db()
    assert Enrolment.objects.get(user=alice).status == Enrolment.Status.COMPLETED
    assert certificate.status() == Certificate.Status.VALID


def test_a_module_added_before_completion_is_needed(alice, course):
    first, second = modules_of(course)
    services.enrol(alice, course)
    services.complete_module(alice, first)
    course.add_child(instance=ModulePage(title="New module", body="[]"))
    services.submit_knowledge_check(alice, second, "check-1", RIGHT)
    assert not Certificate.objects.exists()


def test_deleting_the_course_keeps_every_record(alice, course):
    certificate = finish(alice, course)
    services.save_reflection(alice, modules_of(course)[0], "reflect-0", "I noticed")
    course.delete()
    certificate.refresh_from_db()
    assert certificate.course is None and certificate.course_title
    assert Enrolment.objects.filter(user=alice).count() == 1
    from courses.models import KnowledgeCheckAttempt, ModuleCompletion, Reflection
    assert ModuleCompletion.objects.count() == 2
    assert KnowledgeCheckAttempt.objects.count() == 1
    assert Reflection.objects.get().module_title == "Module 1"


def test_unpublishing_a_module_does_not_delete_its_completion(alice, course):
    finish(alice, course)
    modules_of(course)[0].unpublish()
    from courses.models import ModuleCompletion
    assert ModuleCompletion.objects.count() == 2


def test_completing_again_after_expiry_renews_the_certificate(alice, course):
    with freeze_time("2025-01-10"):
        old = finish(alice, course)
    with freeze_time("2026-02-01"):
        assert old.status() == Certificate.Status.EXPIRED
        new = finish(alice, course)
        assert new.pk != old.pk
        assert new.expires_on == datetime.date(2027, 2, 1)
        assert new.status() == Certificate.Status.VALID
    assert Certificate.objects.filter(user=alice).count() == 2


def test_attendance_completes_a_blended_module_and_enrols_if_needed(alice, catalogue):
    course = make_course(catalogue, modules=2)
    first, second = modules_of(course)
    assert services.complete_module_for_attendance(alice, first) is None
    enrolment = Enrolment.objects.get(user=alice, course=course)
    assert enrolment.module_completions.count() == 1
    certificate = services.complete_module_for_attendance(alice, second)
    assert certificate is not None


def test_the_completion_rule_does_not_trust_a_module_marked_complete_without_its_check(
        alice, course):
    first, second = modules_of(course)
    services.complete_module_for_attendance(alice, first)
    # Attendance marks the module with a check complete, but the check is not passed.
    services.complete_module_for_attendance(alice, second)
    assert not Certificate.objects.exists()
