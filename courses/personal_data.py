"""What the courses app holds about a person, and how it forgets them (see cms.privacy)."""

from courses.models import (
    Assignment,
    Certificate,
    ELearningAttempt,
    Enrolment,
    KnowledgeCheckAttempt,
    Reflection,
)


def export_for(user):
    enrolments = Enrolment.objects.filter(user=user).prefetch_related("module_completions")
    return {
        "enrolments": [
            {
                "course": e.course_title,
                "status": e.get_status_display(),
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
                "modules_completed": [
                    {"module": c.module_title, "at": c.completed_at.isoformat()}
                    for c in e.module_completions.all()
                ],
            }
            for e in enrolments
        ],
        "knowledge_check_attempts": [
            {"module": a.module_title, "score": a.score, "pass_mark": a.pass_mark,
             "passed": a.passed, "at": a.created_at.isoformat(), "answers": a.answers}
            for a in KnowledgeCheckAttempt.objects.filter(enrolment__user=user)
        ],
        "elearning_attempts": [
            {"module": a.module_title, "package": a.package_title, "item": a.sco_identifier,
             "completion_status": a.completion_status, "success_status": a.success_status,
             "score": a.score_percent, "total_seconds": str(a.total_seconds),
             "started_at": a.started_at.isoformat(), "updated_at": a.updated_at.isoformat(),
             "runtime_data": a.cmi}
            for a in ELearningAttempt.objects.filter(enrolment__user=user)
        ],
        "reflections": [
            {"module": r.module_title, "prompt": r.prompt, "text": r.text,
             "updated_at": r.updated_at.isoformat()}
            for r in Reflection.objects.filter(user=user)
        ],
        "certificates": [
            {"course": c.course_title, "issued_on": c.issued_on.isoformat(),
             "expires_on": c.expires_on.isoformat() if c.expires_on else None,
             "status": c.get_status_display(), "verification_url": c.verification_url()}
            for c in Certificate.objects.filter(user=user)
        ],
        "assignments": [
            {"course": a.course_title, "due_on": a.due_on.isoformat()}
            for a in Assignment.objects.filter(user=user)
        ],
    }


def erase_for(user):
    """Delete what the person wrote (reflections, e-learning runtime data) and their
    assignments.
    Enrolments, completions and certificates stay for the figures; a certificate keeps the
    name it was issued in, so it still verifies as issued."""
    Reflection.objects.filter(user=user).delete()
    # What a package stored for the learner (suspend data, comments, answers) is theirs; the
    # statuses, score and time stay for the figures, like a completion.
    ELearningAttempt.objects.filter(enrolment__user=user).update(
        cmi={}, suspend_data="", location="", sessions={})
    Assignment.objects.filter(user=user).delete()
