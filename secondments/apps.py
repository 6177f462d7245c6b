from django.apps import AppConfig


class SecondmentsConfig(AppConfig):
    name = "secondments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.signals import mentor_role_removed
        from secondments.services import close_mentoring_on_role_removed

        mentor_role_removed.connect(close_mentoring_on_role_removed,
                                    dispatch_uid="secondments_close_mentoring")
