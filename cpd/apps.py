from django.apps import AppConfig


class CpdConfig(AppConfig):
    name = "cpd"
    verbose_name = "CPD record"
    default_auto_field = "django.db.models.BigAutoField"
