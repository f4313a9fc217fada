from django.urls import path

from plan_document import views

app_name = "plan_document"

urlpatterns = [
    path("", views.index, name="index"),
    path("esikatselu/", views.preview, name="preview"),
    path("luo/", views.generate, name="generate"),
    path("tekstit/<int:section>/", views.edit, name="edit"),
]
