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

        # Places left are never taken from the page cache (cms.page_cache, path 3).
        from cms.page_cache import register_live_figure
        from events.listing import render_places, render_places_sentence

        register_live_figure("events.places", render_places)
        register_live_figure("events.places-sentence", render_places_sentence)


def announce_published_changes(sender, instance, revision=None, **kwargs):
    """A published change of an event's time or place is announced to everyone booked."""
    from events import services

    services.announce_event_changes(instance)
