from django.urls import path

from cpd import views

app_name = "cpd"

urlpatterns = [
    path("learning/cpd/", views.record, name="record"),
    path("learning/cpd/add/", views.edit, name="add"),
    path("learning/cpd/<int:pk>/edit/", views.edit, name="edit"),
    path("learning/cpd/<int:pk>/delete/", views.delete, name="delete"),
    path("learning/cpd/export.csv", views.export_csv, name="csv"),
    path("learning/cpd/export.pdf", views.export_pdf, name="pdf"),
    path("learning/team/cpd/", views.team_record, name="team"),
]
