from django.urls import path
from django.views.generic import RedirectView

from events import views

app_name = "events"


def _moved(name):
    return RedirectView.as_view(pattern_name=f"events_admin:{name}", permanent=True,
                                query_string=True)


urlpatterns = [
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/events/<int:event_id>/book/", views.book, name="book"),
    # Staff event screens moved into the admin (events/admin_views.py): old links still work.
    path("bookings/staff/events/<int:event_id>/", _moved("capacity"), name="staff_event"),
    path("bookings/staff/events/<int:event_id>/register/", _moved("register"),
         name="register"),
    path("bookings/staff/events/<int:event_id>/sign-in-sheet.pdf", _moved("sign_in_sheet"),
         name="sign_in_sheet"),
    path("bookings/<str:reference>/", views.booking_detail, name="booking_detail"),
    path("bookings/<str:reference>/cancel/", views.cancel, name="cancel"),
    path("bookings/<str:reference>/accept/", views.accept_offer, name="accept_offer"),
    path("bookings/<str:reference>/leave-waitlist/", views.leave_waitlist,
         name="leave_waitlist"),
    path("bookings/<str:reference>/calendar.ics", views.booking_calendar,
         name="booking_calendar"),
    path("bookings/<str:reference>/feedback/", views.feedback, name="feedback"),
]
