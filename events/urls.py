from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/events/<int:event_id>/book/", views.book, name="book"),
    path("bookings/staff/events/<int:event_id>/", views.staff_event, name="staff_event"),
    path("bookings/staff/events/<int:event_id>/register/", views.register, name="register"),
    path("bookings/staff/events/<int:event_id>/sign-in-sheet.pdf", views.sign_in_sheet,
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
