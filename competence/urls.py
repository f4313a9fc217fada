from django.urls import path

from competence import views

app_name = "competence"

urlpatterns = [
    path("", views.heat_map, name="heat_map"),
    path("kysely/", views.survey, name="survey"),
    path("vastaajat/", views.respondents, name="respondents"),
    path("vastaajat/<int:pk>/", views.respondent, name="respondent"),
    path("tuonti/", views.import_answers, name="import"),
    path("vienti/<slug:table>/", views.export, name="export"),
]
