from django.urls import path

from jobseekers import change_views, journal_views, views

app_name = "jobseekers"

# No identity code in any URL: searching by it and the live check of the registration form are POSTs.
urlpatterns = [
    path("", views.search, name="search"),
    path("omat/", views.my_clients, name="my_clients"),
    path("uusi/", views.register, name="register"),
    path("uusi/tarkista/", views.register_check, name="register_check"),
    path("asiakasmaarat/", views.caseloads, name="caseloads"),
    path("asiakasmaarat/jako/", views.assign, name="assign"),
    path("asiakasmaarat/vienti/<slug:table>.csv", views.caseload_export, name="caseload_export"),
    path("<int:pk>/", views.card, name="card"),
    path("<int:pk>/vastuuohjaaja/", views.reassign, name="reassign"),
]

# The client journal (asiakaskertomus): jobseekers/journal_views.py.
urlpatterns += [
    path("<int:pk>/asiakaskertomus/", journal_views.journal_page, name="journal"),
    path("<int:pk>/asiakaskertomus/<int:entry_pk>/korjaa/", journal_views.correct, name="journal_correct"),
    path("<int:pk>/asiakaskertomus/vienti/", journal_views.export, name="journal_export"),
]

# Changing a record, ending a job search and the supervisor's balancing: jobseekers/change_views.py.
urlpatterns += [
    path("<int:pk>/muokkaa/", change_views.edit, name="edit"),
    path("<int:pk>/paata-tyonhaku/", change_views.end_job_search, name="end_job_search"),
    path("asiakasmaarat/tasaus/", change_views.balance, name="balance"),
]
