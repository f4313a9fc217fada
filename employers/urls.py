from django.urls import path

from employers import views

app_name = "employers"

urlpatterns = [
    path("", views.employer_list, name="list"),
    path("uusi/", views.employer_create, name="create"),
    path("<int:pk>/", views.employer_detail, name="detail"),
    path("<int:pk>/muokkaa/", views.employer_edit, name="edit"),
    path("tyopaikat/", views.vacancy_list, name="vacancies"),
    path("tyopaikat/vienti/", views.vacancy_export, name="vacancy_export"),
    path("tyopaikat/uusi/", views.vacancy_create, name="vacancy_create"),
    path("tyopaikat/<int:pk>/", views.vacancy_detail, name="vacancy"),
    path("tyopaikat/<int:pk>/muokkaa/", views.vacancy_edit, name="vacancy_edit"),
    path("tyopaikat/<int:pk>/tila/", views.vacancy_status, name="vacancy_status"),
    path("etaisyydet/", views.distances, name="distances"),
    path("etaisyydet/vienti/<slug:table>/", views.distance_export, name="distance_export"),
]
