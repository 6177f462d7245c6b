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
