from django.urls import path

from service_model import views

app_name = "service_model"

urlpatterns = [
    path("viikko/", views.my_week, name="my_week"),
    path("viikko/vienti/", views.my_week_export, name="my_week_export"),
    path("asiakas/<int:pk>/", views.client, name="client"),
    path("asiakas/<int:pk>/varaa/", views.book, name="book"),
    path("asiakas/<int:pk>/varaa/tarkista/", views.book_check, name="book_check"),
    path("asiakas/<int:pk>/kirjaa/", views.walk_in, name="walk_in"),
    path("tapaaminen/<int:pk>/", views.record, name="record"),
    path("seuranta/", views.overview, name="overview"),
    path("seuranta/vienti/<slug:table>/", views.overview_export, name="overview_export"),
    path("ajallaan/", views.on_time, name="on_time"),
    path("ajallaan/vienti/", views.on_time_export, name="on_time_export"),
]
