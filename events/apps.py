from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from events.models import EventPage

        # Wagtail's page_published is the one thing every publish sends: the admin's
        # Publish button, `publish_scheduled`, a workflow's approval, code calling
        # revision.publish(). (The admin-only after_publish_page hook missed all but one.)
        page_published.connect(announce_published_changes, sender=EventPage,
                               dispatch_uid="events.announce_published_changes")

        # Places left are filled into cached pages afresh after every change to a booking
        # (cms.page_cache, path 3); the event's own capacity is a page change (path 1).
        from django.db.models.signals import post_delete, post_save

        from cms.page_cache import live_figures_changed, register_live_figure
        from events.listing import render_places, render_places_sentence
        from events.models import EventBooking

        register_live_figure("events.places", render_places)
        register_live_figure("events.places-sentence", render_places_sentence)
        for signal in (post_save, post_delete):
            signal.connect(live_figures_changed, sender=EventBooking,
                           dispatch_uid=f"events.live_figures_changed.{signal is post_save}")


def announce_published_changes(sender, instance, revision=None, **kwargs):
    """A published change of an event's time or place is announced to everyone booked."""
    from events import services

    services.announce_event_changes(instance)
