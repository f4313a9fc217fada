from django.urls import path

from planning import change_views, phone_views, views

app_name = "planning"

urlpatterns = [
    path("", views.capacity, name="capacity"),
    path("tyomaara/", views.workload, name="workload"),
    path("skenaariot/", views.scenario_list, name="scenarios"),
    path("skenaariot/<int:pk>/", views.scenario, name="scenario"),
    path("vienti/<slug:table>/", views.export, name="export"),
    path("puhelinpalvelu/", phone_views.phone, name="phone"),
    path("puhelinpalvelu/vuorolista/", phone_views.phone_rota, name="phone_rota"),
    path("puhelinpalvelu/vienti/<slug:table>/", phone_views.phone_export, name="phone_export"),
    path("muutostilanteet/", change_views.situations, name="change_situations"),
    path("muutostilanteet/<int:pk>/", change_views.situation, name="change_situation"),
    path("muutostilanteet/vienti/<slug:table>/", change_views.export, name="change_export"),
    path("muutosturva/", change_views.change_security, name="change_security"),
    path("muutosturva/merkitse/<int:jobseeker>/", change_views.flag, name="change_security_flag"),
]
