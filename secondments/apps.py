from django.apps import AppConfig


class SecondmentsConfig(AppConfig):
    name = "secondments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.signals import mentor_role_removed
        from secondments.services import close_mentoring_on_role_removed

        mentor_role_removed.connect(close_mentoring_on_role_removed,
                                    dispatch_uid="secondments_close_mentoring")
        _connect_live_figures()


def _connect_live_figures():
    """The mentor directory's cards (open slots, next slot, names, areas) are kept for
    everyone until one of these changes (cms.page_cache, path 3)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from cms.page_cache import live_figures_changed
    from secondments.models import ExpertiseArea, MentoringBooking, MentoringSlot, MentorProfile

    for model in (MentorProfile, MentoringSlot, MentoringBooking, ExpertiseArea,
                  get_user_model()):
        for signal in (post_save, post_delete):
            signal.connect(live_figures_changed, sender=model,
                           dispatch_uid=f"secondments.live.{model._meta.label}.{signal is post_save}")
    m2m_changed.connect(live_figures_changed, sender=MentorProfile.expertise.through,
                        dispatch_uid="secondments.live.expertise")
