from django.apps import AppConfig


class CpdConfig(AppConfig):
    name = "cpd"
    verbose_name = "CPD record"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.page_cache import register_personal_records
        from cpd.models import CPDEntry

        # The CPD record page is kept per person until their entries change (path 4).
        register_personal_records(CPDEntry, lambda instance: [instance.user_id])
