from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.signals import attendance_marked
        from courses.services import on_attendance_marked

        # Attending a session linked to a module completes it (events does not know
        # courses: it only says that attendance was marked).
        attendance_marked.connect(on_attendance_marked,
                                  dispatch_uid="courses.on_attendance_marked")
        _register_personal_records()


def _enrolment_people(instance):
    """The learner a record kept under an enrolment belongs to."""
    from courses.models import Enrolment

    enrolment = instance._state.fields_cache.get("enrolment")
    if enrolment is not None:
        return [enrolment.user_id]
    return Enrolment.objects.filter(pk=instance.enrolment_id).values_list("user_id", flat=True)


def _register_personal_records():
    """What the personal fragments of course pages, module pages, My learning and the team
    matrix show (cms.page_cache, path 4): a change to any of these records shows at once."""
    from cms.page_cache import register_personal_records
    from courses.models import (
        Assignment,
        Certificate,
        ELearningAttempt,
        Enrolment,
        KnowledgeCheckAttempt,
        ModuleCompletion,
        Reflection,
    )

    for model in (Enrolment, Certificate, Assignment, Reflection):
        register_personal_records(model, lambda instance: [instance.user_id])
    for model in (ModuleCompletion, KnowledgeCheckAttempt, ELearningAttempt):
        register_personal_records(model, _enrolment_people)
    # A person's own name and team are registered by cms itself.
