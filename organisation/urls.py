from django.urls import path

from organisation import views

app_name = "organisation"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("toimipisteet/", views.offices, name="offices"),
    path("palvelujarjestelyt/", views.arrangements, name="arrangements"),
    path("kunnat/<str:code>/", views.municipality, name="municipality"),
    path("vienti/<slug:table>.csv", views.export_csv, name="export"),
]
