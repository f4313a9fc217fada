from django.urls import path

from www import views

app_name = "www"

urlpatterns = [
    path("", views.home, name="home"),
    path("terveys/", views.health, name="health"),
]
