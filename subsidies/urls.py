from django.urls import path

from subsidies import views

app_name = "subsidies"

urlpatterns = [
    path("laskuri/", views.calculator_page, name="calculator"),
    path("hakemukset/", views.queue, name="queue"),
    path("hakemukset/vienti/", views.queue_export, name="queue_export"),
    path("hakemukset/uusi/<int:pk>/", views.new_application, name="new"),
    path("hakemukset/<int:pk>/", views.application, name="application"),
    path("hakemukset/<int:pk>/toimenpide/<slug:action>/", views.step, name="step"),
    path("hakemukset/<int:pk>/paatos/<int:decision_pk>/", views.decision_document, name="decision_document"),
    path("paatettavat/", views.awaiting_decision, name="awaiting_decision"),
    path("tyoryhma/", views.working_group, name="working_group"),
]
