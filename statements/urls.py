from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.statement_list, name="list"),
    path("vienti/", views.export, name="export"),
    path("uusi/<int:jobseeker_pk>/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/kuuleminen/", views.hearing, name="hearing"),
    path("<int:pk>/selvitys/", views.reply, name="reply"),
    path("<int:pk>/esitys/", views.propose, name="propose"),
    path("<int:pk>/ratkaisu/", views.decide, name="decide"),
    path("<int:pk>/asiakirja/", views.document, name="document"),
]
