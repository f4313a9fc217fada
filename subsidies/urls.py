from django.urls import path

from subsidies import payment_views, report_views, views

app_name = "subsidies"

urlpatterns = [
    path("laskuri/", views.calculator_page, name="calculator"),
    path("hakemukset/", views.queue, name="queue"),
    path("hakemukset/vienti/", views.queue_export, name="queue_export"),
    path("hakemukset/uusi/<int:pk>/", views.new_application, name="new"),
    path("hakemukset/<int:pk>/", views.application, name="application"),
    path("hakemukset/<int:pk>/toimenpide/<slug:action>/", views.step, name="step"),
    path("hakemukset/<int:pk>/paatos/<int:decision_pk>/", views.decision_document, name="decision_document"),
    path("hakemukset/<int:pk>/paatos/<int:decision_pk>/html/", views.decision_html, name="decision_html"),
    path("hakemukset/<int:pk>/liitteet/", views.attachment_upload, name="attachment_upload"),
    path("hakemukset/<int:pk>/liitteet/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("hakemukset/<int:pk>/liitteet/<int:attachment_pk>/poista/", views.attachment_delete, name="attachment_delete"),
    path("paatettavat/", views.awaiting_decision, name="awaiting_decision"),
    path("tyoryhma/", views.working_group, name="working_group"),
    path("maksatus/", payment_views.payments_page, name="payments"),
    path("maksatus/paatos/<int:decision_pk>/uusi/", payment_views.payment_new, name="payment_new"),
    path("maksatus/<int:pk>/", payment_views.payment, name="payment"),
    path("maksatus/<int:pk>/<slug:action>/", payment_views.payment_step, name="payment_step"),
    path("maksatus/aineistot/uusi/", payment_views.export_create, name="payment_export_create"),
    path("maksatus/aineistot/<int:pk>/", payment_views.export_download, name="payment_export"),
    path("raportit/", report_views.reports_page, name="reports"),
    path("raportit/<slug:table>/", report_views.report_export, name="report_export"),
]
