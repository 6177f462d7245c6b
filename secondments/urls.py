from django.urls import path

from secondments import views

app_name = "secondments"

urlpatterns = [
    path("leadership/", views.development, name="development"),
    path("leadership/goals/add/", views.goal_edit, name="goal_add"),
    path("leadership/goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("leadership/goals/<int:pk>/comment/", views.goal_comment, name="goal_comment"),
    path("leadership/goals/<int:pk>/agree/", views.goal_agree, name="goal_agree"),
    path("leadership/mentees/<int:user_id>/plan/", views.mentee_plan, name="mentee_plan"),
    path("leadership/opportunities/<int:page_id>/apply/", views.apply, name="apply"),
    path("leadership/applications/", views.my_applications, name="my_applications"),
    path("leadership/applications/<int:pk>/", views.application_detail,
         name="application_detail"),
    path("leadership/applications/<int:pk>/submitted/", views.application_submitted,
         name="application_submitted"),
    path("leadership/applications/<int:pk>/offer-letter.pdf", views.offer_letter,
         name="offer_letter"),
    path("leadership/applications/<int:pk>/<str:action>/", views.application_action,
         name="application_action"),
    path("leadership/sponsor/<str:token>/", views.sponsor, name="sponsor"),
    path("leadership/mentors/", views.mentor_directory, name="mentor_directory"),
    path("leadership/mentors/<int:pk>/", views.mentor_detail, name="mentor_detail"),
    path("leadership/slots/<int:slot_id>/book/", views.book, name="book"),
    path("leadership/sessions/<int:pk>/", views.booking_detail, name="booking_detail"),
    path("leadership/sessions/<int:pk>/booked/", views.booking_confirmed,
         name="booking_confirmed"),
    path("leadership/sessions/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("leadership/sessions/<int:pk>/outcome/", views.booking_outcome,
         name="booking_outcome"),
    path("leadership/sessions/<int:pk>/feedback/", views.booking_feedback,
         name="booking_feedback"),
    path("leadership/sessions/<int:pk>/session.ics", views.booking_ics, name="booking_ics"),
    path("leadership/mentoring/", views.mentor_dashboard, name="mentor_dashboard"),
    path("leadership/mentoring/profile/", views.mentor_profile_edit,
         name="mentor_profile_edit"),
    path("leadership/mentoring/slots/new/", views.publish_slots, name="publish_slots"),
    path("leadership/mentoring/slots/<int:pk>/remove/", views.remove_slot, name="remove_slot"),
]
