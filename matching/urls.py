from django.urls import path

from matching import views

app_name = "matching"

urlpatterns = [
    path("asiakkaat/<int:pk>/", views.jobseeker_matches, name="jobseeker"),
    path("asiakkaat/<int:pk>/tarjous/", views.make_offer, name="make_offer"),
    path("tarjoukset/<int:pk>/tulos/", views.record_outcome, name="record_outcome"),
    path("tyopaikat/<int:pk>/", views.vacancy_candidates, name="vacancy"),
    path("liikkuvuus/", views.mobility, name="mobility"),
    path("liikkuvuus/vienti/<slug:table>/", views.mobility_export, name="mobility_export"),
]
