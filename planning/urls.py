from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("", views.capacity, name="capacity"),
    path("tyomaara/", views.workload, name="workload"),
    path("skenaariot/", views.scenario_list, name="scenarios"),
    path("skenaariot/<int:pk>/", views.scenario, name="scenario"),
    path("vienti/<slug:table>/", views.export, name="export"),
]
