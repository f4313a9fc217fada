from django.urls import path

from labour_market import views

app_name = "labour_market"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("aikasarjat/", views.time_series, name="time_series"),
    path("pendelointi/", views.commuting, name="commuting"),
    path("tarkistus/", views.consistency, name="consistency"),
    path("ammatit/", views.occupations, name="occupations"),
    path("ammatit/vaihtoehdot/", views.occupation_options, name="occupation_options"),
    path("vienti/kuntaluvut/<slug:table>/<str:month>/", views.export_municipal, name="export_municipal"),
    path("vienti/johdetut/<slug:table>/<str:month>/", views.export_derived, name="export_derived"),
    path("vienti/aikasarja/<slug:table>/<str:indicator>/", views.export_time_series, name="export_time_series"),
    path("vienti/pendelointi/<slug:table>/", views.export_commuting, name="export_commuting"),
    path("vienti/tarkistus/", views.export_findings, name="export_findings"),
]
