from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("learning/courses/<int:course_id>/unenrol/", views.unenrol, name="unenrol"),
    path("learning/courses/<int:course_id>/completed/", views.course_completed,
         name="course_completed"),
    path("learning/modules/<int:module_id>/complete/", views.complete_module,
         name="complete_module"),
    path("learning/modules/<int:module_id>/checks/<str:check_id>/", views.submit_check,
         name="submit_check"),
    path("learning/modules/<int:module_id>/reflections/<str:prompt_id>/",
         views.save_reflection, name="save_reflection"),
    path("learning/cpd/", views.cpd, name="cpd"),
    path("learning/cpd/add/", views.cpd_edit, name="cpd_add"),
    path("learning/cpd/<int:pk>/edit/", views.cpd_edit, name="cpd_edit"),
    path("learning/cpd/<int:pk>/delete/", views.cpd_delete, name="cpd_delete"),
    path("learning/cpd/export.csv", views.cpd_csv, name="cpd_csv"),
    path("learning/cpd/export.pdf", views.cpd_pdf, name="cpd_pdf"),
    path("learning/team/", views.team_matrix, name="team_matrix"),
    path("learning/team/assign/", views.assign, name="assign"),
    path("certificates/<str:public_id>/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:public_id>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
