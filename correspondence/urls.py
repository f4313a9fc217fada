from django.urls import path

from correspondence import views

app_name = "correspondence"

urlpatterns = [
    path("tapaaminen/<int:pk>/kutsu/", views.invitation, name="invitation"),
    path("tapaaminen/<int:pk>/kutsu.docx", views.invitation_document, name="invitation_document"),
    path("asiakas/<int:pk>/suunnitelma/", views.plan_letter, name="plan"),
    path("asiakas/<int:pk>/suunnitelma.docx", views.plan_document, name="plan_document"),
]
