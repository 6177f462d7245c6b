from django.urls import path

from courses import views

app_name = "courses"

urlpatterns = [
    path("learning/", views.my_learning, name="my_learning"),
    path("learning/frameworks/", views.framework_profile, name="framework_profile"),
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
    path("learning/modules/<int:module_id>/elearning/<str:block_id>/commit/",
         views.elearning_commit, name="elearning_commit"),
    path("elearning/<uuid:key>/<path:path>", views.elearning_file, name="elearning_file"),
    path("learning/team/", views.team_matrix, name="team_matrix"),
    path("learning/team/assign/", views.assign, name="assign"),
    path("certificates/check/", views.certificate_check, name="certificate_check"),
    path("learning/team/people/<int:user_id>/", views.person, name="person"),
    path("learning/team/remind/", views.remind, name="remind"),
    path("certificates/<str:public_id>/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:public_id>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:public_id>/credential.<str:kind>", views.certificate_credential,
         name="certificate_credential"),
    path("credentials/issuer/", views.credential_issuer, name="credential_issuer"),
    path("credentials/issuer/jwks.json", views.credential_jwks, name="credential_jwks"),
    path("credentials/issuer/keys/<str:thumbprint>.json", views.credential_key,
         name="credential_key"),
    path("credentials/status/revocation/", views.credential_status_list,
         name="credential_status_list"),
]
